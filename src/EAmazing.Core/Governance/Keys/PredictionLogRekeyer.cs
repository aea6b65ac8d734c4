using System.Text.Json.Nodes;
using EAmazing.Foundation.Files;
using EAmazing.Monitoring.Predictions;

namespace EAmazing.Governance.Keys;

/// <summary>
/// Rewrites the user pseudonyms of the predictions log (<c>&lt;lake&gt;/monitoring/predictions</c>, JSON lines) to
/// the new key, one file at a time (written aside, renamed over). Idempotent, so a crash mid-way is finished by
/// a re-run: an old pseudonym becomes its new one, a new one stays, and one the source files do not explain (a
/// user scored by the API who is in no ingested file) cannot be carried over and is cleared (null): the score
/// stays for drift monitoring. Unreadable lines (a crash mid-append) are dropped, as the reader skips them anyway.
/// </summary>
public static class PredictionLogRekeyer
{
    private const string Field = "user_pseudonym";

    public static bool HasLog(string lakeRoot) =>
        Directory.Exists(PredictionLog.Folder(lakeRoot)) && Directory.EnumerateFiles(PredictionLog.Folder(lakeRoot), "*.jsonl", SearchOption.AllDirectories).Any();

    public static PredictionRekeyCounts Rewrite(string lakeRoot, PseudonymMapping mapping)
    {
        if (!HasLog(lakeRoot))
        {
            return new(0, 0, 0);
        }

        // Held from the first read to the last rename: a running server's lines all land before (and are carried over) or after.
        using var writers = PredictionLogLock.Acquire(lakeRoot);
        var files = Directory.EnumerateFiles(PredictionLog.Folder(lakeRoot), "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var node in Records(file))
            {
                if (node[Field]?.GetValueKind() == System.Text.Json.JsonValueKind.String)
                {
                    seen.Add(node[Field]!.GetValue<string>());
                }
            }
        }

        var (renamed, current) = Lookup(mapping, seen);
        long mapped = 0, cleared = 0;
        foreach (var file in files)
        {
            AtomicFile.WriteText(file, writer =>
            {
                foreach (var node in Records(file))
                {
                    if (node[Field]?.GetValueKind() == System.Text.Json.JsonValueKind.String)
                    {
                        var pseudonym = node[Field]!.GetValue<string>();
                        if (renamed.TryGetValue(pseudonym, out var next))
                        {
                            node[Field] = next;
                            mapped++;
                        }
                        else if (!current.Contains(pseudonym))
                        {
                            node[Field] = null;
                            cleared++;
                        }
                    }

                    writer.WriteLine(node.ToJsonString());
                }
            }, temporaryPath: file + ".rekeying");
        }

        return new(files.Count, mapped, cleared);
    }

    private static IEnumerable<JsonObject> Records(string file)
    {
        foreach (var line in File.ReadLines(file))
        {
            JsonObject? node;
            try
            {
                node = JsonNode.Parse(line) as JsonObject;
            }
            catch (System.Text.Json.JsonException)
            {
                node = null;
            }

            if (node is not null)
            {
                yield return node;
            }
        }
    }

    /// <summary>old → new for the pseudonyms seen, and the seen ones that already are new pseudonyms.</summary>
    private static (Dictionary<string, string> Renamed, HashSet<string> Current) Lookup(PseudonymMapping mapping, HashSet<string> seen)
    {
        mapping.Execute("CREATE OR REPLACE TABLE seen_pseudonyms (p VARCHAR)");
        using (var appender = mapping.Appender("seen_pseudonyms"))
        {
            foreach (var p in seen)
            {
                appender.Append(p);
            }
        }

        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in mapping.Rows("SELECT old, new FROM user_map WHERE old IN (SELECT p FROM seen_pseudonyms) OR new IN (SELECT p FROM seen_pseudonyms)"))
        {
            var (old, next) = ((string)row[0]!, (string)row[1]!);
            if (seen.Contains(old))
            {
                renamed[old] = next;
            }

            if (seen.Contains(next))
            {
                current.Add(next);
            }
        }

        return (renamed, current);
    }
}

/// <summary>What a predictions-log rewrite did: files rewritten, pseudonyms carried to the new key, pseudonyms cleared.</summary>
public sealed record PredictionRekeyCounts(int Files, long Mapped, long Cleared);
