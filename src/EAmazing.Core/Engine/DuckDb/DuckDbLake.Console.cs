using System.Globalization;
using DuckDB.NET.Data;
using EAmazing.Lake;

namespace EAmazing.Engine.DuckDb;

/// <summary>Ad-hoc SQL on the catalog connection (where the views live): streamed rows, counts and COPY exports.</summary>
public sealed partial class DuckDbLake : ILakeConsole
{
    /// <summary>DuckDB's memory limit during a console export (<c>sql --out</c>); what the writer buffers beyond it is small.</summary>
    internal const string ConsoleExportMemoryLimit = "512MB";

    public IQueryReader Open(string sql) => DuckDbQueryReader.Start(_catalog, sql);

    public long? CountRows(string sql)
    {
        var body = Statement(sql);
        if (!LooksLikeQuery(body))
        {
            return null;
        }

        try
        {
            using var command = _catalog.CreateCommand();
            // The newline ends a trailing "-- comment" of the user's text before the closing parenthesis.
            command.CommandText = $"SELECT count(*) FROM ({body}\n)";
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (DuckDBException)
        {
            return null;
        }
    }

    public long Export(string sql, string target, QueryExportFormat format)
    {
        var options = format switch
        {
            QueryExportFormat.Parquet => "FORMAT parquet, COMPRESSION zstd",
            _ => target.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? "FORMAT csv, HEADER true, COMPRESSION gzip" : "FORMAT csv, HEADER true",
        };
        var full = Path.GetFullPath(target);
        // Written under a temporary name beside the target and renamed: a failed or killed copy never leaves half a file.
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}");
        try
        {
            // The catalog connection keeps DuckDB's defaults (insertion order, 80 % of RAM): a COPY of all 42M silver rows
            // then buffered 5.2 GB before writing. Without insertion order the rows are written as the threads produce
            // them (a query's own ORDER BY is still honoured), under a bounded memory limit that spills to the lake's
            // scratch folder; both are reset after the copy so the catalog's other work is unchanged.
            Execute(_catalog, $"SET preserve_insertion_order = false; SET memory_limit = '{ConsoleExportMemoryLimit}'; SET temp_directory = '{LakeSql.Literal(Path.Combine(Layout.Staging, "spill"))}'");
            try
            {
                using var command = _catalog.CreateCommand();
                command.CommandText = $"COPY ({Statement(sql)}\n) TO '{LakeSql.Literal(temporary)}' ({options})";
                var rows = command.ExecuteNonQuery();
                File.Move(temporary, full, overwrite: true);
                return rows;
            }
            finally
            {
                Execute(_catalog, "RESET preserve_insertion_order; RESET memory_limit; RESET temp_directory");
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public IReadOnlyList<LakeView> Views()
    {
        var columns = Read(_catalog, """
            SELECT c.table_name, CASE WHEN v.view_name IS NULL THEN 'table' ELSE 'view' END AS kind, c.column_name, c.data_type
            FROM duckdb_columns() c LEFT JOIN duckdb_views() v ON v.view_name = c.table_name AND v.schema_name = c.schema_name AND NOT v.internal
            WHERE NOT c.internal AND c.schema_name = 'main'
            ORDER BY kind DESC, c.table_name, c.column_index
            """);
        return columns.Rows
            .GroupBy(r => ((string)r[0]!, (string)r[1]!))
            .Select(g => new LakeView(g.Key.Item1, g.Key.Item2, g.Select(r => $"{r[2]} {r[3]}").ToList()))
            .ToList();
    }

    /// <summary>The user's statement without trailing semicolons, so that it can be wrapped.</summary>
    private static string Statement(string sql) => sql.Trim().TrimEnd(';').TrimEnd();

    private static bool LooksLikeQuery(string sql)
    {
        var first = sql.Split((char[])[' ', '\n', '\r', '\t', '('], 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return first.ToUpperInvariant() is "SELECT" or "WITH" or "FROM" or "VALUES" or "TABLE";
    }
}
