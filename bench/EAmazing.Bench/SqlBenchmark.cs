using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EAmazing.Sources.Synthetic;

namespace EAmazing.Bench;

/// <summary>
/// <c>sql</c>: the built <c>eamazing sql "SELECT * FROM silver"</c> on an ingested lake, as a user runs it (a child
/// process): seconds until the first screen (the row-count line under the table) and peak memory; the same query as
/// CSV to standard output and <c>--out</c> to Parquet, in full. Reference in the same run: <c>SELECT count(*) FROM silver</c>
/// (the CLI's start-up and the lake's opening). Targets at month scale: first screen &lt; 2 s and &lt; 500 MB; --out &lt; 1 GB.
/// </summary>
public static class SqlBenchmark
{
    private static readonly Option<string?> WriteOption = new("--write") { Description = "Append the result as a row of this Markdown file, e.g. BENCHMARKS.md" };
    private static readonly Option<string> CliOption = new("--cli") { Description = "The built eamazing.dll", DefaultValueFactory = _ => "src/EAmazing.Cli/bin/Release/net10.0/linux-x64/eamazing.dll" };
    private static readonly Option<string> ScaleOption = new("--scale") { Description = "demo or month", DefaultValueFactory = _ => "demo" };
    private static readonly Option<string> DataOption = new("--data") { Description = "Where generated data is cached", DefaultValueFactory = _ => "data/bench" };
    private static readonly Option<bool> SkipCsvOption = new("--skip-csv") { Description = "Leave out the whole result as --csv (the slowest part at month scale; no target depends on it)" };
    private static readonly Option<string?> LakeOption = new("--lake") { Description = "An ingested lake to query instead of generating and ingesting the scale's data (opening a lake may recover or refresh its catalog: pass a copy)" };

    public static Command Create()
    {
        var command = new Command("sql", "Benchmark `eamazing sql \"SELECT * FROM silver\"`: first screen, CSV and --out Parquet, time and peak memory");
        command.Options.Add(WriteOption);
        command.Options.Add(CliOption);
        command.Options.Add(ScaleOption);
        command.Options.Add(DataOption);
        command.Options.Add(LakeOption);
        command.Options.Add(SkipCsvOption);
        command.SetAction(parse => Run(Path.GetFullPath(parse.GetValue(CliOption)!), Enum.Parse<GenerationScale>(parse.GetValue(ScaleOption)!, ignoreCase: true), parse.GetValue(DataOption)!, parse.GetValue(LakeOption), parse.GetValue(SkipCsvOption), parse.GetValue(WriteOption)));
        return command;
    }

    private static int Run(string cli, GenerationScale scale, string data, string? existingLake, bool skipCsv, string? write)
    {
        var work = Path.Combine(Path.GetTempPath(), "eamazing-bench-sql-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            var lake = existingLake is null ? Path.Combine(work, "lake") : Path.GetFullPath(existingLake);
            if (existingLake is null)
            {
                var files = BenchData.Generated(Path.GetFullPath(data), scale);
                Console.WriteLine($"ingesting {files.Count} file(s) into {lake} …");
                Child(cli, work, ["ingest", .. files, "--lake", lake], null);
            }
            var rows = long.Parse(Child(cli, work, ["sql", "SELECT count(*) AS n FROM silver", "--csv", "--lake", lake], null, existingLake is null).Output.Split('\n')[1], CultureInfo.InvariantCulture);
            var reference = Child(cli, work, ["sql", "SELECT count(*) FROM silver", "--lake", lake], null, existingLake is null);
            var screen = Child(cli, work, ["sql", "SELECT * FROM silver", "--lake", lake], line => line.Contains(" rows (", StringComparison.Ordinal), existingLake is null);
            var csv = skipCsv ? (Seconds: double.NaN, Marked: double.NaN, PeakBytes: 0L, Output: "") : Child(cli, work, ["sql", "SELECT * FROM silver", "--csv", "--lake", lake], null, existingLake is null);
            var parquet = Child(cli, work, ["sql", "SELECT * FROM silver", "--out", Path.Combine(work, "silver.parquet"), "--lake", lake], null, existingLake is null);
            var figures = FormattableString.Invariant(
                $"first screen {screen.Marked:N2} s, peak {screen.PeakBytes / 1e6:N0} MB; {(skipCsv ? "--csv not run" : $"--csv {csv.Seconds:N1} s, peak {csv.PeakBytes / 1e6:N0} MB")}; --out parquet {parquet.Seconds:N1} s, peak {parquet.PeakBytes / 1e6:N0} MB");
            var referenceText = FormattableString.Invariant($"{reference.Seconds:N2} s, peak {reference.PeakBytes / 1e6:N0} MB");
            Console.WriteLine($"{rows:N0} silver rows: {figures}; reference (count(*)): {referenceText}");
            Console.WriteLine("targets at month scale: first screen < 2 s and < 500 MB; --out < 1 GB");
            if (write is not null)
            {
                BenchmarkLog.AppendRow(write, "SQL console",
                    "`dotnet run -c Release --project bench/EAmazing.Bench -- sql [--scale demo|month] [--write BENCHMARKS.md]`: the built `eamazing sql \"SELECT * FROM silver\"` as a child process on an ingested lake: seconds to the first screen (the row-count line under the 50-row table) and peak memory (VmHWM), then the whole result as `--csv` to a pipe and `--out FILE.parquet`. Reference: `SELECT count(*) FROM silver` (start-up and lake opening). Targets (month scale): first screen < 2 s, < 500 MB; `--out` < 1 GB.",
                    "| date (UTC) | command | data | figures | reference: count(*) | machine |",
                    FormattableString.Invariant($"| {DateTime.UtcNow:yyyy-MM-dd HH:mm} | `sql --scale {scale.ToString().ToLowerInvariant()}` | {scale} scale, {rows:N0} silver rows | {figures} | {referenceText} | {Environment.ProcessorCount} cores (shared), load {BenchmarkLog.LoadAverage()} |"));
                Console.WriteLine($"appended a row to {write}");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <param name="mark">A line whose arrival is timed (the first screen); null: none.</param>
    private static (double Seconds, double Marked, long PeakBytes, string Output) Child(string cli, string work, string[] args, Func<string, bool>? mark, bool throwawayKey = true)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = work };
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A throwaway key for the throwaway lake: the benchmark never touches the user's key file. A lake passed with
        // --lake was pseudonymised with the user's own key, which the child then finds as the CLI always does.
        if (throwawayKey)
        {
            start.Environment["EAMAZING_PSEUDONYM_KEY"] = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var marked = double.NaN;
        long peak = 0;
        var output = new System.Text.StringBuilder();
        var kept = 0;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (double.IsNaN(marked) && mark?.Invoke(line) == true)
            {
                marked = clock.Elapsed.TotalSeconds;
            }

            // Only the head is kept: the benchmark itself must not hold a whole result.
            if (kept++ < 100)
            {
                output.AppendLine(line);
            }

            if (kept < 200 || kept % 10_000 == 0)
            {
                peak = Math.Max(peak, PeakOf(process));
            }
        }

        peak = Math.Max(peak, PeakOf(process));
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"eamazing {args[0]} exited {process.ExitCode}: {stderr.Result}");
        }

        return (clock.Elapsed.TotalSeconds, marked, peak, output.ToString());
    }

    // The child's high-water mark, read while it runs (a process that has exited can no longer be asked).
    private static long PeakOf(Process process) => MeasuredProcess.PeakBytesOf(process.Id);
}
