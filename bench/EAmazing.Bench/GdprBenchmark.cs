using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;

namespace EAmazing.Bench;

/// <summary>
/// <c>gdpr</c>: the DPO's commands timed on a demo-scale lake (≈2M events, Oct–Nov 2019, gold built), each as the
/// built <c>eamazing</c> in a child process: export one person, erase 100 people, rebuild gold after the erasure,
/// a retention dry run, and a key rotation (which re-reads every source file). Reference in the same run: the
/// ingest of the same files, so every figure is also a ratio to it.
/// </summary>
public static class GdprBenchmark
{
    private static readonly Option<string?> WriteOption = new("--write") { Description = "Append the result as a row of this Markdown file, e.g. BENCHMARKS.md" };
    private static readonly Option<string> CliOption = new("--cli") { Description = "The built eamazing.dll", DefaultValueFactory = _ => "src/EAmazing.Cli/bin/Release/net10.0/linux-x64/eamazing.dll" };
    private static readonly Option<int> PeopleOption = new("--people") { Description = "How many people to erase", DefaultValueFactory = _ => 100 };

    public static Command Create()
    {
        var command = new Command("gdpr", "Benchmark export, erasure, retention and key rotation on a demo-scale lake");
        command.Options.Add(WriteOption);
        command.Options.Add(CliOption);
        command.Options.Add(PeopleOption);
        command.SetAction(parse => Run(Path.GetFullPath(parse.GetValue(CliOption)!), parse.GetValue(PeopleOption), parse.GetValue(WriteOption)));
        return command;
    }

    private static int Run(string cli, int people, string? write)
    {
        var work = Path.Combine(Path.GetTempPath(), "eamazing-bench-gdpr-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        try
        {
            var data = Path.Combine(work, "data");
            // A key file of its own (rotation refuses a key from the environment), never the user's.
            var environment = new Dictionary<string, string> { ["EAMAZING__PSEUDONYMKEYFILE"] = Path.Combine(work, "keys", "pseudonym.key") };
            string[] lake = ["--lake", Path.Combine(work, "lake"), "--models", Path.Combine(work, "models")];
            var timings = new List<(string Step, double Seconds)>();
            void Step(string name, params string[] args)
            {
                var seconds = Child(cli, work, environment, [.. args, .. lake]);
                timings.Add((name, seconds));
                Console.WriteLine(FormattableString.Invariant($"{seconds,7:N1} s  {name}"));
            }

            Step("key init", "gdpr", "key", "init");
            Step("generate", "generate", "--scale", "demo", "--out", data);
            Step("ingest", "ingest", data);
            Step("features build", "features", "build");
            var ids = PeopleOf(Path.Combine(data, "2019-Nov.csv.gz"), people);
            var idFile = Path.Combine(work, "erase.txt");
            File.WriteAllLines(idFile, ids.Skip(1));
            Step("export 1 person", "gdpr", "export", "--user", ids[0], "--out", Path.Combine(work, "export.json"));
            Step($"erase {ids.Count - 1} people", "gdpr", "erase", "--from-file", idFile);
            Step("features build after erasure", "features", "build");
            Step("retention dry run", "gdpr", "retention", "apply", "--keep-months", "1", "--as-of", "2019-11", "--dry-run");
            Step("key rotate", "gdpr", "key", "rotate");
            Step("lake verify", "lake", "verify");

            var ingest = timings.Single(t => t.Step == "ingest").Seconds;
            var measured = timings.Where(t => t.Step is not ("key init" or "generate" or "ingest" or "features build" or "lake verify")).ToList();
            var figures = string.Join("; ", measured.Select(t => FormattableString.Invariant($"{t.Step} {t.Seconds:N1} s ({t.Seconds / ingest:N2}x ingest)")));
            Console.WriteLine(FormattableString.Invariant($"reference: ingest of the same files {ingest:N1} s"));
            if (write is not null)
            {
                BenchmarkLog.AppendRow(write, "Privacy operations",
                    "`dotnet run -c Release --project bench/EAmazing.Bench -- gdpr [--people 100] [--write BENCHMARKS.md]`: the built `eamazing` as child processes (CLI start-up included) on a demo-scale lake with gold built. Reference: `ingest` of the same files in the same run.",
                    "| date (UTC) | command | data | figures (wall s, and as a multiple of the ingest) | reference: ingest s | machine |",
                    FormattableString.Invariant($"| {DateTime.UtcNow:yyyy-MM-dd HH:mm} | `gdpr --people {people}` | Demo scale (~2M events, Oct–Nov 2019), gold built | {figures} | {ingest:N1} | {Environment.ProcessorCount} cores (shared), load {BenchmarkLog.LoadAverage()} |"));
                Console.WriteLine($"appended a row to {write}");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The first distinct user ids of a generated file (raw ids: they stay in the benchmark's temporary folder).</summary>
    private static List<string> PeopleOf(string file, int count)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(file), CompressionMode.Decompress));
        reader.ReadLine();
        var ids = new List<string>();
        while (ids.Count < count + 1 && reader.ReadLine() is { } line)
        {
            var id = line.Split(',')[7];
            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static double Child(string cli, string work, Dictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = work };
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment.Remove("EAMAZING_PSEUDONYM_KEY");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"eamazing {args[0]} exited {process.ExitCode}:\n{output}\n{stderr.Result}");
        }

        return clock.Elapsed.TotalSeconds;
    }
}
