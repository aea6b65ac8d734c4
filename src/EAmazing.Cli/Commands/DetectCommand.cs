using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using EAmazing.BusinessModels;
using EAmazing.Models.Business;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary>
/// <c>eamazing detect SUBJECT [--as-of yyyy-MM-dd]</c>: one subcommand per detection model of the catalog (<c>emerging</c>:
/// emerging categories and launches). It judges the lake's days up to the as-of day (default: the last), writes the
/// ranked list to gold (aggregates per category, no person's data) and a report with a chart per flag under the model
/// registry's <c>detections/</c>, and prints the flagged categories. Exit codes: 0 written, 1 lake not openable, storage
/// failure or audit not recorded, 2 a malformed --as-of, 3 too little history, no category or an as-of day outside the
/// data (the message names the days; nothing written).
/// </summary>
public static class DetectCommand
{
    public static readonly Option<string?> AsOf = new("--as-of") { Description = "Judge the days up to this day (yyyy-MM-dd; default: the lake's last day)" };

    public static Command Create(BusinessModelCatalog catalog)
    {
        var command = new Command("detect", "Detect changes (emerging categories, launches) and write the ranked list to gold");
        foreach (var writer in catalog.All.Select(m => m.DetectionWriter).OfType<IDetectionWriter>())
        {
            var sub = new Command(writer.Subject, $"Rank categories as of a day and write {writer.Table.ViewName}, with a report");
            sub.Options.Add(AsOf);
            sub.SetAction(parse => Execute(parse, writer));
            command.Subcommands.Add(sub);
        }

        return command;
    }

    private static int Execute(ParseResult parse, IDetectionWriter writer)
    {
        var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
        if (parse.GetValue(GlobalOptions.Models) is { } models)
        {
            settings.Platform.Models = models;
        }

        DateOnly? asOf = null;
        if (parse.GetValue(AsOf) is { } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                Console.Error.WriteLine($"error: --as-of '{text}' is not a day (yyyy-MM-dd)");
                return ExitCodes.UsageError;
            }

            asOf = day;
        }

        if (!LakeAccess.TryOpen(settings, out var opened))
        {
            return ExitCodes.Failure;
        }

        using var lake = opened!;
        DetectionOutcome outcome;
        try
        {
            outcome = AnsiConsole.Status().Start($"detecting {writer.Subject}", ctx =>
                writer.Detect(new DetectionContext(lake, Path.Combine(settings.Platform.Models, "detections")), asOf, new SynchronousProgress<string>(s => ctx.Status(s))));
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.DataError;
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: detection failed: {e.Message}");
            return ExitCodes.Failure;
        }

        foreach (var line in outcome.Lines)
        {
            AnsiConsole.WriteLine(line);
        }

        if (outcome.Ranked.Rows.Count > 0)
        {
            var table = new Table().AddTextColumns([.. outcome.Ranked.Header]);
            foreach (var row in outcome.Ranked.Rows)
            {
                table.AddTextRow([.. row]);
            }

            AnsiConsole.Write(table);
        }

        AnsiConsole.WriteLine($"wrote {outcome.Rows:N0} rows to {writer.Table.ViewName} ({outcome.Partition}); report {outcome.Report}");
        return CliAudit.Record(settings.Platform.Lake, "detect", $"{writer.Table.ViewName} {outcome.Partition}", $"{outcome.Rows} rows")
            ? ExitCodes.Success
            : ExitCodes.Failure;
    }
}
