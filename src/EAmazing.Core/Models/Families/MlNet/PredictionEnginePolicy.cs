using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace EAmazing.Models.Families.MlNet;

/// <summary>Creates the prediction engines an <see cref="MlNetModel"/> pools for single-row scoring.</summary>
internal sealed class PredictionEnginePolicy(ITransformer transformer, int featureCount) : IPooledObjectPolicy<PredictionEngine<FeatureRow, ProbabilityPrediction>>
{
    // Right after a model is loaded the pool is empty and every in-flight request creates an engine at once; an
    // MLContext and its transformer are not documented as safe for concurrent engine creation, so creation is
    // serialised (it happens a few times per model, scoring itself stays lock-free).
    private readonly Lock _creating = new();

    // Its own context: engine creation never shares one with the model's batch scoring.
    private readonly MLContext _ml = new(seed: 0);

    public PredictionEngine<FeatureRow, ProbabilityPrediction> Create()
    {
        lock (_creating)
        {
            return _ml.Model.CreatePredictionEngine<FeatureRow, ProbabilityPrediction>(transformer, inputSchemaDefinition: MlNetData.Schema(featureCount));
        }
    }

    public bool Return(PredictionEngine<FeatureRow, ProbabilityPrediction> obj) => true;
}
