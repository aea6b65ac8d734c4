namespace EAmazing.BusinessModels.Segmentation.Selection;

/// <summary>
/// The rule that picks the family and k, printed with every run: among the candidates (baselines excluded) whose every
/// segment is trusted (bootstrap mean Jaccard ≥ 0.75) and holds at least two occupied segments, the highest silhouette;
/// a tie goes to the smaller k. When none is trusted, the most stable candidate is taken and an alarm is raised.
/// </summary>
public static class SelectionRule
{
    public const string Text =
        "among non-baseline candidates whose every segment is stable (bootstrap mean Jaccard >= 0.75), the highest silhouette (ties: smaller k); "
        + "if none is stable, the highest mean stability, with an alarm";

    public static (CandidateResult Chosen, bool Trusted) Choose(IReadOnlyList<CandidateResult> candidates)
    {
        var eligible = candidates.Where(c => !c.IsBaseline && c.Occupied >= 2).ToList();
        if (eligible.Count == 0)
        {
            throw new InvalidOperationException("no clustering family produced two or more segments on this snapshot");
        }

        var trusted = eligible.Where(c => c.AllTrusted && double.IsFinite(c.Silhouette)).ToList();
        return trusted.Count > 0
            ? (trusted.OrderByDescending(c => Math.Round(c.Silhouette, 9)).ThenBy(c => c.K).First(), true)
            : (eligible.OrderByDescending(c => c.MeanStability).ThenBy(c => c.K).First(), false);
    }
}
