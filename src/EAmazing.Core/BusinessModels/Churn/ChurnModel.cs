using System.Globalization;
using EAmazing.Features;
using EAmazing.Models.Business;
using EAmazing.Privacy.Purposes;

namespace EAmazing.BusinessModels.Churn;

/// <summary>
/// Churn: will a user make no purchase in the next 28 days? Every lab family on the weekly user snapshots with a temporal
/// split by snapshot date, beside the prior, a days-since-last-purchase rule and, on a generated world, the world's own
/// churn oracle; users with and without past purchases reported apart; a retention campaign's profit curve on the scores.
/// Scores every user of a snapshot in batch (<c>eamazing score churn</c>).
/// </summary>
public sealed class ChurnModel : IBusinessModel
{
    public const string RegistryName = "churn";

    public const string Label = "label_churn";

    public static readonly ModelParameter OracleReplicates = new("oracle-replicates",
        "Simulated futures per test user for the world's churn oracle (with --truth); its Monte Carlo error is reported", "40");

    public static readonly ModelParameter OracleUsers = OracleSampleParameter.Create("oracle-users",
        "At most this many test users asked of the oracles (with --truth): a systematic sample, every (n / N)-th test row, when the test week has more; "
        + "each ratio to an oracle is measured on the users it answered");

    public static readonly ModelParameter MaxRows = MaxRowsParameter.Create("snapshot", 10_000_000);

    public string Name => "churn";

    public string Description => "Churn: no purchase in the next 28 days, every family on weekly user snapshots beside the prior, a recency rule and the oracle, with a campaign profit curve";

    public TaskKind Kind => TaskKind.BinaryClassification;

    public IReadOnlyList<GoldTable> Inputs { get; } = [GoldTables.UserSnapshots];

    public ProcessingPurpose Purpose => ChurnPurpose.Purpose;

    public IReadOnlyList<string> RegistryNames { get; } = [RegistryName];

    public IReadOnlyList<ModelParameter> Parameters { get; } = [OracleReplicates, OracleUsers, MaxRows, .. CampaignParameters.All];

    /// <summary>The demo trains two families beside the baselines, one candidate each, to keep its added time small (a full run: every family).</summary>
    public DemoRun Demo { get; } = new(new Dictionary<string, string>(), RegistryName, TrialsPerFamily: 1, Families: ["logistic", "lightgbm"]);

    public IModelEvaluator Evaluator => BinaryClassificationEvaluator.Instance;

    public IBatchScorer? BatchScorer { get; } = new ChurnScoring();

    public IModelInsights? Insights { get; } = new ChurnInsights();

    public TrainingOutcome Train(TrainingContext context, TrainingSettings settings, IProgress<string>? progress = null)
    {
        var text = settings.Parameter(OracleReplicates);
        var replicates = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10_000
            ? n
            : throw new ArgumentException($"--{OracleReplicates.Name} '{text}' is not a whole number between 1 and 10000");
        var oracleUsers = OracleSampleParameter.Parse(settings, OracleUsers);
        var maxRows = MaxRowsParameter.Parse(settings, MaxRows);
        var campaign = CampaignParameters.Resolve(settings, context.Campaign);
        return new ChurnTraining(context).Run(settings, campaign, replicates, oracleUsers, maxRows, progress);
    }
}
