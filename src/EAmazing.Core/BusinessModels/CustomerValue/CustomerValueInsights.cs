using System.Globalization;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Models.Business;
using EAmazing.Models.Evaluation;
using EAmazing.Privacy.SmallGroups;

namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>
/// The customer-value page, from the latest scoring in <c>gold.customer_scores</c>: how many customers fall in each
/// band of expected value (fixed bands, so no edge is taken from one person's value; bands under k show <c>&lt;k</c>),
/// and the campaign curve (customers contacted in order of 1 − P(alive), as the training report draws it), shown
/// only at points where at least k customers are contacted.
/// </summary>
public sealed class CustomerValueInsights(CampaignOptions? campaign = null) : IModelInsights
{
    /// <summary>Upper bounds of the value bands (the last band is open).</summary>
    public static readonly double[] BandEdges = [1, 5, 20, 50, 100, 250];

    private readonly CampaignOptions _campaign = campaign ?? new CampaignOptions();

    public IReadOnlyList<InsightSection> Read(InsightContext context)
    {
        if (LatestGoldRows.Query(context.Lake, CustomerScoresTable.Table.Name) is not { } latest)
        {
            return [new InsightSection("Customer value", "No customer is scored yet: run ./eamazing score customers (after train value and models promote).", [], [])];
        }

        return [Distribution(context, latest), Campaign(context, latest)];
    }

    private static InsightSection Distribution(InsightContext context, string latest)
    {
        var band = string.Join(" ", BandEdges.Select((edge, i) => string.Create(CultureInfo.InvariantCulture,
            $"WHEN expected_value < {edge} THEN '{i:00} {(i == 0 ? 0 : BandEdges[i - 1])}–{edge}'")));
        var rows = context.Scratch.Read($"""
            SELECT CASE {band} ELSE '{BandEdges.Length:00} {BandEdges[^1].ToString(CultureInfo.InvariantCulture)} and more' END AS value_band,
                   count(*) AS people, avg(probability_alive) AS mean_probability_alive, avg(expected_purchases) AS mean_expected_purchases
            FROM ({latest}) GROUP BY value_band ORDER BY value_band
            """);
        // The two-digit prefix only orders the bands.
        var ordered = new QueryResult(rows.Columns, [.. rows.Rows.Select(r => r.Select((v, i) => i == 0 ? (object?)((string)v!)[3..] : v).ToArray())]);
        var table = new SmallGroupSuppression(context.MinGroupSize).Apply(ordered, "people", ["value_band"]);
        var chart = new InsightChart(InsightChartKind.Bar, "expected value", "customers", [.. table.Rows.Select(r => r[0])],
            [new InsightSeries("customers", [.. table.Rows.Select(r => Number(r[1]))])]);
        return new InsightSection("Value distribution", string.Create(CultureInfo.InvariantCulture,
            $"Customers by expected value over the model's horizon (latest scoring). Bands of fewer than {context.MinGroupSize} customers show <{context.MinGroupSize} and no measures."),
            table.Columns, table.Rows, chart);
    }

    private InsightSection Campaign(InsightContext context, string latest)
    {
        var leaving = new List<double>();
        context.Scratch.ForEachRow($"SELECT 1 - probability_alive FROM ({latest}) ORDER BY user_id", r => leaving.Add(r.GetDouble(0)));
        var curve = CampaignEconomics.Curve(leaving, _campaign);
        var k = context.MinGroupSize;
        // One point per 5 % contacted, and none for fewer than k customers: a point's profit must not describe a handful of people.
        var points = Enumerable.Range(1, 20).Select(step => curve.Points[(int)Math.Round(step / 20.0 * leaving.Count)])
            .Where(p => p.Targeted >= k).DistinctBy(p => p.Targeted).ToList();
        var rows = points.Select(p => new[]
        {
            p.Share.ToString("P0", CultureInfo.InvariantCulture), p.Targeted.ToString(CultureInfo.InvariantCulture), p.ExpectedProfit.ToString("0", CultureInfo.InvariantCulture),
        }).ToList();
        var best = curve.Best.Targeted >= k
            ? string.Create(CultureInfo.InvariantCulture, $"Best: contact {curve.Best.Share:P1} of customers for an expected profit of {curve.Best.ExpectedProfit:N0}.")
            : "Contacting pays for fewer than k customers or for nobody.";
        var chart = new InsightChart(InsightChartKind.Line, "share contacted", "expected profit", [.. rows.Select(r => r[0])],
            [new InsightSeries("expected profit", [.. points.Select(p => (double?)Math.Round(p.ExpectedProfit))])]);
        return new InsightSection("Campaign curve", string.Create(CultureInfo.InvariantCulture,
            $"Customers contacted in order of 1 − P(alive); offer {_campaign.OfferCost}, acceptance {_campaign.AcceptanceRate:0.##}, kept customer {_campaign.KeptCustomerValue}. {best}"),
            ["share contacted", "customers contacted", "expected profit"], rows, chart);
    }

    private static double? Number(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
}
