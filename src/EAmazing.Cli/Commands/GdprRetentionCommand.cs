using System.CommandLine;
using EAmazing.Lake;
using EAmazing.Governance.Audit;
using EAmazing.Governance.Retention;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary>
/// <c>eamazing gdpr retention apply --keep-months N [--dry-run] [--as-of yyyy-MM] [--yes]</c>: drops expired months from
/// every layer, after showing them and asking (<c>--yes</c> answers for scripts; without a terminal it is required).
/// </summary>
public static class GdprRetentionCommand
{
    public static readonly Option<int?> KeepMonths = new("--keep-months")
    {
        Description = "Whole months kept, the reference month included (default: EAmazing:Privacy:RetentionMonths)",
    };

    public static readonly Option<bool> DryRun = new("--dry-run") { Description = "Print what would be removed and change nothing" };

    public static readonly Option<string?> AsOf = new("--as-of") { Description = "Reference month (yyyy-MM); default: the lake's newest month" };

    public static readonly Option<bool> Yes = new("--yes") { Description = "Delete without asking (required when not run from a terminal)" };

    public static Command Create()
    {
        var apply = new Command("apply", "Drop month partitions older than the retention horizon from bronze, silver, gold and quarantine, atomically");
        apply.Options.Add(KeepMonths);
        apply.Options.Add(DryRun);
        apply.Options.Add(AsOf);
        apply.Options.Add(Yes);
        apply.SetAction(parse => Apply(parse));
        var command = new Command("retention", "Storage limitation: keep only the last N months of event data");
        command.Subcommands.Add(apply);
        return command;
    }

    public static int Apply(ParseResult parse)
    {
        var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
        var keep = parse.GetValue(KeepMonths) ?? settings.Privacy.RetentionMonths;
        if (keep < 1)
        {
            Console.Error.WriteLine($"error: --keep-months must be at least 1 (got {keep})");
            return ExitCodes.UsageError;
        }

        var now = DateTime.UtcNow;
        var asOf = parse.GetValue(AsOf);
        if (asOf is not null && !LakeRetention.TryParseMonth(asOf, out _))
        {
            Console.Error.WriteLine($"error: --as-of '{asOf}' is not a month (yyyy-MM)");
            return ExitCodes.UsageError;
        }

        if (!LakeAccess.TryOpen(settings, out var lake, settings.Privacy.EngineMemoryLimit, keepMemory: true))
        {
            return ExitCodes.Failure;
        }

        using (lake)
        {
            var retention = new LakeRetention(lake!);
            var reference = asOf ?? retention.NewestMonth() ?? LakeRetention.Month(DateOnly.FromDateTime(now));
            var plan = retention.Plan(reference, keep);
            var dryRun = parse.GetValue(DryRun);
            Print(plan, dryRun);
            if (dryRun || plan.IsEmpty)
            {
                return ExitCodes.Success;
            }

            if (!parse.GetValue(Yes))
            {
                if (Console.IsInputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
                {
                    Console.Error.WriteLine("error: retention deletes the data listed above and cannot be undone; nothing changed. Run again with --yes to confirm (or --dry-run to only look)");
                    return ExitCodes.UsageError;
                }

                if (!AnsiConsole.Confirm("Delete the partitions listed above? This cannot be undone", defaultValue: false))
                {
                    AnsiConsole.WriteLine("nothing changed");
                    return ExitCodes.Success;
                }
            }

            string run;
            try
            {
                // The audit entry rides in the retention's commit: no deletion lands without it.
                run = retention.Apply(plan, now, AuditTrail.OsActor);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                Console.Error.WriteLine($"error: retention stopped: {e.Message}. The lake is unchanged or fully trimmed (journaled commit); run the same command again to complete it");
                return ExitCodes.Failure;
            }

            var problems = LakeConsistency.Check(lake!);

            AnsiConsole.MarkupLineInterpolated($"[green]removed[/] every partition before {plan.OldestKeptMonth}; recorded in row_removals as '{run}'");
            foreach (var problem in problems)
            {
                Console.Error.WriteLine($"error: lake verify after retention: {problem}");
            }

            return problems.Count == 0 ? ExitCodes.Success : ExitCodes.DataError;
        }
    }

    private static void Print(RetentionPlan plan, bool dryRun)
    {
        AnsiConsole.MarkupLineInterpolated(
            $"Retention: keep {plan.KeepMonths} month(s) up to {plan.ReferenceMonth}, i.e. from {plan.OldestKeptMonth}; {(dryRun ? "dry run, nothing changes" : "to delete")}");
        if (plan.IsEmpty)
        {
            AnsiConsole.WriteLine("nothing is older than the horizon");
            return;
        }

        var table = new Table().Title(dryRun ? "Would remove" : "Will remove").AddColumns("layer", "month / file", "files", "rows");
        foreach (var group in plan.LakePartitions.GroupBy(p => (p.Layer, p.PartitionKey)).OrderBy(g => g.Key.Layer, StringComparer.Ordinal).ThenBy(g => g.Key.PartitionKey, StringComparer.Ordinal))
        {
            table.AddRow(group.Key.Layer, group.Key.PartitionKey, $"{group.Count():N0}", $"{group.Sum(p => p.Rows):N0}");
        }

        foreach (var group in plan.GoldPartitions.GroupBy(p => p.Month).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            table.AddRow("gold", $"{group.Key} ({group.Count()} table(s))", $"{group.Count():N0}", $"{group.Sum(p => p.Rows):N0}");
        }

        foreach (var trim in plan.Quarantine)
        {
            table.AddRow("quarantine", Markup.Escape(trim.Partition.Path + (trim.DropsFile ? " (dropped)" : $" (rewritten, {trim.RowsKept:N0} kept)")), "1", $"{trim.RowsRemoved:N0}");
        }

        foreach (var day in plan.PredictionDays)
        {
            table.AddRow("predictions", Markup.Escape($"monitoring/predictions/{day}"), "-", "-");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(
            $"total: bronze {plan.Rows(LakeLayer.Bronze):N0}, silver {plan.Rows(LakeLayer.Silver):N0}, gold {plan.GoldRows:N0}, quarantine {plan.QuarantineRows:N0} row(s)");
    }
}
