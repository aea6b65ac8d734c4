namespace EAmazing.BusinessModels.Segmentation.Features;

/// <summary>How a snapshot column is shaped before clustering: counts and amounts are heavy-tailed, so they are log1p'd.</summary>
public enum ColumnShape
{
    /// <summary>Used as it is (rates and shares in [0, 1], days in a bounded window).</summary>
    AsIs,

    /// <summary>log(1 + x): counts and amounts, whose tails would otherwise decide every distance.</summary>
    Log1p,
}

/// <summary>One clustering column of <c>gold_user_snapshots</c>; NULL (a rate with a zero denominator) counts as 0.</summary>
public sealed record SegmentColumn(string Name, ColumnShape Shape);
