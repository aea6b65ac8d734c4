using System.Diagnostics;
using Spectre.Console;

namespace EAmazing.Cli;

/// <summary>
/// Shows what training is doing (family, candidate) with the time elapsed: a live status line on a terminal, one line
/// per step when the output is a file or a pipe (a log then tells where a long run spent its time).
/// </summary>
public static class TrainingProgress
{
    public static T Show<T>(string model, Func<IProgress<string>, T> train)
    {
        var clock = Stopwatch.StartNew();
        string Line(string step) => $"{clock.Elapsed:mm\\:ss} {model}: {step}";
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return train(new SynchronousProgress<string>(step => AnsiConsole.WriteLine(Line(step))));
        }

        return AnsiConsole.Status().Start(Line("starting"), ctx =>
            train(new SynchronousProgress<string>(step => ctx.Status(Markup.Escape(Line(step))))));
    }
}
