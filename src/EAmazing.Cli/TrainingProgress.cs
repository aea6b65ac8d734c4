using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace EAmazing.Cli;

/// <summary>
/// Shows what training is doing (family, candidate) with the time elapsed: a live status line on a terminal, one line
/// per step when the output is a file or a pipe (a log then tells where a long run spent its time, and, with the
/// process's resident and peak memory at each step, where it reached its peak).
/// </summary>
public static class TrainingProgress
{
    public static T Show<T>(string model, Func<IProgress<string>, T> train)
    {
        var clock = Stopwatch.StartNew();
        string Line(string step) => $"{clock.Elapsed:mm\\:ss} {model}: {step}";
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return train(new SynchronousProgress<string>(step => AnsiConsole.WriteLine($"{Line(step)}  [{Memory()}]")));
        }

        return AnsiConsole.Status().Start(Line("starting"), ctx =>
            train(new SynchronousProgress<string>(step => ctx.Status(Markup.Escape(Line(step))))));
    }

    /// <summary>The process's resident memory now and its high-water mark (VmRSS and VmHWM on Linux), in decimal GB as the benchmarks print them.</summary>
    public static string Memory()
    {
        using var self = Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture, $"memory {self.WorkingSet64 / 1e9:0.0} GB, peak {self.PeakWorkingSet64 / 1e9:0.0} GB");
    }
}
