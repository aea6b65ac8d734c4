using DuckDB.NET.Data;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Lake;

public sealed class UserBucketTests
{
    [Theory]
    [InlineData(1_000, 1)]
    [InlineData(3_000_000, 1)]
    [InlineData(3_000_001, 2)]
    [InlineData(12_000_004, 8)]
    [InlineData(42_000_000, 16)]
    [InlineData(400_000_000, 16)]
    public void A_month_is_split_into_enough_buckets_of_users_to_stay_near_the_target(long rows, int buckets)
    {
        var split = UserBucket.For(rows, 3_000_000);

        Assert.Equal(buckets, split.Count);
        Assert.Equal("0", split[0].From);
        Assert.Equal("g", split[^1].To);
        Assert.All(split.Zip(split.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));
    }

    [Theory]
    [InlineData("users-0-f.parquet", '0', 'f', 16)]
    [InlineData("users-3-3.parquet", '3', '3', 1)]
    [InlineData("users-8-b.parquet", '8', 'b', 4)]
    public void A_silver_file_names_its_bucket(string name, char first, char last, int width)
    {
        var bucket = UserBucket.FromFileName("/lake/silver/month=2019-10/" + name);

        Assert.Equal(new UserBucket(first, last), bucket);
        Assert.Equal(width, bucket!.Width);
    }

    [Theory]
    [InlineData("events.parquet")]
    [InlineData("users-g-h.parquet")]
    [InlineData("users-f-0.parquet")]
    [InlineData("users-10-f.parquet")]
    public void Any_other_file_name_has_no_bucket(string name) => Assert.Null(UserBucket.FromFileName(name));

    [Fact]
    public void Buckets_overlap_when_they_share_a_first_digit()
    {
        var pair = new UserBucket('0', '1');

        Assert.True(pair.Overlaps(new UserBucket('1', '1')));
        Assert.True(pair.Overlaps(new UserBucket('0', 'f')));
        Assert.False(pair.Overlaps(new UserBucket('2', '3')));
        Assert.False(new UserBucket('f', 'f').Overlaps(new UserBucket('e', 'e')));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(16)]
    public void The_buckets_filters_keep_each_pseudonym_in_the_one_bucket_of_its_first_digit(int count)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        // Pseudonyms as the lake writes them: 32 lowercase hex digits, every first digit present.
        command.CommandText = "CREATE TABLE users AS SELECT md5(i::VARCHAR) AS user_id FROM range(2000) t(i)";
        command.ExecuteNonQuery();

        foreach (var bucket in UserBucket.Equal(count))
        {
            command.CommandText = $"SELECT count(*) FILTER (WHERE {bucket.Filter("user_id")}), " +
                $"count(*) FILTER (WHERE left(user_id, 1) BETWEEN '{bucket.First}' AND '{bucket.Last}') FROM users";
            using var reader = command.ExecuteReader();
            reader.Read();
            Assert.True(reader.GetInt64(1) > 0);
            Assert.Equal(reader.GetInt64(1), reader.GetInt64(0));
        }
    }
}
