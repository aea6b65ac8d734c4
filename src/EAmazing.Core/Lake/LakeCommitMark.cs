using System.Globalization;
using System.Text.Json;
using EAmazing.Foundation.Files;

namespace EAmazing.Lake;

/// <summary>
/// What a long-running reader of the lake (<c>eamazing serve</c>) needs to notice a change without opening the
/// catalog (whose lock a writer holds): a sequence number that every commit advances, the key ids the lake's
/// partitions are on, and the suppressed subjects (digests per key id). Written beside the catalog at the end
/// of every commit (and by any open of a lake that has none yet); a replay may advance it twice, never back.
/// </summary>
public sealed record LakeCommitMark(long Sequence, IReadOnlyList<string> KeyIds, IReadOnlyList<SuppressedDigest> Suppressed)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static LakeCommitMark None { get; } = new(0, [], []);

    public static string PathOf(LakeLayout layout) => System.IO.Path.Combine(layout.Root, "_commit_mark.json");

    /// <summary>The lake's current mark; <see cref="None"/> when it has none or it cannot be read right now.</summary>
    public static LakeCommitMark Read(string lakeRoot)
    {
        var path = PathOf(LakeLayout.At(lakeRoot));
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return JsonSerializer.Deserialize<LakeCommitMark>(stream, Json) ?? None;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return None;
        }
    }

    /// <summary>Advances the sequence and records the catalog's key ids and suppression list as they are now.</summary>
    public static LakeCommitMark Advance(ILakeEngine lake)
    {
        // The ingested files' key ids too: a key rotation moves them in its last commit, so a mark of a lake part-way through
        // one names both keys even once every partition is on the new key (its gold may still be on the old one).
        var keyIds = lake.Query("SELECT key_id FROM lake_partitions UNION SELECT key_id FROM ingested_files ORDER BY 1").Rows
            .Select(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)!).ToList();
        var suppressed = lake.Query("SELECT key_id, subject_digest FROM suppressed_subjects ORDER BY 1, 2").Rows
            .Select(r => new SuppressedDigest(Convert.ToString(r[0], CultureInfo.InvariantCulture)!, Convert.ToString(r[1], CultureInfo.InvariantCulture)!)).ToList();
        var mark = new LakeCommitMark(Read(lake.Layout.Root).Sequence + 1, keyIds, suppressed);
        var path = PathOf(lake.Layout);
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, mark, Json), temporaryPath: path + LakeLayout.TemporarySuffix, overwrite: true);
        return mark;
    }

    /// <summary>The digests suppressed under <paramref name="keyId"/>.</summary>
    public IReadOnlySet<string> SuppressedUnder(string keyId) =>
        Suppressed.Where(s => s.KeyId == keyId).Select(s => s.Digest).ToHashSet(StringComparer.Ordinal);
}
