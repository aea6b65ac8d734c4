using System.Globalization;
using System.Numerics;

namespace EAmazing.Features.Leakage;

/// <summary>Engine values as the audit compares and scores them.</summary>
public static class FeatureValue
{
    /// <summary>A number for scoring (booleans 0/1, times as ticks), null when missing or not numeric.</summary>
    public static double? AsNumber(object? value) => value switch
    {
        null => null,
        bool b => b ? 1 : 0,
        double d => double.IsNaN(d) ? null : d,
        float f => f,
        decimal m => (double)m,
        BigInteger big => (double)big,
        DateTime t => t.Ticks,
        byte or sbyte or short or ushort or int or uint or long or ulong => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => null,
    };

    public static bool IsNumeric(object? value) => value is not null and not string && AsNumber(value) is not null;

    public static bool Same(object? built, object? recomputed, double tolerance)
    {
        if (built is null || recomputed is null)
        {
            return built is null && recomputed is null;
        }

        if (built is double or float && recomputed is double or float)
        {
            var a = Convert.ToDouble(built, CultureInfo.InvariantCulture);
            var b = Convert.ToDouble(recomputed, CultureInfo.InvariantCulture);
            return a.Equals(b) || Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
        }

        return built.Equals(recomputed) || Text(built) == Text(recomputed);
    }

    public static string? Text(object? value) => value switch
    {
        null => null,
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
