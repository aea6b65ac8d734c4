namespace EAmazing.Models.Registry;

/// <summary>Whether a version may become champion, with every gate's verdict.</summary>
public sealed record PromotionDecision(bool Allowed, IReadOnlyList<string> Reasons)
{
    public static PromotionDecision Evaluate(ModelCard candidate)
    {
        var reasons = new List<string>();
        var ok = true;
        if (!candidate.LeakageAudit.Passed)
        {
            ok = false;
            reasons.Add($"leakage audit failed: {candidate.LeakageAudit.Summary}");
        }

        if (candidate.Alarms.Count > 0)
        {
            ok = false;
            reasons.Add($"alarms raised: {string.Join("; ", candidate.Alarms)}");
        }

        foreach (var (baseline, auc) in candidate.BaselineTestAuc)
        {
            if (candidate.Metrics.RocAuc.Lower <= auc)
            {
                ok = false;
                reasons.Add($"does not beat baseline {baseline}: test AUC {candidate.Metrics.RocAuc} vs {auc:0.0000} (lower bound must be above it)");
            }
            else
            {
                reasons.Add($"beats baseline {baseline} ({candidate.Metrics.RocAuc} vs {auc:0.0000})");
            }
        }

        if (candidate.ChampionTestAucOnThisWindow is { } champion)
        {
            if (candidate.Metrics.RocAuc.Estimate < champion)
            {
                ok = false;
                reasons.Add($"worse than the current champion on the same test window ({candidate.Metrics.RocAuc.Estimate:0.0000} < {champion:0.0000})");
            }
            else
            {
                reasons.Add($"at least as good as the current champion on the same test window ({candidate.Metrics.RocAuc.Estimate:0.0000} >= {champion:0.0000})");
            }
        }

        if (candidate.RetrainReasons.Count > 0)
        {
            ok = false;
            reasons.Add($"retrain due: {string.Join("; ", candidate.RetrainReasons)}");
        }

        return new PromotionDecision(ok, reasons);
    }
}
