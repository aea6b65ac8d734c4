using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Governance.Audit;
using EAmazing.Governance.Erasure;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary>
/// <c>eamazing gdpr erase --user ID… | --from-file FILE</c>: the right to erasure. Removes the people's rows from
/// every layer (only the files that hold them are rewritten, in one atomic commit per month), suppresses them at future
/// ingests, flags the models trained on their data, and logs the erasure (digests, never raw ids).
/// </summary>
public static class GdprEraseCommand
{
    public static readonly Option<string[]> Users = new("--user")
    {
        Description = "Raw user id(s) to erase (repeat the option or give several values)",
        AllowMultipleArgumentsPerToken = true,
    };

    public static readonly Option<string?> FromFile = new("--from-file")
    {
        Description = "A file of raw user ids, one per line (blank lines and lines starting with # are skipped)",
    };

    public static Command Create()
    {
        var command = new Command("erase", "Right to erasure: delete people's rows from bronze, silver, quarantine, gold and the predictions log; keep them out of later ingests");
        command.Options.Add(Users);
        command.Options.Add(FromFile);
        command.SetAction(parse => Run(parse));
        return command;
    }

    public static int Run(ParseResult parse)
    {
        if (!TryReadIds(parse.GetValue(Users) ?? [], parse.GetValue(FromFile), out var ids))
        {
            return ExitCodes.UsageError;
        }

        var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
        if (!IngestCommand.TryResolveKey(settings, out var key))
        {
            return ExitCodes.Failure;
        }

        if (!LakeAccess.TryOpen(settings, out var opened, settings.Privacy.EngineMemoryLimit, keepMemory: true))
        {
            return ExitCodes.Failure;
        }

        using var lake = opened!;
        var foreign = LakeEraser.ForeignKeyIds(lake, key!.KeyId);
        if (foreign.Count > 0)
        {
            Console.Error.WriteLine($"error: the lake holds partitions pseudonymised with key(s) {string.Join(", ", foreign)}, the current key is {key.KeyId}: "
                + "the people's rows there cannot be found. Use the key the lake was made with (or rotate the lake to this key) and run again");
            return ExitCodes.Failure;
        }

        ErasureResult result;
        try
        {
            var models = parse.GetValue(GlobalOptions.Models) ?? settings.Platform.Models;
            // The audit entries ride in the erasure's commit: no erasure lands without them.
            result = new LakeEraser(lake, key, models, auditActor: AuditTrail.OsActor, features: settings.Features).Erase(ids);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Console.Error.WriteLine($"error: the erasure stopped: {e.Message}. The lake is unchanged or fully erased (journaled commit); run the same command again to complete it");
            return ExitCodes.Failure;
        }

        Print(result);
        return ExitCodes.Success;
    }

    /// <summary>Raw ids from the options; a bad value is named by its position (a bad line by its number), never echoed.</summary>
    public static bool TryReadIds(IReadOnlyList<string> values, string? file, out List<long> ids)
    {
        ids = [];
        for (var i = 0; i < values.Count; i++)
        {
            if (!TryParseId(values[i], out var id))
            {
                Console.Error.WriteLine($"error: --user value {i + 1} is not a user id (a non-negative integer)");
                return false;
            }

            ids.Add(id);
        }

        if (file is not null)
        {
            if (!File.Exists(file))
            {
                Console.Error.WriteLine($"error: --from-file: no such file: {file}");
                return false;
            }

            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                var text = line.Trim();
                if (text.Length == 0 || text.StartsWith('#'))
                {
                    continue;
                }

                if (!TryParseId(text, out var id))
                {
                    Console.Error.WriteLine($"error: {file}: line {number} is not a user id (a non-negative integer); nothing was erased");
                    return false;
                }

                ids.Add(id);
            }
        }

        if (ids.Count == 0)
        {
            Console.Error.WriteLine("error: give the people to erase with --user ID or --from-file FILE");
            return false;
        }

        return true;
    }

    public static bool TryParseId(string text, out long id) =>
        long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out id);

    private static void Print(ErasureResult result)
    {
        AnsiConsole.MarkupLineInterpolated($"Erasure [bold]{result.ErasureId}[/]: {result.Subjects.Count} subject(s), {result.FilesRewritten} file(s) rewritten");
        foreach (var subject in result.Subjects)
        {
            var line = subject.AlreadyErased
                ? $"{subject.Subject}: already erased; 0 rows removed"
                : $"{subject.Subject}: {subject.TotalRows:N0} rows removed, events in [{string.Join(", ", subject.EventMonths)}], "
                    + (subject.ModelsFlagged.Count == 0 ? "no model flagged" : $"models flagged (retrain due): {string.Join(", ", subject.ModelsFlagged)}")
                    + "; suppressed at future ingests";
            AnsiConsole.WriteLine(line);
        }

        var table = new Table().Title("Rows removed").AddTextColumns("table", "rows removed");
        foreach (var (name, rows) in result.RowsPerTable())
        {
            table.AddTextRow(name, rows.ToString("N0", CultureInfo.InvariantCulture));
        }

        table.AddTextRow("total", result.TotalRows.ToString("N0", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        if (result.RowsPerTable().Any(t => t.Table == LakeLayer.Silver && t.Rows > 0))
        {
            var overMany = string.Join(", ", GoldTables.All.Where(t => !t.RowsFromOneUser).Select(t => t.Name));
            AnsiConsole.WriteLine($"Gold tables whose rows draw on many users ({overMany}) still count these events until the next 'eamazing features build', which recomputes those months ('eamazing features status' lists them).");
        }
    }
}
