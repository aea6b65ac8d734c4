using EAmazing.BusinessModels;

namespace EAmazing.Api.Configuration;

/// <summary>Settings of <c>eamazing serve</c>, section <c>EAmazing:Serving</c> (env <c>EAMAZING__SERVING__…</c>).</summary>
public sealed class ServingOptions
{
    public const string SectionName = "EAmazing:Serving";

    /// <summary>Models served; each must have a champion in the registry for the server to be ready. Empty: the default
    /// model of every business model served online (the catalog's scorers).
    /// (Empty by default because the configuration binder appends to a list rather than replacing it.)</summary>
    public List<string> ModelNames { get; set; } = [];

    /// <summary>The registry names to load: <see cref="ModelNames"/> when set, else each online scorer's default model.</summary>
    public IReadOnlyList<string> ServedModels(BusinessModelCatalog catalog) => ModelNames.Count == 0
        ? catalog.All.Select(m => m.Scorer?.DefaultModel).OfType<string>().Distinct().ToList()
        : ModelNames.Distinct().ToList();

    /// <summary>API key file (hashes only), outside the lake. Default: ~/.config/eamazing/api-keys.json.</summary>
    public string? ApiKeysFile { get; set; }

    /// <summary>Hash-chained audit trail of calls touching personal data. Default: the lake's, &lt;lake&gt;/audit/audit.jsonl.</summary>
    public string? AuditLog { get; set; }

    /// <summary>How often the registry is checked for a new champion (a promotion by the CLI, say).</summary>
    public double RegistryPollSeconds { get; set; } = 2;

    /// <summary>Sustained requests per second allowed per API key (token bucket).</summary>
    public int RequestsPerSecondPerKey { get; set; } = 5000;

    /// <summary>Burst allowance per API key above the sustained rate.</summary>
    public int BurstPerKey { get; set; } = 5000;

    /// <summary>Largest request body accepted; more is refused with 413.</summary>
    public long MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Most session events one prediction request may carry.</summary>
    public int MaxSessionEvents { get; set; } = 1000;

    /// <summary>Items a neural next-item champion reranks per request, proposed by co-visitation (the most popular fill
    /// the rest); 0 makes it rank the whole catalogue. Other methods always rank the whole catalogue.</summary>
    public int RecommendationCandidates { get; set; } = 200;

    /// <summary>Whether served predictions are appended to the lake's predictions table.</summary>
    public bool RecordPredictions { get; set; } = true;
}
