namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>What is forecast per category and day: purchases (the primary target), revenue and views.</summary>
public enum DemandTarget
{
    Purchases,
    Revenue,
    Views,
}

/// <summary>Stable lower-case names of the targets, as in the gold table and the card.</summary>
public static class DemandTargets
{
    public static IReadOnlyList<DemandTarget> All { get; } = [DemandTarget.Purchases, DemandTarget.Revenue, DemandTarget.Views];

    public static string Name(this DemandTarget target) => target switch
    {
        DemandTarget.Purchases => "purchases",
        DemandTarget.Revenue => "revenue",
        _ => "views",
    };
}
