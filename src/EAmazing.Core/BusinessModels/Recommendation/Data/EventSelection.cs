namespace EAmazing.BusinessModels.Recommendation.Data;

/// <summary>Which events make a session's sequence: views only (the published REES46 protocol) or views, carts and purchases.</summary>
public enum EventSelection
{
    Views,
    All,
}
