using System.Globalization;

namespace EAmazing.Api.Dashboard.Data;

/// <summary>A cheap version stamp of files on disk (write time and length of each): what a <see cref="VersionedCache{T}"/> keys on.</summary>
public static class SourceVersion
{
    public static string Of(IEnumerable<string> files) => string.Join("|", files.Select(f =>
    {
        var info = new FileInfo(f);
        return info.Exists ? string.Create(CultureInfo.InvariantCulture, $"{info.LastWriteTimeUtc.Ticks}:{info.Length}") : "-";
    }));

    /// <summary>Every card of the registry: a training, a promotion or a retrain flag rewrites one.</summary>
    public static string OfRegistry(string root) => Directory.Exists(root)
        ? Of(Directory.EnumerateFiles(root, "card.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)) + "#" + root
        : "none";
}
