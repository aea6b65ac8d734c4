using System.CommandLine;

namespace EAmazing.Cli;

/// <summary>Options every command accepts.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Lake = new("--lake")
    {
        Description = "Lake folder (default from configuration: EAmazing:Lake, env EAMAZING__LAKE)",
        Recursive = true,
    };
}
