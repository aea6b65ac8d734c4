using EAmazing.Privacy.Purposes;

namespace EAmazing.BusinessModels.EmergingCategories;

/// <summary>
/// Why emerging-category detection reads gold demand_daily and what it writes. Both are aggregates per category and day
/// over all visitors, with no identifier: the register lists gold_emerging_categories among the aggregates without personal data.
/// </summary>
public static class EmergingCategoriesPurpose
{
    public static readonly ProcessingPurpose Purpose = new(
        "emerging-categories",
        "Emerging categories and launches (detection)",
        "Ranks categories by evidence of sustained growth and flags new product lines soon after they appear, for product teams; "
        + "reads gold_demand_daily and writes gold_emerging_categories (eamazing detect emerging). Both are aggregates per category and day, not personal data: no identifier, no person's row.",
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["gold_demand_daily"] = ["level", "category_key", "top_category", "day", "views"],
            [EmergingCategoriesTable.Table.ViewName] = EmergingCategoriesTable.Columns,
        },
        ["Product", "Category management", "Data science (model training and monitoring)"],
        ProcessingPurposes.EventRetention + "; gold_emerging_categories: one partition per as-of month, dropped by the same retention");
}
