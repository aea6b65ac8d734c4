using EAmazing.BusinessModels.Churn;
using EAmazing.Core.Tests.Support;

namespace EAmazing.Core.Tests.BusinessModels.Churn;

public sealed class ObservedHistoriesTests
{
    [Fact]
    public void Only_the_asked_users_sessions_before_the_time_are_read_one_per_source_session()
    {
        using var lake = new TestLake();
        foreach (var file in TinyWorld.Files)
        {
            lake.Ingest(file);
        }

        var users = lake.Query("SELECT user_id FROM bronze GROUP BY user_id ORDER BY count(DISTINCT user_session) DESC, user_id LIMIT 3").Rows.Select(r => (string)r[0]!).ToList();
        var before = (DateTime)lake.Query("SELECT max(event_time) FROM silver").Rows[0][0]!;
        var epoch = new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        var histories = ObservedHistories.Load(lake.Engine, users.Take(2).ToHashSet(StringComparer.Ordinal), before);

        foreach (var user in users.Take(2))
        {
            var expected = lake.Count($"SELECT count(DISTINCT user_session) FROM bronze WHERE user_id = '{user}' AND event_time < TIMESTAMP '{before:yyyy-MM-dd HH:mm:ss.ffffff}'");
            Assert.True(expected > 0);
            Assert.Equal(expected, histories.Before(user, before, epoch).Count);
        }

        Assert.Empty(histories.Before(users[2], before, epoch)); // not asked for: not held
        Assert.Empty(ObservedHistories.Load(lake.Engine, new HashSet<string>(), before).Before(users[0], before, epoch));
    }
}
