using System.Globalization;
using EAmazing.BusinessModels.Recommendation.Data;
using EAmazing.Features;
using EAmazing.Models.Business;
using EAmazing.Privacy.Purposes;

namespace EAmazing.BusinessModels.Recommendation;

/// <summary>
/// Next-item recommendation: given a session's events so far, rank the whole catalogue for the next item. Popularity,
/// co-visitation, sequential rules, V-SkNN and STAN (and any method added to <see cref="RecommenderCatalog"/>) are compared
/// on the last-day or the daily incremental protocol by full-catalogue ranking, beside the world's true next-item distribution.
/// </summary>
public sealed class RecommendationModel : IBusinessModel
{
    public const string RegistryName = "next-item";

    public static readonly ModelParameter Events = new("events", "Event types that make a session's sequence", "views", ["views", "all"]);

    public static readonly ModelParameter Protocol = new("protocol",
        "Evaluation protocol: last-day (train before the last day, validate on the day before, test on the last day) or daily (train on days 1..i, test on day i+1, for the final --test-days days)",
        "last-day", ["last-day", "daily"]);

    public static readonly ModelParameter TestDays = new("test-days", "Test days of the daily protocol, the data's final ones (1 to 60)", "7");

    public static readonly ModelParameter MinSupport = new("min-support", "Items with fewer training events are removed, iteratively (1 to 1000)", "5");

    public static readonly ModelParameter MaxLength = new("max-length", "Sessions are cut at this many items (2 to 1000)", "50");

    public static readonly ModelParameter WindowDays = new("window-days",
        "Read only the lake's last this many days of sessions, 0 for all (0 to 10000); training, validation and test days lie in them", "0");

    public static readonly ModelParameter EvaluatedSessions = new("evaluated-sessions",
        "At most this many sessions scored per validation or test day, a systematic sample in start order when a day has more (100 to 1000000)",
        PreparationOptions.DefaultMaxEvaluatedSessions.ToString(CultureInfo.InvariantCulture));

    public string Name => "recommender";

    public string Description => "Next-item recommendation: popularity, co-visitation, sequential rules and session kNN ranked over the full catalogue on the last day, beside the world's oracle";

    public TaskKind Kind => TaskKind.Ranking;

    public IReadOnlyList<GoldTable> Inputs { get; } = [GoldTables.Sessions];

    public ProcessingPurpose Purpose => RecommendationPurpose.Purpose;

    public IReadOnlyList<string> RegistryNames { get; } = [RegistryName];

    public IReadOnlyList<ModelParameter> Parameters { get; } = [Events, Protocol, TestDays, MinSupport, MaxLength, EvaluatedSessions, WindowDays];

    public DemoRun Demo { get; } = new(new Dictionary<string, string>(), RegistryName, TrialsPerFamily: 2);

    public IModelEvaluator Evaluator { get; } = new RecommendationEvaluator();

    public IReadOnlyList<string>? Families => RecommenderCatalog.Names;

    public TrainingOutcome Train(TrainingContext context, TrainingSettings settings, IProgress<string>? progress = null)
    {
        var preparation = new PreparationOptions(
            settings.Parameter(Events) == "all" ? EventSelection.All : EventSelection.Views,
            MinItemSupport: Whole(settings, MinSupport, 1, 1000),
            MaxLength: Whole(settings, MaxLength, 2, 1000),
            MaxEvaluatedSessions: Whole(settings, EvaluatedSessions, 100, 1_000_000),
            WindowDays: Whole(settings, WindowDays, 0, 10_000));
        var methods = settings.Families is { Count: > 0 } chosen ? chosen.Select(RecommenderCatalog.Find).ToList() : RecommenderCatalog.All.Where(m => m.InDefaultComparison).ToList();
        var protocol = settings.Parameter(Protocol) == "daily" ? RecommendationProtocol.Daily : RecommendationProtocol.LastDay;
        var testDays = Whole(settings, TestDays, 1, 60);
        // A training day, the validation day and the test day(s) must fit in the window.
        var needed = protocol == RecommendationProtocol.Daily ? testDays + 2 : 3;
        if (preparation.WindowDays is > 0 and var days && days < needed)
        {
            throw new ArgumentException($"--window-days {days} is too short: the {settings.Parameter(Protocol)} protocol needs at least {needed} days (training, validation and {(needed - 2 == 1 ? "test" : $"{needed - 2} test days")})");
        }

        return new RecommendationTraining(context).Run(
            new RecommendationRequest(preparation, methods, Math.Max(1, settings.TrialsPerFamily), settings.Seed, settings.TruthFolder, Protocol: protocol, TestDays: testDays), progress);
    }

    private static int Whole(TrainingSettings settings, ModelParameter parameter, int lowest, int highest)
    {
        var text = settings.Parameter(parameter);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= lowest && value <= highest
            ? value
            : throw new ArgumentException($"--{parameter.Name} '{text}' is not a whole number from {lowest} to {highest}");
    }
}
