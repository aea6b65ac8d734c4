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
        var offenders = Repository.SourceFiles(".cs", ".sql", ".json")
            .Where(f => !Allowed.Any(a => f.StartsWith(a, StringComparison.Ordinal)))
            .Where(f => ModelName().IsMatch(Repository.Read(f)))
            .Order(StringComparer.Ordinal)
            .ToList();

        var unexpected = offenders.Except(KnownOffenders).ToList();
        Assert.True(unexpected.Count == 0, "name purchase intent outside its folder: " + string.Join(", ", unexpected));
        var fixedOnes = KnownOffenders.Except(offenders).ToList();
        Assert.True(fixedOnes.Count == 0, "no longer naming it, remove from the allow-list: " + string.Join(", ", fixedOnes));
    }
}
