using System.Globalization;
using System.Text.RegularExpressions;

namespace EAmazing.Bench;

/// <summary>
/// Seconds per month of a <c>features build</c>, read from its console output (one line per table and month:
/// "  sessions  2019-10  Build  8,389,433 rows  20.8 s"): the issue's "gold build of a month" figure at full scale,
/// where one build covers every month. An up-to-date partition counts with the build time the catalog recorded for it
/// (the CLI prints it), so a build resumed after a stop still gives each month's whole figure; the note says how many
/// partitions were built earlier.
/// </summary>
public static partial class GoldBuildLog
{
    public static IReadOnlyList<(string Month, double Seconds)> SecondsPerMonth(string output) =>
        PartitionLine().Matches(output)
            .GroupBy(m => m.Groups["month"].Value)
            .Select(g => (g.Key, g.Sum(m => double.Parse(m.Groups["seconds"].Value, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture))))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// "gold build per month (sum of its partitions): 2019-10 612 s, 2019-11 700 s; 1,312 s in all", with how many were
    /// built earlier when some were; nothing when the output has no partition.
    /// </summary>
    public static string Note(string output)
    {
        var months = SecondsPerMonth(output);
        var earlier = PartitionLine().Matches(output).Count(m => m.Groups["action"].Value == "UpToDate");
        var how = earlier == 0 ? "" : FormattableString.Invariant($", {earlier} of them built by an earlier run");
        return months.Count == 0 ? "" : $"gold build per month (sum of its partitions{how}): "
            + string.Join(", ", months.Select(m => FormattableString.Invariant($"{m.Month} {m.Seconds:N0} s")))
            + FormattableString.Invariant($"; {months.Sum(m => m.Seconds):N0} s in all");
    }

    [GeneratedRegex(@"^\s+\S+\s+(?<month>\d{4}-\d{2})\s+(?<action>Build|UpToDate)\s+[\d,]+ rows\s+(?<seconds>[\d,]+\.\d) s\s*$", RegexOptions.Multiline)]
    private static partial Regex PartitionLine();
}
