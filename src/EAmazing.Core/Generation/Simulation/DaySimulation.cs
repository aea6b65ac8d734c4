namespace EAmazing.Generation.Simulation;

/// <summary>
/// What one simulated day produced: its events in time order, split into those inside the day and
/// those of late sessions spilling into the next day, plus the day's ground truth.
/// </summary>
public sealed class DaySimulation
{
    public required int Day { get; init; }

    public required List<SimulatedEvent> Events { get; init; }

    /// <summary>Events in [0, InDayCount) fall on the day; the rest spill into the next day.</summary>
    public required int InDayCount { get; init; }

    public required List<CartSessionTruth> CartSessions { get; init; }

    /// <summary>Rao–Blackwellised expected purchases per category: the sum of purchase probabilities at every decision.</summary>
    public required double[] ExpectedPurchases { get; init; }

    public required int SessionCount { get; init; }

    public ReadOnlySpan<SimulatedEvent> InDay => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Events)[..InDayCount];

    public ReadOnlySpan<SimulatedEvent> Spill => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Events)[InDayCount..];
}
