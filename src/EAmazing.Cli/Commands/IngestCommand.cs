using System.CommandLine;
using EAmazing.Governance.Audit;
using EAmazing.Ingestion;
using EAmazing.Lake;
using EAmazing.Privacy;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary><c>eamazing ingest PATH…</c>: validates, pseudonymises and loads REES46 files into the lake.</summary>
public static class IngestCommand
{
    public static readonly Argument<string[]> Paths = new("PATH")
    {
        Description = "REES46 files (.csv, .csv.gz) or folders holding them",
        Arity = ArgumentArity.OneOrMore,
    };

    public static readonly Option<int?> SessionGap = new("--session-gap")
    {
        Description = "Silver re-sessionisation: minutes of inactivity that start a new session (default 30, or EAmazing:Ingest:SessionGap)",
    };

    public static Command Create()
    {
        var command = new Command("ingest", "Ingest REES46 files into the lake: validate, quarantine, pseudonymise, write bronze and silver Parquet");
        command.Arguments.Add(Paths);
        command.Options.Add(SessionGap);
        command.SetAction(parse => Run(parse));
        return command;
    }

    public static int Run(ParseResult parse)
    {
        var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
        var files = InputFiles.Expand(parse.GetValue(Paths) ?? [], out var missing, out var unreadable);
        foreach (var path in missing)
        {
            Console.Error.WriteLine($"error: no such file or folder: {path}");
        }

        if (missing.Count > 0)
        {
            return ExitCodes.UsageError;
        }

        // Reported now, each on its line; the other files are still ingested and the run ends with a data error.
        foreach (var problem in unreadable)
        {
            Console.Error.WriteLine($"error: {problem}");
        }

        if (files.Count == 0 && unreadable.Count > 0)
        {
            return ExitCodes.DataError;
        }

        if (files.Count == 0)
        {
            Console.Error.WriteLine("error: no .csv or .csv.gz files found in the given folders");
            return ExitCodes.UsageError;
        }

        var options = settings.Ingest;
        if (parse.GetValue(SessionGap) is { } minutes)
        {
            if (minutes <= 0)
            {
                Console.Error.WriteLine("error: --session-gap must be a positive number of minutes");
                return ExitCodes.UsageError;
            }

            options = options with { SessionGap = TimeSpan.FromMinutes(minutes) };
        }

        if (!TryResolveKey(settings, out var key))
        {
            return ExitCodes.Failure;
        }

        if (!LakeAccess.TryOpen(settings, out var opened, options.EngineMemoryLimit, create: true, keepMemory: true))
        {
            return ExitCodes.Failure;
        }

        using var lake = opened!;
        AnsiConsole.MarkupLineInterpolated($"Ingesting {files.Count} file(s) into [bold]{lake.Layout.Root}[/]");
        // Each commit carries its audit entry (appended before it is done); files skipped as already ingested change nothing and are audited here.
        IReadOnlyList<IngestOutcome> outcomes;
        try
        {
            outcomes = Execute(new LakeIngestor(lake, key!, options, auditActor: AuditTrail.OsActor), files);
        }
        catch (InvalidDataException e)
        {
            // The audit trail refused a commit's entry (or the journal is unreadable): the change waits in its journal.
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }

        Print(outcomes);
        foreach (var o in outcomes.Where(o => o.Action == IngestAction.AlreadyIngested))
        {
            var entry = LakeIngestor.AuditEntry(AuditTrail.OsActor, o.Action, o.File);
            if (!CliAudit.Record(settings.Platform.Lake, entry.Action, entry.Target, entry.Detail))
            {
                return ExitCodes.Failure;
            }
        }

        foreach (var damaged in outcomes.Where(o => o.IsDataError))
        {
            // Plain, unwrapped, on stderr: scripts and people need the file and the position in one line.
            Console.Error.WriteLine($"error: {damaged.File.Path}: {damaged.File.Status}: {damaged.File.Problem}");
        }

        return outcomes.Any(o => o.IsDataError) || unreadable.Count > 0 ? ExitCodes.DataError : ExitCodes.Success;
    }

    public static bool TryResolveKey(CliSettings settings, out PseudonymKey? key)
    {
        key = null;
        try
        {
            var resolution = PseudonymKeyStore.ForProcess(settings.Platform.PseudonymKeyFile).Resolve();
            var line = resolution.Describe();
            if (resolution.Source == PseudonymKeySource.CreatedDefaultFile)
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]{line}[/]");
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated($"[grey]{line}[/]");
            }

            key = resolution.Key;
            return true;
        }
        catch (Exception e) when (e is PseudonymKeyException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return false;
        }
    }

    private static IReadOnlyList<IngestOutcome> Execute(LakeIngestor ingestor, IReadOnlyList<string> files)
    {
        var outcomes = new List<IngestOutcome>();
        var started = DateTime.UtcNow;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new DownloadedColumn(), new TransferSpeedColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                for (var i = 0; i < files.Count; i++)
                {
                    var file = files[i];
                    var task = ctx.AddTask(Markup.Escape(Path.GetFileName(file)), maxValue: Math.Max(1, new FileInfo(file).Length));
                    var fileStarted = DateTime.UtcNow;
                    var outcome = ingestor.IngestFile(file, i, files.Count, new SynchronousProgress<IngestProgress>(p =>
                    {
                        task.Value = Math.Min(p.BytesRead, task.MaxValue);
                        var seconds = Math.Max((DateTime.UtcNow - fileStarted).TotalSeconds, 1e-3);
                        task.Description = Markup.Escape($"{p.FileName} {p.Phase}: {p.RowsRead:N0} rows, {p.RowsRead / seconds:N0} rows/s");
                    }));
                    task.Value = task.MaxValue;
                    task.StopTask();
                    outcomes.Add(outcome);
                }
            });

        foreach (var outcome in outcomes)
        {
            var color = outcome.IsDataError ? "red" : outcome.Action == IngestAction.AlreadyIngested ? "grey" : "green";
            AnsiConsole.MarkupLine($"[{color}]{Markup.Escape(outcome.Message)}[/]");
        }

        var elapsed = DateTime.UtcNow - started;
        var read = outcomes.Where(o => o.Action != IngestAction.AlreadyIngested).Sum(o => o.File.Rows.Read);
        AnsiConsole.MarkupLineInterpolated($"{read:N0} rows in {elapsed.TotalSeconds:N1} s ({read / Math.Max(elapsed.TotalSeconds, 1e-3):N0} rows/s)");
        return outcomes;
    }

    private static void Print(IReadOnlyList<IngestOutcome> outcomes)
    {
        var table = new Table().Title("Ingest summary").AddColumns("file", "action", "status", "read", "accepted", "duplicate", "quarantined", "suppressed", "key id");
        foreach (var o in outcomes)
        {
            var f = o.File;
            table.AddRow(Markup.Escape(Path.GetFileName(f.Path)), o.Action.ToString(), f.Status.ToString(), $"{f.Rows.Read:N0}", $"{f.Rows.Accepted:N0}",
                $"{f.Rows.Duplicates:N0}", $"{f.Rows.Quarantined:N0}", $"{f.Rows.Suppressed:N0}", f.KeyId);
        }

        AnsiConsole.Write(table);
    }
}
