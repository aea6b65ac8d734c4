using System.CommandLine;
using EAmazing.Generation;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary>
/// <c>eamazing demo</c>: the whole pipeline end to end on a generated dataset: generate, check realism,
/// ingest into the lake, build the gold layer, train every purchase-intent family, list the registry and
/// try to promote the new version through the gates. Each step is the same command a user would run.
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

            Step("1/7 generate a synthetic REES46 world");
            var summary = GenerateCommand.Execute(options);
            Step("2/7 realism: generated vs real");
            RealismCommand.Print(summary.OutputDirectory, SampleFiles.RealHead);

            string[][] steps =
            [
                ["3/7 ingest into the lake", "ingest", data, "--lake", lake],
                ["4/7 lake status", "lake", "status", "--lake", lake],
                ["5/7 build the gold layer", "features", "build", "--lake", lake],
                ["6/7 train every purchase-intent family", "train", "purchase", "--task", "cart", "--truth", Path.Combine(data, "truth"), "--trials", "2", "--lake", lake],
                ["7/7 the model registry", "models", "list"],
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

            AnsiConsole.MarkupLine("[green]demo complete.[/] Try: [bold]eamazing sql \"SELECT count(*) FROM silver\"[/], [bold]eamazing models show purchase-intent-cart 1[/]");
            ServeHint.Print(settings);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Step(string title) => AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
}
