namespace EAmazing.BusinessModels.EmergingCategories;

/// <summary>What the detector sees in a category's share of the store's views.</summary>
public enum EmergenceSignal
{
    /// <summary>A product line first seen recently (absent from the history's first weeks), with steady views since.</summary>
    Launch,

    /// <summary>Sustained growth: a significant change point, a significant upward trend after it, and the latest week still above the level before.</summary>
    Emerging,

    /// <summary>The latest week far above the level before, without a sustained trend (a spike, a promotion).</summary>
    Burst,

    /// <summary>A significant change point with the share falling after it.</summary>
    Declining,

    /// <summary>No evidence of change (or too little data to tell).</summary>
    Stable,
}
