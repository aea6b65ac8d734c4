using System.Globalization;
using EAmazing.Features;
using EAmazing.Foundation.Statistics;
using EAmazing.Models.Business;
using EAmazing.Models.Data;
using EAmazing.Models.Families;
using EAmazing.Models.Registry;
using EAmazing.Privacy.Purposes;

namespace EAmazing.Cli.Tests.BusinessModels.LongSessions;

/// <summary>
/// A minimal business model of another task kind (detection), written only against the seam: it flags sessions
/// longer than a quantile of the training window's session lengths. It exists to show that the CLI, the registry
/// and drift monitoring handle a new business model with no change outside its own folder.
/// </summary>
public sealed class LongSessionDetector : IBusinessModel
{
    public const string RegistryName = "long-sessions";

    public static readonly ModelParameter Quantile = new("quantile", "Share of training sessions below the flagging threshold", "0.95");

    private static readonly string[] FeatureColumns = ["events", "views", "distinct_items", "duration_seconds"];

    public string Name => "long-sessions";

    public string Description => "Detection: sessions far longer than usual";

    public TaskKind Kind => TaskKind.Detection;

    public IReadOnlyList<GoldTable> Inputs { get; } = [GoldTables.Sessions];

    public ProcessingPurpose Purpose => ProcessingPurposes.Analytics;

    public IReadOnlyList<string> RegistryNames { get; } = [RegistryName];

    public IReadOnlyList<ModelParameter> Parameters { get; } = [Quantile];

    public DemoRun Demo { get; } = new(new Dictionary<string, string>(), RegistryName);

    public IModelEvaluator Evaluator { get; } = new DetectionEvaluator();

    public TrainingOutcome Train(TrainingContext context, TrainingSettings settings, IProgress<string>? progress = null)
    {
        var quantile = double.Parse(settings.Parameter(Quantile), CultureInfo.InvariantCulture);
        if (quantile is <= 0 or >= 1)
        {
            throw new ArgumentException($"--quantile {quantile} must be between 0 and 1");
        }

        var table = GoldTables.Sessions;
        var result = context.Lake.Query($"SELECT {GoldTable.AsOfColumn}, {string.Join(", ", FeatureColumns)} FROM {table.ViewName} ORDER BY {GoldTable.AsOfColumn}, session_key");
        var times = result.Rows.Select(r => (DateTime)r[0]!).ToArray();
        var rows = result.Rows.Select(r => FeatureColumns.Select((_, i) => Convert.ToSingle(r[i + 1], CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var split = times[times.Length / 2];
        var train = Enumerable.Range(0, rows.Length).Where(i => times[i] < split).ToArray();
        var test = Enumerable.Range(0, rows.Length).Where(i => times[i] >= split).ToArray();
        if (train.Length == 0 || test.Length == 0)
        {
            throw new InvalidOperationException("too few sessions for a train and a test window");
        }

        var lengths = train.Select(i => rows[i][0]).Order().ToArray();
        var threshold = lengths[(int)Math.Min(lengths.Length - 1, Math.Floor(quantile * lengths.Length))];
        var flags = rows.Select(r => r[0] > threshold).ToArray();
        var data = new TabularDataset(FeatureColumns, rows, flags, times);
        var model = ModelFamilyCatalog.Find("prior").Train(data.Where(i => times[i] < split), data.Where(i => times[i] >= split), new Dictionary<string, string>(), settings.Seed);
        var flagRate = Bootstrap.Interval(test.Select(i => new ScoredExample(flags[i] ? 1 : 0, flags[i])).ToArray(),
            s => s.Count(e => e.Label) / (double)s.Count, 200, settings.Seed);

        var card = context.Registry.Register(RegistryName, folder => model.Save(folder), (version, file) => new ModelCard
        {
            Name = RegistryName,
            Version = version,
            Kind = Kind,
            Task = $"flag sessions with more than {threshold} events (training quantile {quantile})",
            GoldInputs = [table.Name],
            Family = model.Family,
            Hyperparameters = new Dictionary<string, string> { ["threshold"] = threshold.ToString(CultureInfo.InvariantCulture) },
            Features = FeatureColumns,
            ModelFile = file,
            CreatedAt = DateTime.UtcNow,
            Data = new DataWindow(times[0], split, split, times[^1].AddSeconds(1), train.Length, 0, test.Length, train.Count(i => flags[i]) / (double)train.Length, []),
            Estimates = [new NamedEstimate("flag_rate", flagRate, HigherIsBetter: false)],
            PrimaryMetric = "flag_rate",
            Baselines = new Dictionary<string, double> { ["flag every session"] = 1.0 },
            LeakageAudit = new LeakageAuditSummary(true, "a threshold on training sessions only"),
            Alarms = [],
            Seed = settings.Seed,
            CodeVersion = "test",
            TrainingSeconds = 0,
        });
        return new TrainingOutcome(card, new ComparisonTable(["threshold", "test flag rate"], [[threshold.ToString(CultureInfo.InvariantCulture), flagRate.ToString()]]),
            [new TrainingNote($"{test.Length} test sessions")], $"sessions train {train.Length}, test {test.Length}");
    }

    /// <summary>The detection kind's gate on top of the common ones: flags stay rare enough to act on.</summary>
    private sealed class DetectionEvaluator : IModelEvaluator
    {
        public const string Gate = "detection gate: the test window flags at most 20% of sessions";

        public IReadOnlyList<string> Metrics => ["flag_rate"];

        public PromotionDecision Evaluate(ModelCard candidate) =>
            PromotionDecision.Evaluate(candidate).With(candidate.Primary?.Value.Estimate <= 0.2, Gate);
    }
}
