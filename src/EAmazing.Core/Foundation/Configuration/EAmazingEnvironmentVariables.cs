using System.Collections;
using Microsoft.Extensions.Configuration;

namespace EAmazing.Foundation.Configuration;

/// <summary>
/// The <c>EAMAZING__…</c> environment variables as configuration, under the <c>EAmazing</c> section:
/// <c>EAMAZING__INGEST__SESSIONGAP</c> is <c>EAmazing:Ingest:SessionGap</c>, the key <c>appsettings.json</c> uses
/// (keys are case-insensitive), so every options type binds its one section and both sources reach it.
/// </summary>
/// <remarks>
/// Why not the stock provider: with <c>prefix: "EAMAZING__"</c> it strips the section (the variable became
/// <c>Ingest:SessionGap</c>), which every options type then had to bind twice; without a prefix it maps the same
/// way as this source but copies the whole environment into configuration, <c>EAMAZING_PSEUDONYM_KEY</c> included.
/// This source takes only the documented variables, and takes a fake environment in tests.
/// </remarks>
public static class EAmazingEnvironmentVariables
{
    public const string Prefix = "EAMAZING__";

    /// <summary>Adds the <c>EAMAZING__…</c> variables of <paramref name="environment"/> (default: this process's).</summary>
    public static IConfigurationBuilder AddEAmazingEnvironmentVariables(this IConfigurationBuilder builder, IDictionary? environment = null) =>
        builder.Add(new Source(environment));

    /// <summary>The configuration key of a variable, or null when the variable is not one of ours.</summary>
    public static string? KeyOf(string variable) =>
        variable.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && variable.Length > Prefix.Length
            ? PlatformOptions.SectionName + ConfigurationPath.KeyDelimiter + variable[Prefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)
            : null;

    /// <summary>The variable that sets a configuration key (<c>EAmazing:Ingest:SessionGap</c> → <c>EAMAZING__INGEST__SESSIONGAP</c>).</summary>
    public static string VariableOf(string key) => key.Replace(ConfigurationPath.KeyDelimiter, "__", StringComparison.Ordinal).ToUpperInvariant();

    private sealed class Source(IDictionary? environment) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(environment);
    }

    private sealed class Provider(IDictionary? environment) : ConfigurationProvider
    {
        public override void Load()
        {
            var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in environment ?? Environment.GetEnvironmentVariables())
            {
                if (entry.Key is string variable && KeyOf(variable) is { } key)
                {
                    data[key] = entry.Value as string;
                }
            }

            Data = data;
        }
    }
}
