using System.Diagnostics;
using System.Globalization;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Models.Business;

namespace EAmazing.BusinessModels.EmergingCategories;

/// <summary>
/// <c>eamazing detect emerging [--as-of DAY]</c>: the detector judges every category on the lake's days up to the as-of day
/// (default: the last) and writes the ranked list as the partition of <c>gold_emerging_categories</c> for the as-of month
/// (a rerun in the same month replaces it), plus a report with a chart per flagged category. The rows pass through a
/// temporary CSV beside the partition, removed before returning; the partition appears whole or not at all.
/// </summary>
public sealed class EmergingCategoriesWriting(DetectorSettings settings) : IDetectionWriter
{
    private const string ColumnTypes = """
        {'as_of': 'DATE', 'rank': 'INTEGER', 'category_key': 'VARCHAR', 'top_category': 'VARCHAR', 'signal': 'VARCHAR', 'flagged': 'BOOLEAN',
         'score': 'DOUBLE', 'growth_per_month': 'DOUBLE', 'start_date': 'DATE', 'first_seen': 'DATE', 'trend_z': 'DOUBLE', 'burst_z': 'DOUBLE',
         'dispersion': 'DOUBLE', 'views_last_week': 'DOUBLE'}
        """;

    public static readonly IReadOnlyList<string> ListHeader = ["rank", "category", "top level", "signal", "score", "growth/month", "start", "trend z", "views last week"];

    public string Subject => "emerging";

    public GoldTable Table => EmergingCategoriesTable.Table;

    public DetectionOutcome Detect(DetectionContext context, DateOnly? asOf, IProgress<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var lake = context.Lake;
        progress?.Report($"reading {GoldTables.DemandDaily.ViewName}");
        var history = EmergenceHistory.Load(lake);
        var day = asOf ?? history.Last;
        progress?.Report($"judging {history.Categories.Count:N0} categories as of {day:yyyy-MM-dd}");
        var flags = new EmergenceDetector(settings).Detect(history, day);
        var month = day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var partition = new GoldPartitionWriter(lake, Table, month);
        var count = partition.Write(EmergingCategoriesTable.Columns, writer => WriteRows(writer, day, flags),
            csv => $"""
                SELECT {string.Join(", ", EmergingCategoriesTable.Columns)}
                FROM read_csv('{LakeSql.Literal(csv)}', header = true, columns = {ColumnTypes})
                ORDER BY rank
                """,
            GoldTables.DemandDaily.Name, $"emerging/{day:yyyy-MM-dd}", clock);
        var relative = partition.Partition;

        var report = EmergingCategoriesReport.Write(Path.Combine(context.ReportFolder, "emerging", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), history, day, flags);
        var flagged = flags.Where(f => f.Flagged).ToList();
        return new DetectionOutcome(Table.Name, relative, count, new ComparisonTable(ListHeader, [.. flagged.Select((f, i) => Row(i + 1, f))]),
        [
            string.Create(CultureInfo.InvariantCulture, $"as of {day:yyyy-MM-dd} ({history.IndexOf(day) + 1} days from {history.First:yyyy-MM-dd}): {flagged.Count(f => f.Signal == EmergenceSignal.Launch)} launches and {flagged.Count(f => f.Signal == EmergenceSignal.Emerging)} emerging categories flagged of {flags.Count:N0}"),
            string.Create(CultureInfo.InvariantCulture, $"also seen: {flags.Count(f => f.Signal == EmergenceSignal.Declining)} declining, {flags.Count(f => f.Signal == EmergenceSignal.Burst)} bursts (not flagged)"),
        ], report);
    }

    public ComparisonTable Latest(IScratchDatabase scratch, LakeLayout lake, int limit)
    {
        if (LatestGoldRows.Query(lake, Table.Name, asOfColumn: "as_of") is not { } latest)
        {
            return new ComparisonTable(ListHeader, []);
        }

        var rows = scratch.Read($"""
            SELECT rank, category_key, top_category, signal, score, growth_per_month, start_date, trend_z, views_last_week
            FROM ({latest})
            WHERE flagged
            ORDER BY rank
            LIMIT {Math.Max(1, limit)}
            """).Rows;
        return new ComparisonTable(ListHeader, [.. rows.Select(r => (IReadOnlyList<string>)[.. r.Select(Cell)])]);
    }

    private static IReadOnlyList<string> Row(int rank, EmergenceFlag f) =>
    [
        rank.ToString(CultureInfo.InvariantCulture), f.CategoryKey, f.TopCategory, f.Signal.ToString().ToLowerInvariant(),
        f.Score.ToString("0.0", CultureInfo.InvariantCulture), f.GrowthPerMonth.ToString("0.00", CultureInfo.InvariantCulture),
        f.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.TrendZ.ToString("0.0", CultureInfo.InvariantCulture),
        f.ViewsLastWeek.ToString("0", CultureInfo.InvariantCulture),
    ];

    private static string Cell(object? value) => value switch
    {
        null or DBNull => "",
        double d => d.ToString("0.00", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static void WriteRows(TextWriter writer, DateOnly asOf, IReadOnlyList<EmergenceFlag> flags)
    {
        var rank = 0;
        foreach (var f in flags)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{asOf:yyyy-MM-dd},{++rank},{Quote(f.CategoryKey)},{Quote(f.TopCategory)},{f.Signal.ToString().ToLowerInvariant()},{f.Flagged},"
                + $"{f.Score:R},{f.GrowthPerMonth:R},{f.Start:yyyy-MM-dd},{f.FirstSeen:yyyy-MM-dd},{f.TrendZ:R},{f.BurstZ:R},{f.Dispersion:R},{f.ViewsLastWeek:R}"));
        }
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
