using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace EAmazing.Models.Families.MlNet;

/// <summary>A fitted ML.NET pipeline ending in a calibrated binary classifier.</summary>
public sealed class MlNetModel : ITrainedModel
{
    public const string FileName = "model.zip";

    private readonly MLContext _ml;

    // Prediction engines are fast for one row but not thread-safe: single-row scoring borrows one from a pool,
    // created on first use so that models only trained and evaluated in the lab never build one.
    private readonly Lazy<ObjectPool<PredictionEngine<FeatureRow, ProbabilityPrediction>>> _engines;

    public MlNetModel(MLContext ml, ITransformer transformer, int featureCount, string family, IReadOnlyDictionary<string, string> hyperparameters)
    {
        _ml = ml;
        Transformer = transformer;
        FeatureCount = featureCount;
        Family = family;
        Hyperparameters = hyperparameters;
        _engines = new(() => new DefaultObjectPool<PredictionEngine<FeatureRow, ProbabilityPrediction>>(new PredictionEnginePolicy(Transformer, FeatureCount), Environment.ProcessorCount * 4));
    }

    public string Family { get; }

    public IReadOnlyDictionary<string, string> Hyperparameters { get; }

    public ITransformer Transformer { get; }

    public int FeatureCount { get; }

    public float[] PredictProbabilities(IReadOnlyList<float[]> rows)
    {
        var scored = Transformer.Transform(MlNetData.Scoring(_ml, rows, FeatureCount));
        return scored.GetColumn<float>("Probability").ToArray();
    }

    public float PredictOne(float[] row)
    {
        var pool = _engines.Value;
        var engine = pool.Get();
        try
        {
            return engine.Predict(new FeatureRow { Features = row }).Probability;
        }
        finally
        {
            pool.Return(engine);
        }
    }

    public string Save(string directory)
    {
        var input = MlNetData.Scoring(_ml, [], FeatureCount);
        _ml.Model.Save(Transformer, input.Schema, Path.Combine(directory, FileName));
        return FileName;
    }

    /// <summary>Reads the file <see cref="Save"/> writes.</summary>
    internal static MlNetModel Read(string path, int featureCount, string family, IReadOnlyDictionary<string, string> hyperparameters)
    {
        var ml = new MLContext(seed: 0);
        var transformer = ml.Model.Load(path, out _);
        return new MlNetModel(ml, transformer, featureCount, family, hyperparameters);
    }
}
