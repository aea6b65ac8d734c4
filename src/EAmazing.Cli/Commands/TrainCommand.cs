using System.CommandLine;
using System.Globalization;
using EAmazing.BusinessModels;
using EAmazing.Lake;
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
    public static readonly Option<string?> Budget = new("--budget") { Description = "Optional wall-clock cap for the hyperparameter search, e.g. 90s, 5m (default: none; a capped run is recorded as not reproducible)" };
    public static readonly Option<int> Trials = new("--trials")
    {
        Description = "Candidates tried per family (default first)",
        DefaultValueFactory = _ => 3,
        Validators = { r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--trials must be at least 1"); } } },
    };
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
        if (UnfinishedRotation.Refuses(settings))
        {
            return ExitCodes.Failure;
        }

        // The leakage audit recomputes gold tables from silver, as features build does: the same engine memory.
        if (!LakeAccess.TryOpen(settings, out var lake, settings.Features.EngineMemoryLimit))
        {
            return ExitCodes.Failure;
        }

        using (lake)
        {
            // Checked before any work: a missing gold table would otherwise surface as an engine error mid-run.
            if (MissingInputs(lake!, model) is { } missing)
            {
                Console.Error.WriteLine($"error: {missing}");
                return ExitCodes.Failure;
            }

            if (OutdatedGold.Problem(lake!, settings.Features, $"train {model.Name}", model.Inputs) is { } outdated)
            {
                Console.Error.WriteLine($"error: {outdated}");
                return ExitCodes.Failure;
            }

            // The key is needed only to match a generated world's truth to the lake's pseudonyms (the oracle).
            Pseudonymiser? pseudonymiser = null;
            if (training.TruthFolder is not null)
            {
                var (key, problem) = OracleKey(lake!, settings);
                if (problem is not null)
                {
                    Console.Error.WriteLine($"error: {problem}");
                    return ExitCodes.UsageError;
                }

                pseudonymiser = new Pseudonymiser(key!.Key);
            }

            var registry = new ModelRegistry(settings.Platform.Models);
            var context = new TrainingContext(lake!, registry, settings.Features, settings.LeakageAudit, pseudonymiser, settings.Privacy.MinGroupSize, settings.Campaign);
            try
            {
                var outcome = TrainingProgress.Show(model.Name, progress => model.Train(context, training, progress));
                Print(outcome, registry, settings);
                return CliAudit.Record(settings.Platform.Lake, "train", $"model {outcome.Card.Name} v{outcome.Card.Version}", $"{outcome.Card.Name}: {outcome.Summary}")
                    ? ExitCodes.Success : ExitCodes.Failure;
            }
            catch (Exception e) when (ModelRunErrors.IsExpected(e))
            {
                return ModelRunErrors.Report(e);
            }
        }
    }

    /// <summary>
    /// The key the oracle matches the world's users to the lake's pseudonyms with, or why it cannot: no key at all (one is never created for
    /// this), or a key other than the one the lake's data was pseudonymised with. With another key every oracle row was
    /// silently empty: a recommender oracle of recall 0 and ratios of infinity on the card.
    /// </summary>
    private static (PseudonymKeyResolution? Key, string? Problem) OracleKey(IGoldEngine lake, CliSettings settings)
    {
        var store = PseudonymKeyStore.ForProcess(settings.Platform.PseudonymKeyFile);
        var lakeKeys = lake.Partitions().Select(p => p.KeyId).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var found = store.Find();
        return (found, found switch
        {
            null => $"--truth: the oracle matches the world's users to the lake by pseudonymising them with the lake's key, and there is no pseudonym key ({store.KeyFile} does not exist): "
                + $"set {PseudonymKeyStore.EnvironmentVariable} or EAmazing:PseudonymKeyFile to the key the lake was ingested with",
            _ when lakeKeys.Count > 0 && !lakeKeys.Contains(found.Key.KeyId) =>
                $"--truth: the oracle matches the world's users to the lake by pseudonymising them with the lake's key, and this process's {found.Describe()} is not the lake's "
                + $"(its data was pseudonymised with key {string.Join(", ", lakeKeys)}): set {PseudonymKeyStore.EnvironmentVariable} or EAmazing:PseudonymKeyFile to that key",
            _ => null,
        });
    }

    /// <summary>What the lake lacks for this model, as the command to run first; null when its gold inputs are there.</summary>
    private static string? MissingInputs(IGoldEngine lake, IBusinessModel model)
    {
        var views = lake.Views().Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var missing = model.Inputs.Select(t => t.ViewName).Where(v => !views.Contains(v)).ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        var root = Path.GetFullPath(lake.Layout.Root);
        return lake.CountRows("SELECT * FROM silver") is 0
            ? $"the lake at {root} holds no events yet: run eamazing ingest FILES, then eamazing features build, then train"
            : $"the lake at {root} has no {string.Join(", ", missing)} yet: run eamazing features build first";
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

        // The report stays in the registry version it describes (never a folder shared by every lake and registry),
        // stamped with the lake and registry it came from.
        var report = Path.Combine(registry.VersionFolder(card.Name, card.Version), "report", "index.html");
        if (File.Exists(report))
        {
            ReportProvenance.Stamp(report, settings.Platform.Lake, settings.Platform.Models, $"{card.Name} v{card.Version}");
        }

        AnsiConsole.MarkupLineInterpolated($"best on validation: {card.Family}; report {Path.GetFullPath(report)}; promote with: ./eamazing models promote {card.Name} {card.Version}");
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
