namespace EAmazing.Sources.Synthetic.Simulation;

/// <summary>
/// What one simulated hour produced: the events of the sessions that started in it, in time order
/// (some fall in later hours), and the hour's ground truth.
/// </summary>
public sealed class HourSimulation
{
    public required int Hour { get; init; }

    public required List<SimulatedEvent> Events { get; init; }

    public required List<CartSessionTruth> CartSessions { get; init; }

    /// <summary>Rao–Blackwellised expected purchases per category: the sum of purchase probabilities at every decision.</summary>
    public required double[] ExpectedPurchases { get; init; }

    public required int SessionCount { get; init; }

    /// <summary>The world's expected number of sessions starting in this hour.</summary>
    public required double ExpectedSessions { get; init; }

    /// <summary>Index of the first event at or after <paramref name="second"/>.</summary>
    public int IndexOf(long second)
    {
        var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Events);
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (sorted[mid].Second < second)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
