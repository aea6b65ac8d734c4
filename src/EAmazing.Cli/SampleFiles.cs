namespace EAmazing.Cli;

/// <summary>Files shipped with the CLI.</summary>
public static class SampleFiles
{
    /// <summary>The 17,434 real October rows, copied beside the binary at build time.</summary>
    public static string RealHead => Path.Combine(AppContext.BaseDirectory, "samples", "rees46", "2019-Oct-head.csv.gz");
}
