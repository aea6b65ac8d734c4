using System.Globalization;
using System.Text.RegularExpressions;

namespace EAmazing.Bench;

/// <summary>
/// Seconds per month of a <c>features build</c>, read from its console output (one line per table and month:
/// "  sessions  2019-10  Build  8,389,433 rows  20.8 s"): the issue's "gold build of a month" figure at full scale,
/// where one build covers every month. Up-to-date partitions are not counted.
/// </summary>
public static partial class GoldBuildLog
{
    public static IReadOnlyList<(string Month, double Seconds)> SecondsPerMonth(string output) =>
        PartitionLine().Matches(output)
            .GroupBy(m => m.Groups["month"].Value)
            .Select(g => (g.Key, g.Sum(m => double.Parse(m.Groups["seconds"].Value, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture))))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>"gold build per month: 2019-10 612 s, 2019-11 700 s", or nothing when the output has no built partition.</summary>
    public static string Note(string output)
    {
        var months = SecondsPerMonth(output);
        return months.Count == 0 ? "" : "gold build per month (sum of its partitions): " + string.Join(", ", months.Select(m => FormattableString.Invariant($"{m.Month} {m.Seconds:N0} s")));
    }

    [GeneratedRegex(@"^\s+\S+\s+(?<month>\d{4}-\d{2})\s+Build\s+[\d,]+ rows\s+(?<seconds>[\d,]+\.\d) s\s*$", RegexOptions.Multiline)]
    private static partial Regex PartitionLine();
}
