namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// The calendar a day's demand depends on: the weekday (the weekly season every method models), the shop's 16–17 November
/// sale and month ends (pay days). The statistical methods model the weekday only; the forecast table carries the
/// other two so a reader sees which forecast days are special, and a global model can learn them.
/// </summary>
public static class ForecastCalendar
{
    /// <summary>ISO weekday, Monday 1 … Sunday 7 (as gold demand_daily's <c>weekday</c>).</summary>
    public static int Weekday(DateOnly day) => day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek;

    public static bool IsSaleDay(DateOnly day) => day.Month == 11 && day.Day is 16 or 17;

    /// <summary>The last two days of a month.</summary>
    public static bool IsMonthEnd(DateOnly day) => day.AddDays(2).Month != day.Month;
}
