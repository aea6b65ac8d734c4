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
        var window = options.WindowDays > 0
            ? string.Create(CultureInfo.InvariantCulture, $"AND event_time >= CAST((SELECT CAST(max(event_time) AS DATE) FROM silver) - {options.WindowDays - 1} AS TIMESTAMP)")
            : "";
        using var reader = lake.Open($"""
            SELECT strftime(event_time, '%Y-%m') || '/' || session_id AS session_key, user_id,
                   CAST(epoch(event_time) AS BIGINT) AS unix_seconds, event_type, product_id
            FROM silver
            WHERE event_type IN ('view', 'cart', 'purchase') {window}
            ORDER BY session_key, event_time, source_file, source_line
            """);
        var sessions = new List<RawSession>();
        var builder = new SessionBuilder(options);
        var values = new object?[5];
        string? current = null;
        while (reader.Read(values))
        {
            var key = (string)values[0]!;
            if (key != current)
            {
                builder.Flush(sessions);
                builder.Start((string)values[1]!);
                current = key;
            }

            builder.Add(Convert.ToInt64(values[4], CultureInfo.InvariantCulture), Convert.ToInt64(values[2], CultureInfo.InvariantCulture), TypeOf((string)values[3]!));
        }

        builder.Flush(sessions);
        sessions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.User, b.User));
        progress?.Report($"{sessions.Count:N0} sessions with at least one kept event");
        return sessions;
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
