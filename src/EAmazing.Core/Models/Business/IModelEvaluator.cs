using EAmazing.Models.Registry;

namespace EAmazing.Models.Business;

/// <summary>The gates a version of a business model must pass to become champion, for its task kind.</summary>
public interface IModelEvaluator
{
    /// <summary>Names of the metrics its cards carry as estimates, the primary one first.</summary>
    IReadOnlyList<string> Metrics { get; }

    PromotionDecision Evaluate(ModelCard candidate);
}
