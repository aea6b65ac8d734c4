using EAmazing.Models.Families;
using EAmazing.Models.Registry;

namespace EAmazing.Api.Scoring;

/// <summary>
/// A champion ready to score concurrently. The model itself makes single-row scoring thread-safe
/// (<see cref="ITrainedModel.PredictOne"/>; ML.NET models pool their prediction engines).
/// </summary>
public sealed class ServedModel
{
    private readonly ITrainedModel _model;

    public ServedModel(ModelCard card, ITrainedModel model)
    {
        Card = card;
        _model = model;
        FeatureIndex = card.Features.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
    }

    private ServedModel(ModelCard card, ServedModel loaded)
    {
        Card = card;
        _model = loaded._model;
        FeatureIndex = loaded.FeatureIndex;
    }

    public ModelCard Card { get; }

    /// <summary>The same loaded model with an edited card (e.g. a retrain reason added).</summary>
    public ServedModel WithCard(ModelCard card) => new(card, this);

    public string Name => Card.Name;

    public int Version => Card.Version;

    public double Threshold => Card.Threshold;

    public IReadOnlyDictionary<string, int> FeatureIndex { get; }

    public double Score(float[] features) => _model.PredictOne(features);
}
