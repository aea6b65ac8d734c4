using System.CommandLine;
using System.Globalization;
using EAmazing.Models.Lab;
using EAmazing.BusinessModels.PurchaseIntent;
using EAmazing.Models.Registry;
using EAmazing.Privacy;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary><c>eamazing train purchase</c>: every model family on a purchase-intent task, side by side.</summary>
public static class TrainCommand
{
    public static readonly Option<string> Task = new("--task") { Description = "cart (cart → purchase) or prefix (session will-buy after k events)", DefaultValueFactory = _ => "cart" };
    public static readonly Option<string?> Families = new("--families") { Description = "Comma-separated families (default: all): prior, onerule, logistic, tree, forest, fasttree, lightgbm, mlp" };
    public static readonly Option<string> Budget = new("--budget") { Description = "Wall-clock cap for the hyperparameter search, e.g. 90s, 5m", DefaultValueFactory = _ => "5m" };
    public static readonly Option<int> Trials = new("--trials") { Description = "Candidates tried per family (default first)", DefaultValueFactory = _ => 3 };
    public static readonly Option<ulong> Seed = new("--seed") { Description = "Seed for every random choice", DefaultValueFactory = _ => 46 };
    public static readonly Option<string?> Truth = new("--truth") { Description = "Ground-truth folder of a generated dataset, for the oracle AUC (e.g. data/demo/truth)" };
    public static readonly Option<double> ConvertedValue = new("--value") { Description = "Business value of a converted cart", DefaultValueFactory = _ => 3 };
    public static readonly Option<double> InterventionCost = new("--cost") { Description = "Cost of one intervention", DefaultValueFactory = _ => 1 };

    public static Command Create()
    {
        var train = new Command("train", "Train models");
        var purchase = new Command("purchase", "Purchase intent: every model family side by side on a temporal split, with report and registry version");
        foreach (var option in new Option[] { Task, Families, Budget, Trials, Seed, Truth, ConvertedValue, InterventionCost })
        {
            purchase.Options.Add(option);
        }

        purchase.SetAction(parse => Run(parse));
        train.Subcommands.Add(purchase);
        return train;
    }

    public static int Run(ParseResult parse)
    {
        var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
        if (parse.GetValue(GlobalOptions.Models) is { } models)
        {
            settings.Platform.Models = models;
        }

        PurchaseIntentTask task;
        TimeSpan budget;
        try
        {
            task = PurchaseIntentTask.Find(parse.GetValue(Task)!);
            budget = ParseBudget(parse.GetValue(Budget)!);
        }
        catch (ArgumentException e)
        {
            parse.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.UsageError;
        }

        var options = new PurchaseIntentOptions
        {
            Families = parse.GetValue(Families)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            TrialsPerFamily = parse.GetValue(Trials),
            Budget = budget,
            Seed = parse.GetValue(Seed),
            Cost = new Models.Evaluation.BusinessCost(parse.GetValue(ConvertedValue), parse.GetValue(InterventionCost)),
            TruthFolder = parse.GetValue(Truth),
        };
        return Execute(settings, task, options);
    }

    public static int Execute(CliSettings settings, PurchaseIntentTask task, PurchaseIntentOptions options)
    {
        if (!LakeAccess.TryOpen(settings, out var lake))
        {
            return ExitCodes.Failure;
        }

        using (lake)
        {
            var key = PseudonymKeyStore.ForProcess(settings.Platform.PseudonymKeyFile).Resolve().Key;
            var registry = new ModelRegistry(settings.Platform.Models);
            try
            {
                var (result, card, audit) = AnsiConsole.Status().Start($"training {task.ModelName}", ctx =>
                    new PurchaseIntentTraining(lake!, registry, new Pseudonymiser(key))
                        .Run(task, options, new SynchronousProgress<string>(s => ctx.Status(s))));
                Print(result, card, audit, registry, settings);
                return CliAudit.Record(settings.Platform.Lake, "train", $"model {card.Name} v{card.Version}",
                    $"{task.ModelName}: rows train {result.TrainRows}, valid {result.ValidationRows}, test {result.TestRows}")
                    ? ExitCodes.Success : ExitCodes.Failure;
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.DataError;
            }
        }
    }

    private static void Print(LabResult result, ModelCard card, LeakageAuditSummary audit, ModelRegistry registry, CliSettings settings)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]{card.Name} v{card.Version}[/]: {result.Split}; rows train {result.TrainRows:N0} / valid {result.ValidationRows:N0} / test {result.TestRows:N0}");
        var table = new Table().AddTextColumns("family", "valid AUC", "test ROC-AUC [95% CI]", "PR-AUC", "log-loss", "F1 @ threshold", "lift top 10%", "vs oracle", "train s");
        foreach (var f in result.Families)
        {
            table.AddTextRow(f.Family + (f == result.Best ? " *" : ""), $"{f.ValidationAuc:0.000}", f.Test.RocAuc.ToString(), $"{f.Test.PrAuc.Estimate:0.000}",
                $"{f.Test.LogLoss.Estimate:0.000}", $"{f.Test.F1.Estimate:0.000} @ {f.Test.Threshold:0.00}", $"{f.Test.LiftTopDecile:0.00}",
                f.OracleRatio?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-", $"{f.TrainingTime.TotalSeconds:0.0}");
        }

        AnsiConsole.Write(table);
        if (result.OracleAuc is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"oracle ROC-AUC on the same test rows: {result.OracleAuc}");
        }

        AnsiConsole.Markup(audit.Passed ? "leakage audit: [green]passed[/] " : "leakage audit: [red]FAILED[/] ");
        AnsiConsole.WriteLine($"({audit.Summary})");
        foreach (var alarm in result.Alarms)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]ALARM[/] {alarm}");
        }

        var report = Path.Combine(registry.VersionFolder(card.Name, card.Version), "report", "index.html");
        var run = Path.Combine(settings.Platform.Reports, $"{card.Name}-v{card.Version}");
        Directory.CreateDirectory(run);
        File.Copy(report, Path.Combine(run, "index.html"), overwrite: true);
        AnsiConsole.MarkupLineInterpolated($"best on validation: {card.Family}; report {Path.GetFullPath(Path.Combine(run, "index.html"))}; promote with: eamazing models promote {card.Name} {card.Version}");
    }

    public static TimeSpan ParseBudget(string text)
    {
        var unit = text[^1];
        if (double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0)
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
