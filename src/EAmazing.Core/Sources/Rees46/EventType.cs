namespace EAmazing.Sources.Rees46;

/// <summary>The event types of the REES46 behaviour logs.</summary>
public enum EventType : byte
{
    View = 0,
    Cart = 1,
    Purchase = 2,

    /// <summary>Only in the sibling REES46 cosmetics dataset.</summary>
    RemoveFromCart = 3,
}
