using EAmazing.Models.Data;
using EAmazing.Models.Families.Preparation;

namespace EAmazing.Models.Families;

/// <summary>
/// One kind of model (logistic regression, a tree, a forest, boosting, a neural network, a baseline).
/// A family proposes candidate hyperparameter sets; the lab trains each on the training window and
/// keeps the one that scores best on validation.
/// </summary>
public interface IModelFamily
{
    /// <summary>Short stable name used on the command line, in reports and in the registry.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>
    /// How its inputs are prepared (missing indicators, log1p, standardisation, or raw values): the lab fits this on
    /// the training window, trains the family on the prepared rows and records the steps in the card.
    /// </summary>
    FeaturePreparation Preparation { get; }

    /// <summary>Candidate hyperparameter sets, the family's default first; deterministic for a seed.</summary>
    IReadOnlyList<IReadOnlyDictionary<string, string>> Candidates(int maxTrials, ulong seed);

    ITrainedModel Train(TabularDataset train, TabularDataset valid, IReadOnlyDictionary<string, string> hyperparameters, ulong seed);

    /// <summary>
    /// Reads back a model this family's <see cref="ITrainedModel.Save"/> wrote: <paramref name="modelFile"/> (the name
    /// Save returned) in <paramref name="folder"/>, with the card's feature count and hyperparameters.
    /// </summary>
    ITrainedModel Load(string folder, string modelFile, int featureCount, IReadOnlyDictionary<string, string> hyperparameters);
}
