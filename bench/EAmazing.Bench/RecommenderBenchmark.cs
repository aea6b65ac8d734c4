using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EAmazing.BusinessModels.Recommendation;
using EAmazing.BusinessModels.Recommendation.Data;
using EAmazing.BusinessModels.Recommendation.Evaluation;
using EAmazing.BusinessModels.Recommendation.Methods;
using EAmazing.BusinessModels.Recommendation.Neural;
using EAmazing.Engine.DuckDb;
using Spectre.Console;

namespace EAmazing.Bench;

/// <summary>
/// <c>recommender</c>: training time per next-item method on a real lake's last-day fold (the sessions ending before the
/// last day; each method with its grid's default setting, seed 46), the full-catalogue evaluation time on the last day's
/// sessions and its Recall@20, and the recurrent network's events/s per epoch. Wall and CPU seconds are both given (the
/// machine is shared); the reference in the same run is the most-popular ranking's fit time and Recall@20.
/// </summary>
public static class RecommenderBenchmark
{
    private static readonly Option<string> LakeOption = new("--lake") { Description = "Lake folder (a copy: opening it may write)", Required = true };
    private static readonly Option<string> EventsOption = new("--events") { Description = "views or all", DefaultValueFactory = _ => "views" };
    private static readonly Option<string?> MethodsOption = new("--methods") { Description = "Comma-separated methods (default: every method, gru4rec included)" };
    private static readonly Option<int> GruEpochsOption = new("--gru-epochs") { Description = "Epochs of gru4rec (its throughput is per epoch)", DefaultValueFactory = _ => 1 };
    private static readonly Option<int> GruSessionsOption = new("--gru-sessions") { Description = "Train gru4rec on the most recent this many training sessions (0: all)", DefaultValueFactory = _ => 0 };
    private static readonly Option<string?> WriteOption = new("--write") { Description = "Append the result as a row of this Markdown file, e.g. BENCHMARKS.md" };

    public static Command Create()
    {
        var command = new Command("recommender", "Next-item methods on a lake's last-day fold: fit and evaluation seconds per method, gru4rec events/s per epoch");
        foreach (var option in new Option[] { LakeOption, EventsOption, MethodsOption, GruEpochsOption, GruSessionsOption, WriteOption })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Run(parse.GetValue(LakeOption)!, parse.GetValue(EventsOption)!, parse.GetValue(MethodsOption), parse.GetValue(GruEpochsOption), parse.GetValue(GruSessionsOption), parse.GetValue(WriteOption)));
        return command;
    }

    private static int Run(string lakePath, string events, string? methodNames, int gruEpochs, int gruSessions, string? write)
    {
        var preparation = new PreparationOptions(events == "all" ? EventSelection.All : EventSelection.Views);
        var methods = methodNames?.Split(',', StringSplitOptions.TrimEntries).Select(RecommenderCatalog.Find).ToList() ?? [.. RecommenderCatalog.All];
        var clock = Stopwatch.StartNew();
        List<RawSession> all;
        using (var lake = DuckDbLake.Open(lakePath))
        {
            all = SessionLog.Load(lake, preparation);
        }

        var readSeconds = clock.Elapsed.TotalSeconds;
        var split = LastDaySplit.Of(all);
        var fold = ProtocolFold.Build(all, split.TestDay, preparation);
        var trainEvents = fold.Sequences.Sum(s => (long)s.Length);
        var testEvents = fold.Test.Sum(s => s.Length - 1);
        AnsiConsole.MarkupLineInterpolated($"{all.Count:N0} sessions read in {readSeconds:0} s; training {fold.TrainingSessions:N0} sessions, {trainEvents:N0} events, {fold.Vocabulary.Count:N0} items; test {fold.Test.Count:N0} sessions, {testEvents:N0} events on {split.TestDay:yyyy-MM-dd}");

        var table = new Table().AddColumns("method", "settings", "fit s (wall)", "fit s (CPU)", "evaluate s (wall)", "recall@20", "per epoch");
        var rows = new List<(string Name, double Fit, double FitCpu, double Evaluate, double Recall, string Epochs)>();
        foreach (var method in methods)
        {
            var settings = method.WithSeed(method.Name == "gru4rec" ? new Dictionary<string, string>(method.Grid[0]) { ["epochs"] = gruEpochs.ToString(CultureInfo.InvariantCulture) } : method.Grid[0], 46);
            var sequences = method.Name == "gru4rec" && gruSessions > 0 ? fold.Sequences.Skip(Math.Max(0, fold.Sequences.Count - gruSessions)).ToList() : fold.Sequences;
            var recommender = method.Create(settings);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            recommender.Fit(sequences, fold.Vocabulary.Count);
            var fit = clock.Elapsed.TotalSeconds;
            var fitCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            clock.Restart();
            var recall = NextItemEvaluator.Evaluate(recommender, fold.Test, fold.Vocabulary.Count, fold.Vocabulary.Counts).Mean(RecommendationComparison.Primary);
            var evaluate = clock.Elapsed.TotalSeconds;
            var epochs = recommender is Gru4RecRecommender gru
                ? string.Join(", ", gru.History.Select(e => FormattableString.Invariant($"epoch {e.Epoch}: {e.Events:N0} events {e.EventsPerSecond:N0}/s, {e.Events / Math.Max(1e-9, fitCpu / gru.History.Count):N0}/CPU s"))) + (gruSessions > 0 ? FormattableString.Invariant($" (last {sequences.Count:N0} sessions)") : "")
                : "-";
            rows.Add((method.Name, fit, fitCpu, evaluate, recall, epochs));
            table.AddRow(method.Name, string.Join(" ", settings.Select(kv => $"{kv.Key}={kv.Value}")), F(fit), F(fitCpu), F(evaluate), FormattableString.Invariant($"{recall:0.0000}"), epochs);
        }

        AnsiConsole.Write(table);
        var load = BenchmarkLog.LoadAverage();
        AnsiConsole.MarkupLineInterpolated($"load average {load}");
        if (write is not null)
        {
            var reference = rows.FirstOrDefault(r => r.Name == PopularityRecommender.MethodName);
            BenchmarkLog.AppendRow(write, "Next-item recommendation (demo world)", "",
                "| date | command | data size | figures | reference (same run) | machine |",
                FormattableString.Invariant($"| {DateTime.UtcNow:yyyy-MM-dd HH:mm} | `bench recommender --lake COPY --events {events}{(methodNames is null ? "" : " --methods " + methodNames)} --gru-epochs {gruEpochs}{(gruSessions > 0 ? $" --gru-sessions {gruSessions}" : "")}` ")
                + FormattableString.Invariant($"| {fold.TrainingSessions:N0} training sessions / {trainEvents:N0} events / {fold.Vocabulary.Count:N0} items; {testEvents:N0} test events ({split.TestDay:yyyy-MM-dd}) | fit wall / CPU / evaluate s (recall@20, default settings): ")
                + string.Join("; ", rows.Select(r => FormattableString.Invariant($"{r.Name} {r.Fit:0.0} / {r.FitCpu:0.0} / {r.Evaluate:0.0} ({r.Recall:0.000})")))
                + string.Concat(rows.Where(r => r.Epochs != "-").Select(r => $"; {r.Name} {r.Epochs}"))
                + FormattableString.Invariant($"; reading silver {readSeconds:0} s | popularity fit {reference.Fit:0.00} s, recall@20 {reference.Recall:0.000} | {BenchmarkLog.Machine} (shared), load {load} |"));
        }

        return 0;
    }

    private static string F(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture);
}
