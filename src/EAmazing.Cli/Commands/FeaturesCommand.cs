using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EAmazing.BusinessModels;
using EAmazing.Features;
using EAmazing.Features.Leakage;
using EAmazing.Lake;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary><c>eamazing features build|status|audit</c>: the gold layer of point-in-time feature and label tables.</summary>
public static class FeaturesCommand
{
    public static readonly Option<DateOnly?> From = new("--from") { Description = "Build the months from the one holding this date (yyyy-MM-dd); default: the first" };

    public static readonly Option<DateOnly?> To = new("--to") { Description = "Build the months up to the one holding this date (yyyy-MM-dd); default: the last" };

    public static readonly Option<string[]> Tables = new("--table")
    {
        Description = $"Only these gold tables: {string.Join(", ", GoldTables.All.Select(t => t.Name))} (default: those a business model reads and those built before)",
        AllowMultipleArgumentsPerToken = true,
    };

    public static readonly Option<bool> Json = new("--json") { Description = "Print the result as JSON" };

    public static readonly Option<string> AuditTable = new("--table") { Description = "Gold table to audit", Required = true };

    public static readonly Option<string> AuditMonth = new("--month") { Description = "Month to audit (yyyy-MM)", Required = true };

    public static readonly Option<double?> Threshold = new("--threshold") { Description = "Single-feature ROC-AUC that flags a feature (default 0.9)" };

    public static readonly Option<int?> Sample = new("--sample") { Description = "As-of times at which rows are recomputed from the past alone (default 30)" };

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static Command Create(BusinessModelCatalog catalog)
    {
        var build = new Command("build", "Build the gold tables from silver, recomputing only the months whose inputs changed");
        build.Options.Add(From);
        build.Options.Add(To);
        build.Options.Add(Tables);
        build.SetAction(parse => Build(parse, catalog));

        var status = new Command("status", "Show the gold partitions, their rows and what a build would recompute");
        status.Options.Add(Json);
        status.SetAction(parse => Status(parse, catalog));

        var audit = new Command("audit", "Leakage audit of one gold table's month: future invariance and single-feature ROC-AUC against each label");
        audit.Options.Add(AuditTable);
        audit.Options.Add(AuditMonth);
        audit.Options.Add(Threshold);
        audit.Options.Add(Sample);
        audit.Options.Add(Json);
        audit.SetAction(parse => Audit(parse));

        var command = new Command("features", "Gold layer: point-in-time feature and label tables for every business model");
        command.Subcommands.Add(build);
        command.Subcommands.Add(status);
        command.Subcommands.Add(audit);
        return command;
    }

    public static int Build(ParseResult parse, BusinessModelCatalog catalog)
    {
        var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
        var options = settings.Features;
        if (!TryTables(parse.GetValue(Tables), out var tables))
        {
            return ExitCodes.UsageError;
        }

        if (parse.GetValue(From) is { } from && parse.GetValue(To) is { } to && from > to)
        {
            Console.Error.WriteLine("error: --from is after --to");
            return ExitCodes.UsageError;
        }

        if (UnfinishedRotation.Refuses(settings))
        {
            return ExitCodes.Failure;
        }

        if (!LakeAccess.TryOpen(settings, out var lake, options.EngineMemoryLimit, keepMemory: true))
        {
            return ExitCodes.Failure;
        }

        using (lake)
        {
            var builder = new FeatureBuilder(lake!, options);
            if (builder.SilverInputs().Count == 0)
            {
                Console.Error.WriteLine("error: the lake holds no silver data yet; run `eamazing ingest` first");
                return ExitCodes.DataError;
            }

            tables ??= Maintained(lake!, catalog);
            var request = new FeatureBuildRequest(parse.GetValue(From), parse.GetValue(To), tables);

            AnsiConsole.MarkupLineInterpolated($"Building gold tables in [bold]{lake!.Layout.Root}[/]");
            FeatureBuildResult result;
            try
            {
                result = builder.Build(request, new SynchronousProgress<GoldStep>(s =>
                    AnsiConsole.MarkupLineInterpolated($"  {s.Table,-24} {s.Month}  [{(s.Action == GoldAction.Build ? "green" : "grey")}]{s.Action,-8}[/] {s.Rows,12:N0} rows  {s.BuildMs / 1000.0,7:N1} s")));
            }
            catch (DbException e)
            {
                // Partitions finished before the failure are kept and recorded; a re-run continues from them.
                Console.Error.WriteLine($"error: the gold build failed in the engine: {e.Message.Split('\n')[0]} " +
                    $"(memory limit {options.EngineMemoryLimit}; raise EAmazing:Features:EngineMemoryLimit or build fewer tables with --table)");
                return ExitCodes.Failure;
            }

            if (!CliAudit.Record(settings.Platform.Lake, "features build", "gold " + string.Join(",", tables.Select(t => t.Name)),
                $"{result.Built} partition(s) built, {result.UpToDate} up to date, {result.Removed} removed"))
            {
                return ExitCodes.Failure;
            }

            AnsiConsole.MarkupLineInterpolated(
                $"{result.Built} partition(s) built, {result.UpToDate} up to date, {result.Removed} removed in {result.Seconds:N1} s; views: {string.Join(", ", Views(lake!))}");
            if (parse.GetValue(Tables) is not { Length: > 0 } && GoldTables.All.Except(tables).Select(t => t.Name).ToList() is { Count: > 0 } unbuilt)
            {
                AnsiConsole.MarkupLineInterpolated($"not built, as no business model reads them: {string.Join(", ", unbuilt)} (features build --table NAME builds one, and every later build keeps it current)");
            }

            return ExitCodes.Success;
        }
    }

    private static IEnumerable<string> Views(IGoldEngine lake)
    {
        var views = lake.Views().Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        return GoldTables.All.Select(t => t.ViewName).Where(views.Contains);
    }

    /// <summary>
    /// The tables a build without <c>--table</c> keeps current: those a business model of the catalog reads (the plan adds
    /// what they read of earlier months), and every table the lake holds already, so that a table once built (e.g. with
    /// <c>--table items</c>) stays current and follows retention and erasure. The tables no model reads (items,
    /// item_first_days, item_transitions: 47 of a month's 154 s at month scale) are built only when asked for.
    /// </summary>
    public static IReadOnlyList<GoldTable> Maintained(IGoldEngine lake, BusinessModelCatalog catalog)
    {
        var names = catalog.ReadTables.Select(t => t.Name).Concat(new GoldCatalog(lake).Partitions().Select(p => p.Table)).ToHashSet(StringComparer.Ordinal);
        return GoldTables.All.Where(t => names.Contains(t.Name)).ToList();
    }

    public static int Status(ParseResult parse, BusinessModelCatalog catalog)
    {
        var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
        if (!LakeAccess.TryOpen(settings, out var lake))
        {
            return ExitCodes.Failure;
        }

        using (lake)
        {
            var partitions = new GoldCatalog(lake!).Partitions();
            var plan = new FeatureBuilder(lake!, settings.Features).Plan(new FeatureBuildRequest(Tables: Maintained(lake!, catalog)));
            if (parse.GetValue(Json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { Partitions = partitions, Plan = plan }, JsonOptions));
                return ExitCodes.Success;
            }

            var table = new Table().Title("Gold partitions").AddColumns("table", "month", "rows", "bytes", "built (UTC)", "build s", "next build", "silver months read");
            foreach (var step in plan)
            {
                var p = partitions.FirstOrDefault(x => x.Table == step.Table && x.Month == step.Month);
                table.AddRow(step.Table, step.Month, p is null ? "-" : $"{p.Rows:N0}", p is null ? "-" : $"{p.Bytes:N0}",
                    p is null ? "-" : p.BuiltAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), p is null ? "-" : $"{p.BuildMs / 1000.0:N1}",
                    Markup.Escape(step.Action == GoldAction.UpToDate ? "up to date" : $"{step.Action}: {step.Reason}"),
                    p is null ? "-" : string.Join(" ", p.Inputs.Split('\n').Select(i => i.Split('@')[0].Replace("silver/month=", "", StringComparison.Ordinal).Replace("/events.parquet", "", StringComparison.Ordinal))));
            }

            AnsiConsole.Write(table);
            return ExitCodes.Success;
        }
    }

    public static int Audit(ParseResult parse)
    {
        var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
        var table = GoldTables.Find(parse.GetValue(AuditTable)!);
        if (table is null)
        {
            Console.Error.WriteLine($"error: no gold table {parse.GetValue(AuditTable)}; known: {string.Join(", ", GoldTables.All.Select(t => t.Name))}");
            return ExitCodes.UsageError;
        }

        // The command line wins over configuration.
        var configured = settings.LeakageAudit;
        var auditOptions = configured with
        {
            AucThreshold = parse.GetValue(Threshold) ?? configured.AucThreshold,
            SampleCutoffs = parse.GetValue(Sample) ?? configured.SampleCutoffs,
        };
        if (!LakeAccess.TryOpen(settings, out var lake))
        {
            return ExitCodes.Failure;
        }

        using (lake)
        {
            var month = parse.GetValue(AuditMonth)!;
            var builder = new FeatureBuilder(lake!, settings.Features);
            var silver = builder.SilverInputs();
            if (silver.All(s => s.Month != month))
            {
                Console.Error.WriteLine($"error: the lake holds no silver month {month}");
                return ExitCodes.UsageError;
            }

            LeakageAuditResult result;
            try
            {
                result = new LeakageAudit(lake!, builder, auditOptions).Run(table, month, silver);
            }
            catch (InvalidOperationException e)
            {
                // e.g. the cart points recomputed over earlier months' gold sessions that were never built
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.DataError;
            }

            // Rows built before silver changed (an erasure, a new month) differ from their recomputation without any leak.
            if (builder.Plan(new FeatureBuildRequest(Tables: [table]), silver)
                    .FirstOrDefault(s => s.Table == table.Name && s.Month == month && s.Action != GoldAction.UpToDate) is { } outdated)
            {
                Console.Error.WriteLine($"warning: {table.Name} {month} is not current with silver ({outdated.Reason}): a difference from its recomputation may be "
                    + "staleness rather than leakage; eamazing features build makes it current");
            }

            if (!CliAudit.Record(settings.Platform.Lake, "features audit", $"{table.ViewName} {month}", result.Passed ? "passed" : "failed"))
            {
                return ExitCodes.Failure;
            }

            if (parse.GetValue(Json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(result, JsonOptions));
            }
            else
            {
                Print(result);
            }

            return result.Passed ? ExitCodes.Success : ExitCodes.DataError;
        }
    }

    private static void Print(LeakageAuditResult result)
    {
        var i = result.Invariance;
        AnsiConsole.MarkupLineInterpolated($"Future invariance of {result.Table} {result.Month}: {i.RowsChecked} row(s) at {i.Recomputations} as-of time(s) recomputed from the past alone: [{(i.Passed ? "green" : "red")}]{(i.Passed ? "passed" : $"{i.Violations.Count} difference(s)")}[/]");
        foreach (var v in i.Violations.Take(20))
        {
            AnsiConsole.MarkupLineInterpolated($"  [red]{v.Row}: {v.Column} {v.Built} → {v.Recomputed}[/]");
        }

        foreach (var scan in result.Scans)
        {
            var table = new Table().Title($"Single-feature ROC-AUC against {scan.Label} ({scan.Rows:N0} rows, {scan.Positives:N0} positive; flag at {scan.Threshold:N2})")
                .AddColumns("feature", "AUC", "max(AUC, 1-AUC)", "verdict");
            foreach (var f in scan.Features)
            {
                table.AddRow(f.Feature, double.IsNaN(f.Auc) ? "-" : $"{f.Auc:N3}", double.IsNaN(f.Auc) ? "-" : $"{f.Separation:N3}",
                    f.Suspicious ? "[red]suspicious[/]" : f.Judged ? "ok" : "too few rows");
            }

            AnsiConsole.Write(table);
        }

        AnsiConsole.MarkupLine(result.Passed ? "[green]Leakage audit passed[/]" : $"[red]Leakage audit failed: {Markup.Escape(string.Join(", ", result.OffendingFeatures))}[/]");
    }

    private static bool TryTables(string[]? names, out IReadOnlyList<GoldTable>? tables)
    {
        tables = null;
        if (names is null || names.Length == 0)
        {
            return true;
        }

        var unknown = names.Where(n => GoldTables.Find(n) is null).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"error: unknown gold table(s) {string.Join(", ", unknown)}; known: {string.Join(", ", GoldTables.All.Select(t => t.Name))}");
            return false;
        }

        tables = names.Select(n => GoldTables.Find(n)!).ToList();
        return true;
    }
}
