using EAmazing.Models.Registry;

namespace EAmazing.Models.Business;

/// <summary>
/// The evaluator of a model that forecasts quantities (purchases per customer, demand per day): an error as the primary
/// metric (lower is better), which must clear every baseline beyond its interval; the common gates otherwise.
/// </summary>
/// <param name="metrics">The names of the estimates its cards carry, the primary error first.</param>
public sealed class ForecastEvaluator(IReadOnlyList<string> metrics) : IModelEvaluator
{
    public IReadOnlyList<string> Metrics { get; } = metrics;

    public PromotionDecision Evaluate(ModelCard candidate)
    {
        var decision = PromotionDecision.Evaluate(candidate);
        return candidate.Primary is { HigherIsBetter: true }
            ? decision.With(false, $"a forecast's primary metric is an error, lower is better; {candidate.PrimaryMetric} is not")
            : decision;
    }
}
