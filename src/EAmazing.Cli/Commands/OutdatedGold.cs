using EAmazing.Features;
using EAmazing.Lake;

namespace EAmazing.Cli.Commands;

/// <summary>
/// The refusal <c>train</c> and <c>score</c> share: gold rows built before silver changed (an erasure, a new month, other
/// feature settings) still count what silver no longer holds, e.g. an erased person's events in everyone's item
/// histories. No model learns from or scores them, and a leakage audit would read their difference from silver as leakage.
/// </summary>
public static class OutdatedGold
{
    /// <summary>The partitions of <paramref name="tables"/> not current with silver, as the command to run first; null when all are.</summary>
    public static string? Problem(IGoldEngine lake, FeatureOptions features, string reader, IReadOnlyList<GoldTable> tables)
    {
        var outdated = new FeatureBuilder(lake, features).Outdated(tables);
        if (outdated.Count == 0)
        {
            return null;
        }

        var partitions = outdated.GroupBy(s => (s.Table, s.Reason))
            .Select(g => $"{g.Key.Table} {string.Join(", ", g.Select(s => s.Month))} ({g.Key.Reason})");
        return $"{outdated.Count} gold partition(s) {reader} reads are not current with silver: {string.Join("; ", partitions)}. "
            + "No model learns from or scores rows built before silver changed (an erasure, a new month, other feature settings): "
            + "run eamazing features build first (it rebuilds only these)";
    }
}
