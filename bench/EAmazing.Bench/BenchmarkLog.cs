using System.Globalization;

namespace EAmazing.Bench;

/// <summary>
/// Adds rows to BENCHMARKS.md: one section per benchmark (<c>## Generation</c>, <c>## Ingest</c>, …),
/// each with its own table; a new row goes at the end of its section's table.
/// </summary>
public static class BenchmarkLog
{
    public static void AppendRow(string path, string section, string intro, string tableHeader, string row)
    {
        var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : ["# Benchmarks", ""];
        var start = lines.FindIndex(l => l.Trim() == $"## {section}");
        if (start < 0)
        {
            lines.AddRange(["", $"## {section}", "", intro, "", tableHeader, Separator(tableHeader), row]);
        }
        else
        {
            var end = lines.FindIndex(start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
            end = end < 0 ? lines.Count : end;
            var lastRow = lines.FindLastIndex(end - 1, end - start, l => l.StartsWith('|'));
            if (lastRow < 0)
            {
                lines.InsertRange(end, [tableHeader, Separator(tableHeader), row]);
            }
            else
            {
                lines.Insert(lastRow + 1, row);
            }
        }

        File.WriteAllText(path, string.Join('\n', lines).TrimEnd() + "\n");
    }

    /// <summary>A generation row: date, command, data size, figures, reference, machine.</summary>
    public static void Append(string path, string command, string dataSize, string figures, string reference) =>
        AppendRow(path, "Generation",
            "`dotnet run -c Release --project bench/EAmazing.Bench -- generate [--scales tiny,demo,month] [--write BENCHMARKS.md]`",
            "| date | command | data size | figures | reference (same run) | machine |",
            $"| {DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} | `{command}` | {dataSize} | {figures} | {reference} | {Machine} |");

    public static string Machine => $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB";

    /// <summary>The 1-minute load average: the machine is shared, so a row says how much else was running.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static string Separator(string header) => "|" + string.Concat(Enumerable.Repeat("---|", header.Count(c => c == '|') - 1));
}
