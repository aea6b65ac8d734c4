using EAmazing.Models.Registry;

namespace EAmazing.Models.Business;

/// <summary>
/// The evaluator of a segmentation: its primary metric is the stability of its least stable segment (bootstrap mean
/// Jaccard), which must reach Hennig's 0.75. A classifier's "beat every baseline" gate does not apply: a rule baseline
/// (buyers vs non-buyers) is perfectly stable by construction; baselines are shown beside it, not raced against.
/// </summary>
public sealed class ClusteringEvaluator : IModelEvaluator
{
    public const string PrimaryMetric = "min_segment_stability";

    public const double Trusted = 0.75;

    public static ClusteringEvaluator Instance { get; } = new();

    public IReadOnlyList<string> Metrics { get; } = [PrimaryMetric, "silhouette", "davies_bouldin", "calinski_harabasz", "adjusted_rand_personas"];

    public PromotionDecision Evaluate(ModelCard candidate)
    {
        var reasons = new List<string>();
        var ok = true;
        if (candidate.Alarms.Count > 0)
        {
            ok = false;
            reasons.Add($"alarms raised: {string.Join("; ", candidate.Alarms)}");
        }

        if (candidate.RetrainReasons.Count > 0)
        {
            ok = false;
            reasons.Add($"retrain due: {string.Join("; ", candidate.RetrainReasons)}");
        }

        if (candidate.Primary is not { } primary)
        {
            ok = false;
            reasons.Add($"the card names no {PrimaryMetric} estimate");
        }
        else if (primary.Value.Estimate < Trusted)
        {
            ok = false;
            reasons.Add($"a segment is not stable: {primary} < {Trusted}");
        }
        else
        {
            reasons.Add($"every segment stable: {primary} >= {Trusted}");
        }

        return new PromotionDecision(ok, reasons);
    }
}
