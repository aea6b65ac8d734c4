namespace EAmazing.BusinessModels.Recommendation.Data;

/// <summary>
/// The daily incremental protocol: each of the data's final <c>testDays</c> calendar days is a test day, judged on the
/// sessions that start on it by methods trained on the sessions that end before it (days 1..i for test day i + 1, the
/// same rule as <see cref="LastDaySplit"/>); hyperparameters are chosen once, on the day before the first test day
/// (fitted on the days before that), so no test day informs them.
/// </summary>
public sealed record DailySplit(DateOnly ValidationDay, IReadOnlyList<DateOnly> TestDays)
{
    public static DailySplit Of(IReadOnlyList<RawSession> sessions, int testDays)
    {
        if (testDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(testDays), testDays, "the daily protocol needs at least 1 test day");
        }

        if (sessions.Count == 0)
        {
            throw new InvalidOperationException("silver holds no view, cart or purchase events: ingest events first");
        }

        var last = LastDaySplit.Day(sessions.Max(s => s.Start));
        var first = LastDaySplit.Day(sessions.Min(s => s.Start));
        var firstTest = last.AddDays(1 - testDays);
        if (firstTest.DayNumber - first.DayNumber < 2)
        {
            throw new InvalidOperationException(
                $"the lake's sessions span {first:yyyy-MM-dd}..{last:yyyy-MM-dd}: the daily protocol with {testDays} test days needs at least {testDays + 2} days (training, validation, tests); lower --test-days");
        }

        return new DailySplit(firstTest.AddDays(-1), Enumerable.Range(0, testDays).Select(firstTest.AddDays).ToList());
    }
}
