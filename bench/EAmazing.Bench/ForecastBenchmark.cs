using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EAmazing.BusinessModels.DemandForecast;
using EAmazing.BusinessModels.DemandForecast.Methods;
using EAmazing.Foundation.Randomness;
using Spectre.Console;

namespace EAmazing.Bench;

/// <summary>
/// Demand forecast at full-scale series count: the time to backtest (fit from every origin) and to forecast every series
/// with each method, on a generated panel of Poisson demand (weekly pattern, month-end lift, log-normal levels) of the
/// size of a full-scale world (its 301 categories and 14 top-level categories over Oct 2019–Apr 2020). The reference in
/// the same run is seasonal naive: ratios are what to compare across machines.
/// </summary>
public static class ForecastBenchmark
{
    private static readonly Option<string> Series = new("--series") { DefaultValueFactory = _ => "315", Description = "Comma-separated series counts (315: a full-scale world's categories and top-level categories)" };
    private static readonly Option<int> Days = new("--days") { DefaultValueFactory = _ => 213, Description = "Days of history (213: Oct 2019–Apr 2020, the full scale)" };
    private static readonly Option<int> Horizon = new("--horizon") { DefaultValueFactory = _ => 28, Description = "Forecast horizon in days" };
    private static readonly Option<string?> Write = new("--write") { Description = "Append the results to this BENCHMARKS.md" };

    public static Command Create()
    {
        var command = new Command("forecast", "Demand forecast: backtest (fit per origin) and forecast time per method for every series at full-scale series count");
        command.Options.Add(Series);
        command.Options.Add(Days);
        command.Options.Add(Horizon);
        command.Options.Add(Write);
        command.SetAction(parse => Run(parse.GetValue(Series)!, parse.GetValue(Days), parse.GetValue(Horizon), parse.GetValue(Write)));
        return command;
    }

    private static int Run(string counts, int days, int horizon, string? write)
    {
        foreach (var count in counts.Split(',', StringSplitOptions.TrimEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture)))
        {
            var history = DemandHistory.From(Panel(count, days, seed: 46));
            var origins = RollingOriginBacktest.Origins(history.Days, horizon, 4);
            var panel = DemandPanel.Of(history);
            var table = new Table().AddColumns("method", "backtest s (3 targets, 4 origins)", "forecast s (3 targets)", "vs seasonal naive");
            var timings = new List<(string Method, double Backtest, double Forecast)>();
            foreach (var name in (string[])[SeasonalNaiveMethod.MethodName, "moving_average_28", HoltWintersMethod.MethodName, ForecastMethods.EnsembleName, .. PanelMethods.Names])
            {
                var clock = Stopwatch.StartNew();
                BacktestRun? purchases = null;
                foreach (var target in DemandTargets.All)
                {
                    var values = history.Series.Select(s => s.Of(target)).ToList();
                    var run = PanelMethods.IsPanel(name)
                        ? RollingOriginBacktest.AddPanel(RollingOriginBacktest.Run(values, [], origins, horizon), panel, target, [PanelMethods.Find(name, 46)])
                        : RollingOriginBacktest.Run(values, [ForecastMethods.Find(name)], origins, horizon);
                    purchases ??= run;
                }

                var backtest = clock.Elapsed.TotalSeconds;
                var all = Enumerable.Range(0, history.Series.Count).ToList();
                var bands = ConformalBands.Calibrate(IntervalCheck.Scores(purchases!, name, all, Enumerable.Range(0, origins.Count)), ConformalBands.StandardLevels);
                var fit = new DemandForecastFit(name, horizon, history.Last, DemandTargets.All.ToDictionary(t => t.Name(), _ => bands), 46);
                clock.Restart();
                var points = DemandForecaster.Forecast(history, fit, horizon);
                var forecast = clock.Elapsed.TotalSeconds;
                timings.Add((name, backtest, forecast));
                AnsiConsole.MarkupLineInterpolated($"{count:N0} series × {days} days: {name} backtest {backtest:0.0} s, forecast {forecast:0.0} s ({points.Count:N0} rows)");
            }

            var reference = timings[0];
            foreach (var t in timings)
            {
                table.AddRow(t.Method, $"{t.Backtest:0.00}", $"{t.Forecast:0.00}", reference.Backtest > 0 ? $"{(t.Backtest + t.Forecast) / (reference.Backtest + reference.Forecast):0.0}x" : "-");
            }

            AnsiConsole.Write(table);
            var load = BenchmarkLog.LoadAverage();
            if (write is not null)
            {
                BenchmarkLog.AppendRow(write, "Demand forecast",
                    "Demand forecast train and forecast times (see README \"Demand forecast (per category and day)\").",
                    "| date | command | data size | figures | reference (same run) | machine |",
                    $"| {DateTime.UtcNow:yyyy-MM-dd} | `dotnet run -c Release --project bench/EAmazing.Bench -- forecast --series {count} --days {days} --horizon {horizon}` | "
                    + $"{count:N0} series × {days} days (generated Poisson panel), 3 targets, {origins.Count} origins, horizon {horizon} | backtest / forecast s: "
                    + string.Join("; ", timings.Select(t => FormattableString.Invariant($"{t.Method} {t.Backtest:0.0} / {t.Forecast:0.0}")))
                    + FormattableString.Invariant($" | seasonal naive {reference.Backtest:0.00} / {reference.Forecast:0.00} s | {BenchmarkLog.Machine}, load {load} |"));
            }
        }

        return 0;
    }

    /// <summary>Poisson demand per series (log-normal level, weekly pattern, month-end lift), views and revenue from it; from 1 Oct 2019.</summary>
    private static IEnumerable<DemandDay> Panel(int count, int days, ulong seed)
    {
        var first = new DateOnly(2019, 10, 1);
        for (var s = 0; s < count; s++)
        {
            var rng = Xoshiro256.For(seed, (ulong)s);
            var level = rng.NextLogNormal(1, 1.2);
            var price = rng.NextLogNormal(4, 0.8);
            var level1 = s < 14 ? DemandSeries.TopCategoryLevel : DemandSeries.CategoryLevel;
            for (var d = 0; d < days; d++)
            {
                var day = first.AddDays(d);
                var mean = level * (1 + (0.3 * Math.Sin(2 * Math.PI * d / 7))) * (ForecastCalendar.IsMonthEnd(day) ? 1.5 : 1) * (ForecastCalendar.IsSaleDay(day) ? 3 : 1);
                var purchases = Poisson(ref rng, mean);
                yield return new DemandDay(level1, $"s{s}", $"top{s % 14}", day, purchases, purchases * price, (purchases * 25) + Poisson(ref rng, 20));
            }
        }
    }

    private static int Poisson(ref Xoshiro256 rng, double mean)
    {
        // Normal approximation above 30 (Knuth's product loop underflows there); exact below.
        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * rng.NextGaussian())));
        }

        var limit = Math.Exp(-mean);
        var (k, p) = (0, rng.NextDouble());
        while (p > limit)
        {
            k++;
            p *= rng.NextDouble();
        }

        return k;
    }
}
