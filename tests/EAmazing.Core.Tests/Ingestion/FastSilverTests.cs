using EAmazing.Core.Tests.Support;
using EAmazing.Ingestion;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Ingestion;

/// <summary>
/// Silver written while a time-ordered file is read (duplicates and sessions marked in one pass) holds
/// exactly the rows the engine's SQL rebuild (window functions over the month's bronze files) makes.
/// </summary>
public sealed class FastSilverTests
{
    private const string Session = "72d76fde-8bb3-4e00-8c23-a032dfed738c";

    [Fact]
    public void The_real_sample_gives_the_same_silver_rows_as_the_sql_rebuild()
    {
        using var lake = new TestLake();
        lake.Ingest(Rows.RealSample);

        AssertSilverIsTheSqlRebuild(lake);
        AssertWrittenInBronzeOrder(lake);
    }

    [Fact]
    public void A_tiny_generated_month_gives_the_same_silver_rows_as_the_sql_rebuild()
    {
        using var lake = new TestLake();
        lake.Ingest(TinyWorld.Files[0]);

        AssertSilverIsTheSqlRebuild(lake);
        AssertWrittenInBronzeOrder(lake);
    }

    [Fact]
    public void Sixteen_user_buckets_give_the_same_silver_rows_as_the_sql_rebuild()
    {
        using var lake = new TestLake(Options(silverBucketRows: 1_000));
        lake.Ingest(Rows.RealSample);

        Assert.Equal(16, lake.Engine.Partitions().Count(p => p.Layer == LakeLayer.Silver));
        AssertSilverIsTheSqlRebuild(lake);
    }

    [Fact]
    public void Four_user_buckets_merged_from_digit_files_give_the_same_silver_rows_as_the_sql_rebuild()
    {
        using var lake = new TestLake(Options(silverBucketRows: 5_000));
        lake.Ingest(Rows.RealSample);

        Assert.Equal(4, lake.Engine.Partitions().Count(p => p.Layer == LakeLayer.Silver));
        AssertSilverIsTheSqlRebuild(lake);
        AssertWrittenInBronzeOrder(lake);
    }

    [Fact]
    public void A_month_smaller_than_its_file_size_suggests_is_written_whole_from_its_staged_rows()
    {
        // Unzipped, the sample's size suggests ~19,500 rows, so silver streams by user digit from the first row; it
        // holds 17,434, one bucket: the streamed digit files are not used.
        var folder = Directory.CreateTempSubdirectory("sample-csv-");
        try
        {
            var plain = Path.Combine(folder.FullName, "2019-Oct-head.csv");
            File.WriteAllBytes(plain, Rows.RealSampleText());

            using var lake = new TestLake(Options(silverBucketRows: 18_000));
            Assert.InRange(SourceFile.Inspect(plain).ExpectedRows, 18_001, 25_000);
            var outcome = lake.Ingest(plain);

            Assert.Equal(IngestStatus.Complete, outcome.File.Status);
            Assert.Equal(1, lake.Engine.Partitions().Count(p => p.Layer == LakeLayer.Silver));
            AssertSilverIsTheSqlRebuild(lake);
            AssertWrittenInBronzeOrder(lake);
            Assert.Empty(Directory.EnumerateFiles(lake.Engine.Layout.Staging));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_month_larger_than_its_file_size_suggests_is_written_in_buckets_from_its_staged_rows()
    {
        // The gzipped sample's size suggests ~10,000 rows, so its month's whole silver file streams from the first row;
        // it holds 17,434, two buckets: the streamed file is given up and the buckets come from the users' files.
        using var lake = new TestLake(Options(silverBucketRows: 12_000));
        Assert.InRange(SourceFile.Inspect(Rows.RealSample).ExpectedRows, 1, 12_000);
        var outcome = lake.Ingest(Rows.RealSample);

        Assert.Equal(IngestStatus.Complete, outcome.File.Status);
        Assert.Equal(2, lake.Engine.Partitions().Count(p => p.Layer == LakeLayer.Silver));
        AssertSilverIsTheSqlRebuild(lake);
        AssertWrittenInBronzeOrder(lake);
    }

    [Fact]
    public void Duplicates_long_gaps_and_a_month_boundary_give_the_same_silver_rows_as_the_sql_rebuild()
    {
        using var lake = new TestLake();
        var outcome = lake.IngestLines("gaps.csv", GapsAndDuplicates());

        AssertSilverIsTheSqlRebuild(lake);
        AssertWrittenInBronzeOrder(lake);
        Assert.Equal(outcome.File.Rows.Accepted, lake.Count("SELECT count(*) FROM silver"));
        Assert.Equal(5, outcome.File.Rows.Duplicates);
        // User 101: session 1 (00:00 twice, 00:29:59, 00:59:59 = exactly 30 minutes), 2 (30:01 later), 3 (hours later); November restarts at 1.
        Assert.Equal(
            ["1", "1", "1", "1", "2", "3", "1"],
            lake.Query("SELECT split_part(session_id, '-', 2) FROM silver WHERE product_id = 101 ORDER BY event_time").Rows.Select(r => (string)r[0]!).ToList());
    }

    [Fact]
    public void Users_are_numbered_in_each_month_in_the_order_of_their_first_event_by_the_stream_and_by_the_sql_rebuild()
    {
        using var lake = new TestLake();
        lake.IngestLines("gaps.csv", GapsAndDuplicates());
        // October: 101 first (00:00:00, the first line), then 102; November restarts, 102 first (00:00:01), then 101.
        string[] expected = ["2019-10 101 1", "2019-10 102 2", "2019-11 101 2", "2019-11 102 1"];
        Assert.Equal(expected, UserNumbers(lake));
        Assert.Equal(0, NumbersOutOfOrder(lake));

        // A second file of October (users 201, 202, at the same times): the month is rebuilt by the engine.
        lake.IngestLines("more.csv", GapsAndDuplicates().Skip(1).Select(l => l.Replace(",10", ",20", StringComparison.Ordinal)).Reverse());
        AssertSilverIsTheSqlRebuild(lake);
        Assert.Equal(0, NumbersOutOfOrder(lake));
        Assert.Equal([1, 2, 3, 4], lake.Query("SELECT DISTINCT user_number FROM silver WHERE event_time < '2019-11-01' ORDER BY 1").Rows.Select(r => (int)r[0]!));
    }

    /// <summary>Users whose number is not their place in their month by first event (time, source file, line), or not one number a month.</summary>
    private static long NumbersOutOfOrder(TestLake lake) => lake.Count("""
        SELECT count(*) FROM (
            SELECT min(user_number) <> max(user_number)
                   OR min(user_number) <> row_number() OVER (PARTITION BY month ORDER BY min((event_time, source_file, source_line))) AS wrong
            FROM (SELECT *, date_trunc('month', event_time) AS month FROM silver)
            GROUP BY user_id, month)
        WHERE wrong
        """);

    [Fact]
    public void A_second_file_of_the_month_and_an_unordered_file_fall_back_to_the_sql_rebuild()
    {
        using var lake = new TestLake();
        lake.IngestLines("gaps.csv", GapsAndDuplicates());
        lake.IngestLines("more.csv", GapsAndDuplicates().Skip(1).Select(l => l.Replace(",10", ",20", StringComparison.Ordinal)).Reverse());

        AssertSilverIsTheSqlRebuild(lake);
        Assert.Equal(0, lake.Count("SELECT count(*) FROM (SELECT event_time < lag(event_time) OVER () AS back FROM silver) WHERE back"));
    }

    [Fact]
    public void Files_that_outgrow_one_silver_bucket_and_give_up_the_bronze_stream_are_read_again_with_every_row()
    {
        // Beyond 2 rows a month has several buckets, so the streamed rows are kept nowhere else; a second month
        // (gaps.csv) or time going backwards (more.csv) gives the stream up and the file is staged again.
        using var lake = new TestLake(Options(silverBucketRows: 2));
        var gaps = lake.IngestLines("gaps.csv", GapsAndDuplicates());
        var more = lake.IngestLines("more.csv", GapsAndDuplicates().Skip(1).Select(l => l.Replace(",10", ",20", StringComparison.Ordinal)).Reverse());

        foreach (var outcome in new[] { gaps, more })
        {
            Assert.Equal(IngestStatus.Complete, outcome.File.Status);
            Assert.Equal(16, outcome.File.Rows.Read);
            Assert.Equal(outcome.File.Rows.Read, outcome.File.Rows.Accepted + outcome.File.Rows.Duplicates);
        }

        Assert.Equal(32, lake.Count("SELECT count(*) FROM bronze"));
        AssertWrittenInBronzeOrder(lake, LakeLayer.Bronze);

        AssertSilverIsTheSqlRebuild(lake);
        Assert.Empty(Directory.EnumerateFiles(lake.Engine.Layout.Staging));
    }

    /// <summary>"month user number" per user (found by product: product = user in the lines) and month, in order.</summary>
    private static List<string> UserNumbers(TestLake lake) =>
        [.. lake.Query("""
            SELECT DISTINCT strftime(event_time, '%Y-%m') || ' ' || CAST(product_id % 1000 AS VARCHAR) || ' ' || CAST(user_number AS VARCHAR) AS line
            FROM silver WHERE product_id IN (101, 102) ORDER BY line
            """).Rows.Select(r => (string)r[0]!)];

    private static IngestOptions Options(long silverBucketRows) =>
        new() { LatestEventTime = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), SilverBucketRows = silverBucketRows };

    /// <summary>Lines in time order: duplicates (also of equal value in other text), gaps either side of 30 minutes, two months.</summary>
    private static IEnumerable<string> GapsAndDuplicates()
    {
        string Line(string time, string user, string price = "1.50", string session = Session, string type = "view") =>
            $"2019-{time} UTC,{type},{user},2,,brand,{price},{user},{session}"; // product = user, to find a user's rows

        yield return Rows.Header;
        yield return Line("10-01 00:00:00", "101");
        yield return Line("10-01 00:00:00", "102");
        yield return Line("10-01 00:00:00", "101");                                  // exact duplicate, another row between
        yield return Line("10-01 00:00:00", "101", price: "1.5");                    // same values, other text
        yield return Line("10-01 00:00:00", "101", session: Session.ToUpperInvariant()); // the pseudonym is of the lower-case uuid
        yield return Line("10-01 00:00:00", "101", type: "cart");                     // not a duplicate: another event type
        yield return Line("10-01 00:29:59", "101");
        yield return Line("10-01 00:30:00", "102", session: "");
        yield return Line("10-01 00:30:00", "102", session: "");                      // duplicate with an empty session
        yield return Line("10-01 00:59:59", "101");                                  // exactly 30 minutes: same session
        yield return Line("10-01 01:30:00", "101");                                  // 30:01 later: next session
        yield return Line("10-01 01:30:00", "101");
        yield return Line("10-01 09:00:00", "101");
        yield return Line("10-31 23:59:59", "102");
        yield return Line("11-01 00:00:01", "102");                                  // another month: numbering restarts
        yield return Line("11-01 00:10:00", "101");
    }

    /// <summary>Every silver month equals what <c>silver.sql</c> builds from the month's bronze files.</summary>
    private static void AssertSilverIsTheSqlRebuild(TestLake lake)
    {
        var partitions = lake.Engine.Partitions();
        var months = partitions.Where(p => p.Layer == LakeLayer.Bronze).GroupBy(p => p.PartitionKey).ToList();
        Assert.NotEmpty(months);
        foreach (var month in months)
        {
            var target = lake.Input($"sql-silver-{month.Key}.parquet");
            var bronze = month.Select(p => lake.Engine.Layout.Full(p.Path)).Order(StringComparer.Ordinal).ToList();
            var rows = lake.Engine.BuildSilver(bronze, new UserBucket('0', 'f'), target, lake.Options.SessionGap);
            var silver = partitions.Where(p => p.Layer == LakeLayer.Silver && p.PartitionKey == month.Key).Select(p => lake.Engine.Layout.Full(p.Path)).ToList();
            var fast = $"read_parquet({LakeSql.List(silver)}, hive_partitioning = false)";
            var sql = $"read_parquet('{LakeSql.Literal(target)}')";

            Assert.Equal(rows, lake.Count($"SELECT count(*) FROM {fast}"));
            Assert.Equal(rows, partitions.Where(p => p.Layer == LakeLayer.Silver && p.PartitionKey == month.Key).Sum(p => p.Rows)); // the catalog's counts too
            Assert.Equal(0, lake.Count($"SELECT count(*) FROM (SELECT * FROM {fast} EXCEPT ALL SELECT * FROM {sql})"));
            Assert.Equal(0, lake.Count($"SELECT count(*) FROM (SELECT * FROM {sql} EXCEPT ALL SELECT * FROM {fast})"));
            Assert.Equal(
                lake.Query($"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM {sql})").Rows.Select(r => $"{r[0]} {r[1]}"),
                lake.Query($"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM {fast})").Rows.Select(r => $"{r[0]} {r[1]}"));
        }
    }

    /// <summary>
    /// Each file of the layer is in bronze order (time, then source line): bronze always; silver when the fast path
    /// wrote it (the SQL rebuild orders by user within a second).
    /// </summary>
    private static void AssertWrittenInBronzeOrder(TestLake lake, string layer = LakeLayer.Silver)
    {
        foreach (var file in lake.Engine.Partitions().Where(p => p.Layer == layer))
        {
            Assert.Equal(0, lake.Count($"""
                SELECT count(*) FROM (
                    SELECT (event_time, source_line) < lag((event_time, source_line)) OVER () AS back
                    FROM read_parquet('{LakeSql.Literal(lake.Engine.Layout.Full(file.Path))}', hive_partitioning = false))
                WHERE back
                """));
        }
    }
}
