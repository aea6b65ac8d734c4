using EAmazing.Core.Tests.Support;
using EAmazing.Engine.DuckDb;
using EAmazing.Features;
using EAmazing.Ingestion;
using EAmazing.Lake;
using EAmazing.Lake.Catalog;

namespace EAmazing.Core.Tests.Governance.Keys;

/// <summary>
/// What a rotation writes instead of rebuilding: gold re-keyed in place must equal gold rebuilt from the re-keyed
/// silver, and silver re-keyed in one pass per month must give each user bucket the rows and order a query per bucket gives.
/// </summary>
public sealed class KeyRotationRewriteTests
{
    [Fact]
    public void Gold_rekeyed_in_the_lake_commit_equals_gold_rebuilt_from_the_rotated_silver()
    {
        using var lake = new RotationLake([.. TinyWorld.Files]);
        var before = new GoldCatalog(lake.Lake.Engine).Partitions();
        Assert.Equal(GoldTables.All.Select(t => t.Name).Order(), before.Select(p => p.Table).Distinct().Order());
        lake.Lake.Engine.Dispose();

        var result = lake.Rotation().Run();
        lake.Lake.Reopen();

        // Nothing was rebuilt: every partition came through the commit, recorded as built from the new silver files.
        Assert.Equal(0, result.GoldPartitionsRebuilt);
        Assert.True(result.GoldPartitionsRekeyed > 0);
        var features = new FeatureBuilder(lake.Lake.Engine, new FeatureOptions());
        Assert.All(features.Plan(new FeatureBuildRequest()), step => Assert.Equal(GoldAction.UpToDate, step.Action));
        var rotated = new GoldCatalog(lake.Lake.Engine).Partitions();
        Assert.Equal(before.Select(p => (p.Table, p.Month, p.Rows)), rotated.Select(p => (p.Table, p.Month, p.Rows)));

        // Kept aside, then gold rebuilt from scratch from the rotated silver and compared both ways, row for row.
        using var aside = new TempFolder();
        var copies = rotated.ToDictionary(p => p, p =>
        {
            var copy = aside.File($"{p.Table}-{p.Month}.parquet");
            File.Copy(lake.Lake.Engine.Layout.Full(p.Path), copy);
            return copy;
        });
        lake.Lake.Engine.ExecuteCatalog([GoldPartitionsTable.ForgetAll()]);
        var rebuilt = features.Build(new FeatureBuildRequest());
        Assert.Equal(rotated.Count, rebuilt.Built);
        foreach (var (p, copy) in copies)
        {
            var rekeyed = $"read_parquet('{copy}', hive_partitioning = false)";
            var fresh = $"read_parquet('{lake.Lake.Engine.Layout.Full(p.Path)}', hive_partitioning = false)";
            Assert.Equal((p.Table, p.Month, 0L, 0L), (p.Table, p.Month,
                lake.Lake.Count($"SELECT count(*) FROM (SELECT * FROM {rekeyed} EXCEPT ALL SELECT * FROM {fresh})"),
                lake.Lake.Count($"SELECT count(*) FROM (SELECT * FROM {fresh} EXCEPT ALL SELECT * FROM {rekeyed})")));
            if (GoldTables.Find(p.Table)?.PseudonymOrder is not null)
            {
                // A table whose SQL orders by a pseudonym-derived column: the re-keyed file is sorted as the rebuild's.
                Assert.Equal(0, lake.Lake.Count($"""
                    SELECT count(*) FROM (SELECT * FROM read_parquet('{copy}', file_row_number = true, hive_partitioning = false)
                    EXCEPT ALL SELECT * FROM read_parquet('{lake.Lake.Engine.Layout.Full(p.Path)}', file_row_number = true, hive_partitioning = false))
                    """));
            }
        }
    }

    [Fact]
    public void A_gold_partition_holding_a_pseudonym_the_mapping_lacks_is_rebuilt_not_left_with_nulls()
    {
        using var lake = new RotationLake([.. TinyWorld.Files]);
        var sessions = new GoldCatalog(lake.Lake.Engine).Partitions().First(p => p.Table == GoldTables.Sessions.Name);
        var file = lake.Lake.Engine.Layout.Full(sessions.Path);
        // One session's user replaced by a pseudonym no source file explains; the partition still looks up to date.
        var edited = file + ".edited";
        lake.Lake.Query($"""
            COPY (SELECT * REPLACE (CASE WHEN row_number() OVER () = 1 THEN '{new string('e', 32)}' ELSE user_id END AS user_id)
                  FROM read_parquet('{file}', hive_partitioning = false)) TO '{edited}' (FORMAT parquet)
            """);
        File.Move(edited, file, overwrite: true);
        var nulls = $"SELECT count(*) FROM gold_sessions WHERE user_id IS NULL";
        Assert.Equal(0, lake.Lake.Count(nulls));
        lake.Lake.Engine.Dispose();

        var progress = new ProgressLines();
        var result = lake.Rotation().Run(progress);
        lake.Lake.Reopen();

        Assert.Equal(1, result.GoldPartitionsRebuilt);
        Assert.Equal(0, lake.Lake.Count(nulls));
        Assert.Equal(0, lake.Lake.Count($"SELECT count(*) FROM gold_sessions WHERE user_id = '{new string('e', 32)}'"));
        Assert.Equal(sessions.Rows, lake.Lake.Count($"SELECT count(*) FROM gold_sessions WHERE session_key LIKE '{sessions.Month}/%'"));

        // One check of the lake's pseudonyms per run: the one before the pending key is written holds until the commit.
        Assert.Single(progress.All, line => line.StartsWith("checked every pseudonym", StringComparison.Ordinal));
    }

    [Fact]
    public void Silver_rekeyed_in_one_pass_gives_each_bucket_its_users_rows_in_event_order()
    {
        var options = new IngestOptions { LatestEventTime = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), SilverBucketRows = 1_000 };
        using var lake = new RotationLake([Rows.RealSample], gold: false, options: options);
        const string Content = "SELECT count(*), sum(hash(event_time, event_type, product_id, price, source_file, source_line)) FROM silver";
        var content = lake.Lake.Query(Content).Rows.Single();
        var sessions = lake.SessionsPerUser();
        Assert.Equal(16, lake.Lake.Engine.Partitions().Count(p => p.Layer == LakeLayer.Silver));
        lake.Lake.Engine.Dispose();

        lake.Rotation().Run();
        lake.Lake.Reopen();

        Assert.Equal(content, lake.Lake.Query(Content).Rows.Single());
        Assert.Equal(sessions, lake.SessionsPerUser());
        var silver = lake.Lake.Engine.Partitions().Where(p => p.Layer == LakeLayer.Silver).ToList();
        Assert.Equal(16, silver.Count);
        foreach (var month in silver.GroupBy(p => p.PartitionKey))
        {
            var all = LakeSql.List(month.Select(p => lake.Lake.Engine.Layout.Full(p.Path)));
            foreach (var p in month)
            {
                var name = Path.GetFileNameWithoutExtension(p.Path);
                var bucket = new UserBucket(name[^3], name[^1]);
                // The bucket's rows with their positions in its file, against the month's rows of its users with the
                // positions the order gives (event time, user, source file and line): equal both ways.
                var file = $"SELECT * EXCLUDE (file_row_number), file_row_number AS n FROM read_parquet('{lake.Lake.Engine.Layout.Full(p.Path)}', file_row_number = true, hive_partitioning = false)";
                var expected = $"""
                    SELECT *, row_number() OVER (ORDER BY event_time, user_id, source_file, source_line) - 1 AS n
                    FROM read_parquet({all}, hive_partitioning = false) WHERE user_id >= '{bucket.From}' AND user_id < '{bucket.To}'
                    """;
                Assert.True(p.Rows > 0, $"{p.Path} is empty");
                Assert.Equal((p.Path, 0L, 0L), (p.Path,
                    lake.Lake.Count($"SELECT count(*) FROM ({file} EXCEPT ALL {expected})"),
                    lake.Lake.Count($"SELECT count(*) FROM ({expected} EXCEPT ALL {file})")));
            }
        }
    }

    [Fact]
    public void Bronze_rekeyed_a_slice_at_a_time_keeps_every_file_in_its_row_order()
    {
        using var reference = new RotationLake([Rows.RealSample], gold: false);
        reference.Lake.Engine.Dispose();
        reference.Rotation().Run();
        reference.Lake.Reopen();
        using var lake = new RotationLake([Rows.RealSample], gold: false);
        var files = lake.Lake.Engine.Partitions().Where(p => p.Layer is LakeLayer.Bronze or LakeLayer.Quarantine).ToList();
        var bronze = files.Where(p => p.Layer == LakeLayer.Bronze).ToList();
        Assert.Contains(bronze, p => p.Rows > 10 * 997);
        var linesBefore = files.ToDictionary(p => p.Path, p => Column(lake.Lake, p.Path, "source_line"));
        lake.Lake.Engine.Dispose();

        // 997 rows a slice: the sample's bronze file is cut into more than ten, the last one short.
        var result = lake.Rotation(sliceRows: 997).Run();
        lake.Lake.Reopen();

        Assert.Equal(bronze.Sum(p => p.Rows), lake.Lake.Engine.Partitions().Where(p => p.Layer == LakeLayer.Bronze).Sum(p => p.Rows));
        foreach (var p in files)
        {
            // Each file's rows, position by position: the same source lines as before, and the same new pseudonyms as the
            // rotation that sorted the file at once.
            Assert.Equal(linesBefore[p.Path], Column(lake.Lake, p.Path, "source_line"));
            Assert.Equal(Column(reference.Lake, p.Path, "user_id || '/' || coalesce(user_session, '-') || '/' || key_id"),
                Column(lake.Lake, p.Path, "user_id || '/' || coalesce(user_session, '-') || '/' || key_id"));
        }

        Assert.Equal(bronze.Count, result.Lake!.BronzeFiles);
        Assert.False(Directory.Exists(Path.Combine(lake.Lake.Engine.Layout.Staging, "rekey-rows")));
    }

    /// <summary>One expression over a lake file's rows, in the file's order (a scan of one file keeps it).</summary>
    private static List<string> Column(TestLake lake, string path, string expression) =>
        lake.Query($"SELECT CAST({expression} AS VARCHAR) FROM read_parquet('{lake.Engine.Layout.Full(path)}', hive_partitioning = false)")
            .Rows.Select(r => (string?)r[0] ?? "null").ToList();
}
