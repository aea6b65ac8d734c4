using EAmazing.Sources.Rees46;
using EAmazing.Sources.Synthetic.World;

namespace EAmazing.Sources.Synthetic.Simulation;

/// <summary>
/// Simulates a world's whole window in memory and counts view events per category and day, as gold demand_daily would
/// count them after ingestion, without writing files: evaluations over many seeded worlds (the emerging-category
/// detector's) need the daily series of a dozen worlds in seconds.
/// </summary>
public static class DailyCategoryViews
{
    /// <summary>Views[category index][day] over the window's days.</summary>
    public static double[][] Simulate(SyntheticWorld world)
    {
        var days = world.Window.DayCount;
        var categories = world.Catalog.Categories.Count;
        var simulator = new HourSimulator(world);
        var perHour = new int[days * 24][];
        Parallel.For(0, days * 24, h =>
        {
            // Sessions started in an hour may run into later hours: count each event on its own day.
            var counts = new int[categories * 2];
            var day = h / 24;
            foreach (var e in simulator.Simulate(h).Events)
            {
                if (e.Type != EventType.View)
                {
                    continue;
                }

                var eventDay = (int)(e.Second / 86_400);
                if (eventDay < days)
                {
                    counts[(world.Catalog.ProductCategory[e.Product] * 2) + (eventDay - day)]++;
                }
            }

            perHour[h] = counts;
        });

        var views = Enumerable.Range(0, categories).Select(_ => new double[days]).ToArray();
        for (var h = 0; h < perHour.Length; h++)
        {
            var day = h / 24;
            for (var c = 0; c < categories; c++)
            {
                views[c][day] += perHour[h][c * 2];
                if (day + 1 < days)
                {
                    views[c][day + 1] += perHour[h][(c * 2) + 1];
                }
            }
        }

        return views;
    }
}
