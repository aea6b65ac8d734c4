using System.Globalization;
using EAmazing.Lake;

namespace EAmazing.BusinessModels.Recommendation.Data;

/// <summary>
/// Reads silver's re-sessionised sessions as recommendation sessions: one pass over the events in session and time
/// order (streamed, never all rows held), keeping the selected event types and collapsing consecutive repeats as they
/// come. A session is keyed by month and silver's session id, as gold does (silver numbers sessions per month).
/// </summary>
public static class SessionLog
{
    public static List<RawSession> Load(ILakeConsole lake, PreparationOptions options, IProgress<string>? progress = null)
    {
        progress?.Report(options.WindowDays > 0 ? $"reading silver sessions of the last {options.WindowDays} days" : "reading silver sessions");
        var window = options.WindowDays > 0 ? Window(lake, options.WindowDays) : "";
        var sessions = new List<RawSession>();
        var builder = new SessionBuilder(options);
        string? currentUser = null;
        long currentNumber = 0, currentMonth = 0;
        // One bucket of users at a time (a session's events all fall in one): the engine sorts a sixteenth of the window
        // at once. Sessions are grouped on silver's user, session number and the event's month as stored, not on a key
        // string built per event (the last 31 of four full-scale months, 55.5M events: one sort by that string 224 s and
        // 7.0 GB in the engine; 16 bucket reads 130 s, 0.84 GB each).
        lake.ForEachRowByUserBucket(
            bucket => $"""
                SELECT user_id, session_number, year(event_time) * 100 + month(event_time) AS session_month,
                       CAST(epoch(event_time) AS BIGINT) AS unix_seconds, event_type, product_id
                FROM silver
                WHERE event_type IN ('view', 'cart', 'purchase') {window} AND {bucket.Filter("user_id")}
                ORDER BY user_id, session_number, session_month, event_time, source_file, source_line
                """,
            values =>
            {
                var user = (string)values[0]!;
                var number = Convert.ToInt64(values[1], CultureInfo.InvariantCulture);
                var month = Convert.ToInt64(values[2], CultureInfo.InvariantCulture);
                if (number != currentNumber || month != currentMonth || user != currentUser)
                {
                    builder.Flush(sessions);
                    builder.Start(user);
                    (currentUser, currentNumber, currentMonth) = (user, number, month);
                }

                builder.Add(Convert.ToInt64(values[5], CultureInfo.InvariantCulture), Convert.ToInt64(values[3], CultureInfo.InvariantCulture), TypeOf((string)values[4]!));
            },
            // a bucket's last session ends with it (silver numbers sessions per month, not per bucket)
            bucketDone: () =>
            {
                builder.Flush(sessions);
                currentUser = null;
            });

        // A stable order whatever the buckets' order: by start and user, a user's sessions in silver's order
        List<RawSession> ordered = [.. sessions.OrderBy(s => s.Start).ThenBy(s => s.User, StringComparer.Ordinal)];
        progress?.Report($"{ordered.Count:N0} sessions with at least one kept event");
        return ordered;
    }

    /// <summary>The condition keeping the last <paramref name="days"/> whole days of silver, up to its last event's day.</summary>
    private static string Window(ILakeConsole lake, int days)
    {
        using var reader = lake.Open(string.Create(CultureInfo.InvariantCulture,
            $"SELECT CAST(CAST(max(event_time) AS DATE) - {days - 1} AS TIMESTAMP) FROM silver"));
        var value = new object?[1];
        return reader.Read(value) && value[0] is DateTime start
            ? string.Create(CultureInfo.InvariantCulture, $"AND event_time >= TIMESTAMP '{start:yyyy-MM-dd HH:mm:ss}'")
            : "AND FALSE";
    }

    /// <summary>0 view, 1 cart, 2 purchase (the order of SessionSequence's event types).</summary>
    public static byte TypeOf(string eventType) => eventType switch
    {
        "view" => 0,
        "cart" => 1,
        "purchase" => 2,
        _ => throw new InvalidDataException($"silver event type '{eventType}' is not a view, cart or purchase"),
    };
}
