using System.Text;
using EAmazing.Core.Tests.Support;

namespace EAmazing.Core.Tests.Privacy;

public sealed class KeyNeverInTheLakeTests
{
    [Fact]
    public void Neither_the_key_nor_a_raw_real_user_id_appears_in_any_file_of_the_lake()
    {
        using var lake = new TestLake();
        lake.Ingest(Rows.RealSample);
        lake.Engine.Dispose();
        var key = TestLake.Key.ToHex();
        var rawUsers = EAmazing.Sources.Rees46.Rees46FileReader.ReadEvents(Rows.RealSample).Select(e => e.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Distinct().Take(500).ToList();

        foreach (var file in Directory.EnumerateFiles(lake.Root, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.True(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(key)) < 0, $"key hex in {file}");
            Assert.True(bytes.AsSpan().IndexOf(Convert.FromHexString(key)) < 0, $"key bytes in {file}");
            Assert.DoesNotContain(rawUsers, id => bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(id)) >= 0);
        }

        lake.Reopen();
    }
}
