using System.Text.RegularExpressions;

namespace EAmazing.Architecture.Tests;

/// <summary>
/// A business model lives in its folder: outside <c>BusinessModels/PurchaseIntent/</c> and the catalog, no source
/// file names purchase intent or its gold table, except the gold SQL that builds that table and its one line in
/// <c>GoldTables</c>. A new business model is then one folder and one catalog line, never edits in five places.
/// </summary>
public sealed partial class BusinessModelNamesTests
{
    private static readonly string[] Allowed =
    [
        "src/EAmazing.Core/BusinessModels/PurchaseIntent/",
        "src/EAmazing.Core/BusinessModels/BusinessModelCatalog.cs",
        "src/EAmazing.Core/Features/Sql/cart_prediction_points.sql",
        "src/EAmazing.Core/Features/GoldTables.cs",
    ];

    /// <summary>Files that still name it, to move into the model's folder (none left: keep it that way).</summary>
    private static readonly HashSet<string> KnownOffenders = [];

    [GeneratedRegex(@"purchase[-_ ]?intent|cart_prediction_points|CartPredictionPoints", RegexOptions.IgnoreCase)]
    private static partial Regex ModelName();

    [Fact]
    public void Only_the_model_folder_and_the_catalog_name_purchase_intent()
    {
        var root = RepositoryRoot();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".sql", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Where(f => !Allowed.Any(a => f.StartsWith(a, StringComparison.Ordinal)))
            .Where(f => ModelName().IsMatch(File.ReadAllText(Path.Combine(root, f))))
            .Order(StringComparer.Ordinal)
            .ToList();

        var unexpected = offenders.Except(KnownOffenders).ToList();
        Assert.True(unexpected.Count == 0, "name purchase intent outside its folder: " + string.Join(", ", unexpected));
        var fixedOnes = KnownOffenders.Except(offenders).ToList();
        Assert.True(fixedOnes.Count == 0, "no longer naming it, remove from the allow-list: " + string.Join(", ", fixedOnes));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "EAmazing.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("EAmazing.slnx not found above " + AppContext.BaseDirectory);
    }
}
