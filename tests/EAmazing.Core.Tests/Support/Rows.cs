using EAmazing.Sources.Rees46;

namespace EAmazing.Core.Tests.Support;

/// <summary>REES46 lines for tests: a good row, and the real sample's path.</summary>
public static class Rows
{
    public const string Header = Rees46Format.Header;

    public const string Good = "2019-10-01 00:00:00 UTC,view,44600062,2103807459595387724,,shiseido,35.79,541312140,72d76fde-8bb3-4e00-8c23-a032dfed738c";

    public const string OtherGood = "2019-10-01 00:00:01 UTC,cart,3900821,2053013552326770905,appliances.environment.water_heater,aqua,33.20,554748717,9333dfbd-b87a-4708-9857-6336556b0fcc";

    /// <summary>The 17,434 real rows, found by walking up from the test binary to the repository.</summary>
    public static string RealSample
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "samples", "rees46", "2019-Oct-head.csv.gz")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? throw new FileNotFoundException("repository root with samples/ not found"), "samples", "rees46", "2019-Oct-head.csv.gz");
        }
    }

    /// <summary>The real rows as plain text (2.3 MB), for tests that need a file larger than the reader's buffers or the ingest's samples.</summary>
    public static byte[] RealSampleText()
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(RealSample), System.IO.Compression.CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }
}
