using EAmazing.Models.Lab;
using EAmazing.Models.Registry;

namespace EAmazing.Models.Business;

/// <summary>The evaluator of a binary classifier: ROC-AUC as the primary metric against the prior and one-rule baselines, the common gates.</summary>
public sealed class BinaryClassificationEvaluator : IModelEvaluator
{
    public static BinaryClassificationEvaluator Instance { get; } = new();

    public IReadOnlyList<string> Metrics => LabRecorder.MetricNames;

    public PromotionDecision Evaluate(ModelCard candidate)
    {
        var decision = PromotionDecision.Evaluate(candidate);
        return candidate.Metrics is null
            ? decision.With(false, "a classifier's card carries no test metrics with a decision threshold")
            : decision;
    }
}
