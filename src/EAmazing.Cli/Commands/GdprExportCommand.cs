using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using EAmazing.Lake;
using EAmazing.Governance.Access;
using EAmazing.Governance.Audit;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary><c>eamazing gdpr export --user ID --out FILE</c>: the right of access, one JSON file for the DPO.</summary>
public static class GdprExportCommand
{
    public static readonly Option<string> User = new("--user") { Description = "The raw user id whose data to export", Required = true };

    public static readonly Option<string> Out = new("--out") { Description = "The JSON file to write (outside the lake)", Required = true };

    public static Command Create()
    {
        var command = new Command("export", "Right of access: everything held about one person (events, gold rows, predictions, erasure and audit entries) as one JSON file");
        command.Options.Add(User);
        command.Options.Add(Out);
        command.SetAction(parse => Run(parse));
        return command;
    }

    public static int Run(ParseResult parse)
    {
        if (!GdprEraseCommand.TryParseId(parse.GetValue(User) ?? "", out var id))
        {
            Console.Error.WriteLine("error: --user is not a user id (a non-negative integer)");
            return ExitCodes.UsageError;
        }

        var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
        var output = Path.GetFullPath(parse.GetValue(Out)!);
        var lakeRoot = LakeLayout.At(settings.Platform.Lake).Root;
        if (output.StartsWith(lakeRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) || output == lakeRoot)
        {
            // The export holds the raw id: it must never become part of the lake.
            Console.Error.WriteLine($"error: --out {output} is inside the lake ({lakeRoot}); write the export elsewhere");
            return ExitCodes.UsageError;
        }

        if (Directory.Exists(output))
        {
            Console.Error.WriteLine($"error: --out {output} is a folder; give a file name");
            return ExitCodes.UsageError;
        }

        if (!IngestCommand.TryResolveKey(settings, out var key))
        {
            return ExitCodes.Failure;
        }

        if (!LakeAccess.TryOpen(settings, out var opened))
        {
            return ExitCodes.Failure;
        }

        using var lake = opened!;
        SubjectAccessSummary summary;
        try
        {
            summary = new SubjectAccessExport(lake, key!).Write(id, output);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: the export failed: {e.Message}");
            return ExitCodes.Failure;
        }

        AuditTrail.ForLake(lake.Layout.Root).Append(new AuditEvent(AuditTrail.OsActor, "gdpr.export", summary.SubjectDigest,
            $"{summary.Events:N0} events, {summary.Counts.Values.Sum():N0} records exported"));
        AnsiConsole.MarkupLineInterpolated($"Exported subject [bold]{summary.SubjectDigest}[/] (key {summary.KeyId}) to {summary.OutputPath}");
        var table = new Table().Title("Exported").AddTextColumns("table", "rows");
        foreach (var (name, count) in summary.Counts)
        {
            table.AddTextRow(name, count.ToString("N0", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        if (summary.FirstEvent is { } first && summary.LastEvent is { } last)
        {
            AnsiConsole.WriteLine($"events from {first:yyyy-MM-dd HH:mm:ss} to {last:yyyy-MM-dd HH:mm:ss} UTC");
        }

        return ExitCodes.Success;
    }
}
