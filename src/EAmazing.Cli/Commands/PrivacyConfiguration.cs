using EAmazing.Privacy;
using Microsoft.Extensions.Configuration;

namespace EAmazing.Cli.Commands;

/// <summary>The <c>EAmazing:Privacy</c> settings of a CLI run (env <c>EAMAZING__PRIVACY__RETENTIONMONTHS</c> …).</summary>
public static class PrivacyConfiguration
{
    public static PrivacyOptions Load(CliSettings settings)
    {
        var options = new PrivacyOptions();
        settings.Configuration.GetSection(PrivacyOptions.SectionName).Bind(options);
        // Environment variables arrive without the EAmazing prefix (EAMAZING__PRIVACY__MINGROUPSIZE → Privacy:MinGroupSize).
        settings.Configuration.GetSection("Privacy").Bind(options);
        return options;
    }
}
