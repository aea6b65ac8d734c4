namespace EAmazing.Features;

/// <summary>One gold partition in a build: what was (or will be) done, its rows and time.</summary>
public sealed record GoldStep(string Table, string Month, GoldAction Action, long Rows, long BuildMs, string Reason);
