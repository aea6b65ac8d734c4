using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Sources.Synthetic.Oracle;

namespace EAmazing.BusinessModels.Churn;

/// <summary>
/// Each user's sessions as the lake shows them, for the observable oracle: per source session (the shop's own session
/// id, kept in bronze; silver re-sessionises), its first event, its first cart and its first purchase, read from
/// bronze before the latest as-of time (bronze's exact duplicates change no first time; bronze and silver share their
/// retention); <see cref="Before"/> cuts one user's list at its row's as-of time.
/// </summary>
public sealed class ObservedHistories
{
    private readonly Dictionary<string, List<(DateTime Start, DateTime? Cart, DateTime? Purchase)>> _sessions;

    private ObservedHistories(Dictionary<string, List<(DateTime Start, DateTime? Cart, DateTime? Purchase)>> sessions) => _sessions = sessions;

    /// <summary>The sessions of <paramref name="users"/> that started before <paramref name="before"/>.</summary>
    public static ObservedHistories Load(IGoldEngine lake, IReadOnlySet<string> users, DateTime before)
    {
        var sessions = new Dictionary<string, List<(DateTime, DateTime?, DateTime?)>>(StringComparer.Ordinal);
        if (users.Count == 0)
        {
            return new ObservedHistories(sessions);
        }

        // The oracle's users (at most --oracle-users, 100,000 by default) as a literal list: the engine groups their
        // sessions alone, not every user's (~47M source sessions at four full-scale months), and the rows are streamed.
        var wanted = string.Join(", ", users.Order(StringComparer.Ordinal).Select(u => $"'{LakeSql.Literal(u)}'"));
        using var reader = lake.Open($"""
            SELECT user_id, min(event_time), min(CASE WHEN event_type = 'cart' THEN event_time END), min(CASE WHEN event_type = 'purchase' THEN event_time END)
            FROM bronze
            WHERE event_time < {FeatureSql.Timestamp(before)} AND user_id IN ({wanted})
            GROUP BY user_id, user_session
            """);
        var row = new object?[4];
        while (reader.Read(row))
        {
            if (row[0] is string user && row[1] is DateTime start)
            {
                (sessions.TryGetValue(user, out var list) ? list : sessions[user] = []).Add((start, row[2] as DateTime?, row[3] as DateTime?));
            }
        }

        return new ObservedHistories(sessions);
    }

    /// <summary>The user's sessions that started before <paramref name="asOf"/>, in days since <paramref name="epoch"/>, with what they did before it.</summary>
    public IReadOnlyList<ObservedSession> Before(string user, DateTime asOf, DateTime epoch) =>
        _sessions.TryGetValue(user, out var list)
            ? list.Where(s => s.Start < asOf).Select(s => new ObservedSession((s.Start - epoch).TotalDays, s.Cart < asOf, s.Purchase < asOf)).ToList()
            : [];
}
