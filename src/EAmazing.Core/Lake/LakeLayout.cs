namespace EAmazing.Lake;

/// <summary>Where everything lives under the lake root. Partition paths are relative, with '/' separators.</summary>
public sealed record LakeLayout(string Root)
{
    /// <summary>Suffix of files being written; never read by a view, removed on recovery when no journal claims them.</summary>
    public const string TemporarySuffix = ".tmp";

    public static LakeLayout At(string root) => new(Path.GetFullPath(root));

    public string Catalog => Path.Combine(Root, "catalog.duckdb");

    /// <summary>The commit journal: present only between the commit point and the end of a commit.</summary>
    public string Journal => Path.Combine(Root, "_commit.json");

    /// <summary>
    /// A copy of the catalog as of its last change, replaced whole (written under a temporary name, then renamed): what a
    /// reader that must not hold the catalog's lock (the dashboard) opens, so a command never waits for it.
    /// </summary>
    public string CatalogSnapshot => Path.Combine(Root, "_catalog_snapshot.duckdb");

    /// <summary>
    /// A key rotation's mapping of old to new pseudonyms: kept across a stopped rotation's runs (making it reads every
    /// source file), deleted once the lake and the predictions log are on the new key.
    /// </summary>
    public string KeyRotationMapping => Path.Combine(Root, "_key_rotation_mapping.duckdb");

    /// <summary>Scratch space (staging databases, spill files); emptied on every open.</summary>
    public string Staging => Path.Combine(Root, ".staging");

    public static string BronzePartition(string month, string fileId) => $"{LakeLayer.Bronze}/month={month}/{fileId}.parquet";

    public static string SilverPartition(string month, UserBucket bucket) => $"{LakeLayer.Silver}/month={month}/{bucket.FileName}";

    public static string QuarantinePartition(string fileId) => $"{LakeLayer.Quarantine}/{fileId}.parquet";

    public string Full(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public string Temporary(string relative) => Full(relative) + TemporarySuffix;

    public void CreateFolders()
    {
        foreach (var layer in LakeLayer.All)
        {
            Directory.CreateDirectory(Path.Combine(Root, layer));
        }

        Directory.CreateDirectory(Staging);
    }

    /// <summary>Every Parquet file under the layers, relative, whatever the catalog says.</summary>
    public IEnumerable<string> ParquetFilesOnDisk() =>
        LakeLayer.All.SelectMany(layer => Directory.Exists(Path.Combine(Root, layer))
            ? Directory.EnumerateFiles(Path.Combine(Root, layer), "*.parquet", SearchOption.AllDirectories)
            : [])
        .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'));

    public IEnumerable<string> TemporaryFilesOnDisk() =>
        LakeLayer.All.SelectMany(layer => Directory.Exists(Path.Combine(Root, layer))
            ? Directory.EnumerateFiles(Path.Combine(Root, layer), "*" + TemporarySuffix, SearchOption.AllDirectories)
            : []);
}
