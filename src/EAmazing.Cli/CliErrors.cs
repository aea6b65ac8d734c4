using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EAmazing.Cli;

/// <summary>
/// The CLI's one place for turning failures into what a user reads: parse errors without .NET type names, a missing
/// gold table as the command to run first, and any other exception as one line pointing to a log file that holds its stack.
/// </summary>
public static partial class CliErrors
{
    /// <summary>Where unexpected failures are logged: <c>$XDG_STATE_HOME/eamazing/logs</c>, else <c>~/.local/state/eamazing/logs</c>.</summary>
    public static string LogFolder
    {
        get
        {
            var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
            state = string.IsNullOrEmpty(state) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state") : state;
            return Path.Combine(state, "eamazing", "logs");
        }
    }

    /// <summary>Writes the parse errors, one line each, and where the command's options are listed; returns the usage exit code.</summary>
    public static int ReportParseErrors(ParseResult parse, TextWriter error)
    {
        var messages = parse.Errors.Select(e => Friendly(e.Message).TrimEnd('.')).Distinct(StringComparer.Ordinal);
        var command = CommandPath(parse);
        error.WriteLine($"error: {string.Join("; ", messages)} ({(command.Length == 0 ? "eamazing" : "eamazing " + command)} --help lists the arguments and options)");
        return ExitCodes.UsageError;
    }

    /// <summary>A failure no command handled: a missing gold table says what to run; anything else goes to a log file.</summary>
    public static int ReportUnexpected(Exception exception, ParseResult parse, TextWriter error, string? logFolder = null)
    {
        logFolder ??= LogFolder;
        if (exception is DbException && MissingGoldTable().Match(exception.Message) is { Success: true } missing)
        {
            error.WriteLine($"error: the lake has no {missing.Groups[1].Value} yet: run eamazing features build first (or pass the --lake that has it)");
            return ExitCodes.Failure;
        }

        var command = CommandPath(parse);
        try
        {
            Directory.CreateDirectory(logFolder);
            var log = Path.Combine(logFolder, $"crash-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Environment.ProcessId}.log");
            // The command's name only, never its arguments: they may hold a raw user id (gdpr export --user).
            File.WriteAllText(log, $"eamazing {command} failed at {DateTime.UtcNow:O}\n{exception}\n");
            error.WriteLine($"error: eamazing {command} failed unexpectedly ({FirstLine(exception.Message)}); details in {log}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: eamazing {command} failed unexpectedly ({FirstLine(exception.Message)}); no log could be written to {logFolder}: {e.Message}");
        }

        return ExitCodes.Failure;
    }

    /// <summary>"… as expected type 'System.Nullable`1[System.DateOnly]'." reads "… as a date (yyyy-MM-dd)."</summary>
    public static string Friendly(string message) =>
        ExpectedType().Replace(message, m => "as " + TypeWords(m.Groups[1].Value));

    private static string TypeWords(string type)
    {
        var inner = NullableOf().Match(type) is { Success: true } n ? n.Groups[1].Value : type;
        return inner switch
        {
            "System.DateOnly" => "a date (yyyy-MM-dd)",
            "System.DateTime" or "System.DateTimeOffset" => "a date and time (yyyy-MM-ddTHH:mm:ss)",
            "System.Int16" or "System.Int32" or "System.Int64" => "a whole number",
            "System.UInt16" or "System.UInt32" or "System.UInt64" => "a whole number of at least 0",
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.TimeSpan" => "a duration (hh:mm:ss)",
            "System.Boolean" => "true or false",
            "System.IO.FileInfo" => "a file path",
            "System.IO.DirectoryInfo" => "a folder path",
            _ => "a " + inner[(inner.LastIndexOf('.') + 1)..].ToLowerInvariant(),
        };
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Insert(0, result.Command.Name);
        }

        return string.Join(' ', names);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    [GeneratedRegex(@"as expected type '([^']+)'")]
    private static partial Regex ExpectedType();

    [GeneratedRegex(@"^System\.Nullable`1\[(.+)\]$")]
    private static partial Regex NullableOf();

    [GeneratedRegex(@"Table with name (gold_[A-Za-z0-9_]+) does not exist")]
    private static partial Regex MissingGoldTable();
}
