using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using EAmazing.Sources.Synthetic;
using Spectre.Console;

namespace EAmazing.Bench;

/// <summary>
/// Generation throughput and peak memory per scale. Each scale runs in a child process so its peak
/// working set is its own. The reference, measured in the same run, is the cost of only writing the
/// same bytes: decompressing the generated files and gzip-compressing them again on one core.
/// </summary>
public static class GenerationBenchmark
{
    private static readonly Option<string> Scales = new("--scales") { DefaultValueFactory = _ => "tiny,demo,month", Description = "Comma-separated scales" };
    private static readonly Option<string?> Write = new("--write") { Description = "Append the results to this BENCHMARKS.md" };
    private static readonly Option<GenerationScale> Scale = new("--scale");
    private static readonly Option<string> Out = new("--out") { Required = true };

    public static Command Create()
    {
        var command = new Command("generate", "Generation throughput (events/s) and peak memory for each scale");
        command.Options.Add(Scales);
        command.Options.Add(Write);
        command.SetAction(parse => Run(parse.GetValue(Scales)!, parse.GetValue(Write)));
        return command;
    }

    /// <summary>The child side: generate one scale and print a JSON line.</summary>
    public static Command CreateChild()
    {
        var command = new Command("generate-child") { Hidden = true };
        command.Options.Add(Scale);
        command.Options.Add(Out);
        command.SetAction(parse =>
        {
            var summary = new DatasetGenerator(new GeneratorOptions { Scale = parse.GetValue(Scale), OutputDirectory = parse.GetValue(Out)! }).Run();
            using var self = Process.GetCurrentProcess();
            Console.WriteLine(JsonSerializer.Serialize(new ChildResult(summary.Events, summary.Elapsed.TotalSeconds, self.PeakWorkingSet64,
                summary.Files.Sum(f => f.Bytes))));
        });
        return command;
    }

    private static int Run(string scales, string? write)
    {
        var table = new Table().AddColumns("scale", "events", "seconds", "events/s", "peak memory", "write-only reference", "ratio");
        foreach (var name in scales.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var scale = Enum.Parse<GenerationScale>(name, ignoreCase: true);
            var dir = Path.Combine(Path.GetTempPath(), "eamazing-bench", name);
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }

            var result = RunChild(scale, dir);
            var reference = RecompressSeconds(dir);
            Directory.Delete(dir, recursive: true);
            var rate = result.Events / result.Seconds;
            var referenceRate = result.Events / reference;
            table.AddRow(name, $"{result.Events:N0}", $"{result.Seconds:N1}", $"{rate:N0}", $"{result.PeakBytes / 1048576.0:N0} MiB",
                $"{referenceRate:N0} events/s", $"{rate / referenceRate:0.00}x");
            if (write is not null)
            {
                BenchmarkLog.Append(write, $"dotnet run -c Release --project bench/EAmazing.Bench -- generate --scales {name}",
                    $"{scale} scale, {result.Events:N0} events, {result.CompressedBytes / 1048576.0:N0} MiB gzip",
                    $"{rate:N0} events/s ({result.Seconds:N1} s), peak working set {result.PeakBytes / 1048576.0:N0} MiB",
                    $"gzip-only rewrite of the same bytes on one core: {referenceRate:N0} events/s; generation at {rate / referenceRate:0.00}x of it");
            }
        }

        AnsiConsole.Write(table);
        return 0;
    }

    private static ChildResult RunChild(GenerationScale scale, string dir)
    {
        var bench = typeof(GenerationBenchmark).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", ["exec", bench, "generate-child", "--scale", scale.ToString(), "--out", dir])
        {
            RedirectStandardOutput = true,
        };
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"generation child failed with exit code {child.ExitCode}");
        }

        return JsonSerializer.Deserialize<ChildResult>(output.Trim().Split('\n')[^1])!;
    }

    private static double RecompressSeconds(string dir)
    {
        var clock = Stopwatch.StartNew();
        var buffer = new byte[1 << 20];
        foreach (var file in Directory.GetFiles(dir, "*.csv.gz"))
        {
            using var input = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var output = new GZipStream(Stream.Null, CompressionLevel.Fastest);
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, read);
            }
        }

        return clock.Elapsed.TotalSeconds;
    }

    private sealed record ChildResult(long Events, double Seconds, long PeakBytes, long CompressedBytes);

}
