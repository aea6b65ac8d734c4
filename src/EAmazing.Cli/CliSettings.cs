using System.Collections;
using EAmazing.Api.Configuration;
using EAmazing.Features;
using EAmazing.Features.Leakage;
using EAmazing.Foundation.Configuration;
using EAmazing.Ingestion;
using EAmazing.Models.Business;
using EAmazing.Models.Evaluation;
using EAmazing.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EAmazing.Cli;

/// <summary>
/// Configuration for one CLI run: <c>appsettings.json</c> beside the binary, then the <c>EAMAZING__…</c> environment
/// variables (<c>EAMAZING__INGEST__SESSIONGAP</c> is <c>EAmazing:Ingest:SessionGap</c>), then the command line
/// (<c>--lake</c>), later sources winning. Every options type is bound once (<see cref="CliServices"/>); ask for one
/// with <see cref="Get{T}"/> or its property. A command applies its own options (<c>--session-gap</c> …) on top.
/// </summary>
/// <remarks>
/// Each options type is bound and validated when first asked for, so a bad serving setting does not stop
/// <c>ingest</c>; <see cref="Platform"/>, which every command uses, is checked in <see cref="Load(string?)"/>. A value
/// that does not convert or fails its checks throws <see cref="CliSettingsException"/>: exit code 2, one line.
/// </remarks>
public sealed class CliSettings
{
    private readonly IServiceProvider _services;

    private CliSettings(IConfiguration configuration, IServiceProvider services)
    {
        Configuration = configuration;
        _services = services;
    }

    public IConfiguration Configuration { get; }

    /// <summary><c>EAmazing</c>: lake, data, registry, reports, key file. One instance per run: a command may set <c>Models</c> from <c>--models</c>.</summary>
    public PlatformOptions Platform => Get<PlatformOptions>();

    /// <summary><c>EAmazing:Ingest</c>.</summary>
    public IngestOptions Ingest => Get<IngestOptions>();

    /// <summary><c>EAmazing:Features</c>: what the gold layer builds, for <c>features</c>, training and key rotation alike.</summary>
    public FeatureOptions Features => Get<FeatureOptions>();

    /// <summary><c>EAmazing:Features:Leakage</c>: the leakage audit of <c>features audit</c> and of every training run.</summary>
    public LeakageAuditOptions LeakageAudit => Get<LeakageAuditOptions>();

    /// <summary><c>EAmazing:Privacy</c>: retention and the smallest group a report shows.</summary>
    public PrivacyOptions Privacy => Get<PrivacyOptions>();

    /// <summary><c>EAmazing:Serving</c>: the server's settings (the CLI uses the API key file).</summary>
    public ServingOptions Serving => Get<ServingOptions>();

    /// <summary><c>EAmazing:Training</c>: the lab's defaults for every business model, before <c>train</c>'s options.</summary>
    public TrainingSettings Training => Get<TrainingSettings>();

    /// <summary><c>EAmazing:Campaign</c>: the retention campaign's economics (offer cost, acceptance, kept value), before a command's options.</summary>
    public CampaignOptions Campaign => Get<CampaignOptions>();

    /// <summary>The bound and checked options of type <typeparamref name="T"/> (one of those <see cref="CliServices"/> registers).</summary>
    public T Get<T>()
        where T : class
    {
        var options = _services.GetRequiredService<IOptions<T>>();
        try
        {
            return options.Value;
        }
        catch (OptionsValidationException e)
        {
            throw new CliSettingsException(string.Join("; ", e.Failures), e);
        }
        catch (InvalidOperationException e)
        {
            // The binder's "Failed to convert configuration value at 'EAmazing:Ingest:SessionGap' to type …".
            throw new CliSettingsException(e.Message, e);
        }
    }

    public static CliSettings Load(string? lakeOverride = null) => Load(lakeOverride, environment: null);

    /// <summary>As <see cref="Load(string?)"/>, with the environment variables of <paramref name="environment"/> (tests).</summary>
    internal static CliSettings Load(string? lakeOverride, IDictionary? environment)
    {
        var commandLine = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(lakeOverride))
        {
            commandLine[PlatformOptions.SectionName + ":" + nameof(PlatformOptions.Lake)] = lakeOverride;
        }

        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEAmazingEnvironmentVariables(environment)
            .AddInMemoryCollection(commandLine)
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddCliOptions().BuildServiceProvider();
        var settings = new CliSettings(configuration, services);
        _ = settings.Platform;
        return settings;
    }
}
