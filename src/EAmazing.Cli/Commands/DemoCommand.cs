using System.CommandLine;
using System.Globalization;
using EAmazing.Api.Scoring;
using EAmazing.BusinessModels;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;
using EAmazing.Sources.Synthetic;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary>
/// <c>eamazing demo</c>: the whole pipeline end to end on a generated dataset: generate, check realism,
/// ingest into the lake, build the gold layer, train every business model of the catalog (every family side by
/// side), promote each new version through the gates and list the registry. Each step is the same command a user would run.
/// </summary>
public static class DemoCommand
{
    public static readonly Option<GenerationScale> Scale = new("--scale")
    {
        Description = "Scale of the generated dataset",
        DefaultValueFactory = _ => GenerationScale.Demo,
    };

    public static readonly Option<bool> WriteReadme = new("--write-readme")
    {
        Description = "Afterwards, replace the <!-- demo:results --> block of ./README.md with this run's results, time and machine",
    };

    public static Command Create(BusinessModelCatalog catalog)
    {
        var command = new Command("demo", "Run everything end to end on a generated dataset (demo scale: ~2M events, Oct–Nov 2019)");
        command.Options.Add(Scale);
        command.Options.Add(GenerateCommand.Seed);
        command.Options.Add(GenerateCommand.Out);
        command.Options.Add(WriteReadme);
        command.SetAction(async parse =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var readme = Path.GetFullPath("README.md");
            // Checked before the run: a missing block found after minutes of work would waste them.
            if (parse.GetValue(WriteReadme) && !(File.Exists(readme) && File.ReadAllText(readme).Contains($"<!-- {DemoResults.BlockName} -->", StringComparison.Ordinal)))
            {
                Console.Error.WriteLine($"error: --write-readme: no README.md with a <!-- {DemoResults.BlockName} --> block in {Path.GetDirectoryName(readme)} (run it from the clone's folder)");
                return ExitCodes.UsageError;
            }

            var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
            var data = Path.GetFullPath(parse.GetValue(GenerateCommand.Out) ?? Path.Combine(settings.Platform.DataDirectory, "demo"));
            var lake = Path.GetFullPath(settings.Platform.Lake);

            // --models reaches every step, so a demo in a fresh folder never decides on an earlier run's registry.
            settings.Platform.Models = Path.GetFullPath(parse.GetValue(GlobalOptions.Models) ?? settings.Platform.Models);
            var modelsRoot = settings.Platform.Models;
            var options = new GeneratorOptions { Scale = parse.GetValue(Scale), Seed = parse.GetValue(GenerateCommand.Seed), OutputDirectory = data };

            // Six fixed steps, then a training and a promotion per business model, and a scoring for each with a batch scorer or forecast table.
            var models = catalog.All;
            var total = 6 + 2 * models.Count + models.Count(m => m.BatchScorer is not null) + models.Count(m => m.ForecastWriter is not null) + models.Count(m => m.DetectionWriter is not null);
            Step($"1/{total} generate a synthetic REES46 world");
            var summary = GenerateCommand.Execute(options);
            Step($"2/{total} realism: generated vs real");
            RealismCommand.Print(summary.OutputDirectory, SampleFiles.RealHead);

            string[][] steps =
            [
                [$"3/{total} ingest into the lake", "ingest", data, "--lake", lake],
                [$"4/{total} lake status", "lake", "status", "--lake", lake],
                [$"5/{total} build the gold layer", "features", "build", "--lake", lake],
            ];
            foreach (var step in steps)
            {
                if (await Run(step) is var code and not ExitCodes.Success)
                {
                    return code;
                }
            }

            var registry = new ModelRegistry(settings.Platform.Models);
            var number = 6;
            foreach (var model in models)
            {
                string[] train =
                [
                    $"{number++}/{total} train {model.Name}: every family side by side", "train", model.Name,
                    "--truth", Path.Combine(data, "truth"), "--trials", model.Demo.TrialsPerFamily.ToString(CultureInfo.InvariantCulture), "--lake", lake, "--models", modelsRoot,
                    .. model.Demo.Parameters.SelectMany(p => new[] { "--" + p.Key, p.Value }),
                    .. model.Demo.Families is { } families ? new[] { "--families", string.Join(',', families) } : [],
                ];
                var trained = await Run(train, stop: false);
                if (trained is ExitCodes.UsageError or ExitCodes.DataError)
                {
                    // The generated world's days do not fit this model (the tiny scale's one month holds no holdout window for
                    // customer value, no 28-day churn label): its message is above; the demo goes on with the other models.
                    AnsiConsole.MarkupLineInterpolated($"[yellow]{model.Name} cannot be trained on this world's days (see above): its promotion and scoring are skipped, the demo goes on[/]");
                    Skip($"promote the new {model.Demo.RegistryName} through the gates", $"{model.Name} was not trained");
                    SkipOutputs(model, $"{model.Name} was not trained");
                    if (model.DetectionWriter is { } untrained)
                    {
                        Skip($"detect {untrained.Subject} into {untrained.Table.ViewName}", $"{model.Name} was not trained");
                    }

                    continue;
                }

                if (trained != ExitCodes.Success)
                {
                    Stopped(train, trained);
                    return trained;
                }

                // A gate may refuse the new version (e.g. a rerun that is not better than the champion): that is
                // the registry working, not a failed demo; the current champion stays and the reasons are printed.
                Step($"{number++}/{total} promote the new {model.Demo.RegistryName} through the gates");
                var latest = registry.Versions(model.Demo.RegistryName).Last();
                if (registry.WindowUses(latest.Name).FirstOrDefault(u => u.Overlaps(latest.Data.TestFrom, latest.Data.TestTo)) is { } decided)
                {
                    // A second demo in the same folder trains on the same days: the window rule refuses it, by design.
                    AnsiConsole.MarkupLineInterpolated($"[yellow]an earlier run in this folder already decided a promotion on test window {decided} (v{decided.Version}): a test window decides once, so v{latest.Version} is refused and the champion stays (run the demo in a fresh folder, or train again when newer days are in the lake)[/]");
                }

                var promoted = await EAmazingCli.RunAsync(["models", "promote", latest.Name, latest.Version.ToString(CultureInfo.InvariantCulture), "--models", modelsRoot], catalog: catalog);
                if (promoted != ExitCodes.Success)
                {
                    var champion = registry.Champion(latest.Name);
                    AnsiConsole.MarkupLineInterpolated($"[yellow]the gates kept {(champion is null ? "no champion" : $"v{champion.Version} as champion")}; see the reasons above[/]");
                }

                // A detector's thresholds are fixed (set on seeded worlds): it detects whether or not its version won the gates.
                if (model.DetectionWriter is { } detector
                    && await Run([$"{number++}/{total} detect {detector.Subject} into {detector.Table.ViewName}", "detect", detector.Subject, "--lake", lake, "--models", modelsRoot]) is var detected and not ExitCodes.Success)
                {
                    return detected;
                }

                if (registry.Champion(model.Demo.RegistryName) is null)
                {
                    SkipOutputs(model, $"{model.Demo.RegistryName} has no champion");
                    continue;
                }

                if (model.BatchScorer is { } scorer
                    && await Run([$"{number++}/{total} score {scorer.Name} into {scorer.Table.ViewName}", "score", scorer.Name, "--lake", lake, "--models", modelsRoot]) is var scored and not ExitCodes.Success)
                {
                    return scored;
                }

                if (model.ForecastWriter is { } writer
                    && await Run([$"{number++}/{total} forecast into {writer.Table.ViewName}", "forecast", "--lake", lake, "--models", modelsRoot,
                        // The demo trains at the horizon its short world can backtest; it forecasts that far, not the default 28 days.
                        .. model.Demo.Parameters.TryGetValue("horizon", out var horizon) ? new[] { "--horizon", horizon } : []]) is var forecast and not ExitCodes.Success)
                {
                    return forecast;
                }
            }

            // A skipped step keeps its number, so the steps count up to the total whatever the gates decide.
            void Skip(string title, string reason) => Step($"{number++}/{total} {title} (skipped: {reason})");

            void SkipOutputs(IBusinessModel model, string reason)
            {
                if (model.BatchScorer is { } scorer)
                {
                    Skip($"score {scorer.Name} into {scorer.Table.ViewName}", reason);
                }

                if (model.ForecastWriter is { } writer)
                {
                    Skip($"forecast into {writer.Table.ViewName}", reason);
                }
            }

            async Task<int> Run(string[] step, bool stop = true)
            {
                Step(step[0]);
                var code = await EAmazingCli.RunAsync(step[1..], catalog: catalog);
                if (stop && code != ExitCodes.Success)
                {
                    Stopped(step, code);
                }

                return code;
            }

            Step($"{total}/{total} the model registry");
            var listed = await EAmazingCli.RunAsync(["models", "list", "--models", modelsRoot], catalog: catalog);
            if (listed != ExitCodes.Success)
            {
                return listed;
            }

            var samples = new List<SamplePrediction>();
            foreach (var model in models.Where(m => m.Scorer is { } s && registry.Champion(s.DefaultModel) is not null))
            {
                Step($"sample prediction: POST /v1{model.Scorer!.Endpoint.Route} through the serving pipeline, in process");
                var sample = await SamplePrediction.ScoreAsync(ServeCommand.Arguments(settings, settings.Platform.Models), model, model.Scorer.Endpoint.Example);
                AnsiConsole.WriteLine(sample.Request);
                AnsiConsole.WriteLine($"→ {sample.Status}");
                AnsiConsole.WriteLine(sample.Response);
                samples.Add(sample);
            }

            AnsiConsole.MarkupLine("[green]demo complete.[/] Try: [bold]./eamazing sql \"SELECT count(*) FROM silver\"[/], [bold]./eamazing sql .tables[/], [bold]./eamazing models list[/]");
            // The hint names the lake and registry this run used when they were given, not the configured defaults.
            string[] used =
            [
                .. parse.GetValue(GlobalOptions.Lake) is null ? [] : new[] { "--lake", lake },
                .. parse.GetValue(GlobalOptions.Models) is null ? [] : new[] { "--models", modelsRoot },
            ];
            ServeHint.Print(settings, used);
            if (parse.GetValue(WriteReadme))
            {
                var cards = models.Select(m => registry.Versions(m.Demo.RegistryName).LastOrDefault()).OfType<ModelCard>().ToList();
                var block = DemoResults.Markdown(cards, samples, clock.Elapsed, "./eamazing demo --write-readme", DateTime.UtcNow);
                Foundation.Files.AtomicFile.WriteAllText(readme, ReadmeBlock.Replace(File.ReadAllText(readme), DemoResults.BlockName, block));
                AnsiConsole.MarkupLineInterpolated($"{readme}: the {DemoResults.BlockName} block now holds this run's results");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Stopped(string[] step, int code) =>
        AnsiConsole.MarkupLineInterpolated($"[red]demo stopped: '{string.Join(' ', step[1..])}' exited with {code}[/]");

    private static void Step(string title) => AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
}
