using System.Globalization;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Models.Business;
using EAmazing.Models.Evaluation;
using EAmazing.Privacy.SmallGroups;

namespace EAmazing.BusinessModels.Churn;

/// <summary>
/// The churn page, from the latest snapshot in <c>gold.churn_scores</c>: how many users fall in each band of churn
/// probability (fixed bands, no edge taken from a person's score), the groups at risk (past buyers or not × days since
/// the last purchase) with their expected leavers and how many the campaign contacts, and the retention campaign's
/// expected profit, cost and kept customers by share contacted (in the scoring's rank order). Groups under k show
/// <c>&lt;k</c> and no measures; a campaign point needs at least k users contacted.
/// </summary>
public sealed class ChurnInsights(CampaignOptions? campaign = null) : IModelInsights
{
    /// <summary>Upper bounds of the probability bands (the last one closes at 1).</summary>
    public static readonly double[] BandEdges = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    /// <summary>Upper bounds, in days, of the recency groups of past buyers (the last group is open).</summary>
    public static readonly int[] RecencyEdges = [7, 30, 60];

    private readonly CampaignOptions _campaign = campaign ?? new CampaignOptions();

    public IReadOnlyList<InsightSection> Read(InsightContext context)
    {
        if (LatestGoldRows.Query(context.Lake, ChurnScoresTable.Table.Name) is not { } latest)
        {
            return [new InsightSection("Churn risk", "No user is scored yet: run ./eamazing score churn (after train churn and models promote churn VERSION).", [], [])];
        }

        var suppression = new SmallGroupSuppression(context.MinGroupSize);
        return [Distribution(context, suppression, latest), Groups(context, suppression, latest), Campaign(context, latest)];
    }

    private static InsightSection Distribution(InsightContext context, SmallGroupSuppression suppression, string latest)
    {
        var band = string.Join(" ", BandEdges.Select((edge, i) => string.Create(CultureInfo.InvariantCulture,
            $"WHEN churn_probability < {edge} THEN '{(i == 0 ? 0 : BandEdges[i - 1]):0.0}–{edge:0.0}'")));
        var rows = context.Scratch.Read($"""
            SELECT CASE {band} ELSE '{BandEdges[^1].ToString("0.0", CultureInfo.InvariantCulture)}–1.0' END AS churn_probability,
                   count(*) AS people, round(avg(CASE WHEN has_purchased THEN 1.0 ELSE 0.0 END), 3) AS share_past_buyers,
                   sum(CASE WHEN targeted THEN 1 ELSE 0 END) AS contacted,
                   strftime(max(as_of_time), '%Y-%m-%d') AS snapshot
            FROM ({latest}) GROUP BY 1 ORDER BY 1
            """);
        var table = suppression.Apply(rows, "people", ["churn_probability", "snapshot"]);
        var chart = new InsightChart(InsightChartKind.Bar, "churn probability", "users", [.. table.Rows.Select(r => r[0])],
            [new InsightSeries("users", [.. table.Rows.Select(r => Number(r[1]))])]);
        var snapshot = table.Rows.Select(r => r[^1]).FirstOrDefault() ?? "";
        return new InsightSection("Churn risk distribution", string.Create(CultureInfo.InvariantCulture,
            $"Users of the snapshot of {snapshot} by their probability of no purchase in the next 28 days. Bands of fewer than {context.MinGroupSize} users show <{context.MinGroupSize} and no measures."),
            table.Columns, table.Rows, chart);
    }

    private static InsightSection Groups(InsightContext context, SmallGroupSuppression suppression, string latest)
    {
        var recency = string.Join(" ", RecencyEdges.Select((edge, i) => string.Create(CultureInfo.InvariantCulture,
            $"WHEN days_since_last_purchase <= {edge} THEN '{i + 1} bought {(i == 0 ? 0 : RecencyEdges[i - 1] + 1)}–{edge} days ago'")));
        var rows = context.Scratch.Read($"""
            SELECT CASE WHEN NOT has_purchased OR days_since_last_purchase IS NULL THEN '0 never bought'
                        {recency} ELSE '{RecencyEdges.Length + 1} bought over {RecencyEdges[^1]} days ago' END AS user_group,
                   count(*) AS people, round(avg(churn_probability), 3) AS mean_churn_probability,
                   round(sum(churn_probability)) AS expected_leavers, sum(CASE WHEN targeted THEN 1 ELSE 0 END) AS contacted,
                   round(avg(kept_value), 1) AS mean_kept_value
            FROM ({latest}) GROUP BY 1 ORDER BY 1
            """);
        // The leading digit only orders the groups.
        var ordered = new QueryResult(rows.Columns, [.. rows.Rows.Select(r => r.Select((v, i) => i == 0 ? (object?)((string)v!)[2..] : v).ToArray())]);
        var table = suppression.Apply(ordered, "people", ["user_group"]);
        var chart = new InsightChart(InsightChartKind.Bar, "group", "users", [.. table.Rows.Select(r => r[0])],
        [
            new InsightSeries("expected leavers", [.. table.Rows.Select(r => Number(r[3]))]),
            new InsightSeries("contacted", [.. table.Rows.Select(r => Number(r[4]))]),
        ]);
        return new InsightSection("Groups at risk", string.Create(CultureInfo.InvariantCulture,
            $"Expected leavers (sum of churn probabilities) and users the campaign contacts, by past purchases and days since the last one; kept value is what keeping a user is worth (the customer-value model's expected value where scored). Groups of fewer than {context.MinGroupSize} users show <{context.MinGroupSize} and no measures."),
            table.Columns, table.Rows, chart);
    }

    private InsightSection Campaign(InsightContext context, string latest)
    {
        var leaving = new List<double>();
        var kept = new List<double>();
        var contacted = 0;
        context.Scratch.ForEachRow($"SELECT CAST(churn_probability AS DOUBLE), CAST(kept_value AS DOUBLE), targeted FROM ({latest}) ORDER BY campaign_rank, user_id", r =>
        {
            leaving.Add(r.GetDouble(0));
            kept.Add(r.GetDouble(1));
            contacted += r.GetBoolean(2) ? 1 : 0;
        });
        var curve = CampaignEconomics.Curve(leaving, _campaign, kept);
        var keptCustomers = new double[leaving.Count + 1];
        for (var i = 0; i < leaving.Count; i++)
        {
            // The curve contacts in the same order (descending probability, ties by rank): expected customers kept so far.
            keptCustomers[i + 1] = keptCustomers[i] + (leaving[i] * _campaign.AcceptanceRate);
        }

        var k = context.MinGroupSize;
        // One point per 5 % contacted, none for fewer than k users: a point's profit must not describe a handful of people.
        var points = Enumerable.Range(1, 20).Select(step => curve.Points[(int)Math.Round(step / 20.0 * leaving.Count)])
            .Where(p => p.Targeted >= k).DistinctBy(p => p.Targeted).ToList();
        var rows = points.Select(p => new[]
        {
            p.Share.ToString("P0", CultureInfo.InvariantCulture), p.Targeted.ToString(CultureInfo.InvariantCulture),
            (p.Targeted * _campaign.OfferCost).ToString("0", CultureInfo.InvariantCulture), keptCustomers[p.Targeted].ToString("0", CultureInfo.InvariantCulture),
            p.ExpectedProfit.ToString("0", CultureInfo.InvariantCulture),
        }).ToList();
        var scored = contacted >= k && contacted < curve.Points.Count
            ? string.Create(CultureInfo.InvariantCulture, $"The scoring contacts {contacted:N0} users ({contacted / (double)leaving.Count:P1}): cost {contacted * _campaign.OfferCost:N0}, expected kept customers {keptCustomers[contacted]:N0}, expected profit {curve.Points[contacted].ExpectedProfit:N0}.")
            : "The scoring contacts fewer than k users or nobody: the campaign does not pay on this snapshot.";
        var chart = new InsightChart(InsightChartKind.Line, "share contacted", "amount", [.. rows.Select(r => r[0])],
        [
            new InsightSeries("expected profit", [.. points.Select(p => (double?)Math.Round(p.ExpectedProfit))]),
            new InsightSeries("offer cost", [.. points.Select(p => (double?)(p.Targeted * _campaign.OfferCost))]),
        ]);
        return new InsightSection("Retention campaign", string.Create(CultureInfo.InvariantCulture,
            $"Users contacted in order of churn probability; each contact costs {_campaign.OfferCost} and keeps a leaver with probability {_campaign.AcceptanceRate:0.##}, worth their kept value. {scored}"),
            ["share contacted", "users contacted", "offer cost", "expected kept customers", "expected profit"], rows, chart);
    }

    private static double? Number(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
}
