using DuckDB.NET.Data;
using EAmazing.Engine.DuckDb;
using EAmazing.Lake;

namespace EAmazing.Cli.Commands;

/// <summary>Opens the configured lake with a clear message when it cannot be (e.g. another process holds the catalog).</summary>
public static class LakeAccess
{
    /// <param name="create">Create the lake when there is none (ingest); other commands report that there is none.</param>
    public static bool TryOpen(CliSettings settings, out DuckDbLake? lake, string memoryLimit = "2GB", bool create = false)
    {
        lake = null;
        if (!create && !File.Exists(LakeLayout.At(settings.Platform.Lake).Catalog))
        {
            Console.Error.WriteLine($"error: no lake at {Path.GetFullPath(settings.Platform.Lake)} (run eamazing ingest first, or pass --lake)");
            return false;
        }

        try
        {
            lake = DuckDbLake.Open(settings.Platform.Lake, memoryLimit);
            return true;
        }
        catch (Exception e) when (e is DuckDBException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Console.Error.WriteLine($"error: cannot open the lake at {Path.GetFullPath(settings.Platform.Lake)}: {e.Message}");
            return false;
        }
    }
}
