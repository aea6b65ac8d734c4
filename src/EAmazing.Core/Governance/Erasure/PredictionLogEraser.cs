using System.Text.Json;
using EAmazing.Foundation.Files;
using EAmazing.Monitoring.Predictions;

namespace EAmazing.Governance.Erasure;

/// <summary>
/// The predictions log's part of an erasure: JSON lines under <c>&lt;lake&gt;/monitoring/predictions</c> whose
/// <c>user_pseudonym</c> is a subject's. A file that holds any is rewritten without them (temporary file, then
/// rename); a line that does not parse (a crash mid-write) goes if it contains a subject's pseudonym at all.
/// Not part of the lake's journal (the erasure removes the lines just before its commit): a re-run finds and removes whatever a crash left.
/// </summary>
public sealed class PredictionLogEraser(string lakeRoot)
{
    private const string TemporarySuffix = ".tmp";

    /// <summary>Lines per pseudonym, without changing anything.</summary>
    public IReadOnlyDictionary<string, long> Count(IReadOnlySet<string> pseudonyms)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var file in Files())
        {
            foreach (var line in File.ReadLines(file))
            {
                if (OwnerOf(line, pseudonyms) is { } owner)
                {
                    counts[owner] = counts.GetValueOrDefault(owner) + 1;
                }
            }
        }

        return counts;
    }

    /// <summary>Every line of a subject, as JSON elements (for an access export).</summary>
    public IReadOnlyList<JsonElement> Lines(string pseudonym)
    {
        var subject = new HashSet<string>(StringComparer.Ordinal) { pseudonym };
        var lines = new List<JsonElement>();
        foreach (var file in Files())
        {
            foreach (var line in File.ReadLines(file))
            {
                if (OwnerOf(line, subject) is not null && TryParse(line) is { } json)
                {
                    lines.Add(json.RootElement.Clone());
                    json.Dispose();
                }
            }
        }

        return lines;
    }

    /// <summary>
    /// Rewrites the files that hold subjects' lines; returns the lines removed per pseudonym. The caller holds the
    /// log's <see cref="PredictionLogLock"/>, so a running server appends nothing to a file being replaced.
    /// </summary>
    public IReadOnlyDictionary<string, long> Remove(IReadOnlySet<string> pseudonyms)
    {
        var removed = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var file in Files())
        {
            if (!File.ReadLines(file).Any(l => OwnerOf(l, pseudonyms) is not null))
            {
                continue;
            }

            AtomicFile.WriteText(file, writer =>
            {
                foreach (var line in File.ReadLines(file))
                {
                    if (OwnerOf(line, pseudonyms) is { } owner)
                    {
                        removed[owner] = removed.GetValueOrDefault(owner) + 1;
                        continue;
                    }

                    writer.Write(line);
                    writer.Write('\n');
                }
            }, temporaryPath: file + TemporarySuffix);
        }

        return removed;
    }

    /// <summary>Temporary files a crashed rewrite left behind (never read: the log reads *.jsonl only).</summary>
    public void RemoveTemporaryFiles()
    {
        var folder = PredictionLog.Folder(lakeRoot);
        if (Directory.Exists(folder))
        {
            foreach (var orphan in Directory.EnumerateFiles(folder, "*.jsonl" + TemporarySuffix, SearchOption.AllDirectories))
            {
                File.Delete(orphan);
            }
        }
    }

    private IEnumerable<string> Files()
    {
        var folder = PredictionLog.Folder(lakeRoot);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    private static string? OwnerOf(string line, IReadOnlySet<string> pseudonyms)
    {
        using var json = TryParse(line);
        if (json is not null)
        {
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("user_pseudonym", out var user)
                && user.ValueKind == JsonValueKind.String
                && user.GetString() is { } pseudonym && pseudonyms.Contains(pseudonym)
                ? pseudonym
                : null;
        }

        return pseudonyms.FirstOrDefault(p => line.Contains(p, StringComparison.Ordinal));
    }

    private static JsonDocument? TryParse(string line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
