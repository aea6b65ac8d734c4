using System.Globalization;
using EAmazing.Features;
using EAmazing.Models.Business;
using EAmazing.Models.Evaluation;
using EAmazing.Privacy.Purposes;

namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>
/// Customer value: BG/NBD for repeat purchases and Gamma–Gamma for spend per purchase, fitted by maximum likelihood
/// on the purchases before a calibration end and judged on the holdout after it, beside the naive and average-customer
/// baselines and, on a generated world, its oracle. Scores every customer in batch (<c>eamazing score customers</c>).
/// </summary>
public sealed class CustomerValueModel : IBusinessModel
{
    public const string RegistryName = "customer-value";

    public static readonly ModelParameter CalibrationEnd = new("calibration-end",
        "First day of the holdout (yyyy-MM-dd); the purchases before it fit the model (default: the latest whose holdout the lake holds)", "auto");

    public static readonly ModelParameter HoldoutDays = new("holdout-days", "Days of the holdout window the fit is judged on", "28");

    public static readonly ModelParameter OracleCustomers = OracleSampleParameter.Create("oracle-customers",
        "At most this many customers asked of the world's oracle (with --truth): a systematic sample, every (n / N)-th customer, when there are more; "
        + "the methods' errors are also given on the customers it answered");

    public static readonly ModelParameter HorizonDays = new("horizon-days", "Horizon of the per-customer predictions (expected purchases and value)", "90");

    public string Name => "value";

    public string Description => "Customer value: BG/NBD purchases and Gamma–Gamma spend, fitted by maximum likelihood, judged on a holdout against baselines and the oracle";

    public TaskKind Kind => TaskKind.Forecast;

    public IReadOnlyList<GoldTable> Inputs { get; } = [GoldTables.Sessions];

    public ProcessingPurpose Purpose => CustomerValuePurpose.Purpose;

    public IReadOnlyList<string> RegistryNames { get; } = [RegistryName];

    public IReadOnlyList<ModelParameter> Parameters { get; } = [CalibrationEnd, HoldoutDays, HorizonDays, OracleCustomers, .. CampaignParameters.All];

    public DemoRun Demo { get; } = new(new Dictionary<string, string>(), RegistryName, TrialsPerFamily: 1);

    public IModelEvaluator Evaluator { get; } = new ForecastEvaluator(CustomerValueMetrics.Names);

    public IBatchScorer? BatchScorer { get; } = new CustomerScoring();

    public IModelInsights? Insights { get; } = new CustomerValueInsights();

    public TrainingOutcome Train(TrainingContext context, TrainingSettings settings, IProgress<string>? progress = null)
    {
        var holdout = Days(settings, HoldoutDays);
        var horizon = Days(settings, HorizonDays);
        var text = settings.Parameter(CalibrationEnd);
        DateTime? end = text == "auto" ? null
            : DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
                ? DateTime.SpecifyKind(parsed, DateTimeKind.Utc)
                : throw new ArgumentException($"--{CalibrationEnd.Name} '{text}' is not a date (yyyy-MM-dd) or auto");
        var oracleCustomers = OracleSampleParameter.Parse(settings, OracleCustomers);
        var campaign = CampaignParameters.Resolve(settings, context.Campaign);
        return new CustomerValueTraining(context).Run(new CustomerValueRequest(end, holdout, horizon, settings.Seed, settings.TruthFolder, campaign) { OracleCustomers = oracleCustomers }, progress);
    }

    private static int Days(TrainingSettings settings, ModelParameter parameter)
    {
        var text = settings.Parameter(parameter);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 3_650
            ? days
            : throw new ArgumentException($"--{parameter.Name} '{text}' is not a whole number of days between 1 and 3650");
    }
}

/// <summary>One customer-value training run's settings.</summary>
/// <param name="CalibrationEnd">First day of the holdout; null: the latest the lake allows.</param>
public sealed record CustomerValueRequest(DateTime? CalibrationEnd, int HoldoutDays, int HorizonDays, ulong Seed, string? TruthFolder, CampaignOptions Campaign)
{
    /// <summary>At most this many customers asked of the oracle (a systematic sample beyond it).</summary>
    public int OracleCustomers { get; init; } = DefaultOracleCustomers;

    public const int DefaultOracleCustomers = OracleSampleParameter.Default;
}
