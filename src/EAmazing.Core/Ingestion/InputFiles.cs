namespace EAmazing.Ingestion;

/// <summary>
/// Expands the paths given to <c>ingest</c> into the REES46 files to read, in a stable order. Symbolic links
/// are resolved once, to the file they finally name (two links to one file read it once); a link that loops
/// or names nothing is reported on its own, and the other files go on.
/// </summary>
public static class InputFiles
{
    public static bool IsCandidate(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase);

    /// <returns>The files, or the paths that do not exist in <paramref name="missing"/>.</returns>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, out IReadOnlyList<string> missing) => Expand(paths, out missing, out _);

    /// <returns>The files; the paths that do not exist in <paramref name="missing"/>; links that cannot be followed, with why, in <paramref name="unreadable"/>.</returns>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, out IReadOnlyList<string> missing, out IReadOnlyList<string> unreadable)
    {
        var files = new List<string>();
        var notFound = new List<string>();
        var problems = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path).Where(IsCandidate).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
            {
                files.Add(path); // named explicitly: read it whatever its extension (a broken link is reported below)
            }
            else
            {
                notFound.Add(path);
            }
        }

        var resolved = new List<string>();
        foreach (var file in files)
        {
            if (TryResolve(file, out var target, out var problem))
            {
                resolved.Add(target);
            }
            else
            {
                problems.Add(problem);
            }
        }

        missing = notFound;
        unreadable = problems;
        return resolved.Distinct().ToList();
    }

    private static bool TryResolve(string path, out string target, out string problem)
    {
        target = Path.GetFullPath(path);
        problem = "";
        var info = new FileInfo(target);
        if (info.LinkTarget is null)
        {
            return true;
        }

        try
        {
            var final = info.ResolveLinkTarget(returnFinalTarget: true);
            if (final is { Exists: true } && final is FileInfo)
            {
                target = final.FullName;
                return true;
            }

            problem = $"{target}: symbolic link to {info.LinkTarget}, which is not a file; skipped";
        }
        catch (IOException e)
        {
            // ELOOP: the link leads back to itself (the message names the reason, e.g. "Too many levels of symbolic links").
            problem = $"{target}: symbolic link cannot be followed ({e.Message}); skipped";
        }

        return false;
    }
}
