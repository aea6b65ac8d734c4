using EAmazing.BusinessModels;
using EAmazing.Models.Registry;

namespace EAmazing.Bench;

/// <summary>
/// The dashboard's pages by name, for <c>screenshots</c> and <c>dashboard</c>: overview, runs, a comparison of two
/// versions (the first registry name of the catalog that holds two), one page per business model of the catalog, privacy.
/// </summary>
public static class DashboardPages
{
    /// <summary>The pages the README shows: overview, runs, a comparison, the main business models, privacy.</summary>
    public static readonly string[] Main = ["overview", "models", "compare", "segments", "churn", "forecast", "recommender", "privacy"];

    /// <summary>Page name → path; a comparison only where some registry name holds two versions.</summary>
    public static IReadOnlyList<(string Name, string Path)> Select(string models, IReadOnlyCollection<string> wanted)
    {
        var catalog = BusinessModelCatalog.Default;
        var registry = new ModelRegistry(models);
        var compared = catalog.All.SelectMany(m => m.RegistryNames).FirstOrDefault(n => registry.Versions(n).Count >= 2);
        List<(string Name, string Path)> all =
        [
            ("overview", "/"),
            ("models", "/models"),
            .. compared is null ? [] : new[] { ("compare", "/compare/" + compared) },
            .. catalog.All.Select(m => (m.Name, "/models/" + m.Name)),
            ("privacy", "/privacy"),
        ];
        var unknown = wanted.Where(w => w != "all" && w != "compare" && all.All(p => p.Name != w)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"--pages: no page named {string.Join(", ", unknown)}");
        }

        if (compared is null && wanted.Contains("compare"))
        {
            Console.Error.WriteLine("compare: no registry name holds two versions yet (train a model twice): skipped");
        }

        return wanted.Contains("all") ? all : all.Where(p => wanted.Contains(p.Name)).ToList();
    }
}
