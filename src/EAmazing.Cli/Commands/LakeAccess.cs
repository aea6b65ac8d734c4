using DuckDB.NET.Data;
using EAmazing.Lake;

namespace EAmazing.Cli.Commands;

/// <summary>Opens the configured lake with a clear message when it cannot be (e.g. another process holds the catalog).</summary>
public static class LakeAccess
{
    public static bool TryOpen(CliSettings settings, out DuckDbLake? lake, string memoryLimit = "2GB")
    {
        lake = null;
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
