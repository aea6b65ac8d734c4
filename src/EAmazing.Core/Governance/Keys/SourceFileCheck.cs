using EAmazing.Ingestion;
using EAmazing.Lake;

namespace EAmazing.Governance.Keys;

/// <summary>
/// A rotation re-derives every pseudonym from the raw ids, which only the source files hold (an HMAC cannot be
/// reversed). So every ingested file that gave the lake rows must still be where it was read, with the same
/// SHA-256. Files that gave no rows (empty, rejected as binary) are not needed.
/// </summary>
public static class SourceFileCheck
{
    /// <summary>The files a rotation reads; refuses, naming every missing or changed file, when one is not as ingested.</summary>
    /// <exception cref="KeyRotationRefusedException">A needed source file is missing or changed.</exception>
    public static IReadOnlyList<SourceFile> Verify(IReadOnlyList<IngestedFile> ingested)
    {
        var problems = new List<string>();
        var sources = new List<SourceFile>();
        foreach (var file in ingested.Where(f => f.Rows.Read > 0))
        {
            if (!File.Exists(file.Path))
            {
                problems.Add($"missing: {file.Path}");
                continue;
            }

            var source = SourceFile.Inspect(file.Path);
            if (source.Sha256 != file.Sha256)
            {
                problems.Add($"changed since it was ingested (sha256 {source.Sha256?[..12]}…, the lake recorded {file.Sha256[..12]}…): {file.Path}");
                continue;
            }

            sources.Add(source);
        }

        if (problems.Count > 0)
        {
            throw new KeyRotationRefusedException(
                $"cannot rotate the pseudonym key: pseudonyms are re-derived from the raw ids in the ingested source files, and {problems.Count} of them are not as ingested:\n  "
                + string.Join("\n  ", problems) + "\nRestore them (same path and content); nothing was changed.", isDataError: true);
        }

        return sources;
    }
}
