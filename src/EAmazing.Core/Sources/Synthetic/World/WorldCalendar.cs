using EAmazing.Sources.Synthetic;

namespace EAmazing.Sources.Synthetic.World;

/// <summary>
/// Time in the world: how traffic spreads over months, days and hours (UTC), and the dated events of
/// the REES46 period: the 16–17 Nov 2019 sale, the December peak and the Mar–Apr 2020 shift.
/// </summary>
public sealed class WorldCalendar
{
    public static readonly DateOnly SaleFirstDay = new(2019, 11, 16);
    public static readonly DateOnly SaleLastDay = new(2019, 11, 17);
    public static readonly DateOnly ShiftStart = new(2020, 3, 16);

    /// <summary>Relative traffic per UTC hour; the store's customers live around UTC+3, so nights are 00–03 UTC.</summary>
    private static readonly double[] HourlyProfile =
    [
        0.12, 0.09, 0.09, 0.14, 0.30, 0.55, 0.80, 1.00, 1.20, 1.30, 1.35, 1.35,
        1.35, 1.40, 1.50, 1.60, 1.65, 1.60, 1.45, 1.20, 0.85, 0.55, 0.32, 0.18,
    ];

    private static readonly double[] WeekdayFactor = [1.04, 1.0, 0.99, 0.98, 0.97, 0.96, 1.06]; // Sunday first

    private readonly double[] _dayWeightInMonth;

    public WorldCalendar(MonthWindow window, IReadOnlyList<long> eventsPerMonth)
    {
        Window = window;
        EventsPerMonth = eventsPerMonth;
        _dayWeightInMonth = new double[window.DayCount];
        var monthTotals = new double[window.MonthCount];
        for (var d = 0; d < window.DayCount; d++)
        {
            var w = DayWeight(DateOf(d));
            _dayWeightInMonth[d] = w;
            monthTotals[MonthIndexOf(d)] += w;
        }

        for (var d = 0; d < window.DayCount; d++)
        {
            _dayWeightInMonth[d] /= monthTotals[MonthIndexOf(d)];
        }
    }

    public MonthWindow Window { get; }

    public IReadOnlyList<long> EventsPerMonth { get; }

    public int DayCount => Window.DayCount;

    /// <summary>Share of a day's sessions that start in an hour (UTC).</summary>
    public double HourShare(int hourOfDay) => HourlyProfile[hourOfDay] / HourlyProfileTotal;

    private static double HourlyProfileTotal => HourlyProfile.Sum();

    public DateOnly DateOf(int day) => Window.Start.AddDays(day);

    public int MonthIndexOf(int day)
    {
        var date = DateOf(day);
        return ((date.Year - Window.Start.Year) * 12) + date.Month - Window.Start.Month;
    }

    /// <summary>Expected events on a day of the window.</summary>
    public double ExpectedEvents(int day) => EventsPerMonth[MonthIndexOf(day)] * _dayWeightInMonth[day];

    public static bool IsSaleDay(DateOnly date) => date >= SaleFirstDay && date <= SaleLastDay;

    /// <summary>0 before the Mar–Apr 2020 shift, 1 once it has set in (ramping over a week).</summary>
    public static double ShiftLevel(DateOnly date) =>
        Math.Clamp((date.DayNumber - ShiftStart.DayNumber + 1) / 7.0, 0, 1);

    private static double DayWeight(DateOnly date)
    {
        var w = WeekdayFactor[(int)date.DayOfWeek];
        if (IsSaleDay(date))
        {
            w *= 2.6;
        }
        else if (date == SaleFirstDay.AddDays(-1) || date == SaleLastDay.AddDays(1))
        {
            w *= 1.3;
        }

        if (date.Month == 12)
        {
            // Holiday shopping builds up to the last week of December, then drops on New Year's Eve.
            w *= date.Day == 31 ? 0.6 : 1.0 + (0.35 * Math.Clamp((date.Day - 5) / 20.0, 0, 1));
        }

        if (date.Month == 1 && date.Day <= 3)
        {
            w *= 0.7;
        }

        return w;
    }
}
