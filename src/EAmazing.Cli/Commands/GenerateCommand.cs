using System.CommandLine;
using EAmazing.Sources.Synthetic;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary><c>eamazing generate</c>: writes a synthetic REES46 dataset with its ground truth.</summary>
public static class GenerateCommand
{
    public static readonly Option<GenerationScale> Scale = new("--scale")
    {
        Description = "tiny (~20k events), demo (~2M, Oct–Nov 2019), month (~42M per month), full (~411M, Oct 2019–Apr 2020)",
        DefaultValueFactory = _ => GenerationScale.Tiny,
    };

    public static readonly Option<string?> Months = new("--months")
    {
        Description = "Months to generate, e.g. 2019-10 or 2019-10..2020-04 (default: the scale's window)",
    };

    public static readonly Option<ulong> Seed = new("--seed")
    {
        Description = "Random seed; the same seed and options give byte-identical files",
        DefaultValueFactory = _ => 46,
    };

    public static readonly Option<string?> Out = new("--out")
    {
        Description = "Output folder (default: EAmazing:DataDirectory); ground truth goes to OUT/truth",
    };

    public static readonly Option<bool> NoGzip = new("--no-gzip") { Description = "Write plain .csv instead of .csv.gz" };

    public static readonly Option<string?> Report = new("--report")
    {
        Description = "After generating, compare with the real rows in this REES46 file (the realism check)",
    };

    public static Command Create()
    {
        var command = new Command("generate", "Generate a synthetic REES46 dataset in the real file format, with ground truth in OUT/truth");
        command.Options.Add(Scale);
        command.Options.Add(Months);
        command.Options.Add(Seed);
        command.Options.Add(Out);
        command.Options.Add(NoGzip);
        command.Options.Add(Report);
        command.SetAction(parse => Run(parse));
        return command;
    }

    public static int Run(ParseResult parse)
    {
        var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
        if (!TryReadOptions(parse, settings, out var options))
        {
            return ExitCodes.UsageError;
        }

        var summary = Execute(options!);
        var report = parse.GetValue(Report);
        return report is null ? ExitCodes.Success : RealismCommand.Print(summary.OutputDirectory, report);
    }

    public static bool TryReadOptions(ParseResult parse, CliSettings settings, out GeneratorOptions? options)
    {
        options = null;
        MonthWindow? window = null;
        var months = parse.GetValue(Months);
        if (months is not null && !MonthWindow.TryParse(months, out window, out var error))
        {
            parse.InvocationConfiguration.Error.WriteLine($"error: --months {error}");
            return false;
        }

        options = new GeneratorOptions
        {
            Scale = parse.GetValue(Scale),
            Months = window,
            Seed = parse.GetValue(Seed),
            OutputDirectory = Path.GetFullPath(parse.GetValue(Out) ?? settings.Platform.DataDirectory),
            Gzip = !parse.GetValue(NoGzip),
        };
        return true;
    }

    public static GenerationSummary Execute(GeneratorOptions options)
    {
        var profile = ScaleProfile.For(options.Scale, options.Window);
        AnsiConsole.MarkupLineInterpolated($"Generating [bold]{options.Scale}[/] scale, months {options.Window}, seed {options.Seed}: about {profile.TotalEvents:N0} events into {options.OutputDirectory}");
        GenerationSummary? summary = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("simulating days", maxValue: options.Window.DayCount);
                summary = new DatasetGenerator(options).Run(new SynchronousProgress<GenerationProgress>(p =>
                {
                    task.Value = p.DaysDone;
                    task.Description = $"{p.Events:N0} events";
                }));
                task.Value = task.MaxValue;
            });

        Print(summary!);
        return summary!;
    }

    public static void Print(GenerationSummary summary)
    {
        var table = new Table().Title("Generated files").AddColumns("file", "events", "bytes");
        foreach (var f in summary.Files)
        {
            table.AddRow(Path.GetFileName(f.Path), $"{f.Events:N0}", $"{f.Bytes:N0}");
        }

        AnsiConsole.Write(table);
        var totals = new Table().Title("Summary").AddColumns("figure", "value");
        totals.AddRow("events", $"{summary.Events:N0}");
        totals.AddRow("views / carts / purchases", $"{Share(summary.Views, summary.Events)} / {Share(summary.Carts, summary.Events)} / {Share(summary.Purchases, summary.Events)}");
        totals.AddRow("sessions (generated)", $"{summary.Sessions:N0}");
        totals.AddRow("sessions with a cart", $"{summary.CartSessions:N0}");
        totals.AddRow("users in the world / products", $"{summary.Users:N0} / {summary.Products:N0}");
        totals.AddRow("elapsed", $"{summary.Elapsed.TotalSeconds:N1} s ({summary.EventsPerSecond:N0} events/s)");
        totals.AddRow("ground truth", summary.TruthDirectory);
        AnsiConsole.Write(totals);
    }

    private static string Share(long part, long total) => total == 0 ? "-" : $"{100.0 * part / total:0.00}%";
}
