using System.Globalization;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Models.Business;
using EAmazing.Privacy.SmallGroups;

namespace EAmazing.BusinessModels.Segmentation.Scoring;

/// <summary>
/// The segments page: each segment of the latest scored snapshot (<c>gold.customer_segments</c>) with its size and
/// profile (mean purchases, spend and days since the last visit, from <c>gold.user_snapshots</c> at the same time).
/// Segments under k show <c>&lt;k</c> and no measures, and no total is given.
/// </summary>
public sealed class SegmentInsights : IModelInsights
{
    public IReadOnlyList<InsightSection> Read(InsightContext context)
    {
        var segments = GoldLayout.Files(context.Lake, SegmentAssignments.Table);
        if (segments.Count == 0)
        {
            return [new InsightSection("Segments", "No segment is scored yet: run ./eamazing score segments (after train segments and models promote).", [], [])];
        }

        var snapshots = GoldLayout.Files(context.Lake, GoldTables.UserSnapshots.Name);
        var profile = snapshots.Count == 0
            ? "CAST(NULL AS DOUBLE) AS mean_purchases, CAST(NULL AS DOUBLE) AS mean_spend, CAST(NULL AS DOUBLE) AS mean_recency_days"
            : "avg(u.frequency_purchases) AS mean_purchases, avg(u.monetary) AS mean_spend, avg(u.recency_days) AS mean_recency_days";
        var join = snapshots.Count == 0
            ? ""
            : $"LEFT JOIN {LakeSql.ReadParquet(snapshots)} u ON u.user_id = s.user_id AND u.as_of_time = s.as_of_time";
        var rows = context.Scratch.Read($"""
            WITH s AS (SELECT * FROM {LakeSql.ReadParquet(segments)}),
                 latest AS (SELECT max(as_of_time) AS as_of_time FROM s)
            SELECT s.segment_id AS segment, s.segment_name AS name, count(*) AS people, {profile},
                   strftime(max(s.as_of_time), '%Y-%m-%d') AS snapshot, max(s.model_version) AS version
            FROM s JOIN latest ON s.as_of_time = latest.as_of_time {join}
            GROUP BY s.segment_id, s.segment_name ORDER BY s.segment_id
            """);
        var table = new SmallGroupSuppression(context.MinGroupSize).Apply(rows, "people", ["segment", "name", "snapshot", "version"]);
        var people = table.Columns.ToList().IndexOf("people");
        var snapshot = table.Rows.Select(r => r[^2]).FirstOrDefault() ?? "";
        var chart = new InsightChart(InsightChartKind.Bar, "segment", "people",
            [.. table.Rows.Select(r => $"{r[0]} {r[1]}")],
            [new InsightSeries("people", [.. table.Rows.Select(r => double.TryParse(r[people], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : (double?)null)])]);
        var note = string.Create(CultureInfo.InvariantCulture,
            $"Snapshot of {snapshot}: each segment's size and profile. Segments of fewer than {context.MinGroupSize} people show <{context.MinGroupSize} and no measures.");
        return [new InsightSection("Segment sizes and profiles", note, table.Columns, table.Rows, chart), Migration(context, segments)];
    }

    /// <summary>
    /// Where the people of one scored snapshot are at the next (the two latest snapshots, people in both): one flow per pair
    /// of segments. A flow of fewer than k people shows <c>&lt;k</c> in the table and is left out of the chart.
    /// </summary>
    private static InsightSection Migration(InsightContext context, IReadOnlyList<string> segments)
    {
        var rows = context.Scratch.Read($"""
            WITH s AS (SELECT * FROM {LakeSql.ReadParquet(segments)}),
                 dates AS (SELECT DISTINCT as_of_time FROM s ORDER BY as_of_time DESC LIMIT 2),
                 earlier AS (SELECT s.* FROM s WHERE as_of_time = (SELECT min(as_of_time) FROM dates)),
                 later AS (SELECT s.* FROM s WHERE as_of_time = (SELECT max(as_of_time) FROM dates))
            SELECT strftime(e.as_of_time, '%Y-%m-%d') || ' ' || e.segment_name AS "from", strftime(l.as_of_time, '%Y-%m-%d') || ' ' || l.segment_name AS "to",
                   count(*) AS people
            FROM earlier e JOIN later l ON e.user_id = l.user_id AND e.as_of_time < l.as_of_time
            GROUP BY 1, 2 ORDER BY 1, 2
            """);
        if (rows.Rows.Count == 0)
        {
            return new InsightSection("Segment migration", "One snapshot is scored: migration needs two. Score an earlier one too: ./eamazing score segments --as-of DATE.", [], []);
        }

        var table = new SmallGroupSuppression(context.MinGroupSize).Apply(rows, "people", ["from", "to"]);
        var flows = table.Rows.Where(r => !r[2].StartsWith('<')).Select(r => new InsightFlow(r[0], r[1], double.Parse(r[2], CultureInfo.InvariantCulture))).ToList();
        var chart = new InsightChart(InsightChartKind.Flow, "", "people", [], []) { Flows = flows };
        return new InsightSection("Segment migration", string.Create(CultureInfo.InvariantCulture,
            $"People scored at both of the two latest snapshots, by their segment at each. Moves of fewer than {context.MinGroupSize} people show <{context.MinGroupSize} and are not drawn."),
            table.Columns, table.Rows, chart);
    }
}
