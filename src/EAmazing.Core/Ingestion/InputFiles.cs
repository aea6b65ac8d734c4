namespace EAmazing.Ingestion;

/// <summary>Expands the paths given to <c>ingest</c> into the REES46 files to read, in a stable order.</summary>
public static class InputFiles
{
    public static bool IsCandidate(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase);

    /// <returns>The files, or the paths that do not exist in <paramref name="missing"/>.</returns>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, out IReadOnlyList<string> missing)
    {
        var files = new List<string>();
        var notFound = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path).Where(IsCandidate).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path); // named explicitly: read it whatever its extension
            }
            else
            {
                notFound.Add(path);
            }
        }

        missing = notFound;
        return files.Select(Path.GetFullPath).Distinct().ToList();
    }
}
