namespace EAmazing.DependencyGraph;

/// <summary>
/// Maps a type's namespace to the source folder it lives in, at the level the architecture rules speak:
/// a stage folder of EAmazing.Core (<c>Lake</c>, <c>Features</c>, …), one business model
/// (<c>BusinessModels/PurchaseIntent</c>), one engine (<c>Engine/DuckDb</c>), or a shell (<c>Api</c>, <c>Cli</c>).
/// Namespaces follow folders in this code base, so the namespace is the folder.
/// </summary>
public static class FolderOf
{
    /// <summary>Folders whose sub-folders are separate nodes: each business model and each engine stands alone.</summary>
    private static readonly string[] Split = ["BusinessModels", "Engine"];

    public static string? Namespace(string? ns)
    {
        if (string.IsNullOrEmpty(ns) || !ns.StartsWith("EAmazing.", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = ns.Split('.');
        if (parts.Length >= 3 && Split.Contains(parts[1]))
        {
            return $"{parts[1]}/{parts[2]}";
        }

        return parts[1];
    }
}
