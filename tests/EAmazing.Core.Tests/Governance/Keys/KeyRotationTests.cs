using System.Text;
using EAmazing.Core.Tests.Support;
using EAmazing.Features;
using EAmazing.Ingestion;
using EAmazing.Engine.DuckDb;
using EAmazing.Lake;
using EAmazing.Monitoring.Predictions;
using EAmazing.Privacy;
using EAmazing.Governance.Keys;
using EAmazing.Privacy.Keys;

namespace EAmazing.Core.Tests.Governance.Keys;

public sealed class KeyRotationTests
{
    /// <summary>Rows that quarantine (an unknown event type, a missing user) next to good ones, so every layer holds pseudonyms.</summary>
    public static string OddRows(TestLake lake) => EventFiles.Write(lake.Input("odd-rows.csv"),
    [
        "2019-10-02 10:00:00 UTC,view,1,2,,,1.00,3,72d76fde-8bb3-4e00-8c23-a032dfed738c",
        "2019-10-02 10:00:01 UTC,click,1,2,,,1.00,3,72d76fde-8bb3-4e00-8c23-a032dfed738c",
        "2019-10-02 10:00:02 UTC,view,1,2,,,1.00,,9333dfbd-b87a-4708-9857-6336556b0fcc",
        "2019-11-02 10:00:01 UTC,view,1,2,,,1.00,3,",
    ]);

    /// <summary>
    /// A file whose header puts user_session before user_id, with a stray quote in a brand: ingest takes columns by
    /// name and quotes as plain characters, so a rotation that re-reads the raw ids must too.
    /// </summary>
    public static string ReorderedRows(TestLake lake)
    {
        var path = lake.Input("reordered.csv");
        File.WriteAllLines(path,
        [
            "event_time,event_type,product_id,category_id,category_code,brand,price,user_session,user_id",
            "2019-10-03 10:00:00 UTC,view,1,2,,\"quoted brand,1.00,5b1c7e0e-1c4f-4bd1-9a57-0f3c1f7c2a11,777001",
            "2019-10-03 10:00:05 UTC,cart,1,2,,,1.00,5b1c7e0e-1c4f-4bd1-9a57-0f3c1f7c2a11,777001",
            "2019-10-03 11:00:00 UTC,view,3,2,,,2.00,0d9f8b3a-2c6e-4f57-8f0a-6a1d2e3b4c5d,777002",
        ]);
        return path;
    }

    [Fact]
    public void After_a_rotation_no_old_pseudonym_remains_joins_hold_and_the_lake_equals_a_fresh_ingest_under_the_new_key()
    {
        using var before = new RotationLake([.. TinyWorld.Files]);
        var odd = OddRows(before.Lake);
        before.Lake.Ingest(odd);
        var reordered = ReorderedRows(before.Lake);
        before.Lake.Ingest(reordered);
        new FeatureBuilder(before.Lake.Engine, new FeatureOptions()).Build(new FeatureBuildRequest());
        var old = before.Pseudonyms();
        var sessions = before.SessionsPerUser();
        var counts = before.RowCounts();
        Assert.True(old.Count > 1000, $"{old.Count} pseudonyms");
        Assert.True(before.Occurrences(old) > 0, "the scan finds the pseudonyms before the rotation");
        Assert.True(counts["quarantine"] > 0 && counts.ContainsKey("gold_sessions"));
        before.Lake.Engine.Dispose();

        var result = before.Rotation().Run();
        before.Lake.Reopen();

        Assert.Equal((TestLake.Key.KeyId, RotationLake.NextKey.KeyId), (result.FromKeyId, result.ToKeyId));
        Assert.Equal(0, before.Occurrences(old));
        Assert.Equal(sessions, before.SessionsPerUser());
        Assert.Equal(counts, before.RowCounts());
        Assert.Empty(LakeConsistency.Check(before.Lake.Engine));
        Assert.All(LakeKeyIds.Read(before.Lake.Engine), use => Assert.Equal(RotationLake.NextKey.KeyId, use.KeyId));
        foreach (var layer in LakeLayer.All)
        {
            Assert.Equal([RotationLake.NextKey.KeyId], before.Lake.Query($"SELECT DISTINCT key_id FROM {layer}").Rows.Select(r => (string)r[0]!));
        }

        // The erased subject stays suppressed under the new key; the predictions log follows the users it knows.
        var next = new Pseudonymiser(RotationLake.NextKey);
        var suppressed = before.Lake.Query("SELECT subject_digest, key_id FROM suppressed_subjects").Rows.Single();
        Assert.Equal(RotationLake.NextKey.KeyId, suppressed[1]);
        Assert.Contains((string)suppressed[0]!, before.Pseudonyms().Select(SubjectDigest.Of));
        Assert.NotEqual(SubjectDigest.Of(before.SuppressedUser), suppressed[0]);
        Assert.Equal([suppressed[0], suppressed[1]], before.Lake.Query("SELECT subject_digest, key_id FROM erasure_log").Rows.Single());
        var predictions = PredictionLog.Read(before.Lake.Root, "purchase-intent-cart", DateTime.MinValue, DateTime.MaxValue).ToList();
        Assert.Equal(2, predictions.Count);
        Assert.Contains(predictions[0].UserPseudonym!, before.Pseudonyms());
        Assert.Null(predictions[1].UserPseudonym);

        // The same files ingested afresh under the new key, gold built: the same rows everywhere.
        using var fresh = new TestLake();
        foreach (var file in TinyWorld.Files.Append(odd).Append(reordered))
        {
            new LakeIngestor(fresh.Engine, RotationLake.NextKey, fresh.Options).IngestFile(file);
        }

        new FeatureBuilder(fresh.Engine, new FeatureOptions()).Build(new FeatureBuildRequest());
        Assert.Equal(LakeFiles(fresh.Engine), LakeFiles(before.Lake.Engine));
        foreach (var view in counts.Keys)
        {
            // The files on both sides (silver's view adds the session id the files do not store).
            var differing = fresh.Count($"SELECT count(*) FROM (SELECT * FROM read_parquet({Files(fresh.Engine, view)}, hive_partitioning = false) EXCEPT ALL SELECT * FROM read_parquet({Files(before.Lake.Engine, view)}, hive_partitioning = false))");
            Assert.True(differing == 0, $"{view}: {differing} rows of the fresh lake are not in the rotated one");
            Assert.Equal(counts[view], fresh.Count($"SELECT count(*) FROM {view}"));
        }

        // The old key is gone: the key file holds the new one, nothing else is left beside it, and no key is in the lake.
        Assert.Equal(RotationLake.NextKey.KeyId, KeyFile.TryRead(before.KeyPath)!.KeyId);
        Assert.Equal([before.KeyPath], Directory.GetFiles(Path.GetDirectoryName(before.KeyPath)!));
        before.Lake.Engine.Dispose();
        foreach (var file in Directory.EnumerateFiles(before.Lake.Root, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var key in new[] { TestLake.Key, RotationLake.NextKey })
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(key.ToHex())) < 0, $"key hex in {file}");
            }
        }

        before.Lake.Reopen();
        var audit = EAmazing.Governance.Audit.AuditTrail.ForLake(before.Lake.Root).Read().Single(e => e.Action == "gdpr.key.rotate");
        Assert.Contains(RotationLake.NextKey.KeyId, audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rotation_refuses_and_changes_nothing_when_a_source_file_is_missing_or_changed()
    {
        using var folder = new TempFolder();
        var copies = TinyWorld.Files.Select(f =>
        {
            var copy = folder.File(Path.GetFileName(f));
            File.Copy(f, copy);
            return copy;
        }).ToList();
        using var lake = new RotationLake(copies, gold: false);
        var odd = OddRows(lake.Lake);
        lake.Lake.Ingest(odd);
        var partitions = lake.Lake.Engine.Partitions();
        lake.Lake.Engine.Dispose();
        var snapshot = Snapshot(lake.Lake.Root);
        File.Delete(copies[0]);
        File.AppendAllText(odd, "2019-10-03 10:00:00 UTC,view,1,2,,,1.00,4,\n");

        var refusal = Assert.Throws<KeyRotationRefusedException>(() => lake.Rotation().Run());

        Assert.True(refusal.IsDataError);
        Assert.Contains("missing: " + copies[0], refusal.Message, StringComparison.Ordinal);
        Assert.Contains("changed since it was ingested", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(odd, refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(copies[1], refusal.Message, StringComparison.Ordinal);
        Assert.Equal(TestLake.Key.KeyId, KeyFile.TryRead(lake.KeyPath)!.KeyId);
        Assert.Equal([lake.KeyPath], Directory.GetFiles(Path.GetDirectoryName(lake.KeyPath)!));
        Assert.Equal(snapshot, Snapshot(lake.Lake.Root));
        lake.Lake.Reopen();
        Assert.Equal(partitions, lake.Lake.Engine.Partitions());
    }

    /// <summary>
    /// A suppressed subject no source file explains cannot be carried to the new key: the rotation refuses after making
    /// its mapping, and leaves none behind (it links the two keys' pseudonyms); asked to drop such subjects, it does.
    /// </summary>
    [Fact]
    public void A_rotation_refuses_a_suppressed_subject_in_no_source_file_and_leaves_no_mapping_behind()
    {
        using var lake = new RotationLake([Rows.RealSample], gold: false);
        var stranger = SubjectDigest.Of(new string('9', 32));
        lake.Lake.Engine.ExecuteCatalog([new CatalogStatement("INSERT INTO suppressed_subjects VALUES ($1, $2, CAST($3 AS TIMESTAMP))",
            stranger, TestLake.Key.KeyId, "2024-05-02T10:00:00.000000")]);
        lake.Lake.Engine.Dispose();
        var snapshot = Snapshot(lake.Lake.Root);

        var refusal = Assert.Throws<KeyRotationRefusedException>(() => lake.Rotation().Run());

        Assert.True(refusal.IsDataError);
        Assert.Contains("1 suppressed (erased) subjects appear in no recorded source file", refusal.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(LakeLayout.At(lake.Lake.Root).KeyRotationMapping));
        Assert.Equal(snapshot, Snapshot(lake.Lake.Root));
        Assert.False(lake.Store.RotationPending);

        var result = new KeyRotation(new DuckDbEngine(), new KeyRotationOptions(lake.Lake.Root, lake.Store)
        {
            NewKey = () => RotationLake.NextKey,
            DropUnmatchedSuppressions = true,
        }).Run();
        lake.Lake.Reopen();

        Assert.Equal((1, 1), (result.Lake!.SuppressionsCarried, result.Lake.SuppressionsDropped));
        var left = lake.Lake.Query("SELECT subject_digest, key_id FROM suppressed_subjects").Rows;
        Assert.Equal(RotationLake.NextKey.KeyId, (string)Assert.Single(left)[1]!);
        Assert.NotEqual(stranger, (string)left[0][0]!);
    }

    [Fact]
    public void A_rotation_refuses_and_changes_nothing_without_the_space_of_a_month_and_its_mapping()
    {
        using var lake = new RotationLake([.. TinyWorld.Files]);
        var root = lake.Lake.Root;
        long Bytes(string folder, string pattern = "*.parquet") =>
            Directory.EnumerateFiles(Path.Combine(root, folder), pattern, SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var layers = LakeLayer.All.Where(l => Directory.Exists(Path.Combine(root, l))).Sum(l => Bytes(l));
        var partitions = lake.Lake.Engine.Partitions();
        var largestMonth = partitions.GroupBy(p => p.PartitionKey).Max(m => m.Sum(p => p.Bytes));
        var mapping = partitions.Where(p => p.Layer == LakeLayer.Bronze).Sum(p => p.Rows) * RotationDiskSpace.MappingBytesPerEvent;
        var needed = RotationDiskSpace.Needed(lake.Lake.Engine);
        lake.Lake.Engine.Dispose();
        var snapshot = Snapshot(root);
        var asked = new List<string>();
        var rotation = new KeyRotation(new DuckDbEngine(), new KeyRotationOptions(root, lake.Store)
        {
            NewKey = () => RotationLake.NextKey,
            FreeBytes = folder =>
            {
                asked.Add(folder);
                return needed - 1;
            },
        });

        var refusal = Assert.Throws<KeyRotationRefusedException>(() => rotation.Run());

        Assert.False(refusal.IsDataError);
        Assert.Equal([root], asked);
        Assert.Contains("needs about", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Free space, then rotate; nothing was changed", refusal.Message, StringComparison.Ordinal);
        Assert.Equal([lake.KeyPath], Directory.GetFiles(Path.GetDirectoryName(lake.KeyPath)!));
        Assert.Equal(snapshot, Snapshot(root));
        // The largest month (or gold partition holding pseudonyms) a quarter more, and the mapping: not the whole lake, which
        // a rotation committing once wrote aside.
        Assert.True(partitions.Select(p => p.PartitionKey).Distinct().Count() > 1);
        Assert.InRange(needed, largestMonth * 5 / 4 + mapping, (layers + Bytes("gold")) * 5 / 4 + mapping);
        Assert.True(needed < layers * 5 / 4 + mapping, $"needed {needed} is a whole lake's {layers} bytes");
        Assert.True(needed >= Directory.EnumerateFiles(Path.Combine(root, "gold", "sessions"), "*.parquet", SearchOption.AllDirectories).Max(f => new FileInfo(f).Length) * 5 / 4);
    }

    [Fact]
    public void A_key_from_the_environment_is_not_rotated()
    {
        using var lake = new TestLake();
        lake.IngestLines("one.csv", [Rows.Header, Rows.Good]);
        var store = new PseudonymKeyStore(name => name == PseudonymKeyStore.EnvironmentVariable ? TestLake.Key.ToHex() : null, null, lake.Input("default.key"));

        var refusal = Assert.Throws<KeyRotationRefusedException>(() => new KeyRotation(new DuckDbEngine(), new KeyRotationOptions(lake.Root, store)).Run());

        Assert.False(refusal.IsDataError);
        Assert.Contains(PseudonymKeyStore.EnvironmentVariable, refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestLake.Key.ToHex(), refusal.Message, StringComparison.Ordinal);
    }

    /// <summary>Relative path → content hash of every file of the lake but the catalog (DuckDB rewrites it on open).</summary>
    internal static IReadOnlyDictionary<string, string> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("catalog.duckdb", StringComparison.Ordinal) && !f.Contains(".staging", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    private static string[] LakeFiles(DuckDbLake lake) =>
        [.. lake.Partitions().Select(p => $"{p.Layer} {p.PartitionKey} {p.Path} {p.FileId} {p.Rows} {p.KeyId}"),
         .. new GoldCatalog(lake).Partitions().Select(p => $"{p.Table} {p.Month} {p.Path} {p.Rows}")];

    private static string Files(DuckDbLake lake, string view) => LakeSql.List(view.StartsWith("gold_", StringComparison.Ordinal)
        ? new GoldCatalog(lake).Partitions().Where(p => "gold_" + p.Table == view).Select(p => lake.Layout.Full(p.Path))
        : lake.Partitions().Where(p => p.Layer == view).Select(p => lake.Layout.Full(p.Path)));
}
