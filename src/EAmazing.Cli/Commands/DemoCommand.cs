using System.CommandLine;
using EAmazing.Generation;

namespace EAmazing.Cli.Commands;

/// <summary><c>eamazing demo</c>: the whole pipeline end to end on a generated dataset (so far: generate, summarise, check realism).</summary>
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
        command.SetAction(parse =>
        {
            var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
            var options = new GeneratorOptions
            {
                Scale = parse.GetValue(Scale),
                Seed = parse.GetValue(GenerateCommand.Seed),
                OutputDirectory = Path.GetFullPath(parse.GetValue(GenerateCommand.Out) ?? Path.Combine(settings.Platform.DataDirectory, "demo")),
            };
            var summary = GenerateCommand.Execute(options);
            return RealismCommand.Print(summary.OutputDirectory, SampleFiles.RealHead);
        });
        return command;
    }
}
