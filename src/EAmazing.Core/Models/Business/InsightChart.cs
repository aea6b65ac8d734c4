namespace EAmazing.Models.Business;

/// <summary>
/// A bar or line chart: categories (or x values) along the x axis, one or more named series (null: a suppressed group),
/// optionally shaded bands between a lower and an upper series (a forecast's interval); or a flow chart (sankey) of
/// <see cref="Flows"/> between named stages (segment migration), where X and Series are empty.
/// </summary>
public sealed record InsightChart(InsightChartKind Kind, string XName, string YName, IReadOnlyList<string> X, IReadOnlyList<InsightSeries> Series)
{
    /// <summary>Shaded intervals drawn under the series, widest first.</summary>
    public IReadOnlyList<InsightBand> Bands { get; init; } = [];

    /// <summary>The links of a <see cref="InsightChartKind.Flow"/> chart (each already respects k).</summary>
    public IReadOnlyList<InsightFlow> Flows { get; init; } = [];
}
