using EAmazing.Models.Business;
using EAmazing.Models.Registry;

namespace EAmazing.BusinessModels.EmergingCategories;

/// <summary>
/// Gates of a detector version: the common ones (its precision must clear the change-point-alone baseline beyond its
/// interval), and the targets measured against the world's truth: recall at least <see cref="MinimumRecall"/> and
/// precision at least <see cref="MinimumPrecision"/>.
/// </summary>
public sealed class DetectionEvaluator : IModelEvaluator
{
    public const double MinimumRecall = 0.9;

    public const double MinimumPrecision = 0.8;

    public IReadOnlyList<string> Metrics { get; } = ["precision", "recall", "stable_false_alarm_rate"];

    public PromotionDecision Evaluate(ModelCard candidate)
    {
        var decision = PromotionDecision.Evaluate(candidate);
        var recall = candidate.Estimates.FirstOrDefault(e => e.Name == "recall")?.Value.Estimate;
        var precision = candidate.Estimates.FirstOrDefault(e => e.Name == "precision")?.Value.Estimate;
        if (recall is null || recall < MinimumRecall)
        {
            decision = decision.With(false, $"recall {recall:0.000} is below {MinimumRecall}: planted emergences or launches were missed");
        }

        if (precision is null || precision < MinimumPrecision)
        {
            decision = decision.With(false, $"precision {precision:0.000} is below {MinimumPrecision}");
        }

        return decision;
    }
}
