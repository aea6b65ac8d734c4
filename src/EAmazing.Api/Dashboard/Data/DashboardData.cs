using System.Data.Common;
using EAmazing.Api.Configuration;
using EAmazing.BusinessModels;
using EAmazing.Features;
using EAmazing.Governance.Audit;
using EAmazing.Governance.Erasure;
using EAmazing.Governance.Register;
using EAmazing.Lake;
using EAmazing.Models.Registry;
using EAmazing.Privacy;
using Microsoft.Extensions.Options;

namespace EAmazing.Api.Dashboard.Data;

/// <summary>
/// Every figure the pages show, read through the same library calls as the CLI (lake status, the registry's cards,
/// the processing register, the erasure log, the audit trail, each model's insights) and cached per version of
/// what it was read from, so a page costs a read of the lake only after the lake, the registry or the trail changed.
/// </summary>
public sealed class DashboardData(ServingPaths paths, ILakeEngines engines, BusinessModelCatalog catalog, IOptions<PrivacyOptions> privacy, ILogger<DashboardData> logger)
{
    private readonly VersionedCache<LakeSnapshot> _lake = new();
    private readonly VersionedCache<ModelsSnapshot> _models = new();
    private readonly VersionedCache<AuditSnapshot> _audit = new(TimeSpan.FromSeconds(10));
    private readonly Dictionary<string, VersionedCache<IReadOnlyList<InsightSection>>> _insights =
        catalog.All.ToDictionary(m => m.Name, _ => new VersionedCache<IReadOnlyList<InsightSection>>());

    private volatile string? _warmedAt;

    public int MinGroupSize => privacy.Value.MinGroupSize;

    public BusinessModelCatalog Catalog => catalog;

    public ModelRegistry Registry { get; } = new(paths.Models);

    private LakeLayout Layout => LakeLayout.At(paths.Lake);

    /// <summary>The catalog snapshot each lake change rewrites (what the pages read), not the catalog a command holds.</summary>
    private string LakeVersion => SourceVersion.Of([Layout.CatalogSnapshot]);

    public Task<LakeSnapshot> LakeAsync() => _lake.GetAsync(() => LakeVersion, ReadLake, keep: l => l.Problem is null);

    public Task<ModelsSnapshot> ModelsAsync() => _models.GetAsync(() => SourceVersion.OfRegistry(Registry.Root), () => ModelsSnapshot.Read(catalog, Registry));

    public Task<AuditSnapshot> AuditAsync()
    {
        var trail = new AuditTrail(paths.AuditLog);
        return _audit.GetAsync(() => SourceVersion.Of([trail.Path]), () => AuditSnapshot.Read(trail));
    }

    /// <summary>The versions every cached figure is keyed on (lake catalog snapshot and registry cards).</summary>
    public string Version => LakeVersion + "#" + SourceVersion.OfRegistry(Registry.Root);

    /// <summary>Whether what is cached was read at this version.</summary>
    public bool IsCurrent(string version) => _warmedAt == version;

    /// <summary>Reads every page's data into the caches (what a first visit would otherwise wait for).</summary>
    public async Task WarmAsync()
    {
        var version = Version;
        await LakeAsync();
        await ModelsAsync();
        await AuditAsync();
        foreach (var model in catalog.All)
        {
            await InsightsAsync(model);
        }

        // The version seen before the reads: a change during them is read on the next round.
        _warmedAt = version;
    }

    /// <summary>A business model's own sections (segment sizes, value distribution…), or none when it declares none.</summary>
    public Task<IReadOnlyList<InsightSection>> InsightsAsync(IBusinessModel model)
    {
        if (model.Insights is not { } insights)
        {
            return Task.FromResult<IReadOnlyList<InsightSection>>([]);
        }

        // Insights read gold files (the catalog snapshot records each write) and champions (the registry): both versions key the cache.
        return _insights[model.Name].GetAsync(() => LakeVersion + "#" + SourceVersion.OfRegistry(Registry.Root), () =>
        {
            try
            {
                using var scratch = engines.OpenScratch();
                return insights.Read(new InsightContext(scratch, Layout, Registry, MinGroupSize));
            }
            catch (Exception e) when (e is DbException or IOException)
            {
                logger.LogWarning("dashboard: cannot read {Model}'s insights: {Problem}", model.Name, e.Message);
                return [new InsightSection("Not readable", $"The lake's files for this model could not be read ({e.GetType().Name}); run ./eamazing lake verify.", [], [])];
            }
        });
    }

    private LakeSnapshot ReadLake()
    {
        var root = Layout.Root;
        if (!File.Exists(Layout.Catalog))
        {
            return LakeSnapshot.Missing(root, $"No lake at {root} yet: run ./eamazing demo, or ./eamazing generate then ./eamazing ingest (or serve with --lake DIR).");
        }

        if (!File.Exists(Layout.CatalogSnapshot))
        {
            return LakeSnapshot.Missing(root, $"The lake at {root} has no catalog snapshot yet (it was made by an earlier version): run ./eamazing lake status once, then reload.");
        }

        try
        {
            // The committed state from the catalog snapshot, never the catalog itself: a command never waits for a page.
            using var lake = engines.OpenCommitted(root, "512MB");
            var status = LakeStatus.Of(lake);
            // The committed files themselves (as LakeHistory reads silver): no view needs refreshing on this short opening.
            var quarantine = Files(status, LakeLayer.Quarantine) is { Count: > 0 } quarantined
                ? lake.Compute($"SELECT source_name, reason, count(*) FROM {LakeSql.ReadParquet(quarantined)} GROUP BY ALL ORDER BY 1, 3 DESC, 2").Rows
                    .Select(r => new QuarantineCount(Path.GetFileName((string?)r[0] ?? "?"), (string?)r[1] ?? "?", Convert.ToInt64(r[2], System.Globalization.CultureInfo.InvariantCulture)))
                    .ToList()
                : [];
            var latest = Files(status, LakeLayer.Silver) is { Count: > 0 } silver
                ? lake.Compute($"SELECT max(event_time) FROM {LakeSql.ReadParquet(silver)}").Rows.FirstOrDefault()?[0] as DateTime?
                : null;
            return new LakeSnapshot(root, null, status, new GoldCatalog(lake).Partitions(), quarantine, latest,
                new ProcessingRegister(lake, privacy.Value).Tables(), ErasureLogEntry.Read(lake));
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            logger.LogWarning("dashboard: cannot read the lake at {Lake}: {Problem}", root, e.Message);
            return LakeSnapshot.Missing(root, $"The lake at {root} cannot be read now ({e.Message}); reload, or run ./eamazing lake verify.");
        }
    }

    private static List<string> Files(LakeStatus status, string layer) =>
        status.Partitions.Where(p => p.Layer == layer).Select(p => Path.Combine(status.Root, p.Path)).Where(File.Exists).ToList();
}
