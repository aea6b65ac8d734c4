using System.Globalization;

namespace EAmazing.Bench;

/// <summary>Appends rows to BENCHMARKS.md (one row per benchmark run).</summary>
public static class BenchmarkLog
{
    private const string Header = """
        # Benchmarks

        One row per benchmark run. Machine: see the `machine` column; figures are wall-clock on a shared machine,
        so each row also carries a reference measured in the same run.

        | date | command | data size | figures | reference (same run) | machine |
        |---|---|---|---|---|---|
        """;

    public static void Append(string path, string command, string dataSize, string figures, string reference)
    {
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Header.ReplaceLineEndings("\n") + "\n");
        }

        var machine = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB";
        var row = $"| {DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} | `{command}` | {dataSize} | {figures} | {reference} | {machine} |\n";
        File.AppendAllText(path, row);
    }
}
