using System.CommandLine;
using EAmazing.Models.Business;
using Spectre.Console;

namespace EAmazing.Cli.Commands;

/// <summary>
/// The run and print scaffolding of the commands that write a model's output to gold (<c>score</c>, <c>forecast</c>): the
/// settings with <c>--models</c>, the write under a status line with its errors mapped to exit codes (2 bad option or date,
/// 3 no champion or no data, 1 storage failure), then the outcome's lines and what was written.
/// </summary>
public static class GoldWriteRun
{
    /// <summary>The settings of <c>--lake</c>, with <c>--models</c> over the configured registry when given.</summary>
    public static CliSettings Settings(ParseResult parse)
    {
        var settings = CliSettings.Load(parse.GetValue(GlobalOptions.Lake));
        if (parse.GetValue(GlobalOptions.Models) is { } models)
        {
            settings.Platform.Models = models;
        }

        return settings;
    }

    /// <summary>
    /// Runs <paramref name="write"/> under the status line <paramref name="status"/>; on success prints the outcome's lines and
    /// "wrote N rows to VIEW (partition)" with <paramref name="suffix"/>, and returns null; else prints the error and returns its exit code.
    /// </summary>
    public static int? Run(string status, string failure, string view, Func<IProgress<string>, BatchScoreOutcome> write, out BatchScoreOutcome? outcome, string suffix = "")
    {
        outcome = null;
        try
        {
            outcome = AnsiConsole.Status().Start(status, ctx => write(new SynchronousProgress<string>(s => ctx.Status(s))));
        }
        catch (Exception e) when (ModelRunErrors.IsExpected(e, failure))
        {
            return ModelRunErrors.Report(e, failure);
        }

        foreach (var line in outcome.Lines)
        {
            AnsiConsole.WriteLine(line);
        }

        AnsiConsole.WriteLine($"wrote {outcome.Rows:N0} rows to {view} ({outcome.Partition})" + suffix);
        return null;
    }
}
