using System.Globalization;
using EAmazing.Core.Tests.Support;
using EAmazing.Features;
using EAmazing.Models.Data;

namespace EAmazing.Core.Tests.Models.Data;

/// <summary>The loader streams a gold table into a dataset: the labelled rows in as-of and key order, the numeric features, one string per user.</summary>
public sealed class GoldFeatureLoaderTests
{
    [Fact]
    public void The_labelled_snapshots_load_in_order_with_their_numeric_features_and_one_string_per_user()
    {
        using var gold = new GoldLake(TinyWorld.Files);
        var table = GoldTables.UserSnapshots;

        var (data, users) = GoldFeatureLoader.Load(gold.Lake.Engine, table, "label_churn");

        var expected = gold.Lake.Query($"""
            SELECT user_id, as_of_time, label_churn, CAST(recency_days AS DOUBLE) FROM {table.ViewName}
            WHERE label_churn IS NOT NULL ORDER BY as_of_time, user_id
            """).Rows;
        Assert.True(expected.Count > 100, $"{expected.Count} labelled snapshots");
        Assert.Equal(expected.Count, data.Count);
        Assert.Equal(expected.Select(r => (string)r[0]!), users);
        Assert.Equal(expected.Select(r => (DateTime)r[1]!), data.AsOf);
        Assert.Equal(expected.Select(r => (bool)r[2]!), data.Labels);
        var recency = data.FeatureNames.ToList().IndexOf("recency_days");
        Assert.Equal(expected.Select(r => (float)Convert.ToDouble(r[3], CultureInfo.InvariantCulture)), data.Features.Select(f => f[recency]));

        // Features: every declared feature column but the text ones; no key, id, label or as-of column.
        Assert.DoesNotContain("top_category", data.FeatureNames);
        Assert.DoesNotContain("user_id", data.FeatureNames);
        Assert.DoesNotContain("label_churn", data.FeatureNames);
        Assert.DoesNotContain(GoldTable.AsOfColumn, data.FeatureNames);
        var numeric = gold.Lake.Query($"DESCRIBE SELECT * FROM {table.ViewName}").Rows
            .Where(r => (string)r[1]! != "VARCHAR" && table.IsFeature((string)r[0]!)).Select(r => (string)r[0]!);
        Assert.Equal(numeric, data.FeatureNames);

        // A user's rows share one string.
        var repeated = Enumerable.Range(1, users.Count - 1).First(i => users.Take(i).Contains(users[i], StringComparer.Ordinal));
        Assert.Same(users.Take(repeated).First(u => u == users[repeated]), users[repeated]);
    }
}
