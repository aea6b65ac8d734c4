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
    public static string Of(InsightChart chart)
    {
        if (chart.Kind == InsightChartKind.Flow)
        {
            return Serialize(Sankey(chart.Flows));
        }

        var bands = chart.Bands.SelectMany(Band);
        var lines = chart.Series.Select(s => new JsonObject
        {
            ["name"] = s.Name,
            ["type"] = chart.Kind == InsightChartKind.Bar ? "bar" : "line",
            ["showSymbol"] = chart.Kind == InsightChartKind.Bar || chart.X.Count <= 31,
            ["data"] = Values(s.Values),
        });
        var option = Axes(chart.XName, chart.YName, chart.X, [.. bands, .. lines]);
        if (chart.Bands.Count > 0 || chart.Series.Count > 1)
        {
            option["legend"] = new JsonObject { ["top"] = 0 };
            ((JsonObject)option["grid"]!)["top"] = 40;
        }

        return Serialize(option);
    }

    /// <summary>
    /// An interval as two stacked lines: the lower bound drawn invisibly, then the width above it shaded (ECharts' way to
    /// fill between two lines). A missing bound leaves a gap.
    /// </summary>
    private static IEnumerable<JsonObject> Band(InsightBand band)
    {
        var stack = "band " + band.Name;
        yield return new JsonObject
        {
            ["name"] = band.Name, ["type"] = "line", ["stack"] = stack, ["symbol"] = "none", ["lineStyle"] = new JsonObject { ["opacity"] = 0 },
            ["data"] = Values(band.Lower),
        };
        yield return new JsonObject
        {
            ["name"] = band.Name, ["type"] = "line", ["stack"] = stack, ["symbol"] = "none", ["lineStyle"] = new JsonObject { ["opacity"] = 0 },
            ["areaStyle"] = new JsonObject { ["opacity"] = 0.25 },
            ["data"] = Values([.. band.Lower.Zip(band.Upper, (l, u) => l is { } a && u is { } b ? b - a : (double?)null)]),
        };
    }

    private static JsonObject Sankey(IReadOnlyList<InsightFlow> flows) => new()
    {
        ["animation"] = false,
        ["tooltip"] = new JsonObject { ["trigger"] = "item" },
        ["series"] = new JsonArray(new JsonObject
        {
            ["type"] = "sankey",
            ["left"] = 8, ["right"] = 160, ["top"] = 16, ["bottom"] = 16,
            ["emphasis"] = new JsonObject { ["focus"] = "adjacency" },
            ["data"] = new JsonArray([.. flows.SelectMany(f => new[] { f.From, f.To }).Distinct(StringComparer.Ordinal).Select(n => new JsonObject { ["name"] = n })]),
            ["links"] = new JsonArray([.. flows.Select(f => new JsonObject { ["source"] = f.From, ["target"] = f.To, ["value"] = f.Value })]),
        }),
    };

    private static JsonArray Values(IReadOnlyList<double?> values) => new([.. values.Select(v => v is { } d ? JsonValue.Create(d) : null)]);

    public static string Bars(string xName, string yName, IReadOnlyList<string> x, IReadOnlyList<double> values) =>
        Of(new InsightChart(InsightChartKind.Bar, xName, yName, x, [new InsightSeries(yName, [.. values.Select(v => (double?)v)])]));

    /// <summary>The primary metric of a version with its interval, beside each baseline and the world's oracle (its interval too).</summary>
    public static string Interval(ModelCard card) => Boxes(card.PrimaryMetric, [card], card);

    /// <summary>Two versions' primary metric with their intervals, beside the later one's baselines and oracle.</summary>
    public static string Compare(ModelCard a, ModelCard b) => Boxes(a.PrimaryMetric, a.Version == b.Version ? [a] : [a, b], b);

    private static string Boxes(string metric, IReadOnlyList<ModelCard> versions, ModelCard card)
    {
        var names = new List<string>();
        var boxes = new JsonArray();
        void Add(string name, double estimate, double lower, double upper)
        {
            names.Add(name);
            (lower, upper) = double.IsFinite(lower) && double.IsFinite(upper) ? (lower, upper) : (estimate, estimate);
            boxes.Add(new JsonArray(lower, lower, estimate, upper, upper));
        }

        foreach (var version in versions)
        {
            if (version.Estimates.FirstOrDefault(e => e.Name == metric) is { } primary)
            {
                Add($"v{version.Version} {version.Family}", primary.Value.Estimate, primary.Value.Lower, primary.Value.Upper);
            }
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
        ["xAxis"] = new JsonObject { ["type"] = "category", ["name"] = xName, ["nameLocation"] = "middle", ["nameGap"] = 52, ["data"] = new JsonArray([.. x.Select(v => JsonValue.Create(v))]), ["axisLabel"] = new JsonObject { ["interval"] = x.Count > 31 ? (JsonNode)"auto" : 0, ["rotate"] = x.Count > 5 ? 20 : 0 } },
        ["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = yName },
        ["series"] = new JsonArray([.. series]),
    };

    private static string Serialize(JsonObject option) => option.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
