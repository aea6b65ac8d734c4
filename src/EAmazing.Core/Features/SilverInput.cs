using System.Globalization;

namespace EAmazing.Features;

/// <summary>One silver partition as a gold build read it: its month, file and version (rows, bytes, last write).</summary>
public sealed record SilverInput(string Month, string Path, long Rows, long Bytes, DateTime Modified, DateTime LastEvent)
{
    /// <summary>The version line recorded in the catalog: a rebuilt silver file gets a new one.</summary>
    public string Version => string.Create(CultureInfo.InvariantCulture, $"{Path}@{Rows}/{Bytes}/{Modified:yyyy-MM-ddTHH:mm:ss.fffffffZ}");
}
