using EAmazing.Features;
using EAmazing.Models.Business;
using EAmazing.Privacy.Purposes;

namespace EAmazing.BusinessModels.EmergingCategories;

/// <summary>
/// Emerging categories and launches: ranks categories by evidence of sustained growth in their share of daily views
/// (change point, trend test, sustained level) and flags new product lines soon after they appear.
/// <c>eamazing train emerging --truth DIR</c> measures it against a generated world; <c>eamazing detect emerging</c> writes the list.
/// </summary>
public sealed class EmergingCategoriesModel : IBusinessModel
{
    public const string RegistryName = "emerging-categories";

    public string Name => "emerging";

    public string Description => "Emerging categories and launches: change point, Mann–Kendall trend and sustained level on each category's share of daily views";

    public TaskKind Kind => TaskKind.Detection;

    public IReadOnlyList<GoldTable> Inputs { get; } = [GoldTables.DemandDaily];

    public ProcessingPurpose Purpose => EmergingCategoriesPurpose.Purpose;

    public IReadOnlyList<string> RegistryNames { get; } = [RegistryName];

    public IReadOnlyList<ModelParameter> Parameters { get; } = [];

    public DemoRun Demo { get; } = new(new Dictionary<string, string>(), RegistryName, TrialsPerFamily: 1);

    public IModelEvaluator Evaluator { get; } = new DetectionEvaluator();

    public IDetectionWriter? DetectionWriter { get; } = new EmergingCategoriesWriting(new DetectorSettings());

    public TrainingOutcome Train(TrainingContext context, TrainingSettings settings, IProgress<string>? progress = null) =>
        new EmergingCategoriesTraining(context, new DetectorSettings()).Run(settings, progress);
}
