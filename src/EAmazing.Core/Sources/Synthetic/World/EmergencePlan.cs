using EAmazing.Foundation.Randomness;

namespace EAmazing.Sources.Synthetic.World;

/// <summary>
/// Chooses from the world's seed which categories start growing or shrinking, when and how fast, and which new product
/// lines launch when. Only mid-sized categories are chosen (between <see cref="MinShare"/> and <see cref="MaxShare"/> of
/// all popularity): a giant growing would distort the world's other statistics, a category with a handful of events a
/// day carries no evidence. It draws from its own random stream, so the rest of the catalog does not depend on it.
/// </summary>
internal static class EmergencePlan
{
    public const double MinShare = 0.0015;

    public const double MaxShare = 0.012;

    /// <summary>Days a launched line takes to reach full demand.</summary>
    public const int LaunchRampDays = 21;

    /// <summary>New product lines a world may launch: code and median price.</summary>
    public static readonly (string Code, double MedianPrice)[] LaunchCandidates =
    [
        ("electronics.audio.headphone.wireless", 85), ("electronics.smartwatch", 160), ("electronics.video.action_camera", 180),
        ("appliances.kitchen.air_fryer", 95), ("appliances.environment.air_purifier", 150), ("computers.peripherals.webcam", 45),
        ("appliances.personal.epilator", 55), ("computers.components.ssd", 70),
    ];

    /// <summary>Marks the chosen categories' trends in <paramref name="categories"/> and returns the existing ones chosen.</summary>
    public static List<Emergence> ChooseTrends(ulong seed, List<Category> categories, int windowDays)
    {
        var rng = Xoshiro256.For(seed, 0xE3E76E);
        var total = categories.Sum(c => c.BasePopularity);
        var eligible = categories.Where(c => c.BasePopularity / total is >= MinShare and <= MaxShare).Select(c => c.Index).ToList();
        var emerging = 2 + rng.NextInt(3);
        var declining = 1 + rng.NextInt(3);
        var chosen = new List<Emergence>();
        for (var k = 0; k < emerging + declining && eligible.Count > 0; k++)
        {
            var pick = eligible[rng.NextInt(eligible.Count)];
            eligible.Remove(pick);
            var grows = k < emerging;
            var onset = Between(ref rng, 0.2 * windowDays, 0.55 * windowDays);
            var growth = grows ? LogUniform(ref rng, 1.8, 3.0) : LogUniform(ref rng, 0.4, 0.65);
            categories[pick] = categories[pick] with { MonthlyGrowth = growth, GrowthOnsetDay = onset };
            var c = categories[pick];
            chosen.Add(new Emergence(grows ? EmergenceKind.Emerging : EmergenceKind.Declining, c.Index, c.CategoryId, c.Code, onset, growth, 0));
        }

        return chosen;
    }

    /// <summary>The new lines to launch: candidate code, launch day and popularity relative to the mean category.</summary>
    public static List<(string Code, double MedianPrice, int LaunchDay, double RelativePopularity)> ChooseLaunches(ulong seed, int windowDays)
    {
        var rng = Xoshiro256.For(seed, 0x1A0C4);
        var candidates = LaunchCandidates.ToList();
        var count = 1 + rng.NextInt(2);
        var launches = new List<(string, double, int, double)>();
        for (var k = 0; k < count; k++)
        {
            var pick = candidates[rng.NextInt(candidates.Count)];
            candidates.Remove(pick);
            // At least a week of window left after the launch, so it can be seen.
            var day = Math.Max(1, Math.Min(windowDays - 8, Between(ref rng, 0.3 * windowDays, 0.75 * windowDays)));
            launches.Add((pick.Code, pick.MedianPrice, day, LogUniform(ref rng, 2, 5)));
        }

        return launches;
    }

    private static int Between(ref Xoshiro256 rng, double low, double high) => (int)Math.Round(low + ((high - low) * rng.NextDouble()));

    private static double LogUniform(ref Xoshiro256 rng, double low, double high) => Math.Exp(Math.Log(low) + ((Math.Log(high) - Math.Log(low)) * rng.NextDouble()));
}
