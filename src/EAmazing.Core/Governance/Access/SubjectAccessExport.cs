using System.Collections;
using System.Globalization;
using System.Text.Json;
using EAmazing.Foundation.Files;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Governance.Audit;
using EAmazing.Governance.Erasure;
using EAmazing.Privacy;

namespace EAmazing.Governance.Access;

/// <summary>
/// The right of access: everything the platform holds on one person, in one JSON file a DPO can hand over. The
/// subject (the id as requested, the key id, the subject digest), their events from silver (every column, in time
/// order, with the session pseudonym as received from the event's bronze row), their rows in quarantine and in each
/// gold table, their predictions from the predictions log, the erasure and audit entries about them, and a summary.
/// Written to a temporary file beside the target, then renamed.
/// </summary>
public sealed class SubjectAccessExport(IGoldEngine lake, PseudonymKey key, TimeProvider? clock = null)
{
    public const string Events = "events";
    public const string Quarantine = "quarantined_rows";
    public const string Predictions = "predictions";
    public const string Erasures = "erasures";
    public const string AuditEntries = "audit_entries";

    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public SubjectAccessSummary Write(long userId, string outputPath)
    {
        var subject = ErasureSubject.Of(userId, new Pseudonymiser(key));
        var match = PersonColumn.Matches("user_id", [subject.Pseudonym]);
        var events = SilverEvents(match);
        var quarantined = FromLayer(LakeLayer.Quarantine, match, "source_file, source_line");
        var gold = GoldRows(subject);
        var predictions = new PredictionLogEraser(lake.Layout.Root).Lines(subject.Pseudonym);
        var erasures = ErasureLogEntry.Read(lake, subject.Digest);
        var audit = AuditTrail.ForLake(lake.Layout.Root).Read().Where(r => r.Target == subject.Digest).ToList();

        var counts = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [Events] = events.Rows.Count,
            [Quarantine] = quarantined.Rows.Count,
        };
        foreach (var (table, rows) in gold)
        {
            counts[ErasureTables.Gold(table)] = rows.Rows.Count;
        }

        counts[Predictions] = predictions.Count;
        counts[Erasures] = erasures.Count;
        counts[AuditEntries] = audit.Count;
        var time = events.Columns.ToList().IndexOf("event_time");
        var times = events.Rows.Select(r => r[time]).OfType<DateTime>().ToList();
        var summary = new SubjectAccessSummary(subject.Digest, key.KeyId, counts,
            times.Count == 0 ? null : times.Min(), times.Count == 0 ? null : times.Max(), Path.GetFullPath(outputPath));

        var target = summary.OutputPath;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        AtomicFile.Write(target, stream =>
        {
            using var json = new Utf8JsonWriter(stream, Indented);
            json.WriteStartObject();
            json.WriteString("generated_at", Stamp(_clock.GetUtcNow().UtcDateTime));
            json.WriteStartObject("subject");
            json.WriteNumber("requested_user_id", userId);
            json.WriteString("key_id", key.KeyId);
            json.WriteString("subject_digest", subject.Digest);
            json.WriteString("user_pseudonym", subject.Pseudonym);
            json.WriteEndObject();
            json.WriteStartObject("summary");
            json.WriteStartObject("counts");
            foreach (var (table, count) in counts)
            {
                json.WriteNumber(table, count);
            }

            json.WriteEndObject();
            WriteValue(json, "first_event", summary.FirstEvent);
            WriteValue(json, "last_event", summary.LastEvent);
            json.WriteEndObject();
            WriteRows(json, Events, events);
            WriteRows(json, Quarantine, quarantined);
            json.WriteStartObject("gold");
            foreach (var (table, rows) in gold)
            {
                WriteRows(json, table, rows);
            }

            json.WriteEndObject();
            json.WriteStartArray(Predictions);
            foreach (var line in predictions)
            {
                line.WriteTo(json);
            }

            json.WriteEndArray();
            json.WriteStartArray(Erasures);
            foreach (var e in erasures)
            {
                json.WriteStartObject();
                json.WriteString("erasure_id", e.ErasureId);
                json.WriteString("key_id", e.KeyId);
                json.WriteString("erased_at", Stamp(e.ErasedAt));
                json.WritePropertyName("rows_removed");
                JsonDocument.Parse(e.RowsRemoved).WriteTo(json);
                json.WritePropertyName("event_months");
                JsonDocument.Parse(e.EventMonths).WriteTo(json);
                json.WritePropertyName("models_flagged");
                JsonDocument.Parse(e.ModelsFlagged).WriteTo(json);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("audit");
            foreach (var a in audit)
            {
                json.WriteStartObject();
                json.WriteNumber("sequence", a.Sequence);
                json.WriteString("time", Stamp(a.Time));
                json.WriteString("actor", a.Actor);
                json.WriteString("action", a.Action);
                json.WriteString("target", a.Target);
                json.WriteString("detail", a.Detail);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
        }, temporaryPath: target + ".tmp");
        return summary;
    }

    private QueryResult FromLayer(string layer, string match, string order)
    {
        var files = Files(layer);
        return files.Count == 0
            ? new QueryResult([], [])
            : lake.Compute($"SELECT * FROM {LakeSql.ReadParquet(files)} WHERE {match} ORDER BY {order}");
    }

    /// <summary>
    /// The person's silver events, each with its session pseudonym as received (source_session), which silver does not
    /// keep: taken from the event's bronze row (same source file and line; bronze and silver share their retention).
    /// </summary>
    private QueryResult SilverEvents(string match)
    {
        var silver = Files(LakeLayer.Silver);
        if (silver.Count == 0)
        {
            return new QueryResult([], []);
        }

        var bronze = Files(LakeLayer.Bronze);
        var received = bronze.Count == 0
            ? "SELECT NULL::VARCHAR AS source_file, NULL::BIGINT AS source_line, NULL::VARCHAR AS user_session WHERE false"
            : $"SELECT source_file, source_line, user_session FROM {LakeSql.ReadParquet(bronze)} WHERE {match}";
        return lake.Compute($"""
            SELECT s.*, b.user_session AS source_session
            FROM (SELECT * FROM {LakeSql.ReadParquet(silver)} WHERE {match}) AS s
            LEFT JOIN ({received}) AS b ON b.source_file = s.source_file AND b.source_line = s.source_line
            ORDER BY s.event_time, s.source_file, s.source_line
            """);
    }

    private List<string> Files(string layer) =>
        lake.Partitions().Where(p => p.Layer == layer).Select(p => lake.Layout.Full(p.Path)).ToList();

    /// <summary>Each gold table with per-person rows, months in order; tables never built are left out.</summary>
    private List<(string Table, QueryResult Rows)> GoldRows(ErasureSubject subject)
    {
        var result = new List<(string, QueryResult)>();
        foreach (var group in new GoldCatalog(lake).Partitions().GroupBy(p => p.Table))
        {
            var files = group.OrderBy(p => p.Month, StringComparer.Ordinal).Select(p => lake.Layout.Full(p.Path)).Where(File.Exists).ToList();
            if (files.Count == 0)
            {
                continue;
            }

            // The rows as the table's view shows them (a session key made from the user and the session number).
            var shown = $"({GoldTables.Shown(group.Key, files)})";
            var columns = lake.Compute($"DESCRIBE SELECT * FROM {shown}").Rows
                .Select(r => (string)r[0]!).ToList();
            if (PersonColumn.For(columns) is not { } person)
            {
                continue; // aggregates over many people: nothing of one person alone
            }

            var order = GoldTables.Find(group.Key) is { } table ? string.Join(", ", table.KeyColumns.Where(columns.Contains).Prepend(columns.Contains(GoldTable.AsOfColumn) ? GoldTable.AsOfColumn : columns[0])) : columns[0];
            result.Add((group.Key, lake.Compute($"""
                SELECT * FROM {shown}
                WHERE {PersonColumn.Matches(person, [subject.Pseudonym])} ORDER BY {order}
                """)));
        }

        return result;
    }

    private static void WriteRows(Utf8JsonWriter json, string name, QueryResult rows)
    {
        json.WriteStartArray(name);
        foreach (var row in rows.Rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < rows.Columns.Count; i++)
            {
                WriteValue(json, rows.Columns[i], row[i]);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        json.WritePropertyName(name);
        WriteValue(json, value);
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case DateTime t:
                json.WriteStringValue(Stamp(t));
                break;
            case DateOnly d:
                json.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            case double x when double.IsFinite(x):
                json.WriteNumberValue(x);
                break;
            case float x when float.IsFinite(x):
                json.WriteNumberValue(x);
                break;
            case double or float:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case sbyte or byte or short or ushort or int or uint or long:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u:
                json.WriteNumberValue(u);
                break;
            case IDictionary map:
                json.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    WriteValue(json, Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "", entry.Value);
                }

                json.WriteEndObject();
                break;
            case IEnumerable list:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>Lake times are UTC without a zone; written as ISO 8601 with Z.</summary>
    private static string Stamp(DateTime time) =>
        DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture);
}
