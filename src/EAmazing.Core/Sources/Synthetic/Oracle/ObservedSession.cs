namespace EAmazing.Sources.Synthetic.Oracle;

/// <summary>
/// One session of a user as the event data shows it: when it started (days since the window's start) and whether it
/// put an item in the cart or bought (what <see cref="ObservableChurnOracle"/> conditions on).
/// </summary>
public readonly record struct ObservedSession(double StartDay, bool Carted, bool Bought);
