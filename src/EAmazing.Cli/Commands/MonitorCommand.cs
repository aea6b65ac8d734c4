using System.CommandLine;
using System.Globalization;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;
using EAmazing.Monitoring.Drift;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary><c>eamazing monitor drift</c>: population stability of a window's features and scores against the champion's training window.</summary>
public static class MonitorCommand
{
    private static readonly Option<string?> Model = new("--model") { Description = "Registry name of the model (default: every model with a champion)" };
    private static readonly Option<DateOnly?> From = new("--from") { Description = "Window start (yyyy-MM-dd, inclusive); default: 7 days before --to" };
    private static readonly Option<DateOnly?> To = new("--to") { Description = "Window end (yyyy-MM-dd, exclusive); default: the day after the gold table's last row" };

    public static Command Create()
    {
        var command = new Command("monitor", "Model monitoring");
        var drift = new Command("drift", "PSI per feature and for the score: OK < 0.1 <= WARN < 0.25 <= ALERT; an alert marks the champion 'retrain due'");
        drift.Options.Add(Model);
        drift.Options.Add(From);
        drift.Options.Add(To);
        drift.SetAction(parse =>
        {
            var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
            var registry = new ModelRegistry(parse.GetValue(GlobalOptions.Models) ?? settings.Platform.Models);
            var names = parse.GetValue(Model) is { } model ? [model] : registry.Names().Where(n => registry.Champion(n) is not null).ToList();
            if (parse.GetValue(Model) is null)
            {
                // Drift is measured on a classifier's features and scores; the other kinds have no monitor yet: say so, skip them.
                var unmonitored = names.Where(n => !IsMonitored(registry.Champion(n)!)).ToList();
                if (unmonitored.Count > 0)
                {
                    AnsiConsole.MarkupLineInterpolated($"[grey]not monitored (drift covers classification and detection models only so far): {string.Join(", ", unmonitored)}[/]");
                    names = names.Except(unmonitored).ToList();
                    if (names.Count == 0)
                    {
                        return ExitCodes.Success;
                    }
                }
            }

            if (names.Count == 0)
            {
                Console.Error.WriteLine($"error: no model in {registry.Root} has a champion: promote a version first (eamazing models promote NAME VERSION)");
                return ExitCodes.DataError;
            }

            var exit = ExitCodes.Success;
            foreach (var name in names)
            {
                var code = Drift(parse, settings, registry, name);
                exit = exit == ExitCodes.Success ? code : exit;
            }

            return exit;
        });
        command.Subcommands.Add(drift);
        return command;
    }

    private static bool IsMonitored(ModelCard card) => card.Kind is TaskKind.BinaryClassification or TaskKind.Detection;

    private static int Drift(ParseResult parse, CliSettings settings, ModelRegistry registry, string name)
    {
        var champion = registry.Champion(name);
        if (champion is not null && !IsMonitored(champion))
        {
            Console.Error.WriteLine($"error: {name} is a {champion.Kind} model; drift monitoring covers classification and detection models only so far");
            return ExitCodes.UsageError;
        }

        DateTime to;
        try
        {
            to = parse.GetValue(To)?.ToDateTime(TimeOnly.MinValue)
                ?? LastGoldDay(settings.Platform.Lake, champion is null ? null : DriftMonitor.GoldInput(champion).Name);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return ExitCodes.DataError;
        }

        var from = parse.GetValue(From)?.ToDateTime(TimeOnly.MinValue) ?? to.AddDays(-7);
        if (from >= to)
        {
            Console.Error.WriteLine("error: --from must be before --to");
            return ExitCodes.UsageError;
        }

        var monitor = new DriftMonitor(settings.Platform.Lake, registry, LakeAccess.Engines);
        DriftReport report;
        try
        {
            report = monitor.Run(name, from, to);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return ExitCodes.DataError;
        }

        var page = DriftReportWriter.Write(settings.Platform.Lake, report);
        var table = new Table().AddTextColumns("column", "kind", "PSI", "level", "reference rows", "window rows", "reference mean", "window mean");
        foreach (var c in report.Columns)
        {
            table.AddTextRow(c.Name, c.Kind, c.Psi.ToString("0.000", CultureInfo.InvariantCulture), c.Level.ToString().ToUpperInvariant(),
                c.ReferenceCount.ToString("N0", CultureInfo.InvariantCulture), c.CurrentCount.ToString("N0", CultureInfo.InvariantCulture),
                c.ReferenceMean.ToString("0.###", CultureInfo.InvariantCulture), c.CurrentMean.ToString("0.###", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"{report.Model} v{report.Version}, window {from:yyyy-MM-dd}..{to:yyyy-MM-dd} vs training {report.ReferenceFrom:yyyy-MM-dd}..{report.ReferenceTo:yyyy-MM-dd}: {report.Level.ToString().ToUpperInvariant()} (max PSI {report.MaxPsi:0.000})");
        AnsiConsole.WriteLine($"report: {page}");
        if (monitor.MarkRetrainDue(report))
        {
            AnsiConsole.WriteLine($"marked {report.Model} v{report.Version} retrain due: {report.RetrainReason}");
        }

        return CliAudit.Record(settings.Platform.Lake, "monitor drift", $"model {report.Model} v{report.Version}",
            $"window {from:yyyy-MM-dd}..{to:yyyy-MM-dd}: {report.Level} (max PSI {report.MaxPsi:0.000})")
            ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>The day after the last month of <paramref name="table"/>'s gold partitions (today when there are none).</summary>
    private static DateTime LastGoldDay(string lake, string? table)
    {
        var folder = Path.Combine(Path.GetFullPath(lake), "gold", table ?? "-");
        var last = Directory.Exists(folder)
            ? Directory.GetDirectories(folder, "month=*").Select(d => Path.GetFileName(d)[6..]).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        return last is not null && DateTime.TryParseExact(last, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.AddMonths(1)
            : DateTime.UtcNow.Date.AddDays(1);
    }
}
