using System.Diagnostics;
using System.Globalization;
using EAmazing.BusinessModels.DemandForecast.Methods;
using EAmazing.Features;
using EAmazing.Foundation.Statistics;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;
using static EAmazing.BusinessModels.DemandForecast.DemandForecastMetrics;

namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// One demand-forecast training run: the series from gold demand_daily, a rolling-origin backtest of every method on each
/// target, the scores per method and horizon over the category-level series (the planning unit; top-level categories
/// are forecast with the same method and bands), the world's expected demand as the oracle row, the method with the
/// lowest 7-day MASE on purchases as the version, its conformal bands (coverage measured on the last origin with bands
/// calibrated on the earlier ones; the stored bands use every origin), and a registry version with card and report.
/// </summary>
public sealed class DemandForecastTraining(TrainingContext context)
{
    public const string Oracle = "oracle";

    /// <summary>Days of history the earliest origin must leave (two weeks: what Holt–Winters needs to start).</summary>
    public const int MinimumHistory = 14;

    public TrainingOutcome Run(DemandForecastRequest request, IProgress<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        progress?.Report($"reading {GoldTables.DemandDaily.ViewName}");
        var history = DemandHistory.Load(context.Lake);
        var origins = RollingOriginBacktest.Origins(history.Days, request.Horizon, request.Origins, MinimumHistory);
        Check(history, request.Horizon, origins.Count);

        // The seasonal naive forecast is the yardstick (MASE's scale, the baseline gate), so it is always in the backtest.
        var methods = request.Methods.Any(m => m.Name == SeasonalNaiveMethod.MethodName)
            ? request.Methods : [.. request.Methods, new SeasonalNaiveMethod()];
        var series = history.Series;
        var panel = DemandPanel.Of(history);
        var categories = Enumerable.Range(0, series.Count).Where(i => series[i].Level == DemandSeries.CategoryLevel).ToList();
        if (categories.Count == 0)
        {
            categories = Enumerable.Range(0, series.Count).ToList();
        }

        var last = origins[^1];
        var weights = series.Select(s => s.Revenue.AsSpan(Math.Max(0, last - 28), Math.Min(28, last)).ToArray().Sum()).ToList();
        var oracle = DemandOracle.Load(request.TruthFolder, history.First, history.Days);
        var horizons = BacktestScoring.Horizons.Where(h => h <= request.Horizon).ToList();
        IReadOnlyList<string> names = [.. methods.Select(m => m.Name), .. request.PanelMethods.Select(m => m.Name)];
        var runs = new Dictionary<DemandTarget, BacktestRun>();
        var scores = new Dictionary<DemandTarget, List<MethodScore>>();
        foreach (var target in DemandTargets.All)
        {
            progress?.Report($"backtest of {methods.Count} methods on {series.Count:N0} {target.Name()} series, {origins.Count} origins, {request.Horizon} days");
            var run = RollingOriginBacktest.Run(series.Select(s => s.Of(target)).ToList(), methods, origins, request.Horizon);
            if (request.PanelMethods.Count > 0)
            {
                progress?.Report($"backtest of {string.Join(", ", request.PanelMethods.Select(m => m.Name))} on {target.Name()}: one model over all series per origin");
                run = RollingOriginBacktest.AddPanel(run, panel, target, request.PanelMethods);
            }

            var scoring = new BacktestScoring(run, categories, weights, request.Seed);
            var list = new List<MethodScore>();
            foreach (var h in horizons)
            {
                list.AddRange(names.Select(m => scoring.Score(m, h, (s, o) => run.Forecasts[m][s][o])).OfType<MethodScore>());
                if (oracle is not null && target != DemandTarget.Revenue)
                {
                    var expected = series.Select(s => oracle.Expected(s, target)).ToList();
                    list.AddRange(new[] { scoring.Score(Oracle, h, (s, o) => expected[s]?.AsSpan(origins[o], request.Horizon).ToArray()) }.OfType<MethodScore>());
                }
            }

            runs[target] = run;
            scores[target] = list;
        }

        var purchases = scores[DemandTarget.Purchases];
        var shortest = horizons[0];
        var chosen = purchases.Where(s => s.Horizon == shortest && s.Method != Oracle).MinBy(s => s.Mase.Estimate)
            ?? throw new InvalidOperationException("no category's purchases change from week to week before any origin: there is nothing to measure a forecast against (MASE's scale is zero everywhere)");
        var method = chosen.Method;
        progress?.Report($"conformal intervals for {method}");
        bool Special(int day) => ForecastCalendar.IsSaleDay(history.Day(day));
        var coverage = IntervalCheck.OnLastOrigin(runs[DemandTarget.Purchases], method, categories, request.Seed, Special);
        var bands = DemandTargets.All.ToDictionary(t => t.Name(),
            t => ConformalBands.Calibrate(IntervalCheck.Scores(runs[t], method, categories, Enumerable.Range(0, origins.Count), Special), ConformalBands.StandardLevels));
        var fit = new DemandForecastFit(method, request.Horizon, history.Last, bands, request.Seed);

        var notes = Notes(history, origins, categories.Count, scores, method, shortest, coverage, bands, oracle, runs, request);
        var champion = context.Registry.Champion(DemandForecastModel.RegistryName);
        double? championMase = null;
        if (champion is not null)
        {
            var previous = DemandForecastFit.Load(context.Registry.VersionFolder(champion.Name, champion.Version)).Method;
            championMase = purchases.FirstOrDefault(s => s.Method == previous && s.Horizon == shortest)?.Mase.Estimate
                ?? ScoreOf(previous, panel, runs[DemandTarget.Purchases], categories, weights, shortest, request.Seed);
            notes.Add(new($"champion v{champion.Version} ({previous}) on this backtest: {Mase(shortest)} {championMase:0.0000}"));
        }

        var estimates = new List<NamedEstimate>();
        foreach (var h in horizons)
        {
            estimates.Add(new NamedEstimate(Mase(h), purchases.Single(s => s.Method == method && s.Horizon == h).Mase, HigherIsBetter: false));
        }

        estimates.Add(new NamedEstimate(SmapeH7, chosen.Smape, HigherIsBetter: false));
        estimates.AddRange(coverage.Select(c => new NamedEstimate(Coverage(c.Level), c.Covered, Target: c.Level)));
        // The baseline is MASE's own yardstick, seasonal naive (naive when seasonal naive itself won); the other methods are shown, not gated on.
        var baseline = method == SeasonalNaiveMethod.MethodName ? NaiveMethod.MethodName : SeasonalNaiveMethod.MethodName;
        var baselines = purchases.Where(s => s.Horizon == shortest && s.Method == baseline).ToDictionary(s => s.Method, s => s.Mase.Estimate);
        var oracleScore = purchases.FirstOrDefault(s => s.Method == Oracle && s.Horizon == shortest);
        var sources = context.Lake.Query($"SELECT DISTINCT path || '@' || fingerprint FROM gold_partitions WHERE table_name = '{GoldTables.DemandDaily.Name}' ORDER BY 1")
            .Rows.Select(r => r[0]?.ToString() ?? string.Empty).ToList();
        var card = context.Registry.Register(DemandForecastModel.RegistryName,
            folder =>
            {
                var file = fit.Save(folder);
                DemandForecastReport.Write(Path.Combine(folder, "report"), history, fit, scores, coverage, notes, oracle);
                return file;
            },
            (version, file) => new ModelCard
            {
                Name = DemandForecastModel.RegistryName,
                Version = version,
                Kind = TaskKind.Forecast,
                Task = $"daily purchases, revenue and views per category for the next {request.Horizon} days, with 80% and 95% conformal intervals; primary: {Mase(shortest)} on purchases per category",
                GoldInputs = [GoldTables.DemandDaily.Name],
                Family = method,
                Hyperparameters = new Dictionary<string, string>
                {
                    ["horizon"] = Invariant(request.Horizon),
                    ["origins"] = string.Join(" ", origins.Select(o => history.Day(o).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
                    ["season"] = Invariant(SeasonalNaiveMethod.Season),
                },
                Features = PanelMethods.IsPanel(method)
                    ? ["one model over all series, features as of the origin:", .. Boosting.BoostingFeatures.Names]
                    : ["own history of the series (weekly season)"],
                ModelFile = file,
                CreatedAt = DateTime.UtcNow,
                Data = new DataWindow(At(history.First), At(history.Day(origins[0])), At(history.Day(last)), At(history.Day(last + request.Horizon)),
                    series.Count, origins.Count - 1, categories.Count, 0, sources),
                Estimates = estimates,
                PrimaryMetric = Mase(shortest),
                Baselines = baselines,
                Families = purchases.Where(s => s.Horizon == shortest && s.Method != Oracle).ToDictionary(s => s.Method, s => s.Mase.Estimate),
                Oracle = oracleScore?.Mase,
                ChampionOnThisWindow = championMase,
                ChampionVersion = champion?.Version,
                LeakageAudit = new LeakageAuditSummary(true,
                    "by construction: each backtest forecast is computed from a copy of the days before its origin (a test changes the later days and finds the same forecasts); "
                    + "intervals whose coverage is reported are calibrated on earlier origins only"),
                Alarms = [],
                Seed = request.Seed,
                CodeVersion = CodeVersion.Current,
                TrainingSeconds = clock.Elapsed.TotalSeconds,
            });

        IReadOnlyList<string> header = ["method", .. horizons.Select(Mase), Smape(shortest), $"wrmsse_h{shortest}"];
        var rows = purchases.GroupBy(s => s.Method).Select(g => (IReadOnlyList<string>)
        [
            g.Key == method ? g.Key + " *" : g.Key,
            .. horizons.Select(h => g.FirstOrDefault(s => s.Horizon == h)?.Mase.ToString() ?? "-"),
            g.First(s => s.Horizon == shortest).Smape.ToString(),
            g.First(s => s.Horizon == shortest).WeightedRmsse.ToString("0.0000", CultureInfo.InvariantCulture),
        ]).ToList();
        var seasonal = purchases.Single(s => s.Method == SeasonalNaiveMethod.MethodName && s.Horizon == shortest).Mase.Estimate;
        var summary = string.Create(CultureInfo.InvariantCulture, $"{method}: purchases {Mase(shortest)} {chosen.Mase} vs seasonal naive {seasonal:0.0000}")
            + (oracleScore is null ? "" : string.Create(CultureInfo.InvariantCulture, $", oracle {oracleScore.Mase.Estimate:0.0000}"))
            + string.Create(CultureInfo.InvariantCulture, $"; coverage 80% {coverage[0].Covered.Estimate:0.000}, 95% {coverage[1].Covered.Estimate:0.000}");
        return new TrainingOutcome(card, new ComparisonTable(header, rows), notes, summary);
    }

    /// <summary>Refuses a horizon the history cannot backtest from two origins, naming the longest one it can.</summary>
    public static void Check(DemandHistory history, int horizon, int origins)
    {
        if (origins >= 2)
        {
            return;
        }

        var longest = history.Days - MinimumHistory - 7;
        var span = $"the lake holds {history.Days} days of demand ({history.First:yyyy-MM-dd}..{history.Last:yyyy-MM-dd})";
        if (longest >= 7)
        {
            throw new ArgumentException($"{span}; a backtest of {horizon} days from two weekly origins needs {MinimumHistory + horizon + 7}: use --horizon {longest} or less");
        }

        throw new InvalidOperationException($"{span}; a backtest needs at least {MinimumHistory + 14} (two weeks of history and two weekly origins of 7 days): ingest more days");
    }

    private static string Smape(int horizon) => $"smape_h{horizon}";

    private static double? ScoreOf(string method, DemandPanel panel, BacktestRun run, IReadOnlyList<int> categories, IReadOnlyList<double> weights, int horizon, ulong seed)
    {
        var again = PanelMethods.IsPanel(method)
            ? RollingOriginBacktest.AddPanel(run with { Forecasts = new Dictionary<string, IReadOnlyList<double[][]>>() }, panel, DemandTarget.Purchases, [PanelMethods.Find(method, seed)])
            : RollingOriginBacktest.Run(run.Series, [ForecastMethods.Find(method)], run.Origins, run.Horizon);
        return new BacktestScoring(again, categories, weights, seed).Score(method, horizon, (s, o) => again.Forecasts[method][s][o])?.Mase.Estimate;
    }

    private static List<TrainingNote> Notes(
        DemandHistory history, IReadOnlyList<int> origins, int categories, IReadOnlyDictionary<DemandTarget, List<MethodScore>> scores, string method, int horizon,
        IReadOnlyList<IntervalCheck.Coverage> coverage, IReadOnlyDictionary<string, ConformalBands> bands, DemandOracle? oracle,
        IReadOnlyDictionary<DemandTarget, BacktestRun> runs, DemandForecastRequest request)
    {
        var notes = new List<TrainingNote>
        {
            new(string.Create(CultureInfo.InvariantCulture,
                $"{history.Series.Count:N0} series ({categories:N0} categories, {history.Series.Count - categories:N0} top-level) over {history.Days} days {history.First:yyyy-MM-dd}..{history.Last:yyyy-MM-dd}; "
                + $"origins {string.Join(", ", origins.Select(o => history.Day(o).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}, horizon {request.Horizon} days; scores over categories with a non-zero scale ({scores[DemandTarget.Purchases].First(s => s.Method == method).Series:N0})")),
        };
        if (history.FilledDays.Count > 0)
        {
            notes.Add(new($"{history.FilledDays.Count} day(s) had no demand row at all and were filled with the value of a week before: {string.Join(", ", history.FilledDays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}", IsAlarm: true));
        }

        foreach (var target in new[] { DemandTarget.Revenue, DemandTarget.Views })
        {
            var mine = scores[target].FirstOrDefault(s => s.Method == method && s.Horizon == horizon);
            var naive = scores[target].FirstOrDefault(s => s.Method == SeasonalNaiveMethod.MethodName && s.Horizon == horizon);
            var best = scores[target].Where(s => s.Horizon == horizon && s.Method != Oracle).MinBy(s => s.Mase.Estimate);
            if (mine is not null && naive is not null && best is not null)
            {
                notes.Add(new(string.Create(CultureInfo.InvariantCulture,
                    $"{target.Name()}: {method} {Mase(horizon)} {mine.Mase} vs seasonal naive {naive.Mase.Estimate:0.0000}; best on {target.Name()}: {best.Method} {best.Mase.Estimate:0.0000}")));
            }
        }

        var tops = Enumerable.Range(0, history.Series.Count).Where(i => history.Series[i].Level == DemandSeries.TopCategoryLevel).ToList();
        if (tops.Count > 0 && tops.Count < history.Series.Count)
        {
            var run = runs[DemandTarget.Purchases];
            var top = new BacktestScoring(run, tops, history.Series.Select(_ => 1.0).ToList(), request.Seed);
            var mine = top.Score(method, horizon, (s, o) => run.Forecasts[method][s][o]);
            var naive = top.Score(SeasonalNaiveMethod.MethodName, horizon, (s, o) => run.Forecasts[SeasonalNaiveMethod.MethodName][s][o]);
            if (mine is not null && naive is not null)
            {
                notes.Add(new(string.Create(CultureInfo.InvariantCulture, $"top-level categories ({tops.Count}), purchases: {method} {Mase(horizon)} {mine.Mase} vs seasonal naive {naive.Mase.Estimate:0.0000}")));
            }
        }

        foreach (var c in coverage)
        {
            notes.Add(new(string.Create(CultureInfo.InvariantCulture,
                $"{c.Level:P0} interval on the last origin (calibrated on the earlier ones; sale days left out of both): coverage {c.Covered}, by horizon {string.Join(", ", c.ByHorizon.Select(b => $"{b.Key} d {b.Value:0.000}"))}; mean scaled Winkler score {c.ScaledWinkler:0.000}"),
                IsAlarm: Math.Abs(c.Covered.Estimate - c.Level) > CoverageTolerance));
        }

        if (bands.Values.Any(b => b.Short))
        {
            notes.Add(new("too few backtest errors for the conformal rank at some step: the largest error was used, so the band may cover less than nominal", IsAlarm: true));
        }

        notes.Add(oracle is null
            ? new("no world truth given (--truth): no oracle row; on a generated world it shows the error no forecast can remove")
            : new($"oracle: the world's expected demand of {oracle.Categories:N0} categories (truth/{Sources.Synthetic.Truth.TruthFiles.DemandDaily}) scored as a forecast; its error is the world's own noise, no forecast can go below it"));
        return notes;
    }

    private static DateTime At(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
