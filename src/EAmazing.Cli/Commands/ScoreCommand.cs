using System.CommandLine;
using System.Globalization;
using System.Text;
using EAmazing.BusinessModels;
using EAmazing.Features;
using EAmazing.Foundation.Files;
using EAmazing.Lake;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;

namespace EAmazing.Cli.Commands;

/// <summary>
/// <c>eamazing score NAME [--as-of DATE] [--csv FILE]</c>: one subcommand per batch scorer of the catalog, each applying
/// its model's champion and writing a pseudonymised gold partition; <c>--csv</c> also exports it for a CRM (pseudonyms
/// only). Exit codes: 0 written, 1 lake not openable, gold inputs not current with silver (features build first), storage
/// failure or audit not recorded, 2 bad option or unusable date, 3 no champion or no data as of the date (nothing written).
/// </summary>
public static class ScoreCommand
{
    public static readonly Option<string?> AsOf = new("--as-of") { Description = "Score as of this day, yyyy-MM-dd (default: the latest the lake allows)" };

    public static readonly Option<string?> Csv = new("--csv") { Description = "Also write the scored rows to this CSV file for a CRM (pseudonyms only, outside the lake)" };

    public static Command Create(BusinessModelCatalog catalog)
    {
        var score = new Command("score", "Apply a business model's champion to the lake and write its pseudonymised gold table (customer segments, customer value, churn)");
        foreach (var model in catalog.All.Where(m => m.BatchScorer is not null))
        {
            var scorer = model.BatchScorer!;
            var command = new Command(scorer.Name, $"{scorer.Description} (writes {scorer.Table.ViewName})");
            command.Options.Add(AsOf);
            command.Options.Add(Csv);
            command.SetAction(parse => Execute(parse, scorer, model.Inputs));
            score.Subcommands.Add(command);
        }

        return score;
    }

    private static int Execute(ParseResult parse, IBatchScorer scorer, IReadOnlyList<GoldTable> inputs)
    {
        var settings = GoldWriteRun.Settings(parse);
        DateOnly? asOf = null;
        if (parse.GetValue(AsOf) is { } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                Console.Error.WriteLine($"error: --as-of '{text}' is not a date like 2019-11-25");
                return ExitCodes.UsageError;
            }

            asOf = day;
        }

        var csv = parse.GetValue(Csv) is { } given ? Path.GetFullPath(given) : null;
        var lakeRoot = LakeLayout.At(settings.Platform.Lake).Root;
        if (csv is not null && (csv.StartsWith(lakeRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Directory.Exists(csv)))
        {
            Console.Error.WriteLine($"error: --csv {csv} is inside the lake or a folder; give a file name outside {lakeRoot}");
            return ExitCodes.UsageError;
        }

        if (UnfinishedRotation.Refuses(settings))
        {
            return ExitCodes.Failure;
        }

        if (!LakeAccess.TryOpen(settings, out var opened))
        {
            return ExitCodes.Failure;
        }

        using var lake = opened!;
        if (OutdatedGold.Problem(lake, settings.Features, $"score {scorer.Name}", inputs) is { } outdated)
        {
            Console.Error.WriteLine($"error: {outdated}");
            return ExitCodes.Failure;
        }

        var context = new BatchScoringContext(lake, new ModelRegistry(settings.Platform.Models), settings.Campaign);
        if (GoldWriteRun.Run($"scoring {scorer.Name}", "scoring", scorer.Table.ViewName, progress =>
            {
                var scored = scorer.Score(context, asOf, progress);
                if (csv is not null)
                {
                    ExportCsv(lake, scored, csv);
                }

                return scored;
            }, out var written, csv is null ? "" : $"; CSV for the CRM: {csv}") is { } failed)
        {
            return failed;
        }

        var outcome = written!;
        return CliAudit.Record(settings.Platform.Lake, "score", $"{scorer.Table.ViewName} {outcome.Partition}", $"{scorer.Name}: {outcome.Rows} rows" + (csv is null ? "" : ", exported to CSV"))
            ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>The partition as CSV, written atomically; its rows hold pseudonyms, never raw ids.</summary>
    private static void ExportCsv(IGoldEngine lake, BatchScoreOutcome outcome, string path)
    {
        var rows = lake.Compute($"SELECT * FROM {LakeSql.ReadParquet(lake.Layout.Full(outcome.Partition))} ORDER BY 1");
        AtomicFile.WriteText(path, writer =>
        {
            writer.Write(string.Join(',', rows.Columns) + "\n");
            foreach (var row in rows.Rows)
            {
                writer.Write(string.Join(',', row.Select(Cell)) + "\n");
            }
        }, new UTF8Encoding(false));
    }

    private static string Cell(object? value) => value switch
    {
        null or DBNull => "",
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
