namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// Every series over the same days, first day <see cref="First"/>: what a global model (one model over all series)
/// learns from. <see cref="Before"/> hands out copies of the days before an origin, so a model given the cut panel
/// cannot see a later day.
/// </summary>
public sealed record DemandPanel(DateOnly First, int Days, IReadOnlyList<DemandSeries> Series)
{
    public static DemandPanel Of(DemandHistory history) => new(history.First, history.Days, history.Series);

    public DateOnly Day(int index) => First.AddDays(index);

    /// <summary>Copies of the first <paramref name="origin"/> days of every series.</summary>
    public DemandPanel Before(int origin)
    {
        if (origin < 0 || origin > Days)
        {
            throw new ArgumentOutOfRangeException(nameof(origin), origin, $"an origin inside the panel's {Days} days");
        }

        return new DemandPanel(First, origin, Series.Select(s => s with
        {
            Purchases = s.Purchases.AsSpan(0, origin).ToArray(),
            Revenue = s.Revenue.AsSpan(0, origin).ToArray(),
            Views = s.Views.AsSpan(0, origin).ToArray(),
        }).ToList());
    }
}
