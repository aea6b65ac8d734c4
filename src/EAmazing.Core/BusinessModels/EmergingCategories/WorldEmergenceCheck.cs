using System.Globalization;
using EAmazing.Sources.Synthetic.Simulation;
using EAmazing.Sources.Synthetic.Truth;
using EAmazing.Sources.Synthetic.World;

namespace EAmazing.BusinessModels.EmergingCategories;

/// <summary>
/// Runs the detector on one seeded world as the business would: every day from the first day it can answer to the
/// window's end, each time on the days up to then only. Each category's first flag is compared with the world's
/// truth: planted emergences and launches should be flagged soon after their onset, every other category never.
/// </summary>
public static class WorldEmergenceCheck
{
    public static WorldEmergenceResult Run(SyntheticWorld world, EmergenceDetector detector) =>
        Evaluate(EmergenceTruth.Of(world), History(world, DailyCategoryViews.Simulate(world)), detector);

    /// <summary>The world's simulated daily views per category, keyed by category id as gold demand_daily keys them.</summary>
    public static EmergenceHistory History(SyntheticWorld world, double[][] views)
    {
        var rows = new List<(string, string, DateOnly, double)>();
        foreach (var c in world.Catalog.Categories)
        {
            var key = c.CategoryId.ToString(CultureInfo.InvariantCulture);
            var top = c.Code.Length > 0 ? c.Code.Split('.')[0] : "unknown";
            for (var d = 0; d < world.Window.DayCount; d++)
            {
                if (views[c.Index][d] > 0)
                {
                    rows.Add((key, top, world.Window.Start.AddDays(d), views[c.Index][d]));
                }
            }
        }

        return EmergenceHistory.From(rows);
    }

    /// <summary>Checks the detector every day of <paramref name="history"/> it can answer and scores its first flags against <paramref name="truth"/>.</summary>
    public static WorldEmergenceResult Evaluate(EmergenceTruth truth, EmergenceHistory history, EmergenceDetector detector)
    {
        var firstFlag = new Dictionary<string, (DateOnly Day, EmergenceFlag Flag)>(StringComparer.Ordinal);
        var checks = 0;
        for (var d = detector.Settings.MinimumHistoryDays - 1; d < history.Days; d++)
        {
            var asOf = history.First.AddDays(d);
            checks++;
            foreach (var flag in detector.Detect(history, asOf).TakeWhile(f => f.Flagged))
            {
                firstFlag.TryAdd(flag.CategoryKey, (asOf, flag));
            }
        }

        var planted = truth.Planted.ToDictionary(p => p.CategoryId.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var outcomes = truth.Planted.Select(p =>
        {
            var key = p.CategoryId.ToString(CultureInfo.InvariantCulture);
            return firstFlag.TryGetValue(key, out var f)
                ? new PlantedOutcome(p, f.Day, f.Day.DayNumber - p.OnsetDate.DayNumber, f.Flag.Start.DayNumber - p.OnsetDate.DayNumber, f.Flag.GrowthPerMonth)
                : new PlantedOutcome(p, null, null, null, null);
        }).ToList();
        var stable = history.Categories.Count(c => !planted.ContainsKey(c.CategoryKey));
        var falseFlags = firstFlag.Where(kv => !planted.TryGetValue(kv.Key, out var p) || p.Kind == EmergenceKind.Declining)
            .OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value.Flag with { Start = kv.Value.Flag.Start }).ToList();
        var stableFalse = falseFlags.Count(f => !planted.ContainsKey(f.CategoryKey));
        return new WorldEmergenceResult(outcomes, falseFlags, stable, stableFalse, checks);
    }
}

/// <summary>A planted emergence or launch and when the detector first flagged it (null: never); delays in days after the onset.</summary>
public sealed record PlantedOutcome(PlantedEmergence Planted, DateOnly? FirstFlag, int? DelayDays, int? OnsetErrorDays, double? EstimatedGrowth)
{
    public bool ShouldFlag => Planted.Kind != EmergenceKind.Declining;
}

/// <summary>One world's check: each planted change's outcome, the first flag of each category wrongly flagged (stable or declining), how many stable categories there were.</summary>
public sealed record WorldEmergenceResult(IReadOnlyList<PlantedOutcome> Planted, IReadOnlyList<EmergenceFlag> FalseFlags, int StableCategories, int StableFalseFlags, int Checks)
{
    public int TruePositives => Planted.Count(p => p.ShouldFlag && p.FirstFlag is not null);

    public int Positives => Planted.Count(p => p.ShouldFlag);
}
