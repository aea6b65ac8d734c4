using EAmazing.Features;
using EAmazing.Privacy.Purposes;

namespace EAmazing.Models.Business;

/// <summary>
/// One business model of the portfolio (intent, segments, churn, recommendation, demand, emerging
/// categories): one folder under <c>BusinessModels/</c> and one line in the catalog. The CLI's <c>train</c>,
/// <c>demo</c>, the registry's promotion gates, drift monitoring and the API read what it declares here,
/// so adding a model never means editing them.
/// </summary>
public interface IBusinessModel
{
    /// <summary>Short stable name: <c>eamazing train NAME</c>.</summary>
    string Name { get; }

    string Description { get; }

    TaskKind Kind { get; }

    /// <summary>The gold tables it learns from (drift monitoring and the dashboard read these, never a default).</summary>
    IReadOnlyList<GoldTable> Inputs { get; }

    /// <summary>Why it may process personal data: the purpose in the register of processing activities.</summary>
    ProcessingPurpose Purpose { get; }

    /// <summary>The registry names its versions are recorded under (one per task it trains).</summary>
    IReadOnlyList<string> RegistryNames { get; }

    /// <summary>Its own training settings, beyond the lab's.</summary>
    IReadOnlyList<ModelParameter> Parameters { get; }

    /// <summary>How <c>demo</c> trains it: parameter values (by name) and the registry name it then promotes.</summary>
    DemoRun Demo { get; }

    /// <summary>Metrics, baselines and promotion gates for its kind.</summary>
    IModelEvaluator Evaluator { get; }

    /// <summary>Trains, evaluates and records a registry version with its card and report.</summary>
    /// <exception cref="ArgumentException">A parameter value is not valid (a usage error).</exception>
    /// <exception cref="InvalidOperationException">The lake holds too little or unsuitable data (a data error).</exception>
    TrainingOutcome Train(TrainingContext context, TrainingSettings settings, IProgress<string>? progress = null);

    /// <summary>The families <c>train --families</c> accepts, or null for the lab's classification families (ModelFamilyCatalog).</summary>
    IReadOnlyList<string>? Families => null;

    /// <summary>Its online endpoint, or null when it is not served online (the API maps one route per scorer).</summary>
    IOnlineScorer? Scorer => null;

    /// <summary>Its batch scoring into a gold table, or null when it has none (<c>eamazing score</c> lists one subcommand per scorer).</summary>
    IBatchScorer? BatchScorer => null;

    /// <summary>Its forecast into an aggregate gold table, or null when it has none (<c>eamazing forecast</c> runs each).</summary>
    IForecastWriter? ForecastWriter => null;

    /// <summary>Its detection into an aggregate gold table, or null when it has none (<c>eamazing detect</c> lists one subcommand per writer).</summary>
    IDetectionWriter? DetectionWriter => null;

    /// <summary>What its page on the dashboard shows beyond the card, or null for the card alone.</summary>
    IModelInsights? Insights => null;
}

/// <summary>
/// What <c>demo</c> runs for a business model: <c>train NAME</c> with these parameter values (and, when given, only these
/// <see cref="Families"/>, to keep the demo short), then promotes <see cref="RegistryName"/>.
/// </summary>
public sealed record DemoRun(IReadOnlyDictionary<string, string> Parameters, string RegistryName, int TrialsPerFamily = 2, IReadOnlyList<string>? Families = null);
