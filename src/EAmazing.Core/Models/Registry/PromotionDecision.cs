namespace EAmazing.Models.Registry;

/// <summary>
/// Whether a version may become champion, with every gate's verdict. These gates hold for every task kind and
/// read the card alone: the audit passed, no alarm, the primary metric beats each baseline beyond its interval,
/// at least as good as the current champion on the same test rows, no guard metric (a classifier's log-loss and
/// calibration error) worse than the champion's beyond both intervals or worse than the floor baseline's, no
/// retrain due. The registry adds the window gate (a test window decides once); a kind's evaluator may add its own.
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

        foreach (var guard in candidate.GuardMetrics)
        {
            ok &= Guard(candidate, guard, reasons);
        }

        if (candidate.RetrainReasons.Count > 0)
        {
            ok = false;
            reasons.Add($"retrain due: {string.Join("; ", candidate.RetrainReasons)}");
        }

        return new PromotionDecision(ok, reasons);
    }

    /// <summary>
    /// A guard metric must not be worse than the champion's beyond both intervals (re-scored on the same rows). Against
    /// the floor baseline the proper score decides: a loss must not be worse than the floor's at all. Other guards
    /// (the calibration error) are shown beside the floor's but do not gate on it: a constant's calibration error
    /// only measures how far the rate moved since training, while any model that ranks pays binning noise on top.
    /// </summary>
    private static bool Guard(ModelCard candidate, string metric, List<string> reasons)
    {
        var mine = candidate.Estimates.FirstOrDefault(e => e.Name == metric);
        if (mine is null)
        {
            reasons.Add($"the card has no {metric} estimate although the gates need it");
            return false;
        }

        var ok = true;
        if (candidate.ChampionEstimates?.FirstOrDefault(e => e.Name == metric) is { } champion)
        {
            var worse = mine.ClearlyWorseThan(champion);
            ok &= !worse;
            reasons.Add($"{(worse ? "worse than" : "not worse than")} champion v{candidate.ChampionVersion} in {metric} beyond the intervals (test {mine.Value} vs {champion.Value})");
        }

        if (candidate.FloorBaseline is { } floorName)
        {
            if (candidate.BaselineEstimates.GetValueOrDefault(floorName)?.FirstOrDefault(e => e.Name == metric) is not { } floor)
            {
                reasons.Add($"baseline {floorName} has no {metric} on this window: the model cannot be compared with it");
                return false;
            }

            if (!metric.EndsWith("loss", StringComparison.Ordinal))
            {
                reasons.Add($"{metric} beside baseline {floorName}: test {mine.Value} vs {floor.Value} (shown, not gated: see the champion gate)");
                return ok;
            }

            var worse = !mine.AtLeastAsGoodAs(floor.Value.Estimate);
            ok &= !worse;
            reasons.Add($"{(worse ? "worse than" : "not worse than")} baseline {floorName} in {metric} (test {mine.Value} vs {floor.Value})");
        }

        return ok;
    }

    /// <summary>Adds a kind-specific gate's verdict.</summary>
    public PromotionDecision With(bool passed, string reason) => new(Allowed && passed, [.. Reasons, reason]);
}
