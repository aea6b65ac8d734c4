using EAmazing.Core.Tests.Support;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Lake;

public sealed class UserBucketReadsTests
{
    [Fact]
    public void Read_by_user_bucket_every_silver_row_comes_once_in_its_own_bucket()
    {
        using var lake = new TestLake(new EAmazing.Ingestion.IngestOptions { LatestEventTime = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), SilverBucketRows = 1_000 });
        foreach (var file in TinyWorld.Files)
        {
            lake.Ingest(file);
        }

        var expected = lake.Query("SELECT user_id, source_file, source_line FROM silver").Rows
            .Select(r => $"{r[0]}|{r[1]}|{r[2]}").Order(StringComparer.Ordinal).ToList();
        var read = new List<string>();
        var buckets = new List<List<string>>();
        var current = new List<string>();

        lake.Engine.ForEachRowByUserBucket(
            bucket => $"SELECT user_id, source_file, source_line FROM silver WHERE {bucket.Filter("user_id")}",
            row =>
            {
                read.Add($"{row[0]}|{row[1]}|{row[2]}");
                current.Add((string)row[0]!);
            },
            bucketDone: () =>
            {
                buckets.Add(current);
                current = [];
            });

        Assert.True(expected.Count > 1_000);
        Assert.Equal(expected, read.Order(StringComparer.Ordinal).ToList());
        Assert.Equal(UserBucketReads.Buckets, buckets.Count);
        Assert.All(buckets.Zip(UserBucket.Equal(UserBucketReads.Buckets)), pair =>
        {
            Assert.NotEmpty(pair.First);
            Assert.All(pair.First, user => Assert.InRange(user[0], pair.Second.First, pair.Second.Last));
        });
    }
}
