using System.CommandLine;
using System.Globalization;
using System.IO.Compression;
using EAmazing.BusinessModels;
using EAmazing.Models.Registry;
using EAmazing.Sources.Synthetic;

namespace EAmazing.Bench;

/// <summary>
/// <c>full</c>: the whole platform on the public dataset's size, stage by stage, each stage the built
/// <c>eamazing</c> (or this bench) in a child process: generate, the reference (DuckDB's own CSV → Parquet COPY of
/// the same files), ingest, features build, train (+ promote, score) of every business model in the catalog,
/// erase 100 people, the features build after it (training refuses stale gold), rotate the key, serve under wrk. Per
/// stage: wall and CPU time, peak memory, bytes read and written, and the disk used per layer after it. Resumable:
/// stages finished are kept in <c>DATA/full-run.json</c> and skipped when the command runs again. <c>--months 1|2|4|7</c> gives the growth table.
/// </summary>
public static class FullRunBenchmark
{
    // What differs from the demo's run at full scale, each recorded in the model's card: the recommender reads the lake's
    // last 31 days (a full-scale month is 8.4M sessions, ~7 GB as objects; seven months would not fit in 24 GB).
    private static readonly Dictionary<string, string[]> FullScaleArguments = new() { ["recommender"] = ["--window-days", "31"] };

    private static readonly Option<string> DataOption = new("--data") { Description = "Folder of the run (raw, lake, models, logs, state)", DefaultValueFactory = _ => "data/full" };
    private static readonly Option<GenerationScale> ScaleOption = new("--scale") { Description = "Generation scale (full: the real monthly volumes)", DefaultValueFactory = _ => GenerationScale.Full };
    private static readonly Option<int> MonthsOption = new("--months") { Description = "Months from October 2019 (1..7)", DefaultValueFactory = _ => 7 };
    private static readonly Option<int> PeopleOption = new("--people") { Description = "People erased in the erasure stage", DefaultValueFactory = _ => 100 };
    private static readonly Option<int> ServeSecondsOption = new("--serve-seconds") { Description = "wrk duration of the serve stage (0: skip it)", DefaultValueFactory = _ => 30 };
    private static readonly Option<string> CliOption = new("--cli") { Description = "The built eamazing.dll", DefaultValueFactory = _ => "src/EAmazing.Cli/bin/Release/net10.0/linux-x64/eamazing.dll" };
    private static readonly Option<string?> WriteOption = new("--write") { Description = "Append the result as a row of this Markdown file, e.g. BENCHMARKS.md" };
    private static readonly Option<string?> SkipOption = new("--skip")
    {
        Description = "Stages not run this time, comma-separated (e.g. \"train purchase,key rotate\"); they stay unfinished, so the same command without --skip runs them later",
    };

    public static Command Create()
    {
        var command = new Command("full", "The whole pipeline on the full dataset's size, stage by stage, resumable");
        foreach (var option in new Option[] { DataOption, ScaleOption, MonthsOption, PeopleOption, ServeSecondsOption, CliOption, WriteOption, SkipOption })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Run(
            Path.GetFullPath(parse.GetValue(DataOption)!), parse.GetValue(ScaleOption), parse.GetValue(MonthsOption), parse.GetValue(PeopleOption),
            parse.GetValue(ServeSecondsOption), Path.GetFullPath(parse.GetValue(CliOption)!), parse.GetValue(WriteOption),
            (parse.GetValue(SkipOption) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        return command;
    }

    private const string AfterErasure = "features build after erasure";

    private static int Run(string data, GenerationScale scale, int months, int people, int serveSeconds, string cli, string? write, string[] skip)
    {
        string[] stages =
        [
            "key init", "generate", "reference DuckDB COPY", "ingest", "features build",
            .. BusinessModelCatalog.Default.All.Select(m => $"train {m.Name}"), $"erase {people} people", AfterErasure, "key rotate", "serve under wrk",
        ];
        if (skip.FirstOrDefault(s => !stages.Contains(s)) is { } unknown)
        {
            Console.Error.WriteLine($"--skip: no stage is called '{unknown}'; the stages: {string.Join(", ", stages)}");
            return 2;
        }

        if (months is < 1 or > 7)
        {
            Console.Error.WriteLine($"--months must be 1..7 (October 2019 onwards), not {months}");
            return 2;
        }

        if (!File.Exists(cli))
        {
            Console.Error.WriteLine($"{cli} does not exist: build the CLI first (dotnet build src/EAmazing.Cli -c Release)");
            return 2;
        }

        var window = new MonthWindow(MonthWindow.DatasetStart, months);
        var profile = ScaleProfile.For(scale, window);
        var events = profile.TotalEvents;
        Directory.CreateDirectory(data);
        var state = FullRunState.Load(Path.Combine(data, "full-run.json"));
        var need = FullRunDisk.For(profile.EventsPerMonth, stages.Where(s => !skip.Contains(s) && state.Finished(s) is not { Measurement.ExitCode: 0 }).ToList());
        var needed = need.Total - DiskUsed(data);
        var free = new DriveInfo(data).AvailableFreeSpace;
        if (needed > free)
        {
            Console.Error.WriteLine(FormattableString.Invariant(
                $"{events:N0} events need about {needed / 1e9:N1} GB more in {data} ({need}, less the {DiskUsed(data) / 1e9:N1} GB already there); {free / 1e9:N1} GB are free: free space, choose fewer --months or --skip the stage named"));
            return 2;
        }

        var raw = Path.Combine(data, "raw");
        var lake = Path.Combine(data, "lake");
        var models = Path.Combine(data, "models");
        var keyFile = Path.Combine(data, "keys", "pseudonym.key");
        // A key of its own (rotation refuses a key from the environment), never the user's.
        var environment = new Dictionary<string, string?> { ["EAMAZING__PSEUDONYMKEYFILE"] = keyFile, ["EAMAZING_PSEUDONYM_KEY"] = null };
        string[] where = ["--lake", lake, "--models", models];
        var failed = false;

        var skipped = new List<string>();
        bool Stage(string name, string[] args, bool mustSucceed = true, string program = "dotnet", Func<StageMeasurement, string>? note = null)
        {
            if (failed)
            {
                return false;
            }

            if (skip.Contains(name) && state.Finished(name) is not { Measurement.ExitCode: 0 })
            {
                skipped.Add(name);
                Console.WriteLine($"{name,-34} skipped (--skip): the same command without it runs this stage");
                return false;
            }

            if (state.Finished(name) is { } done)
            {
                if (done.Measurement.ExitCode == 0)
                {
                    Print(done, resumed: true);
                    return true;
                }

                // A stage that failed last time (a training that may fail without stopping the run) is tried again.
                Console.WriteLine($"{name,-34} failed last time ({done.Note}): running it again");
            }

            var log = Path.Combine(data, "logs", string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? c : '-')) + ".log");
            var measured = MeasuredProcess.Run(program, args, data, environment, log);
            if (measured.ExitCode != 0 && mustSucceed)
            {
                Console.Error.WriteLine($"stage '{name}' exited {measured.ExitCode}; its log: {log}\n{measured.OutputTail}");
                Console.Error.WriteLine("fix the cause and run the same command again: finished stages are kept");
                failed = true;
                return false;
            }

            var text = measured.ExitCode == 0
                ? note?.Invoke(measured) ?? ""
                : $"exit {measured.ExitCode}: {measured.OutputTail.Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim()}";
            var finished = new FinishedStage(name, measured, text, Layers(data));
            state.Record(finished);
            Print(finished, resumed: false);
            return measured.ExitCode == 0;
        }

        Console.WriteLine(FormattableString.Invariant($"{scale} scale, {window}: {events:N0} events planned in {data}"));
        Console.WriteLine($"{"stage",-34} {"wall s",9} {"CPU s",9} {"peak MB",9} {"read MB",10} {"written MB",11}  disk after (MB)");
        if (!File.Exists(keyFile) || state.Finished("key init") is not null)
        {
            Stage("key init", [cli, "gdpr", "key", "init", .. where]);
        }

        Stage("generate", [cli, "generate", "--scale", scale.ToString().ToLowerInvariant(), "--months", window.ToString(), "--out", raw]);
        var files = Directory.Exists(raw) ? Directory.GetFiles(raw, "*.csv.gz").Order(StringComparer.Ordinal).ToArray() : [];
        var reference = Path.Combine(data, "reference");
        Directory.CreateDirectory(reference);
        Stage("reference DuckDB COPY", [typeof(FullRunBenchmark).Assembly.Location, "child", "--mode", "duckdb", "--work", reference, .. files]);
        if (Directory.Exists(reference))
        {
            Directory.Delete(reference, recursive: true);
        }

        Stage("ingest", [cli, "ingest", raw, .. where]);
        Stage("features build", [cli, "features", "build", .. where],
            note: _ => GoldBuildLog.Note(File.ReadAllText(Path.Combine(data, "logs", "features-build.log"))));

        // An erasure leaves stale the gold partitions over many people's events (the cart points' item histories), and a
        // training refuses stale inputs: the build after it is part of what an erasure costs. A run resumed after its
        // erasure (trainings left to run) rebuilds before them.
        void BuildAfterErasure()
        {
            if (state.Finished($"erase {people} people") is { Measurement.ExitCode: 0 })
            {
                Stage(AfterErasure, [cli, "features", "build", .. where],
                    note: _ => GoldBuildLog.Note(File.ReadAllText(Path.Combine(data, "logs", "features-build-after-erasure.log"))));
            }
        }

        var registry = new ModelRegistry(models);
        foreach (var model in BusinessModelCatalog.Default.All)
        {
            // The demo's families and parameters: the documented choice per model (its DemoRun), trained on the full gold tables.
            string[] train =
            [
                cli, "train", model.Name, "--truth", Path.Combine(raw, "truth"), "--trials", model.Demo.TrialsPerFamily.ToString(CultureInfo.InvariantCulture), .. where,
                .. model.Demo.Parameters.SelectMany(p => new[] { "--" + p.Key, p.Value }),
                .. model.Demo.Families is { } families ? new[] { "--families", string.Join(',', families) } : [],
                .. FullScaleArguments.GetValueOrDefault(model.Name, []),
            ];
            BuildAfterErasure();
            if (!Stage($"train {model.Name}", train, mustSucceed: false) || failed)
            {
                continue;
            }

            if (registry.Champion(model.Demo.RegistryName) is null && registry.Versions(model.Demo.RegistryName).LastOrDefault() is { } latest)
            {
                Stage($"promote {model.Name}", [cli, "models", "promote", latest.Name, latest.Version.ToString(CultureInfo.InvariantCulture), "--force", .. where], mustSucceed: false);
            }

            if (model.BatchScorer is { } scorer)
            {
                Stage($"score {scorer.Name}", [cli, "score", scorer.Name, .. where], mustSucceed: false);
            }

            if (model.ForecastWriter is not null)
            {
                // Forecast as far as the model was trained to (the demo's horizon), as the demo does: the default 28 days is refused otherwise.
                Stage("forecast", [cli, "forecast", .. where, .. model.Demo.Parameters.TryGetValue("horizon", out var horizon) ? new[] { "--horizon", horizon } : []], mustSucceed: false);
            }
        }

        if (files.Length > 0)
        {
            var idFile = Path.Combine(data, "keys", "erase.txt");
            if (state.Finished($"erase {people} people") is null && !skip.Contains($"erase {people} people"))
            {
                // Raw ids stay in the run's key folder, beside the key, and are deleted after the stage.
                File.WriteAllLines(idFile, PeopleOf(files[^1], people));
            }

            Stage($"erase {people} people", [cli, "gdpr", "erase", "--from-file", idFile, .. where]);
            File.Delete(idFile);
            BuildAfterErasure();
        }

        Stage("key rotate", [cli, "gdpr", "key", "rotate", .. where]);
        if (serveSeconds > 0)
        {
            Stage("serve under wrk", [typeof(FullRunBenchmark).Assembly.Location, "serve", "--cli", cli, "--lake", lake, "--models", models, "--seconds", serveSeconds.ToString(CultureInfo.InvariantCulture)],
                mustSucceed: false, note: ServeFigures);
        }

        if (failed)
        {
            return 1;
        }

        if (write is not null)
        {
            Append(write, scale, window, events, state, skipped);
        }

        return 0;
    }

    /// <summary>The serve benchmark's own row: "| date | wrk … | requests | req/s | p50 | p99 | errors | machine |". Server and wrk are its children: CPU and peak of this stage are the driver's only.</summary>
    private static string ServeFigures(StageMeasurement measured)
    {
        var cells = measured.OutputTail.Split('\n').LastOrDefault(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("wrk", StringComparison.Ordinal))?.Split('|', StringSplitOptions.TrimEntries);
        return cells is { Length: > 7 } ? $"{cells[4]} req/s, p50 {cells[5]}, p99 {cells[6]}, {cells[7]} (server and wrk: separate processes, not in this stage's CPU and peak)" : "no wrk figures: see the stage's log";
    }

    private static void Print(FinishedStage stage, bool resumed)
    {
        var m = stage.Measurement;
        var disk = string.Join(", ", stage.DiskBytes.Where(d => d.Value > 0).Select(d => FormattableString.Invariant($"{d.Key} {d.Value / 1e6:N0}")));
        Console.WriteLine(FormattableString.Invariant($"{stage.Stage,-34} {m.Seconds,9:N1} {m.CpuSeconds,9:N1} {m.PeakBytes / 1e6,9:N0} {m.ReadBytes / 1e6,10:N0} {m.WrittenBytes / 1e6,11:N0}  {disk}{(resumed ? "  (finished earlier)" : "")}"));
        if (stage.Note.Length > 0)
        {
            Console.WriteLine($"{"",-34} {stage.Note}");
        }
    }

    private static void Append(string path, GenerationScale scale, MonthWindow window, long events, FullRunState state, IReadOnlyList<string> skipped)
    {
        var reference = state.Finished("reference DuckDB COPY")?.Measurement.Seconds ?? double.NaN;
        var stages = string.Join("; ", state.Stages.Where(s => s.Stage != "reference DuckDB COPY").Select(s =>
            FormattableString.Invariant($"{s.Stage} {s.Measurement.Seconds:N0} s ({s.Measurement.CpuSeconds:N0} s CPU, {s.Measurement.Seconds / reference:N2}× ref), {s.Measurement.PeakBytes / 1e9:N1} GB peak, {s.Measurement.ReadBytes / 1e9:N1}/{s.Measurement.WrittenBytes / 1e9:N1} GB r/w{(s.Note.Length > 0 ? " — " + s.Note.Replace("|", "/", StringComparison.Ordinal) : "")}")))
            + (skipped.Count > 0 ? $"; not run this time (--skip): {string.Join(", ", skipped)}" : "");
        var disk = string.Join(", ", state.Stages[^1].DiskBytes.Where(d => d.Value > 0).Select(d => FormattableString.Invariant($"{d.Key} {d.Value / 1e9:N1} GB")));
        BenchmarkLog.AppendRow(path, "Full run",
            "`dotnet run -c Release --project bench/EAmazing.Bench -- full [--scale full] [--months 1..7] [--data DIR] [--write BENCHMARKS.md]`: every stage the built `eamazing` in a child process (generate, ingest, features build, train + promote + score of every business model with its demo families, erase 100 people, the features build after it, key rotation, serve under wrk); wall, CPU, peak memory (VmHWM), bytes read/written (rchar/wchar) per stage; disk per layer at the end. Resumable (DATA/full-run.json). Reference in the same run: DuckDB's own `COPY (SELECT * FROM read_csv(file)) TO parquet` of the same raw files, one COPY per file (one COPY of all seven months ran out of DuckDB's 18.8 GiB, 2026-12-06; rows before that date: one COPY of all the files).",
            "| date (UTC) | command | data | stages: wall (CPU, × reference), peak, read/written | disk at the end | reference: DuckDB COPY s | machine |",
            FormattableString.Invariant($"| {DateTime.UtcNow:yyyy-MM-dd HH:mm} | `full --scale {scale.ToString().ToLowerInvariant()} --months {window.MonthCount}` | {window}, {events:N0} events planned | {stages} | {disk} | {reference:N1} | {Environment.ProcessorCount} cores, load {BenchmarkLog.LoadAverage()} |"));
        Console.WriteLine($"appended a row to {path}");
    }

    private static Dictionary<string, long> Layers(string data) => new()
    {
        ["raw"] = DiskUsed(Path.Combine(data, "raw")),
        ["bronze"] = DiskUsed(Path.Combine(data, "lake", "bronze")),
        ["silver"] = DiskUsed(Path.Combine(data, "lake", "silver")),
        ["gold"] = DiskUsed(Path.Combine(data, "lake", "gold")),
        ["models"] = DiskUsed(Path.Combine(data, "models")),
    };

    private static long DiskUsed(string folder) => Directory.Exists(folder)
        ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)
        : 0;

    /// <summary>The first distinct user ids of a generated file (raw ids: they stay beside the run's key and are deleted after use).</summary>
    private static List<string> PeopleOf(string file, int count)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(file), CompressionMode.Decompress));
        reader.ReadLine();
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (ids.Count < count && reader.ReadLine() is { } line)
        {
            var id = line.Split(',')[7];
            if (seen.Add(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}
