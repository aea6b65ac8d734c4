using System.Globalization;

namespace EAmazing.Sources.Rees46;

/// <summary>Facts of the published REES46 CSV format, shared by the generator and the ingest reader.</summary>
public static class Rees46Format
{
    public const string Header = "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session";

    public static readonly IReadOnlyList<string> Columns = Header.Split(',');

    /// <summary>Event times are written as <c>2019-10-01 00:00:00 UTC</c>.</summary>
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss 'UTC'";

    public const int ColumnCount = 9;

    public static string EventTypeName(EventType type) => type switch
    {
        EventType.View => "view",
        EventType.Cart => "cart",
        EventType.Purchase => "purchase",
        EventType.RemoveFromCart => "remove_from_cart",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParseEventType(ReadOnlySpan<char> text, out EventType type)
    {
        switch (text)
        {
            case "view": type = EventType.View; return true;
            case "cart": type = EventType.Cart; return true;
            case "purchase": type = EventType.Purchase; return true;
            case "remove_from_cart": type = EventType.RemoveFromCart; return true;
            default: type = default; return false;
        }
    }

    public static bool TryParseTime(ReadOnlySpan<char> text, out DateTime utc) =>
        DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);

    public static string FormatTime(DateTime utc) => utc.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Monthly file name as published, e.g. <c>2019-Oct.csv.gz</c>.</summary>
    public static string MonthFileName(int year, int month, bool gzip) =>
        $"{year:D4}-{CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(month)}.csv{(gzip ? ".gz" : "")}";
}
