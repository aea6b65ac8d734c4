namespace EAmazing.BusinessModels.DemandForecast.Boosting;

/// <summary>
/// The global model's features for one series, one anchor (the first unknown day) and one step ahead: computed from
/// spans that end at the anchor, so no later day can enter (a test changes the later days and finds the same row).
/// Demand features are divided by the series' scale (its mean over the last 28 known days), so one model serves a
/// category selling 2 a day and one selling 2,000; the label is divided by the same scale and the forecast multiplied
/// back. Calendar features describe the forecast day itself (known in advance): weekday, the 16–17 November sale,
/// month end, day of month.
/// </summary>
public static class BoostingFeatures
{
    public const int Window = 28;

    /// <summary>Fewest known days an anchor needs (two weeks: a same-weekday lag and a fortnight's mean).</summary>
    public const int MinimumKnown = 14;

    public static IReadOnlyList<string> Names { get; } =
    [
        "step", "weekday", "is_sale_day", "is_month_end", "day_of_month",
        "last", "mean_7", "mean_all", "std_28", "zero_share_28", "same_weekday_last", "same_weekday_mean_4", "sale_share_last_7",
        "views_trend_7_28", "price_vs_28", "price_trend_7_28", "log_scale", "is_top_category",
    ];

    public static int Count => Names.Count;

    /// <summary>The scale a series' values and label are divided by: the mean of the last 28 known days (all known days when fewer); zero when it never sold.</summary>
    public static double Scale(ReadOnlySpan<double> known)
    {
        var recent = known[Math.Max(0, known.Length - Window)..];
        return Methods.Forecasts.Mean(recent);
    }

    /// <param name="known">The target's values before the anchor.</param>
    /// <param name="views">The series' views before the anchor (a lead indicator of purchases).</param>
    /// <param name="price">The series' average price before the anchor (<see cref="DemandSeries.AveragePrice"/>).</param>
    /// <param name="firstKnownDay">The calendar day of <c>known[0]</c>.</param>
    /// <param name="step">Days ahead: 1 is the anchor day itself.</param>
    public static float[] Row(ReadOnlySpan<double> known, ReadOnlySpan<double> views, ReadOnlySpan<double> price, DateOnly firstKnownDay, int step, bool isTopCategory)
    {
        var n = known.Length;
        if (n < 1 || views.Length != n || price.Length != n)
        {
            throw new ArgumentException($"features need the same non-empty run of known days for the target, views and price ({n}, {views.Length}, {price.Length})");
        }

        var scale = Scale(known);
        var unit = scale > 0 ? scale : 1;
        var day = firstKnownDay.AddDays(n - 1 + step);
        var recent = known[Math.Max(0, n - Window)..];
        var week = known[Math.Max(0, n - 7)..];

        // The same weekday as the forecast day: the latest known one is k weeks before it.
        var sameIndex = n - 1 + step - (7 * (((step - 1) / 7) + 1));
        double sameLast = 0, sameSum = 0;
        var sameCount = 0;
        for (var (i, k) = (sameIndex, 0); i >= 0 && k < 4; i -= 7, k++)
        {
            sameLast = k == 0 ? known[i] : sameLast;
            sameSum += known[i];
            sameCount++;
        }

        var sale = 0;
        for (var i = Math.Max(0, n - 7); i < n; i++)
        {
            sale += ForecastCalendar.IsSaleDay(firstKnownDay.AddDays(i)) ? 1 : 0;
        }

        var variance = 0.0;
        var zeros = 0;
        foreach (var v in recent)
        {
            variance += (v - scale) * (v - scale);
            zeros += v == 0 ? 1 : 0;
        }

        var views28 = Methods.Forecasts.Mean(views[Math.Max(0, n - Window)..]);
        var views7 = Methods.Forecasts.Mean(views[Math.Max(0, n - 7)..]);
        var price28 = Methods.Forecasts.Mean(price[Math.Max(0, n - Window)..]);
        var price7 = Methods.Forecasts.Mean(price[Math.Max(0, n - 7)..]);
        return
        [
            step,
            ForecastCalendar.Weekday(day),
            ForecastCalendar.IsSaleDay(day) ? 1 : 0,
            ForecastCalendar.IsMonthEnd(day) ? 1 : 0,
            day.Day,
            (float)(known[n - 1] / unit),
            (float)(Methods.Forecasts.Mean(week) / unit),
            (float)(Methods.Forecasts.Mean(known) / unit),
            (float)(Math.Sqrt(variance / recent.Length) / unit),
            (float)zeros / recent.Length,
            (float)(sameLast / unit),
            (float)(sameCount > 0 ? sameSum / sameCount / unit : 0),
            sale / 7f,
            (float)(views28 > 0 ? views7 / views28 : 1),
            (float)(price28 > 0 ? price[n - 1] / price28 : 1),
            (float)(price28 > 0 ? price7 / price28 : 1),
            (float)Math.Log(1 + scale),
            isTopCategory ? 1 : 0,
        ];
    }
}
