namespace EAmazing.Sources.Synthetic;

/// <summary>What a <see cref="GenerationScale"/> means for a given window: events per month, catalog and population sizes.</summary>
public sealed record ScaleProfile(GenerationScale Scale, IReadOnlyList<long> EventsPerMonth, int ProductCount, int UserCount)
{
    /// <summary>Mean events per session the world is built around (the real October file: about 4.6).</summary>
    public const double TargetEventsPerSession = 4.6;

    public long TotalEvents => EventsPerMonth.Sum();

    public static MonthWindow DefaultWindow(GenerationScale scale) => scale switch
    {
        GenerationScale.Tiny or GenerationScale.Month => new MonthWindow(MonthWindow.DatasetStart, 1),
        GenerationScale.Demo => new MonthWindow(MonthWindow.DatasetStart, 2),
        _ => new MonthWindow(MonthWindow.DatasetStart, 7),
    };

    public static ScaleProfile For(GenerationScale scale, MonthWindow window)
    {
        var real = window.Months.Select(m => MonthWindow.RealMonthlyEvents[MonthWindow.DatasetMonthIndex(m)]).ToArray();
        var realTotal = (double)real.Sum();
        long[] perMonth = scale switch
        {
            GenerationScale.Tiny => real.Select(r => (long)Math.Round(20_000 * r / realTotal)).ToArray(),
            GenerationScale.Demo => real.Select(r => (long)Math.Round(2_000_000 * r / realTotal)).ToArray(),
            GenerationScale.Month => real.Select(_ => MonthWindow.RealMonthlyEvents[0]).ToArray(),
            _ => real,
        };

        var meanMonth = perMonth.Average();
        // Real October: about 255 events per product and 3 sessions per user; later months add new users.
        var products = (int)Math.Clamp(meanMonth / 255, 2_000, 260_000);
        var sessionsPerMonth = meanMonth / TargetEventsPerSession;
        var users = (int)Math.Max(500, sessionsPerMonth / 3.0 * (1 + (0.6 * (window.MonthCount - 1))));
        return new ScaleProfile(scale, perMonth, products, users);
    }
}
