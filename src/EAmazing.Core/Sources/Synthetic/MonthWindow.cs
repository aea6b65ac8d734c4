using System.Globalization;

namespace EAmazing.Sources.Synthetic;

/// <summary>A run of consecutive calendar months inside the REES46 period (2019-10 … 2020-04).</summary>
public sealed record MonthWindow(DateOnly FirstMonth, int MonthCount)
{
    public static readonly DateOnly DatasetStart = new(2019, 10, 1);
    public static readonly DateOnly DatasetEnd = new(2020, 5, 1);

    /// <summary>Published event counts per month of the real dataset, Oct 2019 … Apr 2020.</summary>
    public static readonly IReadOnlyList<long> RealMonthlyEvents =
        [42_448_764, 67_501_979, 67_542_878, 55_967_041, 55_318_565, 56_341_241, 66_589_268];

    public DateOnly Start => FirstMonth;

    public DateOnly End => FirstMonth.AddMonths(MonthCount);

    public int DayCount => End.DayNumber - Start.DayNumber;

    public IEnumerable<DateOnly> Months => Enumerable.Range(0, MonthCount).Select(FirstMonth.AddMonths);

    /// <summary>Index of a month in the real dataset (0 = Oct 2019).</summary>
    public static int DatasetMonthIndex(DateOnly month) =>
        ((month.Year - DatasetStart.Year) * 12) + month.Month - DatasetStart.Month;

    public override string ToString() => MonthCount == 1
        ? $"{FirstMonth:yyyy-MM}"
        : $"{FirstMonth:yyyy-MM}..{FirstMonth.AddMonths(MonthCount - 1):yyyy-MM}";

    /// <summary>Parses <c>2019-10</c> or <c>2019-10..2020-04</c>.</summary>
    public static bool TryParse(string text, out MonthWindow? window, out string error)
    {
        window = null;
        var parts = text.Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2)
        {
            error = $"'{text}' is not a month range; use YYYY-MM or YYYY-MM..YYYY-MM";
            return false;
        }

        if (!TryParseMonth(parts[0], out var first) || !TryParseMonth(parts[^1], out var last))
        {
            error = $"'{text}' is not a month range; use YYYY-MM or YYYY-MM..YYYY-MM, e.g. 2019-10..2020-04";
            return false;
        }

        if (last < first)
        {
            error = $"'{text}': the last month is before the first";
            return false;
        }

        if (first < DatasetStart || last >= DatasetEnd)
        {
            error = $"'{text}': the REES46 period is 2019-10..2020-04";
            return false;
        }

        window = new MonthWindow(first, DatasetMonthIndex(last) - DatasetMonthIndex(first) + 1);
        error = string.Empty;
        return true;
    }

    private static bool TryParseMonth(string text, out DateOnly month) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
}
