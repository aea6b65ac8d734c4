using System.Globalization;
using System.Text.RegularExpressions;
using EAmazing.Sources.Synthetic;
using EAmazing.Sources.Rees46;
using EAmazing.Core.Tests.Support;

namespace EAmazing.Core.Tests.Sources.Synthetic;

public sealed partial class GeneratedFormatTests(TinyDataset tiny) : IClassFixture<TinyDataset>
{
    [Fact]
    public void Generated_Rows_Parse_With_The_Same_Reader_As_The_Real_Rows()
    {
        // Given the real head file and a generated file, when both are read by the same strict reader
        var real = Rees46FileReader.ReadEvents(RealSample.Path).ToList();
        var generated = Rees46FileReader.ReadEvents(Path.Combine(tiny.Directory, "2019-Oct.csv.gz")).ToList();

        // Then every row of both parses, and the counts match what was written
        Assert.Equal(RealSample.Rows, real.Count);
        Assert.Equal(tiny.Summary.Events, generated.Count);
        Assert.All(generated, e => Assert.Equal(2019, e.EventTime.Year));
    }

    [Fact]
    public void Lines_Follow_The_Published_Format()
    {
        using var text = Rees46FileReader.OpenText(Path.Combine(tiny.Directory, "2019-Oct.csv.gz"));
        Assert.Equal(Rees46Format.Header, text.ReadLine());
        var previous = DateTime.MinValue;
        var lines = 0;
        while (text.ReadLine() is { } line)
        {
            lines++;
            Assert.Matches(LinePattern(), line);
            var time = DateTime.ParseExact(line[..23], Rees46Format.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            Assert.True(time >= previous, $"line {lines + 1} is out of time order");
            previous = time;
        }

        Assert.Equal(tiny.Summary.Events, lines);
    }

    [Fact]
    public void Files_Are_Named_Like_The_Published_Ones()
    {
        Assert.Equal("2019-Oct.csv.gz", Rees46Format.MonthFileName(2019, 10, gzip: true));
        Assert.Equal("2020-Apr.csv", Rees46Format.MonthFileName(2020, 4, gzip: false));
        Assert.True(File.Exists(Path.Combine(tiny.Directory, "2019-Oct.csv.gz")));
    }

    [Fact]
    public void Plain_Csv_Output_Is_The_Same_Content_As_Gzip()
    {
        using var plain = new TempFolder();
        new DatasetGenerator(tiny.Options with { OutputDirectory = plain.Path, Gzip = false }).Run();

        using var gz = Rees46FileReader.OpenText(Path.Combine(tiny.Directory, "2019-Oct.csv.gz"));
        Assert.Equal(gz.ReadToEnd(), File.ReadAllText(plain.File("2019-Oct.csv")));
    }

    // time, type, product id, 19-digit category id, dotted code or empty, brand or empty, price with 2 decimals, user id, UUID v4
    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC,(view|cart|purchase),\d{7,9},\d{19},([a-z_]+(\.[a-z_]+)*)?,[a-z0-9\-]*,\d+\.\d\d,\d{9},[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex LinePattern();
}
