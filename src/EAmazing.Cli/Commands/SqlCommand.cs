using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using EAmazing.Lake;
using nietras.SeparatedValues;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary><c>eamazing sql "SELECT …"</c>: DuckDB SQL over the lake's views (bronze, silver, quarantine, ingested_files, lake_partitions).</summary>
public static class SqlCommand
{
    public static readonly Argument<string> Query = new("QUERY") { Description = "SQL to run, e.g. \"SELECT event_type, count(*) FROM silver GROUP BY ALL\"" };

    public static readonly Option<bool> Csv = new("--csv") { Description = "Print CSV instead of a table" };

    public static Command Create()
    {
        var command = new Command("sql", "Run DuckDB SQL over the lake's views: bronze, silver, quarantine, ingested_files, lake_partitions");
        command.Arguments.Add(Query);
        command.Options.Add(Csv);
        command.SetAction(parse => Run(parse));
        return command;
    }

    public static int Run(ParseResult parse)
    {
        var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
        if (!LakeAccess.TryOpen(settings, out var lake))
        {
            return ExitCodes.Failure;
        }

        using (lake)
        {
            QueryResult result;
            try
            {
                result = lake!.Query(parse.GetValue(Query)!);
            }
            catch (DbException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.UsageError;
            }

            var query = parse.GetValue(Query)!;
            if (!CliAudit.Record(settings.Platform.Lake, "sql", string.Join(",", ViewsIn(lake!, query)), $"query {CliAudit.QueryDigest(query)}; {result.Rows.Count} row(s)"))
            {
                return ExitCodes.Failure;
            }

            if (parse.GetValue(Csv))
            {
                WriteCsv(result, Console.Out);
                return ExitCodes.Success;
            }

            var table = new Table();
            foreach (var column in result.Columns)
            {
                table.AddColumn(Markup.Escape(column));
            }

            foreach (var row in result.Rows)
            {
                table.AddRow(row.Select(v => Markup.Escape(Format(v))).ToArray());
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated($"[grey]{result.Rows.Count:N0} row(s)[/]");
            return ExitCodes.Success;
        }
    }

    /// <summary>The lake's views and tables a query names (the audit target), found as whole words in its text.</summary>
    public static IReadOnlyList<string> ViewsIn(ILakeEngine lake, string query)
    {
        var names = lake.Query("SELECT view_name FROM duckdb_views() WHERE NOT internal UNION SELECT table_name FROM duckdb_tables() WHERE NOT internal").Rows
            .Select(r => (string)r[0]!);
        return names.Where(n => Regex.IsMatch(query, $@"(?<![A-Za-z0-9_]){Regex.Escape(n)}(?![A-Za-z0-9_])", RegexOptions.IgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
    }

    public static void WriteCsv(QueryResult result, TextWriter output)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(output, leaveOpen: true);
        if (result.Rows.Count == 0)
        {
            output.WriteLine(string.Join(',', result.Columns));
            return;
        }

        foreach (var values in result.Rows)
        {
            using var row = writer.NewRow();
            for (var i = 0; i < result.Columns.Count; i++)
            {
                row[result.Columns[i]].Set(Format(values[i]));
            }
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
