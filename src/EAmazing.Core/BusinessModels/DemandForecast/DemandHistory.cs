using System.Globalization;
using EAmazing.Features;
using EAmazing.Lake;

namespace EAmazing.BusinessModels.DemandForecast;

/// <summary>
/// Every demand series of the lake over one common run of days. Gold <c>demand_daily</c> has a row only for a category
/// with an event that day, so a category's missing day is a day with zero demand. A day on which no category has any
/// row is a gap in the data (a day not ingested), not zero demand: each series takes its value of a week before there
/// (seasonal-naive fill, zero in the first week) and <see cref="FilledDays"/> names the days, so the report says so.
/// More than a fifth of the days missing is refused rather than filled.
/// </summary>
public sealed record DemandHistory(DateOnly First, int Days, IReadOnlyList<DemandSeries> Series, IReadOnlyList<DateOnly> FilledDays)
{
    public const double MaxFilledShare = 0.2;

    public DateOnly Last => First.AddDays(Days - 1);

    public DateOnly Day(int index) => First.AddDays(index);

    public static DemandHistory Load(IGoldEngine lake)
    {
        var result = lake.Query($"""
            SELECT level, category_key, coalesce(top_category, 'unknown'), datediff('day', DATE '1970-01-01', day), purchases, revenue, views
            FROM {GoldTables.DemandDaily.ViewName}
            WHERE category_key IS NOT NULL
            """);
        var epoch = new DateOnly(1970, 1, 1);
        var rows = result.Rows.Select(r => new DemandDay(
            Convert.ToString(r[0], CultureInfo.InvariantCulture)!,
            Convert.ToString(r[1], CultureInfo.InvariantCulture)!,
            Convert.ToString(r[2], CultureInfo.InvariantCulture)!,
            epoch.AddDays(Convert.ToInt32(r[3], CultureInfo.InvariantCulture)),
            Convert.ToDouble(r[4], CultureInfo.InvariantCulture),
            r[5] is null or DBNull ? 0 : Convert.ToDouble(r[5], CultureInfo.InvariantCulture),
            Convert.ToDouble(r[6], CultureInfo.InvariantCulture)));
        return From(rows);
    }

    /// <exception cref="InvalidOperationException">No row at all, or too many days missing to fill.</exception>
    public static DemandHistory From(IEnumerable<DemandDay> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            throw new InvalidOperationException($"{GoldTables.DemandDaily.ViewName} has no rows: ingest events and run eamazing features build first");
        }

        var first = list.Min(r => r.Day);
        var days = list.Max(r => r.Day).DayNumber - first.DayNumber + 1;
        var present = new bool[days];
        foreach (var r in list)
        {
            present[r.Day.DayNumber - first.DayNumber] = true;
        }

        var filled = Enumerable.Range(0, days).Where(d => !present[d]).Select(d => first.AddDays(d)).ToList();
        if (filled.Count > MaxFilledShare * days)
        {
            throw new InvalidOperationException($"{GoldTables.DemandDaily.ViewName} has no row on {filled.Count} of the {days} days {first:yyyy-MM-dd}..{first.AddDays(days - 1):yyyy-MM-dd} "
                + $"(first missing: {filled[0]:yyyy-MM-dd}): more than {MaxFilledShare:P0} of the days, too many to fill; ingest the missing days and rebuild the features");
        }

        var series = list.GroupBy(r => (r.Level, r.Key))
            .OrderBy(g => g.Key.Level, StringComparer.Ordinal).ThenBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                double[] purchases = new double[days], revenue = new double[days], views = new double[days];
                foreach (var r in g)
                {
                    var d = r.Day.DayNumber - first.DayNumber;
                    (purchases[d], revenue[d], views[d]) = (r.Purchases, r.Revenue, r.Views);
                }

                foreach (var day in filled)
                {
                    var d = day.DayNumber - first.DayNumber;
                    foreach (var values in new[] { purchases, revenue, views })
                    {
                        values[d] = d >= 7 ? values[d - 7] : 0;
                    }
                }

                return new DemandSeries(g.Key.Level, g.Key.Key, g.First().TopCategory, purchases, revenue, views);
            }).ToList();
        return new DemandHistory(first, days, series, filled);
    }
}
