using System.Diagnostics;

namespace EAmazing.Bench;

/// <summary>The child processes the serving benchmarks run: the built CLI (under dotnet) and wrk.</summary>
public static class BenchProcess
{
    /// <summary>Starts <paramref name="program"/> ("wrk", or a .dll run by dotnet); a <c>serve</c> has its logs drained so it never blocks on a full pipe.</summary>
    public static Process Start(string program, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(program == "wrk" ? "wrk" : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (program != "wrk")
        {
            start.ArgumentList.Add(program);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        if (args.Length > 0 && args[0] == "serve")
        {
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        return process;
    }

    /// <summary>Waits for the process to end and returns what it wrote (standard output, then standard error unless asked not to).</summary>
    public static string Capture(Process process, bool standardOutputOnly = false)
    {
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return standardOutputOnly ? output : output + error.Result;
        }
    }
}
