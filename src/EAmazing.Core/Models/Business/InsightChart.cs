namespace EAmazing.Models.Business;

/// <summary>A bar or line chart: categories (or x values) along the x axis, one or more named series (null: a suppressed group).</summary>
public sealed record InsightChart(InsightChartKind Kind, string XName, string YName, IReadOnlyList<string> X, IReadOnlyList<InsightSeries> Series);
