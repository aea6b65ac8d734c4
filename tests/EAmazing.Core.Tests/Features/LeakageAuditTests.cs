using EAmazing.Core.Tests.Support;
using EAmazing.Features;
using EAmazing.Features.Leakage;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Features;

public sealed class LeakageAuditTests(GeneratedGoldLake world) : IClassFixture<GeneratedGoldLake>
{
    private const string Month = "2019-10";

    /// <summary>cart_prediction_points plus two features that count the whole session, purchase included.</summary>
    private static readonly GoldTable LeakyCartPoints = GoldTables.CartPredictionPoints with
    {
        Name = "leaky_cart_prediction_points",
        SqlText = FeatureSql.Load("cart_prediction_points")
            .Replace(" AS label_purchase\n", " AS label_purchase,\n        count(*) AS session_events_total,\n        sum(CASE WHEN e.event_type = 'purchase' THEN 1 ELSE 0 END) AS session_purchases_total\n", StringComparison.Ordinal)
            .Replace("    i.label_purchase\nFROM points p", "    i.session_events_total,\n    i.session_purchases_total,\n    i.label_purchase\nFROM points p", StringComparison.Ordinal),
    };

    private LeakageAudit Audit(LeakageAuditOptions? options = null) =>
        new(world.Gold.Lake.Engine, world.Gold.Builder, options ?? new LeakageAuditOptions());

    [Fact]
    public void Given_a_feature_that_counts_the_whole_session_When_the_audit_runs_Then_it_fails_and_names_the_feature()
    {
        Assert.NotEqual(FeatureSql.Load("cart_prediction_points"), LeakyCartPoints.Sql);

        var result = Audit(new LeakageAuditOptions { SampleCutoffs = 20 }).Run(LeakyCartPoints, Month);

        Assert.False(result.Passed);
        Assert.False(result.Invariance.Passed);
        Assert.Contains(result.Invariance.Violations, v => v.Column == "session_events_total");
        var scan = Assert.Single(result.Scans);
        Assert.Contains("session_purchases_total", scan.Offending);
        Assert.Contains("session_events_total", result.OffendingFeatures);
    }

    [Fact]
    public void Given_the_built_cart_prediction_points_When_the_audit_runs_Then_it_passes_with_every_feature_below_the_threshold()
    {
        var result = Audit().Run(GoldTables.CartPredictionPoints, Month);

        Assert.True(result.Invariance.RowsChecked > 0);
        Assert.True(result.Passed, string.Join("\n", result.Invariance.Violations.Select(v => $"{v.Row} {v.Column}: {v.Built} → {v.Recomputed}"))
            + string.Join(", ", result.Scans.SelectMany(s => s.Features).Where(f => f.Suspicious).Select(f => $"{f.Feature} {f.Auc:F3}")));
        var scan = Assert.Single(result.Scans);
        Assert.True(scan.Rows >= 20 && scan.Positives > 0);
        Assert.All(scan.Features, f => Assert.True(f.Separation < 0.9, $"{f.Feature}: AUC {f.Auc:F3}"));
    }

    [Fact]
    public void Given_a_built_partition_whose_silver_was_rewritten_since_When_the_audit_runs_Then_it_judges_the_built_rows()
    {
        using var gold = new GoldLake(TinyWorld.Files);
        var engine = gold.Lake.Engine;
        var table = GoldTables.UserSnapshots;
        // The month's silver rewritten in place, as an erasure rewrites it: a new version, so the build plan calls its gold stale.
        foreach (var silver in engine.Partitions().Where(p => p.Layer == LakeLayer.Silver && p.PartitionKey == Month))
        {
            File.SetLastWriteTimeUtc(engine.Layout.Full(silver.Path), DateTime.UtcNow.AddMinutes(5));
        }

        var relation = GoldRows.Of(engine, gold.Builder, table, Month, gold.Builder.SilverInputs());
        var result = new LeakageAudit(engine, gold.Builder, new LeakageAuditOptions { SampleCutoffs = 3 }).Run(table, Month);

        // What a training reads, the built file, not the month recomputed by every query of the audit.
        Assert.Contains(GoldLayout.Partition(table.Name, Month), relation, StringComparison.Ordinal);
        Assert.Contains(gold.Builder.Outdated([table]), s => s.Month == Month && s.Reason == "silver inputs, SQL or options changed");
        Assert.True(result.Invariance.RowsChecked > 0);
        Assert.True(result.Invariance.Passed, string.Join("\n", result.Invariance.Violations.Take(5).Select(v => $"{v.Row} {v.Column}: {v.Built} → {v.Recomputed}")));
        Assert.DoesNotContain(world.Gold.Builder.Outdated([table]), s => s.Month == Month);
    }

    [Theory]
    [InlineData("sessions")]
    [InlineData("session_prefixes")]
    [InlineData("user_snapshots")]
    [InlineData("item_first_days")]
    [InlineData("items")]
    [InlineData("item_transitions")]
    [InlineData("demand_daily")]
    public void Given_a_built_gold_table_When_a_sample_of_its_rows_is_recomputed_from_the_past_alone_Then_every_feature_is_identical(string name)
    {
        var result = new FutureInvarianceCheck(world.Gold.Lake.Engine, world.Gold.Builder, new LeakageAuditOptions { SampleCutoffs = 6 })
            .Run(GoldTables.Find(name)!, "2019-11");

        Assert.True(result.RowsChecked > 0);
        Assert.True(result.Passed, string.Join("\n", result.Violations.Take(10).Select(v => $"{v.Row} {v.Column}: {v.Built} → {v.Recomputed}")));
    }

    [Fact]
    public void Given_row_caps_When_the_audit_samples_keys_Then_it_compares_the_same_rows_on_both_sides_and_still_catches_a_leak()
    {
        var full = new FutureInvarianceCheck(world.Gold.Lake.Engine, world.Gold.Builder, new LeakageAuditOptions { SampleCutoffs = 3 }).Run(GoldTables.UserSnapshots, "2019-11");
        var capped = new FutureInvarianceCheck(world.Gold.Lake.Engine, world.Gold.Builder, new LeakageAuditOptions { SampleCutoffs = 3, MaxRowsPerCutoff = 20 })
            .Run(GoldTables.UserSnapshots, "2019-11");

        // A sample drawn differently on the two sides would show rows as missing.
        Assert.True(capped.Passed, string.Join("\n", capped.Violations.Take(10).Select(v => $"{v.Row} {v.Column}: {v.Built} → {v.Recomputed}")));
        Assert.InRange(capped.RowsChecked, 1, full.RowsChecked / 2);

        var leaky = Audit(new LeakageAuditOptions { SampleCutoffs = 20, MaxRowsPerCutoff = 2, MaxScanRows = 40 }).Run(LeakyCartPoints, Month);

        Assert.False(leaky.Invariance.Passed);
        Assert.Contains("session_events_total", leaky.OffendingFeatures);
        Assert.InRange(Assert.Single(leaky.Scans).Rows, 20, 80);
    }

    [Fact]
    public void Given_a_lower_threshold_When_honest_features_reach_it_Then_the_scan_flags_them()
    {
        var result = Audit(new LeakageAuditOptions { AucThreshold = 0.55 }).Run(GoldTables.CartPredictionPoints, Month);

        Assert.False(Assert.Single(result.Scans).Passed);
    }
}
