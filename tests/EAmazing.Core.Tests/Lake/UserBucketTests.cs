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
}
