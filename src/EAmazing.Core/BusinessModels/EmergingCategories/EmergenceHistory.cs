using System.Globalization;
using EAmazing.Features;
using EAmazing.Lake;

namespace EAmazing.BusinessModels.EmergingCategories;

/// <summary>
/// Daily views per category over one run of days, from gold <c>demand_daily</c> (level 'category'), and the store's total
/// views per day: the detector judges a category by its share of the store, so the store's own growth, weekdays and the
/// sale move every category alike and are not taken for emergence.
/// </summary>
public sealed record EmergenceHistory(DateOnly First, int Days, IReadOnlyList<CategoryHistory> Categories)
{
    public DateOnly Last => First.AddDays(Days - 1);

    /// <summary>Total views per day over all categories.</summary>
    public double[] Totals { get; } = Sum(Days, Categories);

    public int IndexOf(DateOnly day) => day.DayNumber - First.DayNumber;

    /// <exception cref="InvalidOperationException">No category row (nothing ingested or features not built).</exception>
    public static EmergenceHistory Load(IGoldEngine lake)
    {
        var built = lake.Query($"SELECT count(*) FROM information_schema.tables WHERE table_name = '{GoldTables.DemandDaily.ViewName}'").Rows[0][0];
        if (Convert.ToInt64(built, CultureInfo.InvariantCulture) == 0)
        {
            throw new InvalidOperationException($"{GoldTables.DemandDaily.ViewName} does not exist: ingest events and run eamazing features build first");
        }

        var result = lake.Query($"""
            SELECT category_key, coalesce(top_category, 'unknown'), datediff('day', DATE '1970-01-01', day), views
            FROM {GoldTables.DemandDaily.ViewName}
            WHERE level = 'category' AND category_key IS NOT NULL
            """);
        var epoch = new DateOnly(1970, 1, 1);
        return From(result.Rows.Select(r => (
            Convert.ToString(r[0], CultureInfo.InvariantCulture)!,
            Convert.ToString(r[1], CultureInfo.InvariantCulture)!,
            epoch.AddDays(Convert.ToInt32(r[2], CultureInfo.InvariantCulture)),
            Convert.ToDouble(r[3], CultureInfo.InvariantCulture))));
    }

    /// <exception cref="InvalidOperationException">No row at all.</exception>
    public static EmergenceHistory From(IEnumerable<(string Key, string TopCategory, DateOnly Day, double Views)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            throw new InvalidOperationException($"{GoldTables.DemandDaily.ViewName} has no category rows: ingest events and run eamazing features build first");
        }

        var first = list.Min(r => r.Day);
        var days = list.Max(r => r.Day).DayNumber - first.DayNumber + 1;
        var categories = list.GroupBy(r => r.Key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var views = new double[days];
            foreach (var r in g)
            {
                views[r.Day.DayNumber - first.DayNumber] += r.Views;
            }

            return new CategoryHistory(g.Key, g.First().TopCategory, views);
        }).ToList();
        return new EmergenceHistory(first, days, categories);
    }

    private static double[] Sum(int days, IReadOnlyList<CategoryHistory> categories)
    {
        var totals = new double[days];
        foreach (var c in categories)
        {
            for (var d = 0; d < days; d++)
            {
                totals[d] += c.Views[d];
            }
        }

        return totals;
    }
}
