namespace EAmazing.Sources.Rees46;

/// <summary>One typed row of a REES46 file, identifiers still raw (before pseudonymisation).</summary>
public sealed record Rees46Event(
    DateTime EventTime,
    EventType EventType,
    long ProductId,
    long CategoryId,
    string CategoryCode,
    string Brand,
    decimal Price,
    long UserId,
    string UserSession);
