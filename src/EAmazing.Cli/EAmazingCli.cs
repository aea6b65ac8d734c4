using System.CommandLine;
using EAmazing.BusinessModels;
using EAmazing.Cli.Commands;

namespace EAmazing.Cli;

public static class EAmazingCli
{
    /// <param name="catalog">The business models the commands loop over (tests pass their own; default: the platform's).</param>
    public static RootCommand BuildRoot(BusinessModelCatalog? catalog = null)
    {
        catalog ??= BusinessModelCatalog.Default;
        var root = new RootCommand("e-amazing: governed data and machine learning from REES46 behaviour logs.");
        root.Options.Add(GlobalOptions.Lake);
        root.Options.Add(GlobalOptions.Models);
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(RealismCommand.Create());
        root.Subcommands.Add(TrainCommand.Create(catalog));
        root.Subcommands.Add(ScoreCommand.Create(catalog));
        root.Subcommands.Add(ForecastCommand.Create(catalog));
        root.Subcommands.Add(DetectCommand.Create(catalog));
        root.Subcommands.Add(ModelsCommand.Create(catalog));
        root.Subcommands.Add(DemoCommand.Create(catalog));
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(LakeCommand.Create());
        root.Subcommands.Add(SqlCommand.Create());
        root.Subcommands.Add(FeaturesCommand.Create(catalog));
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ApiKeyCommand.Create());
        root.Subcommands.Add(MonitorCommand.Create());
        root.Subcommands.Add(GdprCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        SqlCommand.AddViewsToHelp(root);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, BusinessModelCatalog? catalog = null)
    {
        if (Console.IsOutputRedirected)
        {
            // Spectre assumes 80 columns when not on a terminal; tables of figures need more.
            Spectre.Console.AnsiConsole.Profile.Width = 160;
        }

        var parse = BuildRoot(catalog).Parse(args);
        // Off so that a bad setting is a usage error in one line; anything else is reported as the default handler would.
        var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        if (output is not null)
        {
            config.Output = output;
        }

        if (error is not null)
        {
            config.Error = error;
        }

        var errors = error ?? Console.Error;
        if (args.Length == 0)
        {
            // A bare `eamazing` shows what there is to run.
            await BuildRoot(catalog).Parse(["--help"]).InvokeAsync(config);
            return ExitCodes.UsageError;
        }

        // --help wins over a missing argument (`sql --help`): only a parse whose action is the error report is one.
        if (parse.Errors.Count > 0 && parse.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            // Usage mistakes get a distinct exit code from runtime failures, in one line each (no help page, no type names).
            return CliErrors.ReportParseErrors(parse, errors);
        }

        try
        {
            return await parse.InvokeAsync(config);
        }
        catch (CliSettingsException e)
        {
            await errors.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (EAmazing.Foundation.Files.StorageFailure.Describe(e) is { } storage)
        {
            // A full disk or a read-only layer is the machine's state, not a bug: one line, no stack trace.
            await errors.WriteLineAsync($"error: {storage}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            return CliErrors.ReportUnexpected(e, parse, errors);
        }
    }
}
