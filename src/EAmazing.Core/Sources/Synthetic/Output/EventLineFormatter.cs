using System.Buffers.Text;
using EAmazing.Sources.Synthetic.Simulation;
using EAmazing.Sources.Synthetic.World;
using EAmazing.Sources.Rees46;

namespace EAmazing.Sources.Synthetic.Output;

/// <summary>
/// Writes events as REES46 CSV lines straight into UTF-8 bytes. No CSV library is used here on purpose:
/// no generated field ever needs quoting, and this is the generator's hot path (hundreds of thousands
/// of lines a second), so lines are formatted without allocating.
/// </summary>
public sealed class EventLineFormatter(Catalog catalog, DateOnly windowStart)
{
    /// <summary>Longest possible line, with room to spare.</summary>
    public const int MaxLineBytes = 512;

    private static readonly byte[][] TypeBytes =
    [
        "view,"u8.ToArray(), "cart,"u8.ToArray(), "purchase,"u8.ToArray(), "remove_from_cart,"u8.ToArray(),
    ];

    private readonly DateTime _epoch = windowStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    private long _cachedDay = -1;
    private readonly byte[] _datePrefix = new byte[11];

    public static byte[] HeaderLine { get; } = System.Text.Encoding.ASCII.GetBytes(Rees46Format.Header + "\n");

    /// <summary>Formats one line into <paramref name="destination"/> and returns its length.</summary>
    public int Format(in SimulatedEvent e, Span<byte> destination)
    {
        var day = e.Second / 86_400;
        if (day != _cachedDay)
        {
            _cachedDay = day;
            _epoch.AddDays(day).TryFormat(_datePrefix, out _, "yyyy-MM-dd ", System.Globalization.CultureInfo.InvariantCulture);
        }

        var pos = 0;
        _datePrefix.CopyTo(destination);
        pos += _datePrefix.Length;
        var secondOfDay = (int)(e.Second % 86_400);
        pos += TwoDigits(secondOfDay / 3600, destination[pos..]);
        destination[pos++] = (byte)':';
        pos += TwoDigits(secondOfDay / 60 % 60, destination[pos..]);
        destination[pos++] = (byte)':';
        pos += TwoDigits(secondOfDay % 60, destination[pos..]);
        " UTC,"u8.CopyTo(destination[pos..]);
        pos += 5;
        var type = TypeBytes[(int)e.Type];
        type.CopyTo(destination[pos..]);
        pos += type.Length;
        var segment = catalog.ProductLineSegments[e.Product];
        segment.CopyTo(destination[pos..]);
        pos += segment.Length;
        Utf8Formatter.TryFormat(e.PriceCents / 100, destination[pos..], out var written);
        pos += written;
        destination[pos++] = (byte)'.';
        pos += TwoDigits(e.PriceCents % 100, destination[pos..]);
        destination[pos++] = (byte)',';
        Utf8Formatter.TryFormat(e.UserId, destination[pos..], out written);
        pos += written;
        destination[pos++] = (byte)',';
        e.Session.TryFormat(destination[pos..], out written, "D");
        pos += written;
        destination[pos++] = (byte)'\n';
        return pos;
    }

    private static int TwoDigits(int value, Span<byte> destination)
    {
        destination[0] = (byte)('0' + (value / 10));
        destination[1] = (byte)('0' + (value % 10));
        return 2;
    }
}
