using System.CommandLine;
using EAmazing.Sources.Synthetic;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary>
/// <c>eamazing demo</c>: the whole pipeline end to end on a generated dataset: generate, check realism,
/// ingest into the lake, build the gold layer, train every purchase-intent family, list the registry and
/// promote the new version through the gates. Each step is the same command a user would run.
/// </summary>
public static class DemoCommand
{
    public static readonly Option<GenerationScale> Scale = new("--scale")
    {
        Description = "Scale of the generated dataset",
        DefaultValueFactory = _ => GenerationScale.Demo,
    };

    public static Command Create()
    {
        var command = new Command("demo", "Run everything end to end on a generated dataset (demo scale: ~2M events, Oct–Nov 2019)");
        command.Options.Add(Scale);
        command.Options.Add(GenerateCommand.Seed);
        command.Options.Add(GenerateCommand.Out);
        command.SetAction(async parse =>
        {
            var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
            var data = Path.GetFullPath(parse.GetValue(GenerateCommand.Out) ?? Path.Combine(settings.Platform.DataDirectory, "demo"));
            var lake = Path.GetFullPath(settings.Platform.Lake);
            var options = new GeneratorOptions { Scale = parse.GetValue(Scale), Seed = parse.GetValue(GenerateCommand.Seed), OutputDirectory = data };

            Step("1/8 generate a synthetic REES46 world");
            var summary = GenerateCommand.Execute(options);
            Step("2/8 realism: generated vs real");
            RealismCommand.Print(summary.OutputDirectory, SampleFiles.RealHead);

            string[][] steps =
            [
                ["3/8 ingest into the lake", "ingest", data, "--lake", lake],
                ["4/8 lake status", "lake", "status", "--lake", lake],
                ["5/8 build the gold layer", "features", "build", "--lake", lake],
                ["6/8 train every purchase-intent family", "train", "purchase", "--task", "cart", "--truth", Path.Combine(data, "truth"), "--trials", "2", "--lake", lake],
            ];
            foreach (var step in steps)
            {
                Step(step[0]);
                var code = await EAmazingCli.RunAsync(step[1..]);
                if (code != ExitCodes.Success)
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]demo stopped: '{string.Join(' ', step[1..])}' exited with {code}[/]");
                    return code;
                }
            }

            // A gate may refuse the new version (e.g. a rerun that is not better than the champion): that is
            // the registry working, not a failed demo; the current champion stays and the reasons are printed.
            Step("7/8 promote the new version through the gates");
            var registry = new EAmazing.Models.Registry.ModelRegistry(settings.Platform.Models);
            var latest = registry.Versions("purchase-intent-cart").Last();
            var promoted = await EAmazingCli.RunAsync(["models", "promote", latest.Name, latest.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            if (promoted != ExitCodes.Success)
            {
                var champion = registry.Champion(latest.Name);
                AnsiConsole.MarkupLineInterpolated($"[yellow]the gates kept {(champion is null ? "no champion" : $"v{champion.Version} as champion")}; see the reasons above[/]");
            }

            Step("8/8 the model registry");
            var listed = await EAmazingCli.RunAsync(["models", "list"]);
            if (listed != ExitCodes.Success)
            {
                return listed;
            }

            AnsiConsole.MarkupLine("[green]demo complete.[/] Try: [bold]eamazing sql \"SELECT count(*) FROM silver\"[/], [bold]eamazing models show purchase-intent-cart 1[/]");
            ServeHint.Print(settings);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Step(string title) => AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
}
