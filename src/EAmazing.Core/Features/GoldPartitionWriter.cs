using System.Diagnostics;
using System.Text;
using EAmazing.Lake;
using EAmazing.Lake.Catalog;

namespace EAmazing.Features;

/// <summary>
/// How a scorer writes one month's partition of a gold table, so it appears whole or not at all: its rows staged as a
/// temporary CSV beside the partition, turned into Parquet by the engine (which types, orders and compresses them),
/// renamed into place, then recorded in the gold catalog. The temporary files are removed whatever happens.
/// </summary>
public sealed class GoldPartitionWriter(IGoldEngine lake, GoldTable table, string month)
{
    /// <summary>The partition's path relative to the lake root.</summary>
    public string Partition { get; } = GoldLayout.Partition(table.Name, month);

    /// <summary>The partition's file: still the previous run's (if any) while the query runs, so a query may keep some of its rows.</summary>
    public string Target => lake.Layout.Full(Partition);

    /// <summary>
    /// Writes the header <paramref name="columns"/> and <paramref name="rows"/> to the staging CSV, the rows of
    /// <paramref name="query"/> (given the CSV's path) to the partition, and records it with <paramref name="inputs"/> and
    /// <paramref name="fingerprint"/>; <paramref name="clock"/> times the build (null: not timed). The view is refreshed unless
    /// <paramref name="refreshView"/> is false. Returns the partition's rows.
    /// </summary>
    public long Write(IReadOnlyList<string> columns, Action<TextWriter> rows, Func<string, string> query, string inputs, string fingerprint,
        Stopwatch? clock = null, bool refreshView = true)
    {
        var csv = lake.Layout.Temporary(Partition + ".csv");
        var parquet = lake.Layout.Temporary(Partition);
        Directory.CreateDirectory(Path.GetDirectoryName(Target)!);
        try
        {
            using (var writer = new StreamWriter(csv, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" })
            {
                writer.WriteLine(string.Join(',', columns));
                rows(writer);
            }

            var count = lake.WriteParquet(query(csv), parquet);
            File.Move(parquet, Target, overwrite: true);
            var catalog = new GoldCatalog(lake);
            catalog.Record(new GoldPartition(table.Name, month, Partition, count, new FileInfo(Target).Length, inputs, fingerprint, DateTime.UtcNow,
                clock?.ElapsedMilliseconds ?? 0));
            if (refreshView)
            {
                catalog.RefreshViews([table]);
            }

            return count;
        }
        finally
        {
            File.Delete(csv);
            File.Delete(parquet);
        }
    }
}
