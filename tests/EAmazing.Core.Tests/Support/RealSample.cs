namespace EAmazing.Core.Tests.Support;

/// <summary>The 17,434 real REES46 rows shipped in <c>samples/rees46</c>.</summary>
public static class RealSample
{
    public const int Rows = 17_434;

    public static string Path
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "samples", "rees46", "2019-Oct-head.csv.gz");
                if (File.Exists(candidate))
                {
                    return candidate;
                }

                dir = dir.Parent;
            }

            throw new FileNotFoundException("samples/rees46/2019-Oct-head.csv.gz not found above " + AppContext.BaseDirectory);
        }
    }
}
