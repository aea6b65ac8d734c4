using System.Globalization;
using EAmazing.Core.Tests.Support;
using EAmazing.Engine.DuckDb;
using EAmazing.Features;
using EAmazing.Ingestion;
using EAmazing.Lake;
using EAmazing.Monitoring.Predictions;
using EAmazing.Privacy;
using EAmazing.Governance.Keys;
using EAmazing.Privacy.Keys;

namespace EAmazing.Core.Tests.Governance.Keys;

/// <summary>
/// A lake ready for a key rotation: files ingested under <see cref="TestLake.Key"/> (held in a key file outside
/// the lake), gold built, one erased (suppressed) subject, a predictions log with a known and an unknown user.
/// </summary>
public sealed class RotationLake : IDisposable
{
    public static readonly PseudonymKey NextKey = Parse("ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100");

    public RotationLake(IEnumerable<string> files, bool gold = true, IngestOptions? options = null)
    {
        Lake = new TestLake(options);
        KeyPath = Lake.Input(Path.Combine("keys", "pseudonym.key"));
        KeyFile.Write(KeyPath, TestLake.Key);
        foreach (var file in files)
        {
            Lake.Ingest(file);
        }

        if (gold)
        {
            new FeatureBuilder(Lake.Engine, new FeatureOptions()).Build(new FeatureBuildRequest());
        }

        SuppressedUser = (string)Lake.Query("SELECT min(user_id) FROM silver").Rows[0][0]!;
        Lake.Engine.ExecuteCatalog([new CatalogStatement("INSERT INTO suppressed_subjects VALUES ($1, $2, CAST($3 AS TIMESTAMP))",
            SubjectDigest.Of(SuppressedUser), TestLake.Key.KeyId, "2024-05-01T10:00:00.000000"),
            new CatalogStatement("INSERT INTO erasure_log VALUES ('e1', $1, $2, CAST($3 AS TIMESTAMP), '{}', '[]', '[]')",
                SubjectDigest.Of(SuppressedUser), TestLake.Key.KeyId, "2024-05-01T10:00:00.000000")]);
        KnownUser = (string)Lake.Query("SELECT max(user_id) FROM silver").Rows[0][0]!;
        var log = PredictionLog.FileFor(Lake.Root, new DateTime(2024, 5, 2, 0, 0, 0, DateTimeKind.Utc));
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        File.WriteAllLines(log,
        [
            System.Text.Json.JsonSerializer.Serialize(new PredictionRecord(new DateTime(2024, 5, 2, 9, 0, 0, DateTimeKind.Utc), "purchase-intent-cart", 1, KnownUser, 0.7, true), PredictionLog.Json),
            System.Text.Json.JsonSerializer.Serialize(new PredictionRecord(new DateTime(2024, 5, 2, 9, 1, 0, DateTimeKind.Utc), "purchase-intent-cart", 1, new string('a', 32), 0.2, false), PredictionLog.Json),
        ]);
    }

    public TestLake Lake { get; }

    public string KeyPath { get; }

    public string SuppressedUser { get; }

    public string KnownUser { get; }

    public PseudonymKeyStore Store => new(_ => null, KeyPath, Lake.Input("unused-default.key"));

    public KeyRotation Rotation(Action<string>? fault = null, PseudonymKey? next = null, long sliceRows = LakeRekeyer.DefaultSliceRows) =>
        new(new DuckDbEngine(), new KeyRotationOptions(Lake.Root, Store) { NewKey = () => next ?? NextKey, FaultPoint = fault, SliceRows = sliceRows });

    /// <summary>
    /// Every distinct user and session pseudonym in bronze, silver and quarantine (silver's users are bronze's).
    /// </summary>
    public IReadOnlySet<string> Pseudonyms() => Lake.Query("""
        SELECT user_id FROM bronze UNION SELECT user_session FROM bronze WHERE user_session IS NOT NULL
        UNION SELECT user_id FROM quarantine WHERE user_id IS NOT NULL UNION SELECT user_session FROM quarantine WHERE user_session IS NOT NULL
        """).Rows.Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);

    /// <summary>Sessions per user, as a sorted list of counts: equal before and after a rotation when joins hold.</summary>
    public IReadOnlyList<long> SessionsPerUser() => Lake.Query("SELECT count(DISTINCT session_id) AS n FROM silver GROUP BY user_id ORDER BY n").Rows
        .Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).ToList();

    /// <summary>Rows per layer and gold view.</summary>
    public IReadOnlyDictionary<string, long> RowCounts()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var view in LakeLayer.All.Concat(Lake.Query("SELECT view_name FROM duckdb_views() WHERE view_name LIKE 'gold_%'").Rows.Select(r => (string)r[0]!)))
        {
            counts[view] = Lake.Count($"SELECT count(*) FROM {view}");
        }

        return counts;
    }

    /// <summary>
    /// Occurrences of any of <paramref name="pseudonyms"/> as a 32-hex token anywhere in the lake: every VARCHAR
    /// column of every Parquet file on disk (gold included; session keys embed user pseudonyms) and of every catalog table.
    /// </summary>
    public long Occurrences(IReadOnlySet<string> pseudonyms)
    {
        Lake.Engine.ExecuteCatalog([new CatalogStatement("CREATE OR REPLACE TEMP TABLE wanted (p VARCHAR)")]);
        foreach (var chunk in pseudonyms.Chunk(500))
        {
            Lake.Engine.ExecuteCatalog([new CatalogStatement("INSERT INTO wanted VALUES " + string.Join(", ", chunk.Select(p => $"('{p}')")))]);
        }

        var sources = Directory.EnumerateFiles(Lake.Root, "*.parquet", SearchOption.AllDirectories).Select(f => $"read_parquet('{f}')")
            .Concat(["ingested_files", "lake_partitions", "suppressed_subjects", "row_removals", "gold_partitions"]).ToList();
        long found = 0;
        foreach (var source in sources)
        {
            var columns = Lake.Query($"SELECT column_name FROM (DESCRIBE SELECT * FROM {source}) WHERE column_type = 'VARCHAR'").Rows.Select(r => (string)r[0]!);
            foreach (var column in columns)
            {
                found += Lake.Count($$"""
                    SELECT count(*) FROM (SELECT unnest(regexp_extract_all("{{column}}", '[0-9a-f]{32}')) AS t FROM {{source}}) AS x
                    JOIN wanted w ON w.p = x.t
                    """);
            }
        }

        return found;
    }

    public void Dispose() => Lake.Dispose();

    private static PseudonymKey Parse(string hex)
    {
        PseudonymKey.TryParseHex(hex, out var key, out _);
        return key!;
    }
}
