using System.Globalization;
using EAmazing.Features;
using EAmazing.Lake;

namespace EAmazing.Monitoring.Drift;

/// <summary>
/// Feature rows of a gold table over [from, to), read straight from its Parquet partitions on an in-memory
/// engine, so monitoring never takes the catalog's lock away from a running pipeline or server.
/// </summary>
public static class GoldWindow
{
    public static IReadOnlyList<float[]> Read(ILakeEngines engines, string lakeRoot, GoldTable table, IReadOnlyList<string> features, DateTime from, DateTime to)
    {
        var folder = Path.Combine(Path.GetFullPath(lakeRoot), "gold", table.Name);
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, table.Name + ".parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0)
        {
            return [];
        }

        using var database = engines.OpenScratch();
        var columns = string.Join(", ", features.Select(f => $"CAST(\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\" AS DOUBLE)"));
        var rows = new List<float[]>();
        database.ForEachRow(
            $"SELECT {columns} FROM {LakeSql.ReadParquet(files, "union_by_name = true")} " +
            $"WHERE {GoldTable.AsOfColumn} >= TIMESTAMP '{Timestamp(from)}' AND {GoldTable.AsOfColumn} < TIMESTAMP '{Timestamp(to)}' " +
            $"ORDER BY {GoldTable.AsOfColumn}",
            reader =>
            {
                var row = new float[features.Count];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? float.NaN : (float)reader.GetDouble(i);
                }

                rows.Add(row);
            });
        return rows;
    }

    private static string Timestamp(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
