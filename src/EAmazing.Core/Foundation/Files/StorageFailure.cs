namespace EAmazing.Foundation.Files;

/// <summary>
/// Tells the storage refusing a write (a full disk, a read-only layer, no permission) from a bug, so a command
/// can say it in one line instead of a stack trace. The engine reports these as its own exception types, so
/// the operating system's words in the messages are what is recognised.
/// </summary>
public static class StorageFailure
{
    private static readonly string[] Reasons = ["No space left on device", "Disk quota exceeded", "Read-only file system", "Permission denied", "Access to the path"];

    /// <summary>One line naming what the storage refused, or null when <paramref name="error"/> is something else.</summary>
    public static string? Describe(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            var reason = Reasons.FirstOrDefault(r => e.Message.Contains(r, StringComparison.OrdinalIgnoreCase));
            if (reason is not null || e is UnauthorizedAccessException)
            {
                var line = e.Message.ReplaceLineEndings(" ").Trim();
                return $"the storage refused a write ({line}); changes are committed whole or not at all, so the lake holds its last complete state: free space or make it writable, then run the command again";
            }
        }

        return null;
    }
}
