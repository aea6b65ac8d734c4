using EAmazing.BusinessModels;
using EAmazing.Features;
using EAmazing.Lake;

namespace EAmazing.Governance.Erasure;

/// <summary>The names under which erasure counts rows: the lake's layers, <c>gold.&lt;table&gt;</c>, and the predictions log.</summary>
public static class ErasureTables
{
    public const string Predictions = "predictions";

    public static string Gold(string table) => "gold." + table;

    /// <summary>Every table an erasure reports, even at 0 rows, so a DPO sees what was searched.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. LakeLayer.All, .. GoldTables.All.Concat(BusinessModelCatalog.Default.ScoredTables).Select(t => Gold(t.Name)), Predictions];

    public static int Rank(string table) => table switch
    {
        LakeLayer.Bronze => 0,
        LakeLayer.Silver => 1,
        LakeLayer.Quarantine => 2,
        Predictions => 4,
        _ => 3,
    };
}
