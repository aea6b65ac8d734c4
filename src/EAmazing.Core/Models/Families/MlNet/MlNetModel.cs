using Microsoft.ML;
using Microsoft.ML.Data;

namespace EAmazing.Models.Families.MlNet;

/// <summary>A fitted ML.NET pipeline ending in a calibrated binary classifier.</summary>
public sealed class MlNetModel(MLContext ml, ITransformer transformer, int featureCount, string family, IReadOnlyDictionary<string, string> hyperparameters) : ITrainedModel
{
    public const string FileName = "model.zip";

    public string Family { get; } = family;

    public IReadOnlyDictionary<string, string> Hyperparameters { get; } = hyperparameters;

    public ITransformer Transformer { get; } = transformer;

    public int FeatureCount { get; } = featureCount;

    public float[] PredictProbabilities(IReadOnlyList<float[]> rows)
    {
        var scored = Transformer.Transform(MlNetData.Scoring(ml, rows, FeatureCount));
        return scored.GetColumn<float>("Probability").ToArray();
    }

    public string Save(string directory)
    {
        var input = MlNetData.Scoring(ml, [], FeatureCount);
        ml.Model.Save(Transformer, input.Schema, Path.Combine(directory, FileName));
        return FileName;
    }

    public static MlNetModel Load(string directory, int featureCount, string family, IReadOnlyDictionary<string, string> hyperparameters)
    {
        var ml = new MLContext(seed: 0);
        var transformer = ml.Model.Load(Path.Combine(directory, FileName), out _);
        return new MlNetModel(ml, transformer, featureCount, family, hyperparameters);
    }
}
