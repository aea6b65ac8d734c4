using System.Text.Json;
using System.Text.Json.Nodes;
using EAmazing.Models.Registry;

namespace EAmazing.Api.Dashboard.Charts;

/// <summary>
/// Apache ECharts options (JSON) for the dashboard's charts; the page puts them in a <c>data-chart</c> attribute and
/// <c>dashboard.js</c> draws them with the SVG renderer, so a browser test can read the marks.
/// </summary>
public static class ChartOption
{
    public static string Of(InsightChart chart) => Serialize(Axes(chart.XName, chart.YName, chart.X,
        chart.Series.Select(s => new JsonObject
        {
            ["name"] = s.Name,
            ["type"] = chart.Kind == InsightChartKind.Bar ? "bar" : "line",
            ["data"] = new JsonArray([.. s.Values.Select(v => v is { } d ? JsonValue.Create(d) : null)]),
        })));

    public static string Bars(string xName, string yName, IReadOnlyList<string> x, IReadOnlyList<double> values) =>
        Of(new InsightChart(InsightChartKind.Bar, xName, yName, x, [new InsightSeries(yName, [.. values.Select(v => (double?)v)])]));

    /// <summary>The primary metric of a version with its interval, beside each baseline and the world's oracle (its interval too).</summary>
    public static string Interval(ModelCard card)
    {
        var names = new List<string>();
        var boxes = new JsonArray();
        void Add(string name, double estimate, double lower, double upper)
        {
            names.Add(name);
            (lower, upper) = double.IsFinite(lower) && double.IsFinite(upper) ? (lower, upper) : (estimate, estimate);
            boxes.Add(new JsonArray(lower, lower, estimate, upper, upper));
        }

        if (card.Primary is { } primary)
        {
            Add($"v{card.Version} {card.Family}", primary.Value.Estimate, primary.Value.Lower, primary.Value.Upper);
        }

        foreach (var (name, value) in card.Baselines)
        {
            var estimate = card.BaselineEstimates.GetValueOrDefault(name)?.FirstOrDefault(e => e.Name == card.PrimaryMetric)?.Value;
            Add(name, value, estimate?.Lower ?? value, estimate?.Upper ?? value);
        }

        if (card.Oracle is { } oracle)
        {
            Add("oracle", oracle.Estimate, oracle.Lower, oracle.Upper);
        }

        var option = Axes("", card.PrimaryMetric, names, [new JsonObject { ["name"] = card.PrimaryMetric, ["type"] = "boxplot", ["data"] = boxes }]);
        ((JsonObject)option["yAxis"]!)["scale"] = true;
        return Serialize(option);
    }

    private static JsonObject Axes(string xName, string yName, IReadOnlyList<string> x, IEnumerable<JsonObject> series) => new()
    {
        ["animation"] = false,
        ["tooltip"] = new JsonObject { ["trigger"] = "axis" },
        ["grid"] = new JsonObject { ["left"] = 64, ["right"] = 24, ["top"] = 24, ["bottom"] = 72 },
        ["xAxis"] = new JsonObject { ["type"] = "category", ["name"] = xName, ["nameLocation"] = "middle", ["nameGap"] = 52, ["data"] = new JsonArray([.. x.Select(v => JsonValue.Create(v))]), ["axisLabel"] = new JsonObject { ["interval"] = 0, ["rotate"] = x.Count > 5 ? 20 : 0 } },
        ["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = yName },
        ["series"] = new JsonArray([.. series]),
    };

    private static string Serialize(JsonObject option) => option.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
