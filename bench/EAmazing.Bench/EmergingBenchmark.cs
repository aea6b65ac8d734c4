using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EAmazing.BusinessModels.EmergingCategories;
using EAmazing.Sources.Synthetic;
using EAmazing.Sources.Synthetic.World;
using Spectre.Console;

namespace EAmazing.Bench;

/// <summary>
/// The emerging-category detector over many seeded worlds: each world plants its own emergences, declines and launches
/// (truth/emergences.json); the detector is run every day of the window on the days up to then. Prints per world and
/// overall recall, precision, detection delays and the false-alarm rate on stable categories. Reference (same run): the
/// time to simulate the worlds' events in memory.
/// </summary>
public static class EmergingBenchmark
{
    private static readonly Option<int> Worlds = new("--worlds") { DefaultValueFactory = _ => 10, Description = "Seeded worlds (seeds 1..N)" };
    private static readonly Option<GenerationScale> Scale = new("--scale") { DefaultValueFactory = _ => GenerationScale.Demo };
    private static readonly Option<string> Months = new("--months") { DefaultValueFactory = _ => "2019-10..2019-11" };
    private static readonly Option<int> FirstSeed = new("--first-seed") { DefaultValueFactory = _ => 1 };
    private static readonly Option<double?> Evidence = new("--evidence") { Description = "Evidence threshold (default: the detector's)" };
    private static readonly Option<double?> TrendZ = new("--trend-z") { Description = "Mann–Kendall z threshold (default: the detector's)" };
    private static readonly Option<string?> Write = new("--write") { Description = "Append the result to this BENCHMARKS.md" };

    public static Command Create()
    {
        var command = new Command("emerging", "Emerging-category detection over seeded worlds: recall, precision, delay, false alarms");
        command.Options.Add(Worlds);
        command.Options.Add(Scale);
        command.Options.Add(Months);
        command.Options.Add(FirstSeed);
        command.Options.Add(Evidence);
        command.Options.Add(TrendZ);
        command.Options.Add(Write);
        command.SetAction(parse => Run(parse.GetValue(Worlds), parse.GetValue(Scale), parse.GetValue(Months)!, parse.GetValue(FirstSeed), Settings(parse.GetValue(Evidence), parse.GetValue(TrendZ)), parse.GetValue(Write)));
        return command;
    }

    private static DetectorSettings Settings(double? evidence, double? trendZ)
    {
        var settings = new DetectorSettings();
        return settings with { EvidenceThreshold = evidence ?? settings.EvidenceThreshold, TrendZ = trendZ ?? settings.TrendZ };
    }

    private static int Run(int worlds, GenerationScale scale, string months, int firstSeed, DetectorSettings settings, string? write)
    {
        if (!MonthWindow.TryParse(months, out var window, out var error))
        {
            Console.Error.WriteLine($"--months: {error}");
            return 2;
        }

        var detector = new EmergenceDetector(settings);
        var results = new List<WorldEmergenceResult>();
        var table = new Table().AddColumns("seed", "planted (E/D/L)", "found", "false flags", "stable", "emerging delays (d)", "launch delays (d)", "onset error (d)");
        double simulate = 0, detect = 0;
        for (var seed = firstSeed; seed < firstSeed + worlds; seed++)
        {
            var world = SyntheticWorld.Create(WorldSpec.For(scale, window!, (ulong)seed));
            var clock = Stopwatch.StartNew();
            var views = EAmazing.Sources.Synthetic.Simulation.DailyCategoryViews.Simulate(world);
            simulate += clock.Elapsed.TotalSeconds;
            clock.Restart();
            var result = WorldEmergenceCheck.Evaluate(EAmazing.Sources.Synthetic.Truth.EmergenceTruth.Of(world), WorldEmergenceCheck.History(world, views), detector);
            detect += clock.Elapsed.TotalSeconds;
            results.Add(result);
            string Delays(EmergenceKind kind) => string.Join(" ", result.Planted.Where(p => p.Planted.Kind == kind).Select(p => p.DelayDays?.ToString(CultureInfo.InvariantCulture) ?? "miss"));
            table.AddRow(seed.ToString(CultureInfo.InvariantCulture),
                $"{result.Planted.Count(p => p.Planted.Kind == EmergenceKind.Emerging)}/{result.Planted.Count(p => p.Planted.Kind == EmergenceKind.Declining)}/{result.Planted.Count(p => p.Planted.Kind == EmergenceKind.Launch)}",
                $"{result.TruePositives}/{result.Positives}", result.FalseFlags.Count.ToString(CultureInfo.InvariantCulture), result.StableCategories.ToString(CultureInfo.InvariantCulture),
                Delays(EmergenceKind.Emerging), Delays(EmergenceKind.Launch),
                string.Join(" ", result.Planted.Where(p => p.Planted.Kind == EmergenceKind.Emerging && p.OnsetErrorDays is not null).Select(p => p.OnsetErrorDays!.Value.ToString(CultureInfo.InvariantCulture))));
        }

        var evaluation = new EmergenceEvaluation(results);
        AnsiConsole.Write(table);
        foreach (var f in results.SelectMany(r => r.FalseFlags))
        {
            Console.WriteLine(FormattableString.Invariant($"false flag: {f.CategoryKey} {f.TopCategory} {f.Signal} score {f.Score:0.0} growth {f.GrowthPerMonth:0.00} start {f.Start:yyyy-MM-dd} trend z {f.TrendZ:0.0} burst z {f.BurstZ:0.0} dispersion {f.Dispersion:0.0} views last week {f.ViewsLastWeek:0}"));
        }

        var checks = results.Sum(r => r.Checks);
        var figures = FormattableString.Invariant(
            $"recall {evaluation.Recall:0.000} ({evaluation.TruePositives}/{evaluation.Positives}; emerging {evaluation.Found(EmergenceKind.Emerging):0.00}, launches {evaluation.Found(EmergenceKind.Launch):0.00}), precision {evaluation.Precision:0.000} ({evaluation.FalsePositives} false flags, declining flagged {results.Sum(r => r.FalseFlags.Count - r.StableFalseFlags)}), ")
            + FormattableString.Invariant($"median delay emerging {evaluation.MedianDelay(EmergenceKind.Emerging):0.#} d (max {evaluation.MaxDelay(EmergenceKind.Emerging)}), launches {evaluation.MedianDelay(EmergenceKind.Launch):0.#} d (max {evaluation.MaxDelay(EmergenceKind.Launch)}), median onset error {evaluation.MedianOnsetError(EmergenceKind.Emerging):0.#} d, ")
            + FormattableString.Invariant($"false-alarm rate on stable categories {evaluation.FalseAlarmRate:0.0000} ({results.Sum(r => r.StableFalseFlags)} of {results.Sum(r => r.StableCategories)}, each checked daily); detection {detect / checks * 1000:N0} ms per daily check");
        Console.WriteLine(figures);
        var reference = FormattableString.Invariant($"simulating the worlds' events in memory: {simulate:N1} s; detection (all daily checks): {detect:N1} s");
        Console.WriteLine(reference);
        if (write is not null)
        {
            BenchmarkLog.AppendRow(write, "Emerging categories",
                "`dotnet run -c Release --project bench/EAmazing.Bench -- emerging [--worlds 10] [--scale demo] [--months 2019-10..2019-11] [--write BENCHMARKS.md]`: seeds 1..N (or --first-seed S..S+N-1), each world plants 2–4 emerging, 1–3 declining categories and 1–2 launches (truth/emergences.json); the detector runs as of every day from day 21 on, on the days up to then; a category's first flag counts. Targets (issue 21): every planted emergence and launch found, precision ≥ 0.8, launches flagged within 7 days.",
                "| date (UTC) | command | data | figures | reference (same run) | machine |",
                FormattableString.Invariant($"| {DateTime.UtcNow:yyyy-MM-dd HH:mm} | `emerging --worlds {worlds} --first-seed {firstSeed} --scale {scale.ToString().ToLowerInvariant()} --months {months} --evidence {settings.EvidenceThreshold} --trend-z {settings.TrendZ}` | {worlds} worlds, {scale} scale, {window!.DayCount} days, {checks} daily checks | {figures} | {reference} | {Environment.ProcessorCount} cores (shared), load {BenchmarkLog.LoadAverage()} |"));
            Console.WriteLine($"appended a row to {write}");
        }

        return 0;
    }
}
