namespace EAmazing.Architecture.Tests;

/// <summary>The repository's own source files, for conventions the compiler cannot check.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Paths under <c>src/</c> relative to the root, '/'-separated, ending in one of <paramref name="extensions"/>; build output left out.</summary>
    public static IReadOnlyList<string> SourceFiles(params string[] extensions) =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*", SearchOption.AllDirectories)
            .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "EAmazing.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("EAmazing.slnx not found above " + AppContext.BaseDirectory);
    }
}
