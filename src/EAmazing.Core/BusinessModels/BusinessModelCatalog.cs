using EAmazing.BusinessModels.Churn;
using EAmazing.BusinessModels.CustomerValue;
using EAmazing.BusinessModels.DemandForecast;
using EAmazing.BusinessModels.EmergingCategories;
using EAmazing.BusinessModels.PurchaseIntent;
using EAmazing.BusinessModels.Recommendation;
using EAmazing.BusinessModels.Segmentation;
using EAmazing.Features;
using EAmazing.Models.Business;

namespace EAmazing.BusinessModels;

/// <summary>
/// Every business model of the platform. Adding one means adding its folder and one line in <see cref="Default"/>;
/// the CLI (<c>train</c>, <c>demo</c>, <c>models promote</c>), the API and monitoring loop over this catalog.
/// </summary>
public sealed class BusinessModelCatalog
{
    public BusinessModelCatalog(IReadOnlyList<IBusinessModel> models)
    {
        // A model's CLI name and its registry names are separate name spaces; within each, a name has one owner.
        var duplicate = models.Select(m => m.Name).GroupBy(n => n).FirstOrDefault(g => g.Count() > 1)
            ?? models.SelectMany(m => m.RegistryNames).GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"two business models use the name '{duplicate.Key}'");
        }

        All = models;
    }

    public static BusinessModelCatalog Default { get; } = new(
    [
        new PurchaseIntentModel(),
        new SegmentationModel(),
        new CustomerValueModel(),
        new ChurnModel(),
        new DemandForecastModel(),
        new RecommendationModel(),
        new EmergingCategoriesModel(),
    ]);

    public IReadOnlyList<IBusinessModel> All { get; }

    /// <summary>
    /// The feature tables the models learn from, in the gold catalog's order: what <c>features build</c> builds by default (the
    /// others, e.g. items and item_transitions, only when asked for).
    /// </summary>
    public IReadOnlyList<GoldTable> ReadTables => GoldTables.All.Where(t => All.Any(m => m.Inputs.Any(i => i.Name == t.Name))).ToList();

    /// <summary>The gold tables the models' batch scorers write: personal data that erasure, retention, export and the register cover.</summary>
    public IReadOnlyList<GoldTable> ScoredTables => All.Select(m => m.BatchScorer?.Table).OfType<GoldTable>().DistinctBy(t => t.Name).ToList();

    /// <summary>The aggregate gold tables the models' forecasts write: no person's data, so erasure and export skip them.</summary>
    public IReadOnlyList<GoldTable> ForecastTables => All.Select(m => m.ForecastWriter?.Table).OfType<GoldTable>().DistinctBy(t => t.Name).ToList();

    /// <summary>The aggregate gold tables the models' detections write (ranked categories): no person's data either.</summary>
    public IReadOnlyList<GoldTable> DetectionTables => All.Select(m => m.DetectionWriter?.Table).OfType<GoldTable>().DistinctBy(t => t.Name).ToList();

    /// <summary>Every gold table a model writes (scored, forecast, detected): retention and key rotation drop and refresh their views with the rest of gold.</summary>
    public IReadOnlyList<GoldTable> WrittenTables => [.. ScoredTables, .. ForecastTables, .. DetectionTables];

    public IBusinessModel? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>The business model whose versions are registered under <paramref name="registryName"/>.</summary>
    public IBusinessModel? OwnerOf(string registryName) => All.FirstOrDefault(m => m.RegistryNames.Contains(registryName));
}
