using EAmazing.BusinessModels.Churn;
using EAmazing.Models.Data;

namespace EAmazing.Core.Tests.BusinessModels.Churn;

public sealed class RecencyRuleTests
{
    private static readonly DateTime Day = new(2019, 10, 7, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Never_bought_users_form_their_own_bin_and_each_bin_predicts_its_shrunk_training_rate()
    {
        // 20 recent buyers (2 days, 10% churn), 20 lapsed buyers (40 days, 90% churn), 10 who never bought (all churn).
        var rows = new List<(float Days, bool Churned)>();
        rows.AddRange(Enumerable.Range(0, 20).Select(i => (2f, i < 2)));
        rows.AddRange(Enumerable.Range(0, 20).Select(i => (40f, i < 18)));
        rows.AddRange(Enumerable.Range(0, 10).Select(_ => (float.NaN, true)));
        var data = Data(rows);
        var prior = data.PositiveRate; // 30 / 50

        var rule = RecencyRule.Fit(data);

        Assert.Equal((2 + (5 * prior)) / 25, rule.Predict([2f, 7f]), 5);
        Assert.Equal((18 + (5 * prior)) / 25, rule.Predict([40f, 7f]), 5);
        Assert.Equal((10 + (5 * prior)) / 15, rule.Predict([float.NaN, 7f]), 5);
        // The other column plays no part.
        Assert.Equal(rule.Predict([40f, 0f]), rule.Predict([40f, 1000f]));
    }

    [Fact]
    public void Rows_without_the_recency_column_are_refused_with_the_fix()
    {
        var data = new TabularDataset(["recency_days"], [[1f], [2f]], [true, false], [Day, Day]);

        var e = Assert.Throws<InvalidOperationException>(() => RecencyRule.Fit(data));

        Assert.Contains("days_since_last_purchase", e.Message, StringComparison.Ordinal);
        Assert.Contains("features build", e.Message, StringComparison.Ordinal);
    }

    private static TabularDataset Data(IReadOnlyList<(float Days, bool Churned)> rows) =>
        new([RecencyRule.Feature, "events_7d"], rows.Select(r => new[] { r.Days, 7f }).ToArray(), rows.Select(r => r.Churned).ToArray(), rows.Select(_ => Day).ToArray());
}
