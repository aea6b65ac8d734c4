using EAmazing.BusinessModels.DemandForecast.Methods;

namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// Forecasts every series of a history from the day after its last, with the fit's method and conformal bands.
/// Bad input never yields NaN: a horizon beyond the calibrated one or longer than the history is refused with the
/// longest usable one; a series without any demand in its history is forecast as zero with a zero band and a note;
/// a series whose history has no week-to-week change gets its band from its mean level instead of the zero scale;
/// a sale day (whose errors the bands leave out) is forecast like any day and flagged.
/// </summary>
public static class DemandForecaster
{
    public const string NoDemandNote = "no demand in the history: forecast 0";
    public const string FlatNote = "history without week-to-week change: band scaled by the mean level";
    public const string SaleNote = "sale day: the band is calibrated on ordinary days and may be too narrow";

    /// <exception cref="ArgumentException">The horizon is not usable with this fit and history (a usage error naming the limit).</exception>
    public static IReadOnlyList<ForecastPoint> Forecast(DemandHistory history, DemandForecastFit fit, int horizon, IReadOnlyList<DemandSeries>? only = null, IReadOnlyList<DemandTarget>? targets = null)
    {
        if (horizon < 1)
        {
            throw new ArgumentException($"--horizon {horizon} is not a number of days (1 or more)");
        }

        if (horizon > fit.Horizon)
        {
            throw new ArgumentException($"--horizon {horizon} is longer than the {fit.Horizon} days the model's intervals were calibrated for: use --horizon {fit.Horizon} or less, or train with --horizon {horizon}");
        }

        if (horizon > history.Days)
        {
            throw new ArgumentException($"--horizon {horizon} is longer than the history ({history.Days} days, {history.First:yyyy-MM-dd}..{history.Last:yyyy-MM-dd}): use --horizon {history.Days} or less");
        }

        var chosen = only ?? history.Series;
        // A global model is refitted on every series of the history (its own seed), then read for the chosen ones.
        var global = PanelMethods.IsPanel(fit.Method)
            ? (targets ?? DemandTargets.All).ToDictionary(t => t, t => PanelMethods.Find(fit.Method, fit.Seed).Forecast(DemandPanel.Of(history), t, horizon))
            : null;
        var position = history.Series.Select((s, i) => (s, i)).ToDictionary(p => (p.s.Level, p.s.Key), p => p.i);
        var method = global is null ? ForecastMethods.Find(fit.Method) : null;
        var points = new List<ForecastPoint>();
        foreach (var series in chosen)
        {
            foreach (var target in targets ?? DemandTargets.All)
            {
                var values = series.Of(target);
                var bands = fit.BandsOf(target);
                var f = global is not null && position.TryGetValue((series.Level, series.Key), out var at)
                    ? global[target][at]
                    : (method ?? new SeasonalNaiveMethod()).Forecast(values, horizon);
                var scale = ForecastErrors.Scale(values);
                var note = "";
                if (!values.Any(v => v > 0))
                {
                    note = NoDemandNote;
                }
                else if (scale <= 0)
                {
                    (scale, note) = (values.Average(), FlatNote);
                }

                for (var h = 0; h < horizon; h++)
                {
                    var (l80, u80) = bands.Band(f[h], scale, 0.80, h);
                    var (l95, u95) = bands.Band(f[h], scale, 0.95, h);
                    var day = history.Last.AddDays(h + 1);
                    var dayNote = note.Length == 0 && ForecastCalendar.IsSaleDay(day) ? SaleNote : note;
                    points.Add(new ForecastPoint(series, target, day, h + 1, f[h], l80, u80, l95, u95, dayNote));
                }
            }
        }

        return points;
    }
}
