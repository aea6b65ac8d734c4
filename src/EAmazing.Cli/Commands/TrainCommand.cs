using System.CommandLine;
using System.Globalization;
using EAmazing.BusinessModels;
using EAmazing.Models.Business;
using EAmazing.Models.Families;
using EAmazing.Models.Registry;
using EAmazing.Privacy;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary>
/// <c>eamazing train NAME</c>: one subcommand per business model of the catalog, each with the lab's options
/// (families, trials, budget, seed, truth) and the model's own parameters.
/// </summary>
public static class TrainCommand
{
    public static readonly Option<string?> Families = new("--families") { Description = $"Comma-separated families (default: all): {string.Join(", ", ModelFamilyCatalog.All.Select(f => f.Name))}" };
    public static readonly Option<string> Budget = new("--budget") { Description = "Wall-clock cap for the hyperparameter search, e.g. 90s, 5m (default: EAmazing:Training:Budget, 5m)", DefaultValueFactory = _ => "5m" };
    public static readonly Option<int> Trials = new("--trials") { Description = "Candidates tried per family (default first)", DefaultValueFactory = _ => 3 };
    public static readonly Option<ulong> Seed = new("--seed") { Description = "Seed for every random choice", DefaultValueFactory = _ => 46 };
    public static readonly Option<string?> Truth = new("--truth") { Description = "Ground-truth folder of a generated dataset, for the oracle (e.g. data/demo/truth)" };

    public static Command Create(BusinessModelCatalog catalog)
    {
        var train = new Command("train", "Train a business model: every family side by side on a temporal split, with report and registry version");
        foreach (var model in catalog.All)
        {
            train.Subcommands.Add(Subcommand(model));
        }

        return train;
    }

    private static Command Subcommand(IBusinessModel model)
    {
        var command = new Command(model.Name, $"{model.Description} ({Kind(model.Kind)}; reads {string.Join(", ", model.Inputs.Select(t => t.ViewName))})");
        foreach (var option in new Option[] { Families, Budget, Trials, Seed, Truth })
        {
            command.Options.Add(option);
        }

        var parameters = model.Parameters.Select(p =>
        {
            var option = new Option<string>("--" + p.Name)
            {
                Description = p.Description + (p.Allowed.Count > 0 ? $" ({string.Join(" | ", p.Allowed)})" : ""),
                DefaultValueFactory = _ => p.Default,
            };
            if (p.Allowed.Count > 0)
            {
                option.AcceptOnlyFromAmong([.. p.Allowed]);
            }

            command.Options.Add(option);
            return (p, option);
        }).ToList();

        command.SetAction(parse =>
        {
            var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
            if (parse.GetValue(GlobalOptions.Models) is { } models)
            {
                settings.Platform.Models = models;
            }

            TrainingSettings training;
            try
            {
                // EAmazing:Training gives the defaults; an option given on the command line wins.
                var configured = settings.Training;
                training = configured with
                {
                    Families = (Given(parse, Families) ? parse.GetValue(Families)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList() : configured.Families)
                        ?.Select(f => model.Families is { } own
                            ? own.Contains(f) ? f : throw new ArgumentException($"unknown family '{f}' for {model.Name}; use any of {string.Join(", ", own)}")
                            : ModelFamilyCatalog.Find(f).Name).ToList(),
                    TrialsPerFamily = Given(parse, Trials) ? parse.GetValue(Trials) : configured.TrialsPerFamily,
                    Budget = Given(parse, Budget) ? ParseBudget(parse.GetValue(Budget)!) : configured.Budget,
                    Seed = Given(parse, Seed) ? parse.GetValue(Seed) : configured.Seed,
                    TruthFolder = parse.GetValue(Truth) ?? configured.TruthFolder,
                    Parameters = parameters.ToDictionary(p => p.p.Name, p => parse.GetValue(p.option) ?? p.p.Default),
                };
            }
            catch (ArgumentException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.UsageError;
            }

            return Execute(settings, model, training);
        });
        return command;
    }

    public static int Execute(CliSettings settings, IBusinessModel model, TrainingSettings training)
    {
        if (!LakeAccess.TryOpen(settings, out var lake))
        {
            return ExitCodes.Failure;
        }

        using (lake)
        {
            // The key is needed only to match a generated world's truth to the lake's pseudonyms (the oracle).
            var pseudonymiser = training.TruthFolder is null
                ? null
                : new Pseudonymiser(PseudonymKeyStore.ForProcess(settings.Platform.PseudonymKeyFile).Resolve().Key);
            var registry = new ModelRegistry(settings.Platform.Models);
            var context = new TrainingContext(lake!, registry, settings.Features, settings.LeakageAudit, pseudonymiser, settings.Privacy.MinGroupSize);
            try
            {
                var outcome = AnsiConsole.Status().Start($"training {model.Name}", ctx =>
                    model.Train(context, training, new SynchronousProgress<string>(s => ctx.Status(s))));
                Print(outcome, registry, settings);
                return CliAudit.Record(settings.Platform.Lake, "train", $"model {outcome.Card.Name} v{outcome.Card.Version}", $"{outcome.Card.Name}: {outcome.Summary}")
                    ? ExitCodes.Success : ExitCodes.Failure;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.UsageError;
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.DataError;
            }
        }
    }

    private static void Print(TrainingOutcome outcome, ModelRegistry registry, CliSettings settings)
    {
        var card = outcome.Card;
        AnsiConsole.MarkupLineInterpolated($"[bold]{card.Name} v{card.Version}[/] ({Kind(card.Kind)}): {card.Task}");
        var table = new Table().AddTextColumns([.. outcome.Comparison.Header]);
        foreach (var row in outcome.Comparison.Rows)
        {
            table.AddTextRow([.. row]);
        }

        AnsiConsole.Write(table);
        foreach (var note in outcome.Notes)
        {
            if (note.IsAlarm)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]ALARM[/] {note.Text}");
            }
            else
            {
                AnsiConsole.WriteLine(note.Text);
            }
        }

        var report = Path.Combine(registry.VersionFolder(card.Name, card.Version), "report", "index.html");
        var run = Path.Combine(settings.Platform.Reports, $"{card.Name}-v{card.Version}");
        if (File.Exists(report))
        {
            Directory.CreateDirectory(run);
            File.Copy(report, Path.Combine(run, "index.html"), overwrite: true);
        }

        AnsiConsole.MarkupLineInterpolated($"best on validation: {card.Family}; report {Path.GetFullPath(Path.Combine(run, "index.html"))}; promote with: eamazing models promote {card.Name} {card.Version}");
    }

    /// <summary>Whether the user gave the option (not its default).</summary>
    private static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    private static string Kind(TaskKind kind) => kind switch
    {
        TaskKind.BinaryClassification => "binary classification",
        TaskKind.Ranking => "ranking",
        TaskKind.Clustering => "clustering",
        TaskKind.Forecast => "forecast",
        TaskKind.Detection => "detection",
        _ => kind.ToString(),
    };

    public static TimeSpan ParseBudget(string text)
    {
        var unit = text.Length > 0 ? text[^1] : ' ';
        if (text.Length > 1 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            switch (unit)
            {
                case 's': return TimeSpan.FromSeconds(n);
                case 'm': return TimeSpan.FromMinutes(n);
                case 'h': return TimeSpan.FromHours(n);
            }
        }

        throw new ArgumentException($"--budget '{text}' is not a duration like 90s, 5m or 1h");
    }
}
