using System.Diagnostics;
using System.Globalization;
using EAmazing.BusinessModels.Segmentation.Clustering;
using EAmazing.BusinessModels.Segmentation.Features;
using EAmazing.BusinessModels.Segmentation.Reporting;
using EAmazing.BusinessModels.Segmentation.Scoring;
using EAmazing.BusinessModels.Segmentation.Selection;
using EAmazing.Features;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;
using EAmazing.Privacy.Purposes;

namespace EAmazing.BusinessModels.Segmentation;

/// <summary>
/// Customer segmentation: who are our customers? Clustering families side by side on one weekly snapshot of
/// <c>gold_user_snapshots</c>, k and family chosen by bootstrap stability, segments profiled for the business,
/// kept under the same identity across retrains.
/// </summary>
public sealed class SegmentationModel : IBusinessModel
{
    public const string RegistryName = "customer-segments";

    public static readonly ModelParameter AsOf = new("as-of", "Cluster the latest weekly snapshot at or before this day, yyyy-MM-dd (default: the latest)", "");

    public static readonly ModelParameter KRange = new("k", "Numbers of segments to compare, e.g. 2..10 or 4", "2..10");

    public static readonly ModelParameter Columns = new("columns", "Comma-separated gold_user_snapshots columns to cluster on", string.Join(",", SegmentColumns.Default));

    public static readonly ModelParameter FitSample = new("fit-sample", "Users every family is fitted on (a seeded sample; all users are then assigned)", "5000");

    public static readonly ModelParameter MigrationFrom = new("migration-from", "Show who moved where since the snapshot at or before this day, yyyy-MM-dd (default: the snapshot before the training one)", "");

    public static readonly ModelParameter Resamples = new("resamples", "Bootstrap resamples for segment stability", "20");

    public string Name => "segments";

    public string Description => "Customer segmentation: clustering families and k compared on a weekly snapshot, chosen by stability, profiled, with report and registry version";

    public TaskKind Kind => TaskKind.Clustering;

    public IReadOnlyList<GoldTable> Inputs { get; } = [GoldTables.UserSnapshots];

    public ProcessingPurpose Purpose => SegmentationPurpose.Purpose;

    public IReadOnlyList<string> RegistryNames { get; } = [RegistryName];

    public IReadOnlyList<ModelParameter> Parameters { get; } = [AsOf, KRange, Columns, FitSample, Resamples, MigrationFrom];

    public IReadOnlyList<string> Families => ClusteringFamilies.Names;

    // The demo compares k = 2..6 with 10 resamples (about a quarter of the default work); `train segments` keeps 2..10 and 20.
    public DemoRun Demo { get; } = new(new Dictionary<string, string> { [KRange.Name] = "2..6", [Resamples.Name] = "10" }, RegistryName);

    public IModelEvaluator Evaluator => ClusteringEvaluator.Instance;

    public IBatchScorer? BatchScorer { get; } = new SegmentBatchScorer();

    public IModelInsights? Insights { get; } = new SegmentInsights();

    public TrainingOutcome Train(TrainingContext context, TrainingSettings settings, IProgress<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var options = Options(settings, context.MinGroupSize);
        var champion = context.Registry.Champion(RegistryName);
        var previous = champion is null ? null : SegmentationArtifact.Read(context.Registry.VersionFolder(RegistryName, champion.Version));
        var result = SegmentationTraining.Run(context.Lake, options, context.Pseudonymiser, previous, progress);
        var sources = context.Lake.Query($"SELECT DISTINCT path || '@' || fingerprint FROM gold_partitions WHERE table_name = '{GoldTables.UserSnapshots.Name}' ORDER BY 1")
            .Rows.Select(r => r[0]?.ToString() ?? string.Empty).ToList();
        var card = SegmentationRecorder.Record(context.Registry, RegistryName, result, options, sources, clock.Elapsed);
        var notes = new List<TrainingNote> { new($"rule: {SelectionRule.Text}") };
        notes.AddRange(result.Alarms.Select(a => new TrainingNote(a, IsAlarm: true)));
        if (result.Migration is { } migration)
        {
            notes.Add(new TrainingNote($"migration {migration.From:yyyy-MM-dd} → {migration.To:yyyy-MM-dd}: {migration.Stayed:P1} of the users in both snapshots kept their segment"));
        }

        notes.AddRange(result.Profiles.Select(p => new TrainingNote(p.People < options.MinGroupSize
            ? $"segment {p.SegmentId}: <{options.MinGroupSize} people"
            : $"segment {p.SegmentId} \"{p.Name}\": {p.People:N0} people, {p.RevenueShare:P1} of revenue, buyers {p.BuyerShare:P0}, {p.PriceBand}, {p.TopCategories}; brands {(p.TopBrands.Length == 0 ? "-" : p.TopBrands)}")));
        var comparison = new ComparisonTable(SegmentationReport.Header, [.. SegmentationReport.Rows(result).Select(r => (IReadOnlyList<string>)[.. r.Cells.Select((c, i) => i == 0 && r.Chosen ? c + " *" : c)])]);
        return new TrainingOutcome(card, comparison, notes, $"{result.Chosen.Family} k = {result.Chosen.K}, min stability {result.Chosen.MinStability:0.000}");
    }

    /// <exception cref="ArgumentException">A parameter is not valid.</exception>
    public static SegmentationOptions Options(TrainingSettings settings, int minGroupSize)
    {
        var asOf = Day(settings, AsOf);

        var (kMin, kMax) = ParseRange(settings.Parameter(KRange));
        return new SegmentationOptions
        {
            AsOf = asOf,
            KMin = kMin,
            KMax = kMax,
            Families = settings.Families?.Select(ClusteringFamilies.Find).ToList() ?? ClusteringFamilies.All,
            Columns = SegmentColumns.Parse(settings.Parameter(Columns)),
            Seed = settings.Seed,
            FitSample = Positive(settings, FitSample),
            StabilityResamples = Positive(settings, Resamples),
            TruthFolder = settings.TruthFolder,
            MinGroupSize = minGroupSize,
            MigrationFrom = Day(settings, MigrationFrom),
        };
    }

    private static DateOnly? Day(TrainingSettings settings, ModelParameter parameter)
    {
        var text = settings.Parameter(parameter);
        if (text.Length == 0)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new ArgumentException($"--{parameter.Name} '{text}' is not a date like 2019-11-25");
    }

    /// <summary>"2..10" or "4".</summary>
    public static (int Min, int Max) ParseRange(string text)
    {
        var parts = text.Split("..", 2);
        if (int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            && int.TryParse(parts.Length == 2 ? parts[1] : parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var high)
            && low >= 2 && high >= low && high <= 50)
        {
            return (low, high);
        }

        throw new ArgumentException($"--k '{text}' is not a range like 2..10 or a single k, with 2 <= k <= 50");
    }

    private static int Positive(TrainingSettings settings, ModelParameter parameter)
    {
        var text = settings.Parameter(parameter);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"--{parameter.Name} '{text}' is not a positive whole number");
    }
}
