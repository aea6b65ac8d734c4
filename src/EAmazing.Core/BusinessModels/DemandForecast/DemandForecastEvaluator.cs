using System.Globalization;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;

namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// The forecast gates (the primary error beats every baseline beyond its interval and is at least as good as the
/// champion's on the same backtest), plus honest intervals: measured 80% and 95% coverage each within 3 points of nominal.
/// </summary>
public sealed class DemandForecastEvaluator : IModelEvaluator
{
    private readonly ForecastEvaluator _forecast = new(DemandForecastMetrics.Names);

    public IReadOnlyList<string> Metrics => _forecast.Metrics;

    public PromotionDecision Evaluate(ModelCard candidate)
    {
        var decision = _forecast.Evaluate(candidate);
        foreach (var level in ConformalBands.StandardLevels)
        {
            var name = DemandForecastMetrics.Coverage(level);
            var coverage = candidate.Estimates.FirstOrDefault(e => e.Name == name);
            decision = coverage is null
                ? decision.With(false, $"the card has no {name}: interval coverage was not measured")
                : decision.With(Math.Abs(coverage.Value.Estimate - level) <= DemandForecastMetrics.CoverageTolerance,
                    string.Create(CultureInfo.InvariantCulture, $"{name} {coverage.Value.Estimate:0.000} vs nominal {level:0.00} (within {DemandForecastMetrics.CoverageTolerance:0.00} required)"));
        }

        return decision;
    }
}
