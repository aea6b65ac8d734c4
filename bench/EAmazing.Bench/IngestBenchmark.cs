using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using EAmazing.Sources.Synthetic;
using EAmazing.Ingestion;
using EAmazing.Engine.DuckDb;
using EAmazing.Lake;
using EAmazing.Privacy;

namespace EAmazing.Bench;

/// <summary>
/// <c>ingest</c>: times <c>eamazing</c>'s ingest of generated files against DuckDB's own CSV → Parquet COPY of the
/// same files (the practical limit), each in a child process so peak memory is the process's own.
/// </summary>
public static class IngestBenchmark
{
    private static readonly Option<long?> RowsOption = new("--rows") { Description = "Ingest one file with the first N generated rows" };
    private static readonly Option<GenerationScale> ScaleOption = new("--scale") { Description = "Without --rows: ingest every file of this scale", DefaultValueFactory = _ => GenerationScale.Demo };
    private static readonly Option<string> DataOption = new("--data") { Description = "Folder for generated input (cached)", DefaultValueFactory = _ => "bench-data" };
    private static readonly Option<string?> WriteOption = new("--write") { Description = "Append the result as a row of this Markdown file, e.g. BENCHMARKS.md" };

    private static readonly Option<string> ModeOption = new("--mode") { Required = true };
    private static readonly Option<string> WorkOption = new("--work") { Required = true };
    private static readonly Argument<string[]> FilesArgument = new("FILES") { Arity = ArgumentArity.OneOrMore };

    public static Command Create()
    {
        var command = new Command("ingest", "Benchmark ingest against DuckDB's raw read_csv → Parquet throughput");
        command.Options.Add(RowsOption);
        command.Options.Add(ScaleOption);
        command.Options.Add(DataOption);
        command.Options.Add(WriteOption);
        command.SetAction(parse => Run(parse));
        return command;
    }

    /// <summary>The measured side, run as a child process: <c>child --mode ingest|duckdb --work DIR FILES…</c>.</summary>
    public static Command CreateChild()
    {
        var command = new Command("child", "(internal) one measured run") { Hidden = true };
        command.Options.Add(ModeOption);
        command.Options.Add(WorkOption);
        command.Arguments.Add(FilesArgument);
        command.SetAction(parse =>
        {
            var files = parse.GetValue(FilesArgument)!;
            var work = parse.GetValue(WorkOption)!;
            var clock = Stopwatch.StartNew();
            var rows = parse.GetValue(ModeOption) switch
            {
                "duckdb" => DuckDbCopy(files, work, keepMemory: false),
                "duckdb-kept" => DuckDbCopy(files, work, keepMemory: true),
                "unzip" => Decompress(files, hash: null),
                "unzip-hashed" => Decompress(files, hash: "crypto"),
                "unzip-blocks" => Decompress(files, hash: "blocks"),
                _ => Ingest(files, work),
            };
            var seconds = clock.Elapsed.TotalSeconds;
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            Console.WriteLine(new BenchFigures(seconds, self.PeakWorkingSet64, rows));
            return 0;
        });
        return command;
    }

    private static long Ingest(string[] files, string work)
    {
        var options = new IngestOptions();
        using var lake = DuckDbLake.Open(Path.Combine(work, "lake"), options.EngineMemoryLimit, keepMemory: true); // as `eamazing ingest` opens it
        var outcomes = new LakeIngestor(lake, PseudonymKey.Generate(), options).Ingest(files);
        foreach (var o in outcomes)
        {
            Console.WriteLine(o.Message);
            Console.WriteLine($"  phases: {o.File.Timings}");
        }

        // The bronze path (hash, read + validate + pseudonymise, bronze and quarantine Parquet) is what DuckDB's COPY also does; silver is extra work.
        var t = outcomes.Select(o => o.File.Timings).ToList();
        Console.WriteLine(FormattableString.Invariant($"PHASES {t.Sum(x => x.HashMs)} {t.Sum(x => x.ReadMs)} {t.Sum(x => x.BronzeMs)} {t.Sum(x => x.SilverMs)}"));

        return outcomes.Sum(o => o.File.Rows.Read);
    }

    /// <summary>
    /// The ingest's read path without parsing: the file through GZipStream, drained in the parser's 64 KiB reads, with
    /// or without the SHA-256 of the file's bytes taken under the decompressor: by a CryptoStream (per read call) or a
    /// <see cref="EAmazing.Foundation.Files.HashedReadStream"/> (per 1 MiB block). The difference is what the hash over
    /// the bytes read costs the ingest.
    /// </summary>
    private static long Decompress(string[] files, string? hash)
    {
        long bytes = 0;
        var buffer = new byte[1 << 16];
        foreach (var path in files)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            using var sha = System.Security.Cryptography.SHA256.Create();
            using Stream source = hash switch
            {
                "crypto" => new System.Security.Cryptography.CryptoStream(file, sha, System.Security.Cryptography.CryptoStreamMode.Read, leaveOpen: true),
                "blocks" => new EAmazing.Foundation.Files.HashedReadStream(file, leaveOpen: true),
                _ => file,
            };
            using var gzip = new System.IO.Compression.GZipStream(source, System.IO.Compression.CompressionMode.Decompress);
            int n;
            while ((n = gzip.Read(buffer)) > 0)
            {
                bytes += n;
            }
        }

        return bytes;
    }

    /// <param name="keepMemory">
    /// With the block allocator setting the ingest's staging engine runs with (<c>block_allocator_memory</c> = the
    /// ingest's default engine memory limit): how much of the ingest's speed-up the same setting gives DuckDB's own COPY.
    /// </param>
    private static long DuckDbCopy(string[] files, string work, bool keepMemory)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        if (keepMemory)
        {
            command.CommandText = DuckDbLake.KeepMemory(new IngestOptions().EngineMemoryLimit);
            command.ExecuteNonQuery();
        }

        // One COPY per file, as the ingest takes them: one COPY of seven full-scale months ran out of DuckDB's memory
        // (18.8 GiB, 2026-12-06), holding later files' rows back to keep the first file's order.
        var rows = 0L;
        for (var i = 0; i < files.Length; i++)
        {
            var target = Path.Combine(work, FormattableString.Invariant($"reference-{i}.parquet"));
            command.CommandText = $"COPY (SELECT * FROM read_csv('{LakeSql.Literal(files[i])}')) TO '{LakeSql.Literal(target)}' (FORMAT parquet)";
            command.ExecuteNonQuery();
            command.CommandText = $"SELECT CAST(sum(num_rows) AS BIGINT) FROM parquet_file_metadata('{LakeSql.Literal(target)}')";
            rows += Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        return rows;
    }

    private static int Run(ParseResult parse)
    {
        var data = Path.GetFullPath(parse.GetValue(DataOption)!);
        var rows = parse.GetValue(RowsOption);
        var scale = parse.GetValue(ScaleOption);
        var files = rows is { } n ? [BenchData.FirstRows(data, n)] : BenchData.Generated(data, scale);
        var bytes = files.Sum(f => new FileInfo(f).Length);
        var describe = rows is { } r ? $"{r:N0} generated rows, 1 file" : $"{scale} scale, {files.Count} file(s)";
        Console.WriteLine($"input: {describe}, {bytes:N0} bytes gzip");

        var work = Path.Combine(Path.GetTempPath(), "eamazing-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var ingest = Child("ingest", work, files);
            var duckdb = Child("duckdb", work, files);
            var duckdbKept = Child("duckdb-kept", work, files);
            var unzip = files.All(f => f.EndsWith(".gz", StringComparison.Ordinal)) ? Child("unzip", work, files) : null;
            var unzipHashed = unzip is null ? null : Child("unzip-hashed", work, files);
            var unzipBlocks = unzip is null ? null : Child("unzip-blocks", work, files);
            var ingestRate = ingest.Rows / ingest.Seconds;
            var duckdbRate = duckdb.Rows / duckdb.Seconds;
            var ratio = ingestRate / duckdbRate;
            Console.WriteLine(FormattableString.Invariant($"eamazing ingest : {ingest.Rows:N0} rows in {ingest.Seconds:N1} s = {ingestRate:N0} rows/s, {bytes / ingest.Seconds / 1e6:N1} MB/s gzip, peak working set {ingest.PeakBytes / 1e9:N2} GB"));
            Console.WriteLine(FormattableString.Invariant($"duckdb COPY     : {duckdb.Rows:N0} rows in {duckdb.Seconds:N1} s = {duckdbRate:N0} rows/s, {bytes / duckdb.Seconds / 1e6:N1} MB/s gzip, peak working set {duckdb.PeakBytes / 1e9:N2} GB"));
            Console.WriteLine(FormattableString.Invariant($"ratio           : {ratio:N2}x DuckDB's raw throughput (target >= 0.7x), peak {ingest.PeakBytes / 1e9:N2} GB (target < 4 GB)"));
            var kept = FormattableString.Invariant($"DuckDB COPY with the staging engine's block allocator setting: {duckdbKept.Seconds:N1} s, {duckdbKept.PeakBytes / 1e9:N2} GB peak (ratio against it {ingestRate / (duckdbKept.Rows / duckdbKept.Seconds):N2}x)");
            Console.WriteLine($"same setting    : {kept}");
            var bronzeSeconds = ingest.Phases is { } p ? (p[0] + p[1] + p[2]) / 1000.0 : double.NaN;
            var bronzeRatio = ingest.Rows / bronzeSeconds / duckdbRate;
            Console.WriteLine(FormattableString.Invariant($"bronze path     : {bronzeSeconds:N1} s (hash + read/validate/pseudonymise + bronze Parquet) = {ingest.Rows / bronzeSeconds:N0} rows/s, {bronzeRatio:N2}x DuckDB; silver build {(ingest.Phases?[3] ?? 0) / 1000.0:N1} s"));
            if (unzip is not null && unzipHashed is not null && unzipBlocks is not null)
            {
                Console.WriteLine(FormattableString.Invariant($"hash while read : CryptoStream +{unzipHashed.Seconds - unzip.Seconds:N1} s, 1 MiB blocks +{unzipBlocks.Seconds - unzip.Seconds:N1} s (gunzip of the input drained in 64 KiB reads: {unzip.Seconds:N1} s without a hash, {unzipHashed.Seconds:N1} s and {unzipBlocks.Seconds:N1} s with)"));
            }

            if (parse.GetValue(WriteOption) is { } markdown)
            {
                Append(markdown, rows is null ? $"ingest --scale {scale.ToString().ToLowerInvariant()}" : $"ingest --rows {rows}", $"{describe}; {kept}", bytes, ingest, duckdb, ratio, bronzeSeconds, bronzeRatio);
            }

            return 0;
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static BenchFigures Child(string mode, string work, IReadOnlyList<string> files)
    {
        Directory.CreateDirectory(work);
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(IngestBenchmark).Assembly.Location);
        }

        foreach (var arg in new[] { "child", "--mode", mode, "--work", work }.Concat(files))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{mode} child failed with exit code {process.ExitCode}:\n{output}");
        }

        Console.Write(string.Concat(output.Split('\n').Where(l => l.StartsWith("PHASES", StringComparison.Ordinal) || l.Contains("phases", StringComparison.Ordinal)).Select(l => $"  [{mode}] {l.Trim()}\n")));
        return BenchFigures.Parse(output) with { Phases = Phases(output) };
    }

    private static long[]? Phases(string output) =>
        output.Split('\n').FirstOrDefault(l => l.StartsWith("PHASES ", StringComparison.Ordinal))?.Trim().Split(' ').Skip(1).Select(long.Parse).ToArray();

    private static void Append(string path, string command, string data, long bytes, BenchFigures ingest, BenchFigures duckdb, double ratio, double bronzeSeconds, double bronzeRatio)
    {
        BenchmarkLog.AppendRow(path, "Ingest",
            "`dotnet run -c Release --project bench/EAmazing.Bench -- ingest …`: `eamazing ingest` against DuckDB's own `COPY (SELECT * FROM read_csv(files)) TO 'x.parquet'` on the same files. Target: ratio >= 0.7 (issue 23; 0.5 before), ingest peak < 4 GB.",
            "| date (UTC) | command | data | gzip bytes | rows | ingest s | ingest rows/s | ingest peak GB | DuckDB COPY s | DuckDB rows/s | DuckDB peak GB | ratio (full ingest) | bronze path s | ratio (bronze path) | machine |",
            FormattableString.Invariant(
                $"| {DateTime.UtcNow:yyyy-MM-dd HH:mm} | `{command}` | {data} | {bytes:N0} | {ingest.Rows:N0} | {ingest.Seconds:N1} | {ingest.Rows / ingest.Seconds:N0} | {ingest.PeakBytes / 1e9:N2} | {duckdb.Seconds:N1} | {duckdb.Rows / duckdb.Seconds:N0} | {duckdb.PeakBytes / 1e9:N2} | {ratio:N2} | {bronzeSeconds:N1} | {bronzeRatio:N2} | {Environment.ProcessorCount} cores (shared), load {BenchmarkLog.LoadAverage()} |"));
        Console.WriteLine($"appended a row to {path}");
    }
}
