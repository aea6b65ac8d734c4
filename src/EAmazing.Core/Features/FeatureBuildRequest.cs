namespace EAmazing.Features;

/// <summary>What to build: the months touching [From, To] (all when null), of these tables (all when null).</summary>
public sealed record FeatureBuildRequest(DateOnly? From = null, DateOnly? To = null, IReadOnlyList<GoldTable>? Tables = null)
{
    public IReadOnlyList<GoldTable> SelectedTables => Tables ?? GoldTables.All;

    public bool Covers(string month)
    {
        var start = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var end = start.AddMonths(1).AddDays(-1);
        return (From is null || end >= From) && (To is null || start <= To);
    }
}
