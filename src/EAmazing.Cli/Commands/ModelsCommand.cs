using System.CommandLine;
using System.Text.Json;
using EAmazing.BusinessModels;
using EAmazing.Models.Registry;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary><c>eamazing models list|show|compare|promote</c>: the model registry.</summary>
public static class ModelsCommand
{
    private static readonly Argument<string> Name = new("name") { Description = "Registry name of the model (eamazing models list shows them)" };
    private static readonly Argument<int> Version = new("version") { Description = "Version number" };
    private static readonly Argument<int[]> Versions = new("versions") { Description = "Versions to compare", Arity = ArgumentArity.OneOrMore };
    private static readonly Option<bool> Force = new("--force") { Description = "Promote even when a gate fails (recorded in the card's status change only)" };
    private static readonly Option<bool> AsJson = new("--json") { Description = "Print the card as JSON" };

    public static Command Create(BusinessModelCatalog catalog)
    {
        var command = new Command("models", "List, inspect, compare and promote registered model versions");

        var list = new Command("list", "Every model and version with its family, primary test metric, baselines and status");
        list.SetAction(parse => ListVersions(Open(parse)));
        command.Subcommands.Add(list);

        var show = new Command("show", "One version's model card");
        show.Arguments.Add(Name);
        show.Arguments.Add(Version);
        show.Options.Add(AsJson);
        show.SetAction(parse => Show(Open(parse), parse.GetValue(Name)!, parse.GetValue(Version), parse.GetValue(AsJson)));
        command.Subcommands.Add(show);

        var compare = new Command("compare", "Versions side by side");
        compare.Arguments.Add(Name);
        compare.Arguments.Add(Versions);
        compare.SetAction(parse => Compare(Open(parse), parse.GetValue(Name)!, parse.GetValue(Versions)!));
        command.Subcommands.Add(compare);

        var promote = new Command("promote", "Make a version champion if it passes the gates");
        promote.Arguments.Add(Name);
        promote.Arguments.Add(Version);
        promote.Options.Add(Force);
        promote.SetAction(parse => Promote(Open(parse), catalog, parse.GetValue(Name)!, parse.GetValue(Version), parse.GetValue(Force)));
        command.Subcommands.Add(promote);
        return command;
    }

    private static ModelRegistry Open(ParseResult parse)
    {
        var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
        return new ModelRegistry(parse.GetValue(GlobalOptions.Models) ?? settings.Platform.Models);
    }

    private static int ListVersions(ModelRegistry registry)
    {
        if (!registry.Names().Any())
        {
            // An empty table alone does not say that the registry looked for was another folder than the user meant.
            AnsiConsole.WriteLine($"no model in {registry.Root} yet: train one with ./eamazing train NAME, or pass --models DIR (default: EAmazing:Models, env EAMAZING__MODELS)");
            return ExitCodes.Success;
        }

        var table = new Table().AddTextColumns("model", "version", "family", "primary test metric", "baselines", "audit", "status", "created");
        foreach (var name in registry.Names())
        {
            foreach (var c in registry.Versions(name))
            {
                table.AddTextRow(c.Name, c.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Family, c.Primary?.ToString() ?? "-",
                    string.Join(", ", c.Baselines.Select(kv => $"{kv.Key} {kv.Value:0.000}")), c.LeakageAudit.Passed ? "passed" : "FAILED",
                    c.Status.ToString().ToLowerInvariant() + (c.RetrainReasons.Count > 0 ? " (retrain due)" : ""), $"{c.CreatedAt:yyyy-MM-dd HH:mm}");
            }
        }

        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }

    private static int Show(ModelRegistry registry, string name, int version, bool json)
    {
        if (!TryGet(registry, name, version, out var card))
        {
            return ExitCodes.UsageError;
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(card, ModelRegistry.Json));
            return ExitCodes.Success;
        }

        var table = new Table().AddTextColumns("field", "value");
        table.AddTextRow("model", $"{card!.Name} v{card.Version} ({card.Status.ToString().ToLowerInvariant()})");
        table.AddTextRow("kind / task / family", $"{card.Kind} / {card.Task} / {card.Family}");
        table.AddTextRow("gold inputs", card.GoldInputs.Count == 0 ? "-" : string.Join(", ", card.GoldInputs));
        table.AddTextRow("hyperparameters", string.Join(", ", card.Hyperparameters.Select(kv => $"{kv.Key}={kv.Value}")));
        table.AddTextRow("features", string.Join(", ", card.Features));
        table.AddTextRow("data window", $"train {card.Data.TrainFrom:yyyy-MM-dd}.., valid {card.Data.ValidFrom:yyyy-MM-dd}.., test {card.Data.TestFrom:yyyy-MM-dd}..{card.Data.TestTo.AddDays(-1):yyyy-MM-dd}");
        table.AddTextRow("rows", $"train {card.Data.TrainRows:N0} (positive {card.Data.TrainPositiveRate:0.000}), valid {card.Data.ValidationRows:N0}, test {card.Data.TestRows:N0}");
        foreach (var estimate in card.Estimates)
        {
            table.AddTextRow("test " + estimate.Name + (estimate.Name == card.PrimaryMetric ? " (primary)" : ""), estimate.Value.ToString());
        }

        if (card.Metrics is { } m)
        {
            table.AddTextRow("Brier / calibration error", $"{m.Brier:0.0000} / {m.CalibrationError:0.0000}");
            table.AddTextRow("threshold (business cost)", $"{m.Threshold:0.000}" + (card.Cost is { } cost ? $" (value {cost.ConvertedValue}, cost {cost.InterventionCost})" : ""));
            table.AddTextRow("precision / recall", $"{m.Precision:0.000} / {m.Recall:0.000}");
            table.AddTextRow("lift top decile", $"{m.LiftTopDecile:0.00}");
        }

        table.AddTextRow("baselines", string.Join(", ", card.Baselines.Select(kv => $"{kv.Key} {kv.Value:0.000}")));
        table.AddTextRow("oracle", card.Oracle?.ToString() ?? "-");
        table.AddTextRow("leakage audit", $"{(card.LeakageAudit.Passed ? "passed" : "FAILED")}: {card.LeakageAudit.Summary}");
        table.AddTextRow("alarms", card.Alarms.Count == 0 ? "none" : string.Join("; ", card.Alarms));
        table.AddTextRow("seed / code / training", $"{card.Seed} / {card.CodeVersion} / {card.TrainingSeconds:0.0} s");
        table.AddTextRow("report", Path.Combine(registry.VersionFolder(card.Name, card.Version), "report", "index.html"));
        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }

    private static int Compare(ModelRegistry registry, string name, int[] versions)
    {
        var cards = new List<ModelCard>();
        foreach (var v in versions)
        {
            if (!TryGet(registry, name, v, out var c))
            {
                return ExitCodes.UsageError;
            }

            cards.Add(c!);
        }

        var metrics = cards.SelectMany(c => c.Estimates.Select(e => e.Name)).Distinct().ToList();
        var table = new Table().AddTextColumns(["version", "family", .. metrics.Select(m => "test " + m), "threshold", "test window", "status"]);
        foreach (var c in cards)
        {
            table.AddTextRow([c.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Family,
                .. metrics.Select(m => c.Estimates.FirstOrDefault(e => e.Name == m)?.Value.ToString() ?? "-"),
                c.Metrics is null ? "-" : $"{c.Threshold:0.000}",
                $"{c.Data.TestFrom:yyyy-MM-dd}..{c.Data.TestTo.AddDays(-1):yyyy-MM-dd}", c.Status.ToString().ToLowerInvariant()]);
        }

        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }

    private static int Promote(ModelRegistry registry, BusinessModelCatalog catalog, string name, int version, bool force)
    {
        if (!TryGet(registry, name, version, out _))
        {
            return ExitCodes.UsageError;
        }

        // The owning business model's evaluator holds its kind's gates; a name no model owns gets the common ones.
        var evaluator = catalog.OwnerOf(name)?.Evaluator;
        var decision = registry.Promote(name, version, force, evaluator is null ? null : evaluator.Evaluate);
        foreach (var reason in decision.Reasons)
        {
            AnsiConsole.WriteLine(" - " + reason);
        }

        if (decision.Allowed)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]{name} v{version} is now champion[/]");
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{name} v{version} not promoted: a gate failed[/]");
        }
        return decision.Allowed ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static bool TryGet(ModelRegistry registry, string name, int version, out ModelCard? card)
    {
        card = registry.Versions(name).FirstOrDefault(c => c.Version == version);
        if (card is null)
        {
            Console.Error.WriteLine($"error: no version {version} of model '{name}' in {registry.Root}");
        }

        return card is not null;
    }
}
