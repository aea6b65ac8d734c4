using System.Diagnostics;

namespace EAmazing.Cli.Tests;

/// <summary>Runs the built <c>eamazing.dll</c> as a child process, as a user would, with a test key and a throw-away home.</summary>
public sealed class CliProcess
{
    public const string TestKey = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    private readonly string _home;

    public CliProcess(string home) => _home = home;

    /// <summary>Pass the test key in EAMAZING_PSEUDONYM_KEY (default); false leaves the key to the key file.</summary>
    public bool KeyFromEnvironment { get; init; } = true;

    /// <summary>Extra environment variables (<c>EAMAZING__…</c> settings) for every run.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The folder the CLI runs in (default: the test's own), where relative default paths land.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The CLI beside the test binary (the project reference copies it there).</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "eamazing.dll");

    public Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (WorkingDirectory is not null)
        {
            start.WorkingDirectory = WorkingDirectory;
        }

        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (KeyFromEnvironment)
        {
            start.Environment["EAMAZING_PSEUDONYM_KEY"] = TestKey;
        }
        else
        {
            start.Environment.Remove("EAMAZING_PSEUDONYM_KEY");
        }

        start.Environment["HOME"] = _home;
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    public (int ExitCode, string Output) Run(params string[] args)
    {
        using var process = Start(args);
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + stderr.Result);
    }
}
