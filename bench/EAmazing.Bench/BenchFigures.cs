namespace EAmazing.Bench;

/// <summary>What a measured child process reports: wall time and its own peak working set.</summary>
public sealed record BenchFigures(double Seconds, long PeakBytes, long Rows)
{
    /// <summary>Ingest phase totals in ms: hash, read, bronze, silver (ingest runs only).</summary>
    public long[]? Phases { get; init; }

    public const string Marker = "BENCH";

    public override string ToString() => FormattableString.Invariant($"{Marker} {Seconds} {PeakBytes} {Rows}");

    public static BenchFigures Parse(string output)
    {
        var line = output.Split('\n').Last(l => l.StartsWith(Marker + " ", StringComparison.Ordinal)).Trim().Split(' ');
        return new BenchFigures(
            double.Parse(line[1], System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(line[2], System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(line[3], System.Globalization.CultureInfo.InvariantCulture));
    }
}
