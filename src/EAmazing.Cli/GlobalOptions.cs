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

    public static readonly Option<string?> Models = new("--models")
    {
        Description = "Model registry folder (default from configuration: EAmazing:Models, env EAMAZING__MODELS)",
        Recursive = true,
    };
}
