using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EAmazing.BusinessModels.Segmentation.Clustering;
using EAmazing.BusinessModels.Segmentation.Features;
using EAmazing.Engine.DuckDb;
using EAmazing.Sources.Synthetic;

namespace EAmazing.Bench;

/// <summary>
/// <c>segments</c>: customer segmentation on a lake's latest weekly snapshot. In this process, per clustering family at
/// one k: the fit on the seeded fit sample, the assignment of every user of the snapshot, and the process's peak
/// memory while doing both (VmHWM, reset before each family). Then the pipeline as a user runs it, as child processes:
/// <c>train segments</c> (every family, k 2..10, stability, intervals), <c>models promote</c> and <c>score segments</c>,
/// wall time and peak memory each. Reference in the same run: loading the snapshot. Target (issue 18, month scale): the
/// chosen pipeline fits in under 5 minutes and 8 GB.
/// </summary>
public static class SegmentsBenchmark
{
    private static readonly Option<string?> WriteOption = new("--write") { Description = "Append the result as a row of this Markdown file, e.g. BENCHMARKS.md" };
    private static readonly Option<string> CliOption = new("--cli") { Description = "The built eamazing.dll", DefaultValueFactory = _ => "src/EAmazing.Cli/bin/Release/net10.0/linux-x64/eamazing.dll" };
    private static readonly Option<string> ScaleOption = new("--scale") { Description = "demo or month: the data generated and built when --lake is not given", DefaultValueFactory = _ => "demo" };
    private static readonly Option<string> DataOption = new("--data") { Description = "Where generated data is cached", DefaultValueFactory = _ => "data/bench" };
    private static readonly Option<string?> LakeOption = new("--lake") { Description = "A lake with gold user_snapshots (features build done); score writes into it: pass a copy" };
    private static readonly Option<string?> TruthOption = new("--truth") { Description = "The world's truth folder (ARI vs personas in train); default: the generated data's" };
    private static readonly Option<int> KOption = new("--k") { Description = "The k every family is fitted at in the per-family part", DefaultValueFactory = _ => 4 };
    private static readonly Option<int> FitSampleOption = new("--fit-sample") { Description = "Users each family is fitted on (as train's --fit-sample)", DefaultValueFactory = _ => 5000 };
    private static readonly Option<bool> SkipPipelineOption = new("--families-only") { Description = "Measure the families only, not train/promote/score" };

    public static Command Create()
    {
        var command = new Command("segments", "Benchmark customer segmentation: fit and scoring time and peak memory per family, then train/score as child processes");
        foreach (var option in new Option[] { WriteOption, CliOption, ScaleOption, DataOption, LakeOption, TruthOption, KOption, FitSampleOption, SkipPipelineOption })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Run(new Settings(
            Path.GetFullPath(parse.GetValue(CliOption)!), Enum.Parse<GenerationScale>(parse.GetValue(ScaleOption)!, ignoreCase: true), parse.GetValue(DataOption)!,
            parse.GetValue(LakeOption), parse.GetValue(TruthOption), parse.GetValue(KOption), parse.GetValue(FitSampleOption), !parse.GetValue(SkipPipelineOption),
            parse.GetValue(WriteOption))));
        return command;
    }

    private sealed record Settings(string Cli, GenerationScale Scale, string Data, string? Lake, string? Truth, int K, int FitSample, bool Pipeline, string? Write);

    private static int Run(Settings settings)
    {
        var work = Path.Combine(Path.GetTempPath(), "eamazing-bench-segments-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            var (lake, truth) = settings.Lake is null ? Build(settings, work) : (Path.GetFullPath(settings.Lake), settings.Truth);
            var (users, snapshot, load, loadPeak, families) = MeasureFamilies(lake, settings);
            var rows = families.Select(f => FormattableString.Invariant($"{f.Family} {f.FitSeconds:N1} s + {f.AssignSeconds:N1} s ({f.CpuSeconds:N1} s CPU), {f.PeakBytes / 1e6:N0} MB")).ToList();
            Console.WriteLine(FormattableString.Invariant($"snapshot {snapshot:yyyy-MM-dd}: {users:N0} users; loaded in {load:N1} s, peak {loadPeak / 1e6:N0} MB"));
            Console.WriteLine($"{"family",-16} {"fit s",8} {"assign s",9} {"CPU s",8} {"peak MB",8}");
            foreach (var f in families)
            {
                Console.WriteLine(FormattableString.Invariant($"{f.Family,-16} {f.FitSeconds,8:N2} {f.AssignSeconds,9:N2} {f.CpuSeconds,8:N2} {f.PeakBytes / 1e6,8:N0}"));
            }

            var pipeline = "not run";
            if (settings.Pipeline)
            {
                var models = Path.Combine(work, "models");
                string[] truthArgs = truth is null ? [] : ["--truth", truth];
                var train = Child(settings.Cli, work, ["train", "segments", "--fit-sample", settings.FitSample.ToString(CultureInfo.InvariantCulture), .. truthArgs, "--lake", lake, "--models", models]);
                Child(settings.Cli, work, ["models", "promote", "customer-segments", "1", "--force", "--models", models]);
                var score = Child(settings.Cli, work, ["score", "segments", "--lake", lake, "--models", models]);
                var (family, k) = ChosenOf(train.Output);
                pipeline = FormattableString.Invariant($"`train segments` (6 families × k 2..10, 20 stability refits, {(truth is null ? "no truth" : "ARI/NMI vs personas")}) {train.Seconds:N0} s wall ({train.CpuSeconds:N0} s CPU), peak {train.PeakBytes / 1e6:N0} MB; `score segments` {score.Seconds:N0} s wall ({score.CpuSeconds:N0} s CPU), peak {score.PeakBytes / 1e6:N0} MB");
                if (family is not null)
                {
                    // The chosen pipeline: a retrain restricted to the family and k the comparison chose (what a scheduled refit runs).
                    var refit = Child(settings.Cli, work, ["train", "segments", "--families", family, "--k", k!, "--fit-sample", settings.FitSample.ToString(CultureInfo.InvariantCulture), .. truthArgs, "--lake", lake, "--models", Path.Combine(work, "models-chosen")]);
                    pipeline += FormattableString.Invariant($"; chosen pipeline `train segments --families {family} --k {k}` {refit.Seconds:N0} s wall ({refit.CpuSeconds:N0} s CPU), peak {refit.PeakBytes / 1e6:N0} MB");
                }

                Console.WriteLine(pipeline);
                Console.WriteLine($"chosen: {family ?? "?"}, k = {k ?? "?"}");
            }

            Console.WriteLine("target (month scale): the chosen pipeline fits in < 5 min and < 8 GB");
            if (settings.Write is not null)
            {
                var reference = FormattableString.Invariant($"loading the snapshot: {load:N1} s, peak {loadPeak / 1e6:N0} MB");
                BenchmarkLog.AppendRow(settings.Write, "Segmentation",
                    "`dotnet run -c Release --project bench/EAmazing.Bench -- segments [--scale demo|month] [--lake COPY --truth DIR] [--k 4] [--fit-sample 5000] [--write BENCHMARKS.md]`: on the lake's latest weekly snapshot, per family at one k: fit on the seeded fit sample + assignment of every user (seconds) and the process's peak memory (VmHWM reset before each family); then `train segments` (every family, k 2..10, stability, bootstrap intervals), `models promote` and `score segments` as child processes (wall time, peak memory). Reference: loading the snapshot. Target (month scale): the pipeline fits in < 5 min and < 8 GB.",
                    "| date (UTC) | command | data | per family (k fixed): fit + assign all (CPU), peak | pipeline | reference | machine |",
                    FormattableString.Invariant($"| {DateTime.UtcNow:yyyy-MM-dd HH:mm} | `segments --k {settings.K} --fit-sample {settings.FitSample}` | {(settings.Lake is null ? settings.Scale + " scale" : "lake " + Path.GetFileName(lake.TrimEnd('/')))}, snapshot {snapshot:yyyy-MM-dd}, {users:N0} users | {string.Join("; ", rows)} | {pipeline} | {reference} | {Environment.ProcessorCount} cores (shared), load {BenchmarkLog.LoadAverage()} |"));
                Console.WriteLine($"appended a row to {settings.Write}");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The chosen row of train's comparison table is the one whose family is starred: "│ kmeans * │ 2 │".</summary>
    private static (string? Family, string? K) ChosenOf(string trainOutput)
    {
        var match = System.Text.RegularExpressions.Regex.Match(trainOutput, @"│\s*([a-z0-9-]+) \*\s*│\s*(\d+)\s*│");
        return match.Success ? (match.Groups[1].Value, match.Groups[2].Value) : (null, null);
    }

    private sealed record FamilyFigures(string Family, double FitSeconds, double AssignSeconds, double CpuSeconds, long PeakBytes);

    private static (int Users, DateTime Snapshot, double LoadSeconds, long LoadPeak, List<FamilyFigures> Families) MeasureFamilies(string lakePath, Settings settings)
    {
        ResetPeak();
        var clock = Stopwatch.StartNew();
        SnapshotRows snapshot;
        using (var lake = DuckDbLake.Open(lakePath))
        {
            snapshot = SnapshotRows.Load(lake, SegmentColumns.Parse(string.Join(',', SegmentColumns.Default)), null);
        }

        var transform = FeatureTransform.Fit(snapshot.Columns, snapshot.Raw);
        var all = new ClusteringData(transform.Apply(snapshot.Raw), snapshot.Profile);
        var load = clock.Elapsed.TotalSeconds;
        var loadPeak = Peak();
        var fit = all.Subset(WardFamily.Sample(all.Count, settings.FitSample, 46));
        var figures = new List<FamilyFigures>();
        foreach (var family in ClusteringFamilies.All)
        {
            GC.Collect();
            ResetPeak();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            var model = family.Fit(fit, family.FixedK ?? settings.K, 46);
            var fitted = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var labels = model.Assign(all);
            figures.Add(new FamilyFigures(family.Name, fitted, clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, Peak()));
            GC.KeepAlive(labels);
        }

        return (snapshot.Count, snapshot.SnapshotTime, load, loadPeak, figures);
    }

    /// <summary>Generates the scale's data, ingests it and builds gold (child processes, a throwaway key): a lake and its truth.</summary>
    private static (string Lake, string? Truth) Build(Settings settings, string work)
    {
        var files = BenchData.Generated(Path.GetFullPath(settings.Data), settings.Scale);
        var lake = Path.Combine(work, "lake");
        Console.WriteLine($"ingesting {files.Count} file(s) into {lake} and building gold …");
        Child(settings.Cli, work, ["ingest", .. files, "--lake", lake]);
        Child(settings.Cli, work, ["features", "build", "--lake", lake]);
        var truth = Path.Combine(Path.GetDirectoryName(files[0])!, "truth");
        return (lake, settings.Truth ?? (Directory.Exists(truth) ? truth : null));
    }

    // Linux: writing 5 to clear_refs resets the process's peak resident set (VmHWM), so each family's peak is its own.
    private static void ResetPeak() => File.WriteAllText("/proc/self/clear_refs", "5");

    private static long Peak() => MeasuredProcess.PeakBytesOf(Environment.ProcessId);

    /// <returns>Wall seconds, CPU seconds (user + system: the machine is shared, so wall time alone says little), peak bytes, the whole output.</returns>
    private static (double Seconds, double CpuSeconds, long PeakBytes, string Output) Child(string cli, string work, string[] args)
    {
        var log = Path.Combine(work, "logs", $"{args[0]}-{Guid.NewGuid():N}.log");
        var measured = MeasuredProcess.Run("dotnet", [cli, .. args], work, new Dictionary<string, string?>(), log);
        var output = File.ReadAllText(log);
        if (measured.ExitCode != 0)
        {
            throw new InvalidOperationException($"eamazing {string.Join(' ', args.Take(2))} exited {measured.ExitCode}: {output}");
        }

        return (measured.Seconds, measured.CpuSeconds, measured.PeakBytes, output);
    }
}
