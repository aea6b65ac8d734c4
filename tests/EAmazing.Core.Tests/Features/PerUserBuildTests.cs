using EAmazing.Core.Tests.Support;
using EAmazing.Features;
using EAmazing.Features.Leakage;
using EAmazing.Ingestion;

namespace EAmazing.Core.Tests.Features;

/// <summary>A per-user table (user_snapshots) is built one user bucket at a time; its rows are the whole query's.</summary>
public sealed class PerUserBuildTests
{
    [Fact]
    public void Given_months_split_into_different_bucket_counts_When_user_snapshots_are_built_per_bucket_Then_the_rows_equal_an_unsplit_build()
    {
        using var whole = new GoldLake(TinyWorld.Files);
        // 1,000 rows per bucket: October (7.4k rows) splits into 8 buckets, November (11.9k) into 16, so November's
        // history reads each October file for two of its buckets, filtered to each one's users
        using var split = new TestLake(new IngestOptions { LatestEventTime = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), SilverBucketRows = 1_000 });
        foreach (var file in TinyWorld.Files)
        {
            split.Ingest(file);
        }

        var builder = new FeatureBuilder(split.Engine, new FeatureOptions());
        var silver = builder.SilverInputs();
        Assert.Equal(8, silver.Count(s => s.Month == "2019-10"));
        Assert.Equal(16, silver.Count(s => s.Month == "2019-11"));
        Assert.Equal(16, builder.QueryFor(GoldTables.UserSnapshots, "2019-11", silver).Parts().Count);
        Assert.Single(builder.QueryFor(GoldTables.DemandDaily, "2019-11", silver).Parts()); // not per user: one query

        builder.Build(new FeatureBuildRequest(Tables: [GoldTables.UserSnapshots]));

        foreach (var month in new[] { "2019-10", "2019-11" })
        {
            var bucketed = $"read_parquet('{Path.Combine(split.Root, GoldLayout.Partition(GoldTables.UserSnapshots.Name, month))}')";
            var unsplit = $"read_parquet('{Path.Combine(whole.Lake.Root, GoldLayout.Partition(GoldTables.UserSnapshots.Name, month))}')";
            Assert.True(whole.Lake.Count($"SELECT count(*) FROM {unsplit}") > 100, month);
            Assert.Equal(0, whole.Lake.Count($"SELECT count(*) FROM (FROM {bucketed} EXCEPT ALL FROM {unsplit})"));
            Assert.Equal(0, whole.Lake.Count($"SELECT count(*) FROM (FROM {unsplit} EXCEPT ALL FROM {bucketed})"));
            // The file's own columns, not the folder's month= added by a hive-partitioned read of the parts
            Assert.Equal(Columns(whole.Lake, unsplit), Columns(whole.Lake, bucketed));
            // in user and as_of_time order, the buckets' parts merged in pseudonym order: row for row the unsplit file
            var numbered = $"read_parquet('{Path.Combine(split.Root, GoldLayout.Partition(GoldTables.UserSnapshots.Name, month))}', file_row_number = true)";
            Assert.Equal(0, whole.Lake.Count($$"""
                SELECT count(*) FROM (SELECT user_id, as_of_time, lag(user_id) OVER w AS u, lag(as_of_time) OVER w AS t
                                      FROM {{numbered}} WINDOW w AS (ORDER BY file_row_number))
                WHERE u IS NOT NULL AND (u, t) >= (user_id, as_of_time)
                """));
            Assert.Equal(0, whole.Lake.Count($"SELECT count(*) FROM (FROM {numbered} EXCEPT ALL FROM {unsplit.Replace("')", "', file_row_number = true)", StringComparison.Ordinal)})"));
        }

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(split.Root, GoldLayout.Folder), "*.tmp", SearchOption.AllDirectories));

        // The leakage audit recomputes one bucket of users of a bucketed month and compares those users' rows only
        var audit = new LeakageAuditOptions { SampleCutoffs = 3 };
        var everyone = new FutureInvarianceCheck(whole.Lake.Engine, whole.Builder, audit).Run(GoldTables.UserSnapshots, "2019-11");
        var oneBucket = new FutureInvarianceCheck(split.Engine, builder, audit).Run(GoldTables.UserSnapshots, "2019-11");
        Assert.True(oneBucket.Passed, string.Join("\n", oneBucket.Violations.Take(5).Select(v => $"{v.Row} {v.Column}: {v.Built} -> {v.Recomputed}")));
        Assert.InRange(oneBucket.RowsChecked, 1, everyone.RowsChecked / 8);
    }

    [Fact]
    public void Given_a_built_partition_with_a_column_its_SQL_does_not_write_When_the_leakage_audit_recomputes_it_Then_it_fails_naming_the_column()
    {
        using var lake = new GoldLake([TinyWorld.Files[0]]);
        var audit = new FutureInvarianceCheck(lake.Lake.Engine, lake.Builder, new LeakageAuditOptions { SampleCutoffs = 2 });
        Assert.True(audit.Run(GoldTables.UserSnapshots, "2019-10").Passed);

        // As a build before the merge fix wrote it: the partition's month as an extra column
        var file = Path.Combine(lake.Lake.Root, GoldLayout.Partition(GoldTables.UserSnapshots.Name, "2019-10"));
        lake.Lake.Engine.Compute($"COPY (SELECT *, '2019-10' AS month FROM read_parquet('{file}', hive_partitioning = false)) TO '{file}.stale' (FORMAT parquet)");
        File.Move(file + ".stale", file, overwrite: true);

        var result = audit.Run(GoldTables.UserSnapshots, "2019-10");

        Assert.False(result.Passed);
        var violation = Assert.Single(result.Violations);
        Assert.Equal("month", violation.Column);
        Assert.Contains("rebuild", violation.Recomputed, StringComparison.Ordinal);
    }

    private static string Columns(TestLake lake, string readParquet) =>
        string.Join(",", lake.Query($"DESCRIBE SELECT * FROM {readParquet[..^1]}, hive_partitioning = false)").Rows.Select(r => r[0]));

    [Fact]
    public void No_gold_SQL_names_the_events_placeholder_in_a_comment()
    {
        // {events} is filled with a query of several lines: in a comment, its first line stays commented and the rest
        // becomes SQL (a build of user snapshots failed so with "syntax error at or near WHERE")
        var commented = GoldTables.All.SelectMany(t => t.Sql.Split('\n')
                .Select(line => line.IndexOf("--", StringComparison.Ordinal) is var at and >= 0 ? line[at..] : "")
                .Where(comment => comment.Contains("{events}", StringComparison.Ordinal))
                .Select(comment => $"{t.Name}: {comment}"))
            .ToList();

        Assert.Empty(commented);
    }
}
