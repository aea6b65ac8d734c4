using EAmazing.Foundation.Configuration;
using Microsoft.Extensions.Configuration;

namespace EAmazing.Cli;

/// <summary>
/// Configuration for one CLI run: <c>appsettings.json</c> beside the binary, then environment
/// variables (<c>EAMAZING__LAKE</c> …), then command-line options, later sources winning.
/// </summary>
public sealed class CliSettings
{
    private CliSettings(IConfiguration configuration, PlatformOptions platform)
    {
        Configuration = configuration;
        Platform = platform;
    }

    public IConfiguration Configuration { get; }

    public PlatformOptions Platform { get; }

    public static CliSettings Load(string? lakeOverride = null)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables(prefix: "EAMAZING__")
            .Build();

        var platform = new PlatformOptions();
        configuration.GetSection(PlatformOptions.SectionName).Bind(platform);
        // Environment variables arrive without the section prefix (EAMAZING__LAKE → Lake).
        configuration.Bind(platform);
        if (!string.IsNullOrWhiteSpace(lakeOverride))
        {
            platform.Lake = lakeOverride;
        }

        return new CliSettings(configuration, platform);
    }
}
