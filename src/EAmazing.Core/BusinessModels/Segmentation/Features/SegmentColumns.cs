namespace EAmazing.BusinessModels.Segmentation.Features;

/// <summary>
/// The transformations of segmentation, declared in one place: which snapshot columns may be used, how each is
/// shaped (log1p for counts and amounts), the quantile every column is capped at, and that every column is then
/// standardised with the mean and deviation of the training snapshot (<see cref="FeatureTransform"/>).
/// </summary>
public static class SegmentColumns
{
    /// <summary>Values above this quantile of the training snapshot are capped (after shaping), so a handful of whales do not make their own segments.</summary>
    public const double CapQuantile = 0.99;

    /// <summary>Every column segmentation may cluster on (the option <c>--columns</c> chooses among these).</summary>
    public static IReadOnlyList<SegmentColumn> Available { get; } =
    [
        new("recency_days", ColumnShape.AsIs),
        new("days_since_last_purchase", ColumnShape.Log1p),
        new("tenure_days", ColumnShape.AsIs),
        new("frequency_purchases", ColumnShape.Log1p),
        new("monetary", ColumnShape.Log1p),
        new("sessions_30d", ColumnShape.Log1p),
        new("sessions_90d", ColumnShape.Log1p),
        new("events_7d", ColumnShape.Log1p),
        new("events_30d", ColumnShape.Log1p),
        new("events_90d", ColumnShape.Log1p),
        new("purchases_30d", ColumnShape.Log1p),
        new("purchases_90d", ColumnShape.Log1p),
        new("revenue_30d", ColumnShape.Log1p),
        new("views_90d", ColumnShape.Log1p),
        new("carts_90d", ColumnShape.Log1p),
        new("cart_rate_90d", ColumnShape.AsIs),
        new("purchase_rate_90d", ColumnShape.AsIs),
        new("cart_to_purchase_90d", ColumnShape.AsIs),
        new("top_category_view_share", ColumnShape.AsIs),
        new("view_share_under_50", ColumnShape.AsIs),
        new("view_share_50_200", ColumnShape.AsIs),
        new("view_share_200_800", ColumnShape.AsIs),
        new("view_share_800_up", ColumnShape.AsIs),
    ];

    /// <summary>
    /// The default: recency, frequency, monetary value (RFM), trailing activity, conversion and price-band affinity.
    /// days_since_last_purchase is left out: it is NULL for the majority who never bought, and 0 would read as "just bought".
    /// </summary>
    public static IReadOnlyList<string> Default { get; } =
    [
        "recency_days", "frequency_purchases", "monetary", "sessions_90d", "events_90d", "purchases_90d",
        "cart_rate_90d", "purchase_rate_90d", "top_category_view_share", "view_share_under_50", "view_share_200_800", "view_share_800_up",
    ];

    /// <summary>The columns named in a comma-separated list; an unknown name is a usage error naming it.</summary>
    public static IReadOnlyList<SegmentColumn> Parse(string list)
    {
        var names = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            throw new ArgumentException("--columns names no column");
        }

        return names.Distinct().Select(n => Available.FirstOrDefault(c => c.Name == n)
            ?? throw new ArgumentException($"--columns: gold_user_snapshots has no clustering column '{n}'; use any of {string.Join(", ", Available.Select(c => c.Name))}")).ToList();
    }
}
