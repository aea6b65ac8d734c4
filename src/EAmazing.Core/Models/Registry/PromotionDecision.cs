namespace EAmazing.Models.Registry;

/// <summary>
/// Whether a version may become champion, with every gate's verdict. These gates hold for every task kind and
/// read the card alone: the audit passed, no alarm, the primary metric beats each baseline beyond its interval,
/// at least as good as the current champion on the same test rows, no retrain due. A kind's evaluator may add
/// its own gates on top.
/// </summary>
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

        var primary = candidate.Primary;
        if (primary is null)
        {
            ok = false;
            reasons.Add($"the card names no primary metric among its estimates ('{candidate.PrimaryMetric}'): retrain it with this version of the platform");
        }
        else if (candidate.Baselines.Count == 0)
        {
            ok = false;
            reasons.Add("no baseline was measured: a model is promoted only beside its baselines");
        }
        else
        {
            foreach (var (baseline, value) in candidate.Baselines)
            {
                if (!primary.ClearlyBetterThan(value))
                {
                    ok = false;
                    reasons.Add($"does not beat baseline {baseline}: test {primary} vs {value:0.0000} (the interval must clear it)");
                }
                else
                {
                    reasons.Add($"beats baseline {baseline} ({primary} vs {value:0.0000})");
                }
            }
        }

        if (primary is not null && candidate.ChampionOnThisWindow is { } champion)
        {
            if (!primary.AtLeastAsGoodAs(champion))
            {
                ok = false;
                reasons.Add($"worse than the current champion on the same test window ({primary.Name} {primary.Value.Estimate:0.0000} vs {champion:0.0000})");
            }
            else
            {
                reasons.Add($"at least as good as the current champion on the same test window ({primary.Name} {primary.Value.Estimate:0.0000} vs {champion:0.0000})");
            }
        }

        if (candidate.RetrainReasons.Count > 0)
        {
            ok = false;
            reasons.Add($"retrain due: {string.Join("; ", candidate.RetrainReasons)}");
        }

        return new PromotionDecision(ok, reasons);
    }

    /// <summary>Adds a kind-specific gate's verdict.</summary>
    public PromotionDecision With(bool passed, string reason) => new(Allowed && passed, [.. Reasons, reason]);
}
