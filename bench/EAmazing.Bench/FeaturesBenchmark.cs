using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EAmazing.BusinessModels;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Sources.Synthetic;
using EAmazing.Ingestion;
using EAmazing.Engine.DuckDb;
using EAmazing.Privacy;

namespace EAmazing.Bench;

/// <summary>
/// <c>features</c>: times a full <c>features build</c> on an ingested generated lake, every month of the tables it builds
/// by default on a new lake (those the business models read: <see cref="BusinessModelCatalog.ReadTables"/>), in a child
/// process so peak memory is the build's own. The ingested lake is cached beside the input, so only the first run pays
/// for generating and ingesting. Reference in the same run: every gold table, as the build made before 2026-12-07 (the
/// item tables no model reads are built only when asked for since).
/// </summary>
public static class FeaturesBenchmark
{
    private static readonly Option<GenerationScale> ScaleOption = new("--scale") { Description = "Generated data to build from", DefaultValueFactory = _ => GenerationScale.Demo };
    private static readonly Option<string> DataOption = new("--data") { Description = "Folder for generated input and the ingested lake (cached)", DefaultValueFactory = _ => "bench-data" };
    private static readonly Option<string?> WriteOption = new("--write") { Description = "Append the result as a row of this Markdown file, e.g. BENCHMARKS.md" };
    private static readonly Option<string> MemoryOption = new("--memory-limit") { Description = "DuckDB memory limit for the build", DefaultValueFactory = _ => new FeatureOptions().EngineMemoryLimit };

    private static readonly Option<string> LakeOption = new("--lake") { Required = true };
    private static readonly Option<bool> AllTablesOption = new("--all-tables");

    public static Command Create()
    {
        var command = new Command("features", "Benchmark the default gold build (the tables the business models read) from an ingested generated lake, against every gold table");
        command.Options.Add(ScaleOption);
        command.Options.Add(DataOption);
        command.Options.Add(WriteOption);
        command.Options.Add(MemoryOption);
        command.SetAction(parse => Run(parse));
        return command;
    }

    /// <summary>The measured side: <c>features-child --lake DIR --memory-limit X</c> drops the gold layer and builds it from scratch.</summary>
    public static Command CreateChild()
    {
        var command = new Command("features-child", "(internal) one measured gold build") { Hidden = true };
        command.Options.Add(LakeOption);
        command.Options.Add(MemoryOption);
        command.Options.Add(AllTablesOption);
        command.SetAction(parse =>
        {
            var memory = parse.GetValue(MemoryOption)!;
            using var lake = DuckDbLake.Open(parse.GetValue(LakeOption)!, memory, keepMemory: true);
            var gold = lake.Layout.Full(GoldLayout.Folder);
            if (Directory.Exists(gold))
            {
                Directory.Delete(gold, recursive: true);
            }

            new GoldCatalog(lake).Ensure();
            lake.ExecuteCatalog([new CatalogStatement("DELETE FROM gold_partitions")]);
            var clock = Stopwatch.StartNew();
            var result = new FeatureBuilder(lake, new FeatureOptions { EngineMemoryLimit = memory }).Build(new FeatureBuildRequest(Tables: parse.GetValue(AllTablesOption) ? GoldTables.All : BusinessModelCatalog.Default.ReadTables),
                new Progress(s => Console.WriteLine(FormattableString.Invariant($"  {s.Table,-24} {s.Month} {s.Rows,12:N0} rows {s.BuildMs / 1000.0,7:N1} s"))));
            var seconds = clock.Elapsed.TotalSeconds;
            foreach (var table in result.Steps.GroupBy(s => s.Table))
            {
                Console.WriteLine(FormattableString.Invariant($"TABLE {table.Key} {table.Sum(s => s.Rows)} {table.Sum(s => s.BuildMs)}"));
            }

            using var self = Process.GetCurrentProcess();
            self.Refresh();
            // Wall time depends on what else shares the cores; CPU time says how much work the build was.
            Console.WriteLine(FormattableString.Invariant($"CPU {self.TotalProcessorTime.TotalSeconds}"));
            Console.WriteLine(new BenchFigures(seconds, self.PeakWorkingSet64, result.Steps.Sum(s => s.Rows)));
            return 0;
        });
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var data = Path.GetFullPath(parse.GetValue(DataOption)!);
        var scale = parse.GetValue(ScaleOption);
        var lakePath = Path.Combine(data, $"{scale.ToString().ToLowerInvariant()}-lake");
        var silverRows = IngestedLake(lakePath, BenchData.Generated(data, scale));
        Console.WriteLine($"input: {scale} scale, {silverRows:N0} silver events in {lakePath}");

        var reference = Child(lakePath, parse.GetValue(MemoryOption)!, allTables: true);
        var (figures, cpu, tables) = Child(lakePath, parse.GetValue(MemoryOption)!, allTables: false);
        var referenceText = FormattableString.Invariant($"reference in the same run, every gold table (the item tables too): {reference.Figures.Seconds:N1} s wall, {reference.CpuSeconds:N1} s CPU, {reference.Figures.PeakBytes / 1e9:N2} GB peak ({reference.Figures.Rows:N0} gold rows; {string.Join(", ", reference.Tables.Select(t => FormattableString.Invariant($"{t.Table} {t.Ms / 1000.0:N1} s")))})");
        Console.WriteLine(FormattableString.Invariant($"features build: {figures.Rows:N0} gold rows in {figures.Seconds:N1} s wall, {cpu:N1} s CPU ({silverRows / figures.Seconds:N0} silver events/s), peak working set {figures.PeakBytes / 1e9:N2} GB (target < 3 min, < 8 GB)"));
        Console.WriteLine(referenceText);
        Console.WriteLine(FormattableString.Invariant($"load average at the end: {LoadAverage()}"));
        foreach (var (table, rows, ms) in tables)
        {
            Console.WriteLine(FormattableString.Invariant($"  {table,-24} {rows,14:N0} rows {ms / 1000.0,8:N1} s"));
        }

        if (parse.GetValue(WriteOption) is { } markdown)
        {
            Append(markdown, $"features --scale {scale.ToString().ToLowerInvariant()}", $"{scale} scale; {referenceText}", silverRows, figures, cpu, tables);
        }

        return 0;
    }

    /// <summary>The scale's files ingested once into a cached lake; returns its silver rows.</summary>
    private static long IngestedLake(string lakePath, IReadOnlyList<string> files)
    {
        using var lake = DuckDbLake.Open(lakePath);
        // A lake cached by an earlier build is converted to the current silver format first, as every CLI command does.
        if (SilverFormatUpgrade.Run(lake) is { Count: > 0 } converted)
        {
            Console.WriteLine($"converted the cached lake's silver to the current format: {string.Join(", ", converted)}");
        }

        var silver = lake.Partitions().Where(p => p.Layer == LakeLayer.Silver).Sum(p => p.Rows);
        if (lake.IngestedFiles().Count == files.Count && silver > 0)
        {
            return silver;
        }

        Console.WriteLine($"ingesting {files.Count} file(s) into {lakePath} (cached for later runs) …");
        foreach (var outcome in new LakeIngestor(lake, PseudonymKey.Generate(), new IngestOptions()).Ingest(files))
        {
            Console.WriteLine(outcome.Message);
        }

        return lake.Partitions().Where(p => p.Layer == LakeLayer.Silver).Sum(p => p.Rows);
    }

    private static (BenchFigures Figures, double CpuSeconds, List<(string Table, long Rows, long Ms)> Tables) Child(string lakePath, string memory, bool allTables)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FeaturesBenchmark).Assembly.Location);
        }

        foreach (var arg in new[] { "features-child", "--lake", lakePath, "--memory-limit", memory }.Concat(allTables ? ["--all-tables"] : Array.Empty<string>()))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            Console.WriteLine(line);
            output.AppendLine(line);
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"features child failed with exit code {process.ExitCode}");
        }

        var text = output.ToString();
        var tables = text.Split('\n').Where(l => l.StartsWith("TABLE ", StringComparison.Ordinal)).Select(l => l.Trim().Split(' '))
            .Select(f => (f[1], long.Parse(f[2], CultureInfo.InvariantCulture), long.Parse(f[3], CultureInfo.InvariantCulture))).ToList();
        var cpu = double.Parse(text.Split('\n').Last(l => l.StartsWith("CPU ", StringComparison.Ordinal))[4..].Trim(), CultureInfo.InvariantCulture);
        return (BenchFigures.Parse(text), cpu, tables);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static void Append(string path, string command, string data, long silverRows, BenchFigures figures, double cpu, List<(string Table, long Rows, long Ms)> tables)
    {
        var perTable = string.Join(", ", tables.Select(t => FormattableString.Invariant($"{t.Table} {t.Rows:N0} ({t.Ms / 1000.0:N1})")));
        BenchmarkLog.AppendRow(path, "Gold features",
            "`dotnet run -c Release --project bench/EAmazing.Bench -- features --scale demo|month --write BENCHMARKS.md`: a full `features build` from scratch in a child process. Target: < 3 min and < 8 GB at month scale.",
            "| date (UTC) | command | data | silver events | build s (wall) | CPU s | silver events/s | peak GB | gold rows | rows per table (wall s) | machine (load avg at end) |",
            FormattableString.Invariant(
                $"| {DateTime.UtcNow:yyyy-MM-dd HH:mm} | `{command}` | {data} | {silverRows:N0} | {figures.Seconds:N1} | {cpu:N1} | {silverRows / figures.Seconds:N0} | {figures.PeakBytes / 1e9:N2} | {figures.Rows:N0} | {perTable} | {Environment.ProcessorCount} cores shared with other work (load {LoadAverage()}) |"));
        Console.WriteLine($"appended a row to {path}");
    }

    private sealed class Progress(Action<GoldStep> report) : IProgress<GoldStep>
    {
        public void Report(GoldStep value) => report(value);
    }
}
