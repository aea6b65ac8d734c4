using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace EAmazing.Bench;

/// <summary>
/// <c>demo</c>: times the built <c>eamazing demo</c> end to end (a child process on fresh data, lake, registry and
/// reports folders), step by step from the moment each step's title appears. Reference in the same run: the
/// generation step, so a slower machine shows up in both. Target: the whole demo under 5 minutes.
/// </summary>
public static class DemoBenchmark
{
    private static readonly Option<string?> WriteOption = new("--write") { Description = "Append the result as a row of this Markdown file, e.g. BENCHMARKS.md" };
    private static readonly Option<string> CliOption = new("--cli") { Description = "The built eamazing.dll", DefaultValueFactory = _ => "src/EAmazing.Cli/bin/Release/net10.0/linux-x64/eamazing.dll" };

    public static Command Create()
    {
        var command = new Command("demo", "Benchmark `eamazing demo` end to end, per step");
        command.Options.Add(WriteOption);
        command.Options.Add(CliOption);
        command.SetAction(parse => Run(Path.GetFullPath(parse.GetValue(CliOption)!), parse.GetValue(WriteOption)));
        return command;
    }

    private static int Run(string cli, string? write)
    {
        var work = Path.Combine(Path.GetTempPath(), "eamazing-bench-demo-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = work };
            foreach (var arg in new[] { cli, "--lake", Path.Combine(work, "lake"), "--models", Path.Combine(work, "models"), "demo", "--out", Path.Combine(work, "data") })
            {
                start.ArgumentList.Add(arg);
            }

            // A throwaway key for the throwaway lake: the benchmark never touches the user's key file.
            start.Environment["EAMAZING_PSEUDONYM_KEY"] = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            var steps = new List<(string Title, double At)>();
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            long peak = 0;
            string? line;
            while ((line = process.StandardOutput.ReadLine()) is not null)
            {
                peak = Math.Max(peak, PeakOf(process));
                var title = StepTitle(line);
                if (title is not null)
                {
                    steps.Add((title, clock.Elapsed.TotalSeconds));
                    Console.WriteLine(FormattableString.Invariant($"{clock.Elapsed.TotalSeconds,7:N1} s  {title}"));
                }
            }

            process.WaitForExit();
            var total = clock.Elapsed.TotalSeconds;
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"eamazing demo exited with {process.ExitCode}");
                return 1;
            }

            var durations = steps.Select((s, i) => (s.Title, Seconds: (i + 1 < steps.Count ? steps[i + 1].At : total) - s.At)).ToList();
            var generation = durations.FirstOrDefault(d => d.Title.Contains("generate", StringComparison.Ordinal)).Seconds;
            var perStep = string.Join("; ", durations.Select(d => FormattableString.Invariant($"{d.Title} {d.Seconds:N1} s")));
            Console.WriteLine(FormattableString.Invariant($"demo end to end: {total:N1} s (target < 300 s), peak working set {peak / 1e9:N2} GB; generation step {generation:N1} s = {generation / total:P0} of it"));
            if (write is not null)
            {
                BenchmarkLog.AppendRow(write, "Demo end to end",
                    "`dotnet run -c Release --project bench/EAmazing.Bench -- demo [--write BENCHMARKS.md]`: the built `eamazing demo` (demo scale) in a child process on fresh folders, per step. Reference: its own generation step. Target: < 5 min.",
                    "| date (UTC) | command | data | total s | peak GB | seconds per step | reference: generation step s | machine |",
                    FormattableString.Invariant($"| {DateTime.UtcNow:yyyy-MM-dd HH:mm} | `demo` | Demo scale (~2M events, Oct–Nov 2019) | {total:N1} | {peak / 1e9:N2} | {perStep} | {generation:N1} | {Environment.ProcessorCount} cores (shared), load {BenchmarkLog.LoadAverage()} |"));
                Console.WriteLine($"appended a row to {write}");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The demo prints each step as a rule "── 3/8 ingest into the lake ──…".</summary>
    private static string? StepTitle(string line)
    {
        var trimmed = line.Trim().Trim('─').Trim();
        return trimmed.Length > 4 && char.IsAsciiDigit(trimmed[0]) && trimmed[1] == '/' ? trimmed : null;
    }

    // The child's high-water mark, read while it runs (a process that has exited can no longer be asked).
    private static long PeakOf(Process process) => MeasuredProcess.PeakBytesOf(process.Id);
}
