namespace EAmazing.BusinessModels.Recommendation.Data;

/// <summary>
/// The last-day protocol: test on the sessions that start on the data's last day, validate on those that start on the
/// day before, train on the sessions that end before the day they are judged against (a session running across
/// midnight into a test day is in neither, so no training event is later than a test event).
/// </summary>
public sealed record LastDaySplit(DateOnly ValidationDay, DateOnly TestDay)
{
    public static LastDaySplit Of(IReadOnlyList<RawSession> sessions)
    {
        if (sessions.Count == 0)
        {
            throw new InvalidOperationException("silver holds no view, cart or purchase events: ingest events first");
        }

        var last = Day(sessions.Max(s => s.Start));
        var first = Day(sessions.Min(s => s.Start));
        if (last.DayNumber - first.DayNumber < 2)
        {
            throw new InvalidOperationException($"the lake's sessions span {first:yyyy-MM-dd}..{last:yyyy-MM-dd}: the last-day protocol needs at least 3 days (training, validation, test)");
        }

        return new LastDaySplit(last.AddDays(-1), last);
    }

    public static DateOnly Day(long unixSeconds) => DateOnly.FromDateTime(DateTime.UnixEpoch.AddSeconds(unixSeconds));

    public static long StartOf(DateOnly day) => (long)(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalSeconds;

    /// <summary>Sessions wholly before <paramref name="day"/>.</summary>
    public static IEnumerable<RawSession> Before(IEnumerable<RawSession> sessions, DateOnly day) => sessions.Where(s => s.End < StartOf(day));

    /// <summary>Sessions that start on <paramref name="day"/>.</summary>
    public static IEnumerable<RawSession> StartingOn(IEnumerable<RawSession> sessions, DateOnly day) => sessions.Where(s => Day(s.Start) == day);
}
