namespace EAmazing.Models.Business;

public enum InsightChartKind
{
    Bar,
    Line,

    /// <summary>A sankey of <see cref="InsightChart.Flows"/>: how many move from one group to another.</summary>
    Flow,
}
