using EAmazing.Features;

namespace EAmazing.BusinessModels.EmergingCategories;

/// <summary>The gold table <c>eamazing detect emerging</c> writes: every category's verdict as of a day, ranked; one partition per as-of month. Aggregates, no identifier.</summary>
public static class EmergingCategoriesTable
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "as_of", "rank", "category_key", "top_category", "signal", "flagged", "score", "growth_per_month", "start_date", "first_seen",
        "trend_z", "burst_z", "dispersion", "views_last_week",
    ];

    public static readonly GoldTable Table = new("emerging_categories", MonthInputs.HistoryToMonth, ["as_of", "category_key"], [], ["category_key"],
        "every category's emergence verdict as of a day, ranked by evidence of sustained growth (written by eamazing detect emerging)");
}
