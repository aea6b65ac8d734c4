namespace EAmazing.Foundation.Configuration;

/// <summary>Settings shared by every command, bound from the <c>EAmazing</c> configuration section.</summary>
public sealed class PlatformOptions
{
    public const string SectionName = "EAmazing";

    /// <summary>Root folder of the lake (bronze, silver, quarantine, gold, catalog).</summary>
    public string Lake { get; set; } = "lake";

    /// <summary>Where <c>generate</c> and <c>demo</c> write generated monthly files.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The model registry: one folder per model name, one per version.</summary>
    public string Models { get; set; } = "models";

    /// <summary>Pseudonym key file, used when EAMAZING_PSEUDONYM_KEY is not set (default: ~/.config/eamazing/pseudonym.key).</summary>
    public string? PseudonymKeyFile { get; set; }

    /// <summary>How long a command waits while another process (a command, the dashboard) holds the lake, before it gives up.</summary>
    public int LakeLockWaitSeconds { get; set; } = 30;
}
