using System.Globalization;
using EAmazing.Features;
using EAmazing.Lake;

namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>
/// Per-customer purchase histories from <c>gold_sessions</c>, as of a calibration end: a transaction is a session
/// holding a purchase (a session, not an event, so a basket of three items counts once, as the models assume), dated
/// by its start. Customers are those with a purchase before the calibration end; the holdout counts, when asked for,
/// are read from the sessions starting in [end, end + holdout) only.
/// </summary>
public static class CustomerHistory
{
    /// <summary>One customer: the pseudonym, the calibration summary, the calibration revenue, and the holdout outcome.</summary>
    public sealed record Row(string User, CustomerSummary Summary, double CalibrationRevenue, int HoldoutPurchases, double HoldoutRevenue);

    /// <summary>The span of the lake's sessions: the first start and the last end.</summary>
    public static (DateTime First, DateTime Last) Span(IGoldEngine lake)
    {
        QueryResult result;
        try
        {
            result = lake.Query($"SELECT min(session_start), max(session_end) FROM {GoldTables.Sessions.ViewName}");
        }
        catch (System.Data.Common.DbException)
        {
            throw new InvalidOperationException($"the lake has no {GoldTables.Sessions.ViewName}: build the gold layer first (eamazing features build)");
        }

        return result.Rows[0][0] is DateTime first && result.Rows[0][1] is DateTime last
            ? (first, last)
            : throw new InvalidOperationException($"{GoldTables.Sessions.ViewName} is empty: ingest events and build the gold layer first");
    }

    /// <summary>The midnight after the lake's last day: the lake's last day counts as complete.</summary>
    public static DateTime CoveredUntil(DateTime lastEvent) => lastEvent.Date.AddDays(1);

    public static IReadOnlyList<Row> Load(IGoldEngine lake, DateTime calibrationEnd, int holdoutDays)
    {
        var end = FeatureSql.Timestamp(calibrationEnd);
        var holdoutEnd = FeatureSql.Timestamp(calibrationEnd.AddDays(holdoutDays));
        var sessions = GoldTables.Sessions.ViewName;
        // Monetary value is the mean of the repeat transactions (the first is left out, as in the Gamma–Gamma papers).
        // Revenues are summed as the prices' exact cents (a session's revenue is a sum of DECIMAL(12, 2) prices stored as
        // a DOUBLE): the engine adds a user's rows in whatever order its threads meet them, and DOUBLE sums in another
        // order differ in their last bits, which moved the Gamma–Gamma fit between two runs of the same lake.
        var result = lake.Query($"""
            WITH purchases AS (
                SELECT user_id, session_start AS t, CAST(purchase_revenue AS DECIMAL(18, 2)) AS v
                FROM {sessions} WHERE has_purchase AND session_start < {end}
            ),
            calibration AS (
                SELECT user_id,
                    count(*) - 1 AS frequency,
                    date_diff('millisecond', min(t), max(t)) / 86400000.0 AS recency,
                    date_diff('millisecond', min(t), {end}) / 86400000.0 AS age,
                    -- the first transaction; of two at the same time, the smaller
                    CASE WHEN count(*) > 1 THEN CAST(sum(v) - arg_min(v, (t, v)) AS DOUBLE) / (count(*) - 1) ELSE 0 END AS monetary_value,
                    CAST(sum(v) AS DOUBLE) AS revenue
                FROM purchases GROUP BY user_id
            ),
            holdout AS (
                SELECT user_id, count(*) AS purchases, CAST(sum(CAST(purchase_revenue AS DECIMAL(18, 2))) AS DOUBLE) AS revenue
                FROM {sessions} WHERE has_purchase AND session_start >= {end} AND session_start < {holdoutEnd}
                GROUP BY user_id
            )
            SELECT c.user_id, c.frequency, c.recency, c.age, c.monetary_value, c.revenue, coalesce(h.purchases, 0), coalesce(h.revenue, 0)
            FROM calibration c LEFT JOIN holdout h USING (user_id)
            ORDER BY c.user_id
            """);
        return result.Rows.Select(r => new Row(
            (string)r[0]!,
            new CustomerSummary(Convert.ToInt32(r[1], CultureInfo.InvariantCulture), Number(r[2]), Number(r[3]), Number(r[4])),
            Number(r[5]),
            Convert.ToInt32(r[6], CultureInfo.InvariantCulture),
            Number(r[7]))).ToList();
    }

    private static double Number(object? value) => value is null or DBNull ? 0 : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
