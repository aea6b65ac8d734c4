namespace EAmazing.BusinessModels.Segmentation.Features;

/// <summary>The snapshot columns a segment's business profile and the RFM baselines read, whatever the clustering columns are.</summary>
public sealed class ProfileColumns
{
    /// <summary>The select list, in the order <see cref="Read"/> expects.</summary>
    public static readonly string[] Sql =
    [
        "CAST(recency_days AS DOUBLE)", "CAST(frequency_purchases AS DOUBLE)", "CAST(monetary AS DOUBLE)", "CAST(coalesce(purchase_rate_90d, 0) AS DOUBLE)",
        "CAST(coalesce(cart_rate_90d, 0) AS DOUBLE)", "coalesce(top_category, 'unknown')", "CAST(coalesce(view_share_under_50, 0) AS DOUBLE)",
        "CAST(coalesce(view_share_50_200, 0) AS DOUBLE)", "CAST(coalesce(view_share_200_800, 0) AS DOUBLE)", "CAST(coalesce(view_share_800_up, 0) AS DOUBLE)",
    ];

    /// <summary>Price bands of viewed items, in the order of the view-share columns.</summary>
    public static readonly string[] PriceBands = ["under 50", "50-200", "200-800", "800+"];

    public ProfileColumns(int count)
    {
        Recency = new double[count];
        Frequency = new double[count];
        Monetary = new double[count];
        PurchaseRate = new double[count];
        CartRate = new double[count];
        TopCategory = new string[count];
        BandShares = new double[count][];
    }

    private readonly Foundation.Text.StringPool _categories = new();

    public double[] Recency { get; private init; }

    public double[] Frequency { get; private init; }

    public double[] Monetary { get; private init; }

    public double[] PurchaseRate { get; private init; }

    public double[] CartRate { get; private init; }

    public string[] TopCategory { get; private init; }

    /// <summary>Per user, the share of viewed items in each of <see cref="PriceBands"/>.</summary>
    public double[][] BandShares { get; private init; }

    public void Read(int i, object?[] row, int offset)
    {
        Recency[i] = SnapshotRows.Number(row[offset]);
        Frequency[i] = SnapshotRows.Number(row[offset + 1]);
        Monetary[i] = SnapshotRows.Number(row[offset + 2]);
        PurchaseRate[i] = SnapshotRows.Number(row[offset + 3]);
        CartRate[i] = SnapshotRows.Number(row[offset + 4]);
        // A few hundred categories over millions of users: one string each, not one per row
        TopCategory[i] = row[offset + 5] is string category ? _categories.Get(category) : "unknown";
        var shares = new double[PriceBands.Length];
        for (var b = 0; b < shares.Length; b++)
        {
            shares[b] = SnapshotRows.Number(row[offset + 6 + b]);
        }

        BandShares[i] = shares;
    }

    public ProfileColumns Subset(IReadOnlyList<int> indices) => new(0)
    {
        Recency = Pick(Recency, indices),
        Frequency = Pick(Frequency, indices),
        Monetary = Pick(Monetary, indices),
        PurchaseRate = Pick(PurchaseRate, indices),
        CartRate = Pick(CartRate, indices),
        TopCategory = Pick(TopCategory, indices),
        BandShares = Pick(BandShares, indices),
    };

    private static T[] Pick<T>(T[] values, IReadOnlyList<int> indices) => indices.Select(i => values[i]).ToArray();
}
