using EAmazing.Core.Tests.Support;
using EAmazing.Features;
using EAmazing.Engine.DuckDb;
using EAmazing.Governance.Keys;
using EAmazing.Lake;
using EAmazing.Privacy;
using EAmazing.Privacy.Keys;

namespace EAmazing.Core.Tests.Governance.Keys;

/// <summary>
/// A rotation that dies at each of its steps (a fault injected there) is finished by a re-run, to exactly the
/// lake an uninterrupted rotation to the same key gives; meanwhile ingest refuses to run on the half-rotated key.
/// </summary>
public sealed class KeyRotationCrashTests : IClassFixture<KeyRotationCrashTests.Reference>
{
    private readonly Reference _reference;

    public KeyRotationCrashTests(Reference reference) => _reference = reference;

    public static TheoryData<string> Points =>
    [
        "pending-key-written", "prepared", "partitions-written", "month-committed", "gold-written", "lake-committed", "predictions-rewritten",
        "gold-rebuilt", "recorded", "old-key-overwritten", "key-swapped",
    ];

    [Theory]
    [MemberData(nameof(Points))]
    public void A_rerun_after_a_crash_gives_the_lake_of_an_uninterrupted_rotation(string point)
    {
        using var lake = new RotationLake([Rows.RealSample]);
        lake.Lake.Engine.Dispose();

        Assert.Throws<SimulatedCrash>(() => lake.Rotation(p =>
        {
            if (p == point)
            {
                throw new SimulatedCrash();
            }
        }).Run());
        var ingestBlocked = point != "key-swapped"; // once the pending key exists, until it is the key
        Assert.Equal(ingestBlocked, lake.Store.RotationPending);
        if (ingestBlocked)
        {
            Assert.Throws<PseudonymKeyException>(() => lake.Store.Resolve());
        }

        // A resumed rotation keeps its pending key whatever new one it is offered; one that never got as far as
        // its progress file starts over (and takes the offered key).
        var result = lake.Rotation(next: point == "pending-key-written" ? null : PseudonymKey.Generate()).Run();
        lake.Lake.Reopen();

        Assert.Equal(RotationLake.NextKey.KeyId, result.ToKeyId);
        Assert.Equal(point != "pending-key-written", result.Resumed);
        Assert.Empty(LakeConsistency.Check(lake.Lake.Engine));
        Assert.Equal(RotationLake.NextKey.KeyId, KeyFile.TryRead(lake.KeyPath)!.KeyId);
        Assert.Equal([lake.KeyPath], Directory.GetFiles(Path.GetDirectoryName(lake.KeyPath)!));
        Assert.Equal(_reference.Files, Contents(lake.Lake.Engine));
        Assert.Equal(_reference.Suppressed, Suppressed(lake.Lake.Engine));
        Assert.Equal(1, lake.Lake.Count("SELECT count(*) FROM read_json_auto('" + lake.Lake.Root + "/audit/audit.jsonl') WHERE action = 'gdpr.key.rotate'"));
        Assert.False(lake.Store.RotationPending);
    }

    /// <summary>
    /// Over several months the rotation commits each month, then each gold partition: stopped between two commits, the lake
    /// holds both keys and its gold over a moved month is not current with silver (training and scoring refuse it); a
    /// re-run finishes it to exactly the lake an uninterrupted rotation gives.
    /// </summary>
    [Theory]
    [InlineData("month-committed")]
    [InlineData("gold-written")]
    public void A_rotation_stopped_between_its_commits_leaves_stale_gold_and_resumes_to_the_uninterrupted_lake(string point)
    {
        using var reference = new RotationLake([.. TinyWorld.Files]);
        reference.Lake.Engine.Dispose();
        reference.Rotation().Run();
        reference.Lake.Reopen();
        using var lake = new RotationLake([.. TinyWorld.Files]);
        Assert.True(lake.Lake.Engine.Partitions().Select(p => p.PartitionKey).Distinct().Count() > 1);
        lake.Lake.Engine.Dispose();

        Assert.Throws<SimulatedCrash>(() => lake.Rotation(p =>
        {
            if (p == point)
            {
                throw new SimulatedCrash();
            }
        }).Run());
        lake.Lake.Reopen();
        Assert.Equal(new[] { TestLake.Key.KeyId, RotationLake.NextKey.KeyId }.Order(StringComparer.Ordinal), LakeKeyIds.Distinct(lake.Lake.Engine).Order(StringComparer.Ordinal));
        Assert.NotEmpty(new FeatureBuilder(lake.Lake.Engine, new FeatureOptions()).Outdated(GoldTables.All));
        var mapping = lake.Lake.Engine.Layout.KeyRotationMapping;
        Assert.True(File.Exists(mapping), "the mapping is kept for the next run");
        lake.Lake.Engine.Dispose();

        var progress = new ProgressLines();
        var result = lake.Rotation().Run(progress);
        lake.Lake.Reopen();

        Assert.True(result.Resumed);
        Assert.Contains(progress.All, line => line.StartsWith("reopened the mapping an earlier run made", StringComparison.Ordinal));
        Assert.DoesNotContain(progress.All, line => line.StartsWith("mapped ", StringComparison.Ordinal));
        Assert.False(File.Exists(mapping), "the mapping links the two keys' pseudonyms: deleted at the end");
        Assert.Empty(LakeConsistency.Check(lake.Lake.Engine));
        Assert.Equal([RotationLake.NextKey.KeyId], LakeKeyIds.Distinct(lake.Lake.Engine));
        Assert.Equal(Contents(reference.Lake.Engine), Contents(lake.Lake.Engine));
    }

    /// <summary>A mapping the stopped run did not finish, or made for another key, is not reopened: it is made again.</summary>
    [Theory]
    [InlineData("damaged")]
    [InlineData("another key")]
    public void A_resumed_rotation_makes_the_mapping_again_when_the_kept_one_is_not_this_rotations(string kept)
    {
        using var reference = new Reference();
        using var lake = new RotationLake([Rows.RealSample]);
        lake.Lake.Engine.Dispose();
        Assert.Throws<SimulatedCrash>(() => lake.Rotation(p =>
        {
            if (p == "partitions-written")
            {
                throw new SimulatedCrash();
            }
        }).Run());
        var mapping = LakeLayout.At(lake.Lake.Root).KeyRotationMapping;
        if (kept == "damaged")
        {
            File.WriteAllBytes(mapping, new byte[4096]);
        }
        else
        {
            // A finished mapping, but one made for another rotation (other keys or source files).
            using var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={mapping}");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE mapping_made SET signature = 'another rotation'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var progress = new ProgressLines();
        lake.Rotation().Run(progress);
        lake.Lake.Reopen();

        Assert.Contains(progress.All, line => line.StartsWith("mapped ", StringComparison.Ordinal));
        Assert.Equal(reference.Files, Contents(lake.Lake.Engine));
    }

    /// <summary>Each lake file (partition or gold) with a hash of its rows, sorted: equal lakes give equal lists.</summary>
    private static IReadOnlyList<string> Contents(DuckDbLake lake) =>
        lake.Partitions().Select(p => p.Path).Concat(new GoldCatalog(lake).Partitions().Select(p => p.Path)).Order(StringComparer.Ordinal)
            .Select(path => path + " " + lake.Query($"SELECT count(*), sum(hash(columns(*))) FROM read_parquet('{lake.Layout.Full(path)}', hive_partitioning = false)").Rows[0]
                .Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)).Aggregate((a, b) => a + "/" + b))
            .ToList();

    private static IReadOnlyList<string> Suppressed(DuckDbLake lake) =>
        lake.Query("SELECT subject_digest || ' ' || key_id FROM suppressed_subjects ORDER BY ALL").Rows.Select(r => (string)r[0]!).ToList();

    /// <summary>The real sample's lake rotated once without interruption, to compare against.</summary>
    public sealed class Reference : IDisposable
    {
        private readonly RotationLake _lake;

        public Reference()
        {
            _lake = new RotationLake([Rows.RealSample]);
            _lake.Lake.Engine.Dispose();
            _lake.Rotation().Run();
            _lake.Lake.Reopen();
            Files = Contents(_lake.Lake.Engine);
            Suppressed = KeyRotationCrashTests.Suppressed(_lake.Lake.Engine);
        }

        public IReadOnlyList<string> Files { get; }

        public IReadOnlyList<string> Suppressed { get; }

        public void Dispose() => _lake.Dispose();
    }

    private sealed class SimulatedCrash : Exception;
}
