using System.Globalization;
using System.Text;

namespace EAmazing.Api.Monitoring;

/// <summary>A Prometheus histogram: cumulative bucket counts, a sum and a count, updated without locks.</summary>
public sealed class Histogram(double[] bounds)
{
    private readonly long[] _counts = new long[bounds.Length + 1];
    private long _sumMicros;

    public void Observe(double value)
    {
        var i = Array.BinarySearch(bounds, value);
        Interlocked.Increment(ref _counts[i >= 0 ? i : ~i]);
        // The sum is kept in millionths so it can be added atomically.
        Interlocked.Add(ref _sumMicros, (long)Math.Round(value * 1e6));
    }

    public void Write(StringBuilder text, string name, string labels)
    {
        var cumulative = 0L;
        var separator = labels.Length == 0 ? "" : ",";
        for (var i = 0; i < bounds.Length; i++)
        {
            cumulative += Interlocked.Read(ref _counts[i]);
            text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels}{separator}le=\"{bounds[i]}\"}} {cumulative}\n");
        }

        cumulative += Interlocked.Read(ref _counts[^1]);
        text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels}{separator}le=\"+Inf\"}} {cumulative}\n");
        var braces = labels.Length == 0 ? "" : $"{{{labels}}}";
        text.Append(CultureInfo.InvariantCulture, $"{name}_sum{braces} {Interlocked.Read(ref _sumMicros) / 1e6}\n");
        text.Append(CultureInfo.InvariantCulture, $"{name}_count{braces} {cumulative}\n");
    }
}
