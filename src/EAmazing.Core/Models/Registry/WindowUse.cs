namespace EAmazing.Models.Registry;

/// <summary>
/// A promotion decided on a test window: which version asked, whether it was allowed and whether it was forced.
/// The registry keeps every one (<c>models/&lt;name&gt;/windows.json</c>) so a window cannot decide twice silently.
/// </summary>
public sealed record WindowUse(DateTime TestFrom, DateTime TestTo, int Version, bool Allowed, bool Forced, DateTime DecidedAt)
{
    /// <summary>Whether this window shares a day with [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public bool Overlaps(DateTime from, DateTime to) => TestFrom < to && from < TestTo;

    public override string ToString() => $"{TestFrom:yyyy-MM-dd}..{TestTo.AddDays(-1):yyyy-MM-dd}";
}
