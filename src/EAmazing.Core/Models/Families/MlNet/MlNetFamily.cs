using EAmazing.Foundation.Randomness;
using EAmazing.Models.Data;
using EAmazing.Models.Families.Preparation;
using Microsoft.ML;

namespace EAmazing.Models.Families.MlNet;

/// <summary>
/// Base of the ML.NET families: the family's trainer on the rows the lab prepared (<see cref="Preparation"/>);
/// missing values that reach ML.NET (raw-valued tree families) are replaced by training means, and a Platt
/// calibrator is added on the training rows when the trainer does not produce probabilities itself (the lab then
/// calibrates every family again on validation).
/// </summary>
public abstract class MlNetFamily : IModelFamily
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    /// <summary>Raw values by default: trees split on them as they are.</summary>
    public virtual FeaturePreparation Preparation => FeaturePreparation.Raw;

    /// <summary>The default hyperparameters, then a grid the search samples from.</summary>
    protected abstract IReadOnlyDictionary<string, string> Default { get; }

    protected abstract IReadOnlyDictionary<string, string[]> Grid { get; }

    /// <summary>
    /// The family's trainer. <paramref name="seed"/> seeds every random choice it makes, and it runs on one thread:
    /// ML.NET's tree learners sum histograms across threads in an order the scheduler decides, so their models
    /// differ in the last bits between runs, and those bits change which split wins on ties.
    /// </summary>
    protected abstract IEstimator<ITransformer> Trainer(MLContext ml, IReadOnlyDictionary<string, string> h, int seed);

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Candidates(int maxTrials, ulong seed)
    {
        var rng = Xoshiro256.For(seed, StableHash.Of(Name));
        var candidates = new List<IReadOnlyDictionary<string, string>> { Default };
        var seen = new HashSet<string> { Key(Default) };
        for (var attempt = 0; candidates.Count < maxTrials && attempt < maxTrials * 20; attempt++)
        {
            var candidate = Grid.ToDictionary(kv => kv.Key, kv => kv.Value[rng.NextInt(kv.Value.Length)]);
            if (seen.Add(Key(candidate)))
            {
                candidates.Add(candidate);
            }
        }

        return candidates;
    }

    public ITrainedModel Train(TabularDataset train, TabularDataset valid, IReadOnlyDictionary<string, string> hyperparameters, ulong seed)
    {
        var ml = new MLContext(seed: (int)(seed & 0x7FFFFFFF));
        var balance = hyperparameters.TryGetValue("balance", out var b) && bool.Parse(b);
        var data = MlNetData.Training(ml, train, balance);
        var pipeline = ml.Transforms.ReplaceMissingValues("Features", replacementMode: Microsoft.ML.Transforms.MissingValueReplacingEstimator.ReplacementMode.Mean);
        var prepared = pipeline.Fit(data);
        var preparedData = prepared.Transform(data);
        var trainer = Trainer(ml, hyperparameters, (int)(seed & 0x7FFFFFFF));
        var fitted = Fit(trainer, preparedData, prepared.Transform(MlNetData.Training(ml, valid, balance: false)));
        ITransformer model = prepared.Append(fitted);
        if (fitted.GetOutputSchema(preparedData.Schema).GetColumnOrNull("Probability") is null)
        {
            // Forests output a score, not a probability: calibrate it on the training data.
            var calibrator = ml.BinaryClassification.Calibrators.Platt().Fit(fitted.Transform(preparedData));
            model = model.Append(calibrator);
        }

        return new MlNetModel(ml, model, train.FeatureNames.Count, Name, hyperparameters);
    }

    /// <summary>
    /// Fits the trainer on the training rows. A family that stops early overrides this to watch the validation
    /// window (never the test window), which the lab also uses to choose among candidates and to calibrate.
    /// </summary>
    protected virtual ITransformer Fit(IEstimator<ITransformer> trainer, IDataView train, IDataView validation) => trainer.Fit(train);

    public ITrainedModel Load(string folder, string modelFile, int featureCount, IReadOnlyDictionary<string, string> hyperparameters) =>
        MlNetModel.Read(Path.Combine(folder, modelFile), featureCount, Name, hyperparameters);

    protected static int Int(IReadOnlyDictionary<string, string> h, string key) => int.Parse(h[key], System.Globalization.CultureInfo.InvariantCulture);

    protected static double Double(IReadOnlyDictionary<string, string> h, string key) => double.Parse(h[key], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Example weights: all 1 unless the candidate balances classes.</summary>
    protected const string WeightColumn = nameof(FeatureRow.Weight);

    private static string Key(IReadOnlyDictionary<string, string> h) => string.Join(";", h.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}"));
}
