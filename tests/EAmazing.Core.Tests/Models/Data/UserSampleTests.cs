using EAmazing.Core.Tests.Support;
using EAmazing.Features;
using EAmazing.Models.Data;

namespace EAmazing.Core.Tests.Models.Data;

public sealed class UserSampleTests
{
    [Fact]
    public void Beyond_the_limit_a_share_of_users_is_kept_with_every_row_of_each()
    {
        using var gold = new GoldLake(TinyWorld.Files);
        var table = GoldTables.UserSnapshots;
        var all = gold.Lake.Count($"SELECT count(*) FROM {table.ViewName} WHERE label_churn IS NOT NULL");

        Assert.Null(UserSample.For(gold.Lake.Engine, table, "label_churn", all));
        var sample = UserSample.For(gold.Lake.Engine, table, "label_churn", all / 3);

        Assert.NotNull(sample);
        Assert.Equal(all, sample.AllRows);
        Assert.Equal((int)Math.Floor((double)(all / 3) / all * UserSample.Range), sample.Below);
        Assert.InRange(sample.Rows, all / 6, all / 2);
        Assert.Equal(sample.Rows, gold.Lake.Count($"SELECT count(*) FROM {table.ViewName} WHERE label_churn IS NOT NULL AND {sample.Filter}"));
        // Users, not rows: a kept user keeps all of their labelled rows, a dropped user none.
        Assert.Equal(0, gold.Lake.Count($"""
            SELECT count(*) FROM (SELECT user_id, count(DISTINCT {sample.Filter}) AS kinds FROM {table.ViewName} WHERE label_churn IS NOT NULL GROUP BY user_id)
            WHERE kinds > 1
            """));
        Assert.Matches($@"^a 33\.[23]% user sample \(pseudonyms below '{sample.Below:x4}' in their first four hex digits: [\d,]+ of the {all:N0} labelled rows\)$", sample.Rule);
    }
}
