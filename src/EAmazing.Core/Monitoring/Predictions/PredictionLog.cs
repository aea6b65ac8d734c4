using System.Text.Json;

namespace EAmazing.Monitoring.Predictions;

/// <summary>
/// The append-only predictions table: JSON lines, one file per day and writer process,
/// <c>lake/monitoring/predictions/date=yyyy-MM-dd/predictions-&lt;pid&gt;.jsonl</c>.
/// </summary>
public static class PredictionLog
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string Folder(string lakeRoot) => Path.Combine(Path.GetFullPath(lakeRoot), "monitoring", "predictions");

    public static string FileFor(string lakeRoot, DateTime time) =>
        Path.Combine(Folder(lakeRoot), $"date={time:yyyy-MM-dd}", $"predictions-{Environment.ProcessId}.jsonl");

    /// <summary>Every record of a model in [from, to); unreadable lines (a crash mid-write) are skipped.</summary>
    public static IEnumerable<PredictionRecord> Read(string lakeRoot, string model, DateTime from, DateTime to)
    {
        var folder = Folder(lakeRoot);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                var record = TryParse(line);
                if (record is not null && record.Model == model && record.Time >= from && record.Time < to)
                {
                    yield return record;
                }
            }
        }
    }

    private static PredictionRecord? TryParse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<PredictionRecord>(line, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
