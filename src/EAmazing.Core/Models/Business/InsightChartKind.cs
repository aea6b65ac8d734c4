namespace EAmazing.Models.Business;

public enum InsightChartKind
{
    Bar,
    Line,
}
