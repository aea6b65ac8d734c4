using System.Data.Common;
using EAmazing.Engine.DuckDb;
using EAmazing.Lake;

namespace EAmazing.Cli.Commands;

/// <summary>
/// The CLI's engine (DuckDB: the one place the CLI picks it), and the configured lake opened on it with a clear
/// message when it cannot be (e.g. another process holds the catalog).
/// </summary>
public static class LakeAccess
{
    private static readonly DuckDbEngine Engine = new();

    /// <summary>The engine for commands that open scratch databases or hand the engine to a stage (key rotation, drift).</summary>
    public static ILakeEngines Engines => Engine;

    /// <param name="create">Create the lake when there is none (ingest); other commands report that there is none.</param>
    /// <param name="warnMissing">Name each Parquet file the catalog records but the disk lacks (<c>lake verify</c> names them itself).</param>
    /// <param name="keepMemory">The engine keeps the memory it has used (see <see cref="ILakeEngines.OpenLake"/>): for commands that are engine work only.</param>
    public static bool TryOpen(CliSettings settings, out IGoldEngine? lake, string memoryLimit = "2GB", bool create = false, bool warnMissing = true, bool keepMemory = false)
    {
        lake = null;
        if (!create && !File.Exists(LakeLayout.At(settings.Platform.Lake).Catalog))
        {
            Console.Error.WriteLine($"error: no lake at {Path.GetFullPath(settings.Platform.Lake)} (run eamazing ingest first, or pass --lake)");
            return false;
        }

        try
        {
            var wait = TimeSpan.FromSeconds(settings.Platform.LakeLockWaitSeconds);
            lake = Engine.OpenLake(settings.Platform.Lake, memoryLimit, wait,
                waiting: _ => Console.Error.WriteLine($"waiting for the lake at {Path.GetFullPath(settings.Platform.Lake)}: another eamazing process holds it (up to {wait.TotalSeconds:0} s)"),
                keepMemory);
            foreach (var missing in warnMissing ? LakeConsistency.MissingPartitions(lake) : [])
            {
                // The lake still opens (its views leave the file out) so the user can look and verify; each file is named once.
                Console.Error.WriteLine($"warning: missing file: {missing.Path} ({LakeConsistency.Describe(missing)}); the lake's views leave it out (see eamazing lake verify)");
            }

            // Once per lake written before silver stored session numbers: every command then reads the current format.
            if (SilverFormatUpgrade.Run(lake) is { Count: > 0 } months)
            {
                Console.Error.WriteLine($"note: silver of {string.Join(", ", months)} converted to the current format (session and user numbers); the next features build rebuilds the gold built from it");
            }

            return true;
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            var busy = e.Message.Contains("Could not set lock", StringComparison.Ordinal)
                ? $" (waited {settings.Platform.LakeLockWaitSeconds} s; EAMAZING__LAKELOCKWAITSECONDS sets how long)"
                : "";
            Console.Error.WriteLine($"error: cannot open the lake at {Path.GetFullPath(settings.Platform.Lake)}: {e.Message}{busy}");
            return false;
        }
    }
}
