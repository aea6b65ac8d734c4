using System.Globalization;
using EAmazing.BusinessModels.PurchaseIntent.Serving;
using EAmazing.Features;
using EAmazing.Models.Business;
using EAmazing.Models.Evaluation;
using EAmazing.Models.Lab;
using EAmazing.Privacy.Purposes;

namespace EAmazing.BusinessModels.PurchaseIntent;

/// <summary>
/// Purchase intent: will this visitor buy? Two tasks on the same lab: cart → purchase (scored at a session's
/// first cart event) and session will-buy (scored after each of the first k events), each its own registry name.
/// </summary>
public sealed class PurchaseIntentModel : IBusinessModel
{
    public static readonly ModelParameter Task = new("task", "cart (cart → purchase) or prefix (session will-buy after k events)", "cart",
        PurchaseIntentTask.All.Select(t => t.Key).ToList());

    public static readonly ModelParameter ConvertedValue = new("value", "Business value of a converted cart", "3");

    public static readonly ModelParameter InterventionCost = new("cost", "Cost of one intervention", "1");

    /// <summary>
    /// Seven full-scale months hold 7.2M cart points: every family on all of them took over two hours (the leakage audit
    /// aside), where a sample of users keeps the temporal split and the oracle and costs little in AUC.
    /// </summary>
    public static readonly ModelParameter MaxRows = MaxRowsParameter.Create("row", PurchaseIntentOptions.DefaultMaxRows);

    public string Name => "purchase";

    public string Description => "Purchase intent: every model family side by side on a temporal split, with report and registry version";

    public TaskKind Kind => TaskKind.BinaryClassification;

    public IReadOnlyList<GoldTable> Inputs { get; } = PurchaseIntentTask.All.Select(t => t.Table).ToList();

    public ProcessingPurpose Purpose => PurchaseIntentPurpose.Purpose;

    public IReadOnlyList<string> RegistryNames { get; } = PurchaseIntentTask.All.Select(t => t.ModelName).ToList();

    public IReadOnlyList<ModelParameter> Parameters { get; } = [Task, ConvertedValue, InterventionCost, MaxRows];

    public DemoRun Demo { get; } = new(new Dictionary<string, string> { [Task.Name] = PurchaseIntentTask.Cart.Key }, PurchaseIntentTask.Cart.ModelName);

    public IModelEvaluator Evaluator => BinaryClassificationEvaluator.Instance;

    public IOnlineScorer? Scorer { get; } = new PurchaseIntentScorer();

    public TrainingOutcome Train(TrainingContext context, TrainingSettings settings, IProgress<string>? progress = null)
    {
        var task = PurchaseIntentTask.Find(settings.Parameter(Task));
        var options = new PurchaseIntentOptions
        {
            Families = settings.Families,
            TrialsPerFamily = settings.TrialsPerFamily,
            Budget = settings.Budget,
            Seed = settings.Seed,
            Cost = new BusinessCost(Number(settings, ConvertedValue), Number(settings, InterventionCost)),
            TruthFolder = settings.TruthFolder,
            ValidationDays = settings.ValidationDays,
            TestDays = settings.TestDays,
            MaxRows = MaxRowsParameter.Parse(settings, MaxRows),
        };
        var (result, card, audit) = new PurchaseIntentTraining(context).Run(task, options, progress);
        return LabComparison.Outcome(result, card, audit);
    }

    private static double Number(TrainingSettings settings, ModelParameter parameter)
    {
        var text = settings.Parameter(parameter);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"--{parameter.Name} '{text}' is not a number");
    }
}
