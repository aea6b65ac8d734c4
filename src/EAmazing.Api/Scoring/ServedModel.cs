using EAmazing.Models.Families;
using EAmazing.Models.Families.MlNet;
using EAmazing.Models.Registry;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace EAmazing.Api.Scoring;

/// <summary>
/// A champion ready to score concurrently. ML.NET prediction engines are not thread-safe, so ML.NET models
/// score through a pool of engines; the other families (baselines, the MLP) score without shared state.
/// </summary>
public sealed class ServedModel
{
    private readonly ITrainedModel _model;
    private readonly ObjectPool<PredictionEngine<FeatureRow, ProbabilityPrediction>>? _engines;

    public ServedModel(ModelCard card, ITrainedModel model)
    {
        Card = card;
        _model = model;
        if (model is MlNetModel ml)
        {
            var context = new MLContext(seed: 0);
            var schema = MlNetData.Schema(card.Features.Count);
            _engines = new DefaultObjectPool<PredictionEngine<FeatureRow, ProbabilityPrediction>>(
                new EnginePolicy(() => context.Model.CreatePredictionEngine<FeatureRow, ProbabilityPrediction>(ml.Transformer, inputSchemaDefinition: schema)),
                Environment.ProcessorCount * 4);
        }

        FeatureIndex = card.Features.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
    }

    private ServedModel(ModelCard card, ServedModel loaded)
    {
        Card = card;
        _model = loaded._model;
        _engines = loaded._engines;
        FeatureIndex = loaded.FeatureIndex;
    }

    public ModelCard Card { get; }

    /// <summary>The same loaded model with an edited card (e.g. a retrain reason added).</summary>
    public ServedModel WithCard(ModelCard card) => new(card, this);

    public string Name => Card.Name;

    public int Version => Card.Version;

    public double Threshold => Card.Threshold;

    public IReadOnlyDictionary<string, int> FeatureIndex { get; }

    public double Score(float[] features)
    {
        if (_engines is null)
        {
            return _model.PredictProbabilities([features])[0];
        }

        var engine = _engines.Get();
        try
        {
            return engine.Predict(new FeatureRow { Features = features }).Probability;
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    private sealed class EnginePolicy(Func<PredictionEngine<FeatureRow, ProbabilityPrediction>> create) : IPooledObjectPolicy<PredictionEngine<FeatureRow, ProbabilityPrediction>>
    {
        // Right after a swap the pool is empty and every in-flight request creates an engine at once; an MLContext
        // and its transformer are not documented as safe for concurrent engine creation, so creation is serialised
        // (it happens a few times per model, scoring itself stays lock-free).
        private readonly Lock _creating = new();

        public PredictionEngine<FeatureRow, ProbabilityPrediction> Create()
        {
            lock (_creating)
            {
                return create();
            }
        }

        public bool Return(PredictionEngine<FeatureRow, ProbabilityPrediction> obj) => true;
    }
}
