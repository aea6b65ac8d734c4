using System.CommandLine;
using EAmazing.BusinessModels;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary>
/// <c>eamazing score NAME [--as-of DATE]</c>: one subcommand per business model with a batch scorer; applies its champion
/// and writes a pseudonymised gold table. Exit codes: 0 written, 1 lake not openable or audit not recorded, 2 bad option,
/// 3 no champion or no data as of the date (nothing written).
/// </summary>
public static class ScoreCommand
{
    public static readonly Option<string?> AsOf = new("--as-of") { Description = "Score the latest snapshot at or before this day, yyyy-MM-dd (default: the latest)" };

    public static Command Create(BusinessModelCatalog catalog)
    {
        var score = new Command("score", "Apply a business model's champion to the lake and write its gold table (e.g. customer segments)");
        foreach (var model in catalog.All.Where(m => m.BatchScorer is not null))
        {
            var command = new Command(model.Name, $"Write gold.{model.BatchScorer!.Table} with the champion of {string.Join(", ", model.RegistryNames)}");
            command.Options.Add(AsOf);
            command.SetAction(parse => Execute(parse, model, model.BatchScorer));
            score.Subcommands.Add(command);
        }

        return score;
    }

    private static int Execute(ParseResult parse, IBusinessModel model, IBatchScorer scorer)
    {
        var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
        if (parse.GetValue(GlobalOptions.Models) is { } models)
        {
            settings.Platform.Models = models;
        }

        DateOnly? asOf = null;
        if (parse.GetValue(AsOf) is { } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: --as-of '{text}' is not a date like 2019-11-25");
                return ExitCodes.UsageError;
            }

            asOf = day;
        }

        if (!LakeAccess.TryOpen(settings, out var lake))
        {
            return ExitCodes.Failure;
        }

        using (lake)
        {
            try
            {
                var outcome = scorer.Score(lake!, new ModelRegistry(settings.Platform.Models), asOf);
                foreach (var line in outcome.Lines)
                {
                    AnsiConsole.WriteLine(line);
                }

                AnsiConsole.MarkupLineInterpolated($"wrote {outcome.Rows:N0} rows to gold.{outcome.Table} ({outcome.Partition})");
                return CliAudit.Record(settings.Platform.Lake, "score", $"gold.{outcome.Table}", $"{model.Name}: {outcome.Rows} rows into {outcome.Partition}")
                    ? ExitCodes.Success : ExitCodes.Failure;
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.DataError;
            }
        }
    }
}
