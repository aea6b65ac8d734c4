using EAmazing.Sources.Rees46;

namespace EAmazing.Lake;

/// <summary>
/// One validated, pseudonymised event on its way to bronze. Empty text fields are null; the price is in cents (exact,
/// and cheap to hand to the engine). <paramref name="UserNumber"/> is the user's number in the pseudonymiser that made
/// <paramref name="UserId"/> (<see cref="Privacy.Pseudonymiser.User(long, out int)"/>); never written anywhere.
/// </summary>
public readonly record struct BronzeRow(
    DateTime EventTime,
    EventType EventType,
    long ProductId,
    long CategoryId,
    string? CategoryCode,
    string? Brand,
    long PriceCents,
    string UserId,
    string? UserSession,
    long SourceLine,
    int UserNumber);
