using System.Data.Common;

namespace EAmazing.Cli.Commands;

/// <summary>
/// How the commands that run a business model (<c>train</c>, and through <see cref="GoldWriteRun"/> <c>score</c> and
/// <c>forecast</c>) answer its expected failures: one line and a documented exit code (2 bad option or date, 3 no champion
/// or no data, and, where the command names its storage step, 1 for a storage failure); anything else is a bug and propagates.
/// </summary>
public static class ModelRunErrors
{
    /// <summary>Whether <paramref name="e"/> is an expected failure; storage failures only when <paramref name="storageStep"/> names the step.</summary>
    public static bool IsExpected(Exception e, string? storageStep = null) => ExitCodeOf(e, storageStep) is not null;

    /// <summary>Prints an expected failure as one line and returns its exit code.</summary>
    public static int Report(Exception e, string? storageStep = null)
    {
        var code = ExitCodeOf(e, storageStep) ?? throw new ArgumentException("not an expected failure", nameof(e), e);
        Console.Error.WriteLine(code == ExitCodes.Failure ? $"error: {storageStep} failed: {e.Message}" : $"error: {e.Message}");
        return code;
    }

    private static int? ExitCodeOf(Exception e, string? storageStep) => e switch
    {
        ArgumentException => ExitCodes.UsageError,
        InvalidOperationException => ExitCodes.DataError,
        DbException or IOException or UnauthorizedAccessException when storageStep is not null => ExitCodes.Failure,
        _ => null,
    };
}
