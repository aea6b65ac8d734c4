using EAmazing.Core.Tests.Support;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Governance.Retention;

namespace EAmazing.Core.Tests.Governance.Retention;

/// <summary>Retention on the tiny generated Oct–Nov lake plus two small files with quarantined rows of both months.</summary>
public sealed class RetentionTests : IDisposable
{
    private const string Session = "72d76fde-8bb3-4e00-8c23-a032dfed738c";
    private static readonly DateTime Now = new(2019, 12, 3, 10, 0, 0, DateTimeKind.Utc);

    private readonly GoldLake _gold;

    public RetentionTests()
    {
        _gold = new GoldLake(TinyWorld.Files);
        var lake = _gold.Lake;
        lake.IngestLines("mixed.csv",
        [
            $"2019-10-02 10:00:00 UTC,view,1,2,,,1.00,5,{Session}",
            $"2019-11-02 10:00:00 UTC,view,1,2,,,1.00,5,{Session}",
            $"2019-10-03 10:00:00 UTC,view,1,2,,,abc,5,{Session}", // quarantined, October
            $"2019-11-03 10:00:00 UTC,view,1,2,,,abc,5,{Session}", // quarantined, November
            $"not a time,view,1,2,,,1.00,5,{Session}", // quarantined, undated: goes with the file's newest month (November)
        ]);
        lake.IngestLines("october-only.csv",
        [
            $"2019-10-04 10:00:00 UTC,view,1,2,,,1.00,6,{Session}",
            $"2019-10-05 10:00:00 UTC,cart,1,2,,,-1.00,6,{Session}", // quarantined, October
        ]);
        _gold.Rebuild();
    }

    private TestLake Lake => _gold.Lake;

    public void Dispose() => _gold.Dispose();

    [Theory]
    [InlineData("2019-11", 1, "2019-11")]
    [InlineData("2019-11", 2, "2019-10")]
    [InlineData("2020-01", 3, "2019-11")]
    [InlineData("2020-01", 25, "2018-01")]
    public void The_horizon_keeps_n_months_the_reference_month_included(string reference, int keep, string oldestKept) =>
        Assert.Equal(oldestKept, LakeRetention.OldestKept(reference, keep));

    [Fact]
    public void A_dry_run_plan_lists_the_expired_partitions_and_rows_and_changes_nothing()
    {
        var partitionsBefore = Lake.Engine.Partitions();
        var filesBefore = Directory.EnumerateFiles(Lake.Root, "*.parquet", SearchOption.AllDirectories).Order().ToList();
        var octoberBronze = Lake.Count("SELECT count(*) FROM bronze WHERE strftime(event_time, '%Y-%m') = '2019-10'");
        var octoberSilver = Lake.Count("SELECT count(*) FROM silver WHERE strftime(event_time, '%Y-%m') = '2019-10'");

        var plan = new LakeRetention(Lake.Engine).Plan("2019-11", 1);

        Assert.Equal(["2019-10"], plan.Months);
        Assert.Equal(octoberBronze, plan.Rows(LakeLayer.Bronze));
        Assert.Equal(octoberSilver, plan.Rows(LakeLayer.Silver));
        Assert.Equal(GoldTables.All.Count, plan.GoldPartitions.Count);
        Assert.Equal(2, plan.QuarantineRows);
        Assert.Equal(2, plan.Quarantine.Count);
        Assert.Single(plan.Quarantine, q => q.DropsFile);
        Assert.Equal(partitionsBefore, Lake.Engine.Partitions());
        Assert.Equal(filesBefore, Directory.EnumerateFiles(Lake.Root, "*.parquet", SearchOption.AllDirectories).Order().ToList());
    }

    [Fact]
    public void Apply_drops_the_expired_months_from_every_layer_and_the_lake_still_verifies()
    {
        var novemberBronze = Lake.Count("SELECT count(*) FROM bronze WHERE strftime(event_time, '%Y-%m') = '2019-11'");
        var novemberSilver = Lake.Count("SELECT count(*) FROM silver WHERE strftime(event_time, '%Y-%m') = '2019-11'");
        var octoberBronze = Lake.Count("SELECT count(*) FROM bronze WHERE strftime(event_time, '%Y-%m') = '2019-10'");
        var novemberSessions = Lake.Count("SELECT count(*) FROM gold_sessions WHERE session_start >= TIMESTAMP '2019-11-01'");
        var predictions = Path.Combine(Lake.Root, "monitoring", "predictions");
        Directory.CreateDirectory(Path.Combine(predictions, "date=2019-10-31"));
        Directory.CreateDirectory(Path.Combine(predictions, "date=2019-11-01"));
        var retention = new LakeRetention(Lake.Engine);

        var reference = retention.Apply(retention.Plan("2019-11", 1), Now);
        Lake.Reopen();

        Assert.Empty(LakeConsistency.Check(Lake.Engine));
        Assert.Empty(GoldConsistency.Check(Lake.Engine));
        Assert.Equal(0, Lake.Count("SELECT count(*) FROM bronze WHERE event_time < TIMESTAMP '2019-11-01'"));
        Assert.Equal(0, Lake.Count("SELECT count(*) FROM silver WHERE event_time < TIMESTAMP '2019-11-01'"));
        Assert.Equal(novemberBronze, Lake.Count("SELECT count(*) FROM bronze"));
        Assert.Equal(novemberSilver, Lake.Count("SELECT count(*) FROM silver"));
        Assert.Equal(0, Lake.Count("SELECT count(*) FROM lake_partitions WHERE partition_key = '2019-10'"));
        Assert.Equal(0, Lake.Count("SELECT count(*) FROM gold_partitions WHERE month = '2019-10'"));
        Assert.Empty(Directory.EnumerateDirectories(Lake.Root, "month=2019-10", SearchOption.AllDirectories).SelectMany(d => Directory.EnumerateFiles(d)));
        Assert.Equal(novemberSessions, Lake.Count("SELECT count(*) FROM gold_sessions"));
        Assert.Equal(["date=2019-11-01"], Directory.GetDirectories(predictions).Select(Path.GetFileName));

        // Quarantine: the October rows are gone, November's and the undated row (its file's newest month is November) stay.
        Assert.Equal(["2019-11-03 10:00:00 UTC", "not a time"],
            Lake.Query("SELECT event_time FROM quarantine ORDER BY event_time").Rows.Select(r => (string)r[0]!));
        Assert.Equal(1, Lake.Count("SELECT count(*) FROM lake_partitions WHERE layer = 'quarantine'"));

        // Every removed row is accounted per file, under this run's reference.
        Assert.Equal(octoberBronze, Lake.Count($"SELECT CAST(sum(row_count) AS BIGINT) FROM row_removals WHERE layer = 'bronze' AND reason = 'retention' AND reference = '{reference}'"));
        Assert.Equal(2, Lake.Count("SELECT CAST(sum(row_count) AS BIGINT) FROM row_removals WHERE layer = 'quarantine' AND reason = 'retention'"));
    }

    [Fact]
    public void A_second_run_finds_nothing_to_remove_and_reingesting_the_files_does_not_bring_october_back()
    {
        var retention = new LakeRetention(Lake.Engine);
        retention.Apply(retention.Plan("2019-11", 1), Now);

        var again = retention.Plan("2019-11", 1);
        foreach (var file in TinyWorld.Files)
        {
            Lake.Ingest(file);
        }

        Assert.True(again.IsEmpty);
        Assert.Equal(0, Lake.Count("SELECT count(*) FROM bronze WHERE event_time < TIMESTAMP '2019-11-01'"));
        Assert.Empty(LakeConsistency.Check(Lake.Engine));
    }

    [Fact]
    public void Keeping_enough_months_removes_nothing()
    {
        var plan = new LakeRetention(Lake.Engine).Plan("2019-11", 2);

        Assert.True(plan.IsEmpty);
    }
}
