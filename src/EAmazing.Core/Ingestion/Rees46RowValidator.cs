using System.Buffers;
using System.Globalization;
using EAmazing.Privacy;
using EAmazing.Sources.Rees46;
using nietras.SeparatedValues;
using EAmazing.Lake;

namespace EAmazing.Ingestion;

/// <summary>
/// Validates every field of a REES46 row and pseudonymises its identifiers. Messages name the field and
/// the rule, never the value (values may be personal data). One per parsing thread.
/// </summary>
public sealed class Rees46RowValidator(IngestOptions options, Pseudonymiser pseudonymiser, DateTime latestEventTime)
{
    private const int TimeLength = 23; // "2019-10-01 00:00:00 UTC"

    // Control characters (C0, DEL) and the replacement character StreamReader puts where UTF-8 was invalid.
    private static readonly SearchValues<char> Suspicious = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 32).Select(i => (char)i)) + "\u007f\ufffd");

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private readonly long _ceilingCents = (long)Math.Min(decimal.Floor(options.PriceCeiling * 100), long.MaxValue);
    private ReadOnlyMemory<char> _cachedDate;
    private DateTime _cachedDay;
    private Rees46Columns _at = Rees46Columns.Published;

    /// <summary>Where each column sits in the rows of the file being read (its header, or the published order).</summary>
    internal Rees46Columns Columns
    {
        get => _at;
        set => _at = value;
    }

    public bool TryValidate(SepReader.Row row, out BronzeRow bronze, out RowProblem problem)
    {
        bronze = default;
        if (row.ColCount != Rees46Format.ColumnCount)
        {
            problem = new(QuarantineReason.WrongColumnCount, "row", $"expected {Rees46Format.ColumnCount} columns, found {row.ColCount}");
            return false;
        }

        if (row.Span.IndexOfAny(Suspicious) >= 0 && FindSuspicious(row, out problem))
        {
            return false;
        }

        var at = _at;
        if (!TryTime(row[at[0]].Span, out var time, out problem)
            || !TryType(row[at[1]].Span, out var type, out problem)
            || !TryId(row[at[2]].Span, "product_id", QuarantineReason.ProductIdMissing, QuarantineReason.ProductIdMalformed, QuarantineReason.ProductIdOutOfRange, out var product, out problem)
            || !TryId(row[at[3]].Span, "category_id", QuarantineReason.CategoryIdMissing, QuarantineReason.CategoryIdMalformed, QuarantineReason.CategoryIdOutOfRange, out var category, out problem)
            || !TryText(row[at[4]], "category_code", out var categoryCode, out problem)
            || !TryText(row[at[5]], "brand", out var brand, out problem)
            || !TryPrice(row[at[6]].Span, out var priceCents, out problem)
            || !TryId(row[at[7]].Span, "user_id", QuarantineReason.UserIdMissing, QuarantineReason.UserIdMalformed, QuarantineReason.UserIdOutOfRange, out var user, out problem)
            || !TrySession(row[at[8]].Span, out var session, out problem))
        {
            return false;
        }

        var pseudonym = pseudonymiser.User(user, out var userNumber);
        bronze = new BronzeRow(time, type, product, category, categoryCode, brand, priceCents, pseudonym, session, LineOf(row), userNumber);
        problem = default;
        return true;
    }

    /// <summary>1-based line where the row starts. Sep 0.17 reports the first row's start as line 2, hence the minimum with its last line.</summary>
    public static long LineOf(SepReader.Row row) => Math.Min(row.LineNumberFrom, row.LineNumberToExcl - 1);

    /// <summary>The row's content for the quarantine table, identifiers pseudonymised where they parse, dropped where they do not.</summary>
    public QuarantinedRow Quarantine(SepReader.Row row, long line, RowProblem problem)
    {
        var at = _at;
        var user = row.ColCount == Rees46Format.ColumnCount ? pseudonymiser.UserOrNull(row[at[7]].Span) : null;
        var session = row.ColCount == Rees46Format.ColumnCount ? pseudonymiser.SessionOrNull(row[at[8]].Span) : null;
        var aligned = user is not null && (session is not null || row[at[8]].Span.IsEmpty);
        if (!aligned)
        {
            // Columns may be shifted (missing or extra fields): when the identifier columns do not hold
            // identifiers, any other field could, so no content is kept.
            return new QuarantinedRow(line, problem.Reason, problem.Message, row.ColCount, null, null, null, null, null, null, null, null, null);
        }

        return new QuarantinedRow(
            line, problem.Reason, problem.Message, row.ColCount,
            Keep(row[at[0]].Span), Keep(row[at[1]].Span), Keep(row[at[2]].Span), Keep(row[at[3]].Span), Keep(row[at[4]].Span), Keep(row[at[5]].Span), Keep(row[at[6]].Span),
            user, session);
    }

    private static string? Keep(ReadOnlySpan<char> text) =>
        text.IsEmpty ? null : new string(text.Length > 256 ? text[..256] : text);

    private bool FindSuspicious(SepReader.Row row, out RowProblem problem)
    {
        for (var i = 0; i < row.ColCount; i++)
        {
            var span = row[i].Span;
            var at = span.IndexOfAny(Suspicious);
            if (at < 0)
            {
                continue;
            }

            var field = _at.NameAt(i);
            problem = span[at] == '\ufffd'
                ? new(QuarantineReason.InvalidEncoding, field, $"{field} is not valid UTF-8")
                : new(QuarantineReason.ControlCharacter, field, $"{field} holds control character U+{(int)span[at]:X4} at position {at + 1}");
            return true;
        }

        problem = default;
        return false;
    }

    private bool TryTime(ReadOnlySpan<char> text, out DateTime time, out RowProblem problem)
    {
        time = default;
        problem = default;
        if (text.IsEmpty)
        {
            problem = new(QuarantineReason.EventTimeMissing, "event_time", "event_time is empty");
            return false;
        }

        if (!TryParseTime(text, out time))
        {
            problem = new(QuarantineReason.EventTimeMalformed, "event_time", $"event_time is not a valid time in the form {Rees46Format.TimeFormat.Replace("'", "")}");
            return false;
        }

        if (time < options.EarliestEventTime || time > latestEventTime)
        {
            problem = new(QuarantineReason.EventTimeOutOfRange, "event_time", $"event_time outside the plausible range {options.EarliestEventTime:yyyy-MM-dd} to {latestEventTime:yyyy-MM-dd}");
            return false;
        }

        return true;
    }

    // Hand-written because it runs once per row: rows are time-sorted, so the date part is parsed once a day.
    private bool TryParseTime(ReadOnlySpan<char> text, out DateTime time)
    {
        time = default;
        if (text.Length != TimeLength || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':' || !text[19..].SequenceEqual(" UTC"))
        {
            return false;
        }

        if (!_cachedDate.Span.SequenceEqual(text[..10]))
        {
            if (!TwoDigits(text, 0, out var century) || !TwoDigits(text, 2, out var yy) || !TwoDigits(text, 5, out var month) || !TwoDigits(text, 8, out var day))
            {
                return false;
            }

            var year = (century * 100) + yy;
            if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return false;
            }

            _cachedDay = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc);
            _cachedDate = text[..10].ToArray();
        }

        if (!TwoDigits(text, 11, out var hour) || !TwoDigits(text, 14, out var minute) || !TwoDigits(text, 17, out var second) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = _cachedDay.AddTicks((((hour * 60L) + minute) * 60 + second) * TimeSpan.TicksPerSecond);
        return true;
    }

    private static bool TwoDigits(ReadOnlySpan<char> text, int at, out int value)
    {
        var a = text[at] - '0';
        var b = text[at + 1] - '0';
        value = (a * 10) + b;
        return (uint)a <= 9 && (uint)b <= 9;
    }

    private static bool TryType(ReadOnlySpan<char> text, out EventType type, out RowProblem problem)
    {
        problem = default;
        if (Rees46Format.TryParseEventType(text, out type))
        {
            return true;
        }

        problem = text.IsEmpty
            ? new(QuarantineReason.EventTypeMissing, "event_type", "event_type is empty")
            : new(QuarantineReason.EventTypeUnknown, "event_type", "event_type is not one of view, cart, purchase, remove_from_cart");
        return false;
    }

    private static bool TryId(ReadOnlySpan<char> text, string field, QuarantineReason missing, QuarantineReason malformed, QuarantineReason outOfRange, out long id, out RowProblem problem)
    {
        problem = default;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id))
        {
            return true;
        }

        problem = text.IsEmpty ? new(missing, field, $"{field} is empty")
            : !text.ContainsAnyExcept(Digits) ? new(outOfRange, field, $"{field} does not fit a 64-bit integer")
            : new(malformed, field, $"{field} is not a non-negative integer");
        return false;
    }

    private bool TryText(SepReader.Col col, string field, out string? text, out RowProblem problem)
    {
        problem = default;
        var span = col.Span;
        if (span.IsEmpty)
        {
            text = null;
            return true;
        }

        if (span.Length > options.MaxTextLength)
        {
            text = null;
            problem = new(QuarantineReason.TextTooLong, field, $"{field} is longer than {options.MaxTextLength} characters");
            return false;
        }

        text = col.ToString(); // pooled per column by the reader, so repeated brands share one string
        return true;
    }

    private bool TryPrice(ReadOnlySpan<char> text, out long priceCents, out RowProblem problem)
    {
        priceCents = default;
        problem = default;
        if (text.IsEmpty)
        {
            problem = new(QuarantineReason.PriceMissing, "price", "price is empty");
            return false;
        }

        var negative = text[0] == '-';
        var digits = negative ? text[1..] : text;
        var dot = digits.IndexOf('.');
        var whole = dot < 0 ? digits : digits[..dot];
        var fraction = dot < 0 ? [] : digits[(dot + 1)..];
        if (whole.IsEmpty || whole.ContainsAnyExcept(Digits) || fraction.ContainsAnyExcept(Digits) || (dot >= 0 && fraction.IsEmpty) || fraction.Length > 2)
        {
            problem = new(QuarantineReason.PriceMalformed, "price", "price is not a decimal number with at most 2 decimal places");
            return false;
        }

        if (negative)
        {
            problem = new(QuarantineReason.PriceOutOfRange, "price", "price is negative");
            return false;
        }

        if (whole.Length > 15 || !long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var units))
        {
            problem = new(QuarantineReason.PriceOutOfRange, "price", $"price is not below the ceiling {options.PriceCeiling}");
            return false;
        }

        var cents = units * 100;
        if (fraction.Length > 0)
        {
            var f = int.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture);
            cents += fraction.Length == 1 ? f * 10 : f;
        }

        if (cents >= _ceilingCents)
        {
            problem = new(QuarantineReason.PriceOutOfRange, "price", $"price is not below the ceiling {options.PriceCeiling}");
            return false;
        }

        priceCents = cents;
        return true;
    }

    private bool TrySession(ReadOnlySpan<char> text, out string? session, out RowProblem problem)
    {
        problem = default;
        session = null;
        if (text.IsEmpty)
        {
            // A real quirk of the published files: kept, with a null session (silver re-sessionises anyway).
            return true;
        }

        if (!Guid.TryParseExact(text, "D", out var id))
        {
            problem = new(QuarantineReason.UserSessionMalformed, "user_session", "user_session is not a UUID (8-4-4-4-12 hex digits)");
            return false;
        }

        session = pseudonymiser.Session(id);
        return true;
    }
}
