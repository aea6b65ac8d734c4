using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Data.Common;
using System.Text.RegularExpressions;
using EAmazing.Cli.Commands.Sql;
using EAmazing.Lake;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary>
/// <c>eamazing sql "SELECT …"</c>: DuckDB SQL over the lake's views. Rows stream from the engine: the table view reads
/// only the rows it shows, <c>--csv</c> and <c>--json</c> write rows as they come, <c>--out</c> lets the engine copy them
/// to a file, so no result is ever held whole in memory. <c>sql .tables</c> lists the views and their columns.
/// </summary>
public static class SqlCommand
{
    /// <summary>The argument that lists the views instead of running SQL (as sqlite's and duckdb's shells spell it).</summary>
    public const string TablesCommand = ".tables";

    public const int DefaultRows = 50;

    public static readonly Argument<string> Query = new("QUERY") { Description = "SQL to run, e.g. \"SELECT event_type, count(*) FROM silver GROUP BY ALL\", or .tables to list the views and their columns" };

    public static readonly Option<bool> Csv = new("--csv") { Description = "Write every row as CSV to standard output (streamed)" };

    public static readonly Option<bool> Json = new("--json") { Description = "Write every row as a JSON array of objects to standard output (streamed)" };

    public static readonly Option<FileInfo?> Out = new("--out") { HelpName = "FILE", Description = "Write every row to FILE by the engine: FILE.parquet, FILE.csv or FILE.csv.gz" };

    public static readonly Option<int> Rows = new("--rows")
    {
        HelpName = "N",
        Description = "Rows the table view shows (the total is counted and printed below it)",
        DefaultValueFactory = _ => DefaultRows,
        Validators = { r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--rows must be at least 1"); } } },
    };

    public static Command Create()
    {
        var command = new Command("sql", "Run DuckDB SQL over the lake's views (bronze, silver, quarantine, gold_<table>) and catalog tables; `sql .tables` lists them with their columns");
        command.Arguments.Add(Query);
        command.Options.Add(Csv);
        command.Options.Add(Json);
        command.Options.Add(Out);
        command.Options.Add(Rows);
        command.Validators.Add(r =>
        {
            if (new[] { r.GetValue(Csv), r.GetValue(Json), r.GetValue(Out) is not null }.Count(x => x) > 1)
            {
                r.AddError("choose one of --csv, --json and --out");
            }
        });
        command.SetAction(parse => Run(parse));
        return command;
    }

    /// <summary>Makes <c>sql --help</c> end with the views and their columns of the configured lake.</summary>
    public static void AddViewsToHelp(RootCommand root)
    {
        var sql = root.Subcommands.Single(c => c.Name == "sql");
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is SynchronousCommandLineAction inner)
        {
            help.Action = new SqlHelpAction(inner, sql);
        }
    }

    public static int Run(ParseResult parse)
    {
        var query = parse.GetValue(Query) ?? "";
        if (string.IsNullOrWhiteSpace(query))
        {
            Console.Error.WriteLine("error: the query is empty: pass SQL, e.g. eamazing sql \"SELECT count(*) FROM silver\", or eamazing sql .tables to list the views");
            return ExitCodes.UsageError;
        }

        var output = parse.GetValue(Out);
        QueryExportFormat? format = null;
        if (output is not null)
        {
            format = ExportFormat(output.Name);
            if (format is null)
            {
                Console.Error.WriteLine($"error: --out {output.Name}: name a .parquet, .csv or .csv.gz file");
                return ExitCodes.UsageError;
            }

            if (!output.Directory!.Exists)
            {
                Console.Error.WriteLine($"error: --out {output.FullName}: the folder {output.Directory.FullName} does not exist");
                return ExitCodes.UsageError;
            }
        }

        var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
        if (!LakeAccess.TryOpen(settings, out var lake))
        {
            return ExitCodes.Failure;
        }

        using (lake)
        {
            if (query.Trim() == TablesCommand)
            {
                WriteViews(lake!.Views());
                return ExitCodes.Success;
            }

            long rows;
            try
            {
                rows = output is not null ? Export(lake!, query, output, format!.Value)
                    : parse.GetValue(Csv) ? Stream(lake!, query, WriteCsv)
                    : parse.GetValue(Json) ? Stream(lake!, query, SqlJsonWriter.Write)
                    : Screen(lake!, query, parse.GetValue(Rows));
            }
            catch (DbException e)
            {
                Console.Error.WriteLine($"error: {OneLine(e.Message)}");
                return ExitCodes.UsageError;
            }

            var views = string.Join(",", ViewsIn(lake!, query));
            return CliAudit.Record(settings.Platform.Lake, "sql", views, $"query {CliAudit.QueryDigest(query)}; {rows} row(s)")
                ? ExitCodes.Success
                : ExitCodes.Failure;
        }
    }

    /// <summary>The first screen as soon as its rows are read; the total afterwards, counted by the engine.</summary>
    private static long Screen(ILakeConsole lake, string query, int shown)
    {
        var rows = new List<object?[]>();
        IReadOnlyList<string> columns;
        using (var reader = lake.Open(query))
        {
            columns = reader.Columns;
            var values = new object?[columns.Count];
            while (rows.Count <= shown && reader.Read(values))
            {
                rows.Add((object?[])values.Clone());
            }
        }

        var more = rows.Count > shown;
        var screen = more ? rows[..shown] : rows;
        if (columns.Count > 0)
        {
            SqlScreen.Write(columns, screen);
        }

        if (!more)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]{rows.Count:N0} row(s)[/]");
            return rows.Count;
        }

        var total = lake.CountRows(query);
        var counted = total is null ? $"the first {shown:N0} rows; more follow" : $"{shown:N0} of {total:N0} rows";
        AnsiConsole.MarkupLineInterpolated($"[grey]{counted} (--rows N shows more; --csv, --json or --out FILE.parquet|FILE.csv writes them all)[/]");
        return total ?? shown;
    }

    private static long Stream(ILakeConsole lake, string query, Func<IQueryReader, Stream, long> write)
    {
        using var reader = lake.Open(query);
        using var stdout = Console.OpenStandardOutput();
        // A buffered stream: writing row by row to the console's auto-flushed writer costs a system call per row.
        using var buffered = new BufferedStream(stdout, 1 << 16);
        var rows = write(reader, buffered);
        buffered.Flush();
        return rows;
    }

    private static long WriteCsv(IQueryReader reader, Stream output)
    {
        using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
        return SqlCsvWriter.Write(reader, writer);
    }

    private static long Export(ILakeConsole lake, string query, FileInfo output, QueryExportFormat format)
    {
        var rows = lake.Export(query, output.FullName, format);
        AnsiConsole.MarkupLineInterpolated($"{rows:N0} row(s) written to {output.FullName}");
        return rows;
    }

    private static QueryExportFormat? ExportFormat(string name) =>
        name.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? QueryExportFormat.Parquet
        : name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase) ? QueryExportFormat.Csv
        : null;

    public static void WriteViews(IReadOnlyList<LakeView> views)
    {
        var table = new Table().AddTextColumns("name", "kind", "columns");
        foreach (var view in views)
        {
            table.AddTextRow(view.Name, view.Kind, string.Join(", ", view.Columns));
        }

        AnsiConsole.Write(table);
    }

    /// <summary>DuckDB's messages span lines (a caret under the query, suggestions); the first line and any suggestion say it.</summary>
    public static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var first = lines.FirstOrDefault() ?? "the query failed";
        var hint = lines.Skip(1).FirstOrDefault(l => l.StartsWith("Did you mean", StringComparison.Ordinal));
        return hint is null ? first : $"{first} {hint}";
    }

    /// <summary>The lake's views and tables a query names (the audit target), found as whole words in its text.</summary>
    public static IReadOnlyList<string> ViewsIn(ILakeEngine lake, string query)
    {
        var names = lake.Query("SELECT view_name FROM duckdb_views() WHERE NOT internal UNION SELECT table_name FROM duckdb_tables() WHERE NOT internal").Rows
            .Select(r => (string)r[0]!);
        return names.Where(n => Regex.IsMatch(query, $@"(?<![A-Za-z0-9_]){Regex.Escape(n)}(?![A-Za-z0-9_])", RegexOptions.IgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A materialised result as CSV (business reports' exports).</summary>
    public static void WriteCsv(QueryResult result, TextWriter output) => SqlCsvWriter.Write(new MaterialisedRows(result), output);

    private sealed class MaterialisedRows(QueryResult result) : IQueryReader
    {
        private int _next;

        public IReadOnlyList<string> Columns => result.Columns;

        public bool Read(object?[] values)
        {
            if (_next >= result.Rows.Count)
            {
                return false;
            }

            result.Rows[_next++].CopyTo(values, 0);
            return true;
        }

        public void Dispose()
        {
        }
    }
}
