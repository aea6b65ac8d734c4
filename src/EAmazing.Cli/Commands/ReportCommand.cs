using System.CommandLine;
using System.Data.Common;
using EAmazing.Lake;
using EAmazing.Privacy.SmallGroups;
using EAmazing.Reporting;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary>
/// <c>eamazing report segments|demand [--csv]</c>: reports for business units that count people per group; a group
/// of fewer than k people (<c>EAmazing:Privacy:MinGroupSize</c>, default 10) shows <c>&lt;k</c> and no measures.
/// </summary>
public static class ReportCommand
{
    public static readonly Option<bool> Csv = new("--csv") { Description = "Print CSV (an export) instead of a table" };

    public static readonly Option<DateOnly?> AsOf = new("--as-of") { Description = "Segments from each customer's latest weekly snapshot at or before this date (default: the latest)" };

    public static Command Create()
    {
        var segments = new Command("segments", "Customers per top category and buying pattern (CRM, marketing), from the latest weekly snapshots");
        segments.Options.Add(AsOf);
        segments.Options.Add(Csv);
        segments.SetAction(parse => Run(parse, "segments", "gold_user_snapshots",
            reports => reports.Segments(parse.GetValue(AsOf)?.ToDateTime(new TimeOnly(23, 59, 59)))));

        var demand = new Command("demand", "Distinct customers, purchases and revenue per month and top category (supply chain, finance)");
        demand.Options.Add(Csv);
        demand.SetAction(parse => Run(parse, "demand", "silver", reports => reports.Demand()));

        var command = new Command("report", "Business reports with small groups suppressed (k-anonymity)");
        command.Subcommands.Add(segments);
        command.Subcommands.Add(demand);
        return command;
    }

    private static int Run(ParseResult parse, string name, string source, Func<BusinessReports, SuppressedTable> build)
    {
        var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
        var k = settings.Privacy.MinGroupSize;

        if (!LakeAccess.TryOpen(settings, out var lake))
        {
            return ExitCodes.Failure;
        }

        using (lake)
        {
            SuppressedTable table;
            try
            {
                table = build(new BusinessReports(lake!, new SmallGroupSuppression(k)));
            }
            catch (DbException e)
            {
                Console.Error.WriteLine($"error: the {name} report needs {source} (run eamazing ingest{(source == "silver" ? "" : " and eamazing features build")}): {e.Message.Split('\n')[0]}");
                return ExitCodes.DataError;
            }

            if (!CliAudit.Record(settings.Platform.Lake, "report " + name, source, $"{table.Rows.Count} group(s), {table.SuppressedGroups} below k = {k} suppressed"))
            {
                return ExitCodes.Failure;
            }

            if (parse.GetValue(Csv))
            {
                SqlCommand.WriteCsv(new QueryResult(table.Columns, table.Rows.Select(r => r.Cast<object?>().ToArray()).ToList()), Console.Out);
                return ExitCodes.Success;
            }

            var output = new Table().Title($"{name} (groups of fewer than {k} people suppressed)");
            foreach (var column in table.Columns)
            {
                output.AddColumn(Markup.Escape(column));
            }

            foreach (var row in table.Rows)
            {
                output.AddRow(row.Select(Markup.Escape).ToArray());
            }

            AnsiConsole.Write(output);
            AnsiConsole.MarkupLineInterpolated($"[grey]{table.Rows.Count:N0} group(s); {table.SuppressedGroups:N0} with fewer than {k} people shown as <{k} without measures[/]");
            return ExitCodes.Success;
        }
    }
}
