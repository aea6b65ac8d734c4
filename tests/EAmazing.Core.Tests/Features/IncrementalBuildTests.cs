using EAmazing.Core.Tests.Support;
using EAmazing.Features;
using EAmazing.Ingestion;

namespace EAmazing.Core.Tests.Features;

public sealed class IncrementalBuildTests
{
    [Fact]
    public void Given_a_built_lake_When_built_again_Then_nothing_is_recomputed()
    {
        using var gold = new GoldLake([TinyWorld.Files[0]]);

        var again = gold.Rebuild();

        Assert.Equal(GoldTables.All.Count, gold.Builder.Plan(new FeatureBuildRequest()).Count);
        Assert.All(again.Steps, s => Assert.Equal(GoldAction.UpToDate, s.Action));
    }

    [Fact]
    public void Given_a_table_whose_writer_version_is_raised_When_built_again_Then_only_that_table_is_rebuilt()
    {
        using var gold = new GoldLake([TinyWorld.Files[0]]);
        var silver = gold.Builder.SilverInputs();
        var items = GoldTables.Items;

        // Version 1 adds nothing to the fingerprint: partitions built before the version existed stay up to date
        Assert.Equal(gold.Builder.Fingerprint(items, silver), gold.Builder.Fingerprint(items with { WriterVersion = 1 }, silver));
        Assert.NotEqual(gold.Builder.Fingerprint(items, silver), gold.Builder.Fingerprint(items with { WriterVersion = 2 }, silver));

        var again = gold.Builder.Build(new FeatureBuildRequest(Tables: [items with { WriterVersion = 2 }, GoldTables.Sessions]));

        // the first days the items read are planned before them, and stay up to date
        Assert.Equal(
            [(GoldTables.ItemFirstDays.Name, GoldAction.UpToDate), (items.Name, GoldAction.Build), (GoldTables.Sessions.Name, GoldAction.UpToDate)],
            again.Steps.Select(s => (s.Table, s.Action)));
    }

    [Theory]
    [InlineData("cart_prediction_points")] // its users' earlier sessions
    [InlineData("items")] // its items' first days in the earlier months
    public void Given_a_lake_without_gold_When_only_November_of_a_table_reading_earlier_months_is_built_Then_what_it_reads_is_built_first(string name)
    {
        var table = GoldTables.Find(name)!;
        var read = table.ReadsEarlier!.Table;
        using var lake = new TestLake();
        foreach (var file in TinyWorld.Files)
        {
            lake.Ingest(file);
        }

        var builder = new FeatureBuilder(lake.Engine, new FeatureOptions());
        // before any build, November cannot be computed (the audit would say so): October's rows it reads are missing
        var unbuilt = Assert.Throws<InvalidOperationException>(() => builder.QueryFor(table, "2019-11", builder.SilverInputs()));
        Assert.Contains($"{read.Name} of the months before it", unbuilt.Message, StringComparison.Ordinal);

        // a build of November alone makes October's and November's rows of the table it reads first
        var result = builder.Build(new FeatureBuildRequest(From: new DateOnly(2019, 11, 1), Tables: [table]));

        Assert.Equal([(read.Name, "2019-10"), (read.Name, "2019-11"), (table.Name, "2019-11")], result.Steps.Select(s => (s.Table, s.Month)));
        Assert.All(result.Steps, s => Assert.Equal(GoldAction.Build, s.Action));
        // November reads October's partition of it, not its own month's
        var silver = builder.SilverInputs();
        var query = builder.QueryFor(table, "2019-11", silver).Sql();
        Assert.Contains(GoldLayout.Partition(read.Name, "2019-10"), query, StringComparison.Ordinal);
        Assert.DoesNotContain(GoldLayout.Partition(read.Name, "2019-11"), query, StringComparison.Ordinal);
        // the SQL of what it reads is part of its fingerprint: a change to it rebuilds the table
        Assert.NotEqual(builder.Fingerprint(table, silver), builder.Fingerprint(table with { ReadsEarlier = null }, silver));
    }

    [Fact]
    public void Given_a_month_whose_silver_is_split_into_user_buckets_When_built_Then_each_table_is_built_once_with_the_rows_of_an_unsplit_build()
    {
        using var whole = new GoldLake([TinyWorld.Files[0]]);
        using var buckets = new TestLake(new IngestOptions { LatestEventTime = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), SilverBucketRows = 1_000 });
        buckets.Ingest(TinyWorld.Files[0]);
        var builder = new FeatureBuilder(buckets.Engine, new FeatureOptions());
        Assert.True(builder.SilverInputs().Count > 1);

        var result = builder.Build(new FeatureBuildRequest());

        Assert.Equal(GoldTables.All.Select(t => (t.Name, "2019-10")), result.Steps.Select(s => (s.Table, s.Month)));
        Assert.All(result.Steps, s => Assert.Equal(GoldAction.Build, s.Action));
        foreach (var table in GoldTables.All)
        {
            // per-file SQL (FeatureSql.PerFile) and whole-month SQL give the same rows
            var split = $"read_parquet('{Path.Combine(buckets.Root, GoldLayout.Partition(table.Name, "2019-10"))}')";
            var unsplit = $"read_parquet('{Path.Combine(whole.Lake.Root, GoldLayout.Partition(table.Name, "2019-10"))}')";
            Assert.Equal(0, whole.Lake.Count($"SELECT count(*) FROM (SELECT * FROM {split} EXCEPT ALL SELECT * FROM {unsplit})"));
            Assert.Equal(0, whole.Lake.Count($"SELECT count(*) FROM (SELECT * FROM {unsplit} EXCEPT ALL SELECT * FROM {split})"));
            Assert.True(whole.Lake.Count($"SELECT count(*) FROM {split}") > 0, table.Name);
        }
    }

    [Fact]
    public void Given_October_built_When_November_arrives_Then_only_November_and_the_tables_whose_labels_look_into_it_are_recomputed()
    {
        using var gold = new GoldLake([TinyWorld.Files[0]]);
        gold.Lake.Ingest(TinyWorld.Files[1]);

        var result = gold.Rebuild();

        var october = result.Steps.Where(s => s.Month == "2019-10").ToList();
        Assert.Equal([GoldTables.UserSnapshots.Name], october.Where(s => s.Action == GoldAction.Build).Select(s => s.Table));
        Assert.All(result.Steps.Where(s => s.Month == "2019-11"), s => Assert.Equal(GoldAction.Build, s.Action));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(gold.Lake.Root, GoldLayout.Folder), "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Given_both_months_built_When_October_gets_more_events_Then_October_and_the_history_tables_of_November_are_recomputed()
    {
        using var gold = new GoldLake(TinyWorld.Files);
        using var folder = new TempFolder();
        var late = EventFiles.Write(folder.File("2019-Oct-late.csv"),
            EventFiles.Lines(TinyWorld.Files[0]).Take(50).Select(l => EventFiles.WithTime(l, new DateTime(2019, 10, 31, 22, 0, 0, DateTimeKind.Utc))));
        gold.Lake.Ingest(late);

        var result = gold.Rebuild();

        var rebuilt = result.Steps.Where(s => s.Action == GoldAction.Build).Select(s => $"{s.Table} {s.Month}").Order().ToList();
        var expected = GoldTables.All.Select(t => $"{t.Name} 2019-10")
            .Concat(GoldTables.All.Where(t => t.Inputs != MonthInputs.SameMonth).Select(t => $"{t.Name} 2019-11"))
            .Order().ToList();
        Assert.Equal(expected, rebuilt);
    }

    [Fact]
    public void Given_a_built_partition_Then_the_catalog_records_the_silver_partitions_and_versions_it_was_built_from()
    {
        using var gold = new GoldLake(TinyWorld.Files);

        var partitions = new GoldCatalog(gold.Lake.Engine).Partitions();
        var snapshots = partitions.Single(p => p.Table == GoldTables.UserSnapshots.Name && p.Month == "2019-10");
        var sessions = partitions.Single(p => p.Table == GoldTables.Sessions.Name && p.Month == "2019-11");

        Assert.Equal(GoldTables.All.Count * 2, partitions.Count);
        // Silver file names inside a month are the ingest stage's business (user buckets); the months are what matter here.
        Assert.Equal(["silver/month=2019-10/", "silver/month=2019-11/"], snapshots.Inputs.Split('\n').Select(i => i.Split('@')[0][..21]).Distinct());
        Assert.Equal(["silver/month=2019-11/"], sessions.Inputs.Split('\n').Select(i => i.Split('@')[0][..21]).Distinct());
        Assert.Equal("gold/sessions/month=2019-11/sessions.parquet", sessions.Path);
        Assert.Equal(sessions.Rows, gold.Lake.Count("SELECT count(*) FROM gold_sessions WHERE session_start >= TIMESTAMP '2019-11-01'"));
    }

    [Fact]
    public void Given_a_date_range_When_built_Then_only_the_months_touching_it_are_built_and_the_earlier_months_other_tables_read()
    {
        using var gold = new GoldLake([]);
        foreach (var file in TinyWorld.Files)
        {
            gold.Lake.Ingest(file);
        }

        var result = gold.Rebuild(new FeatureBuildRequest(new DateOnly(2019, 11, 5), new DateOnly(2019, 11, 20)));

        // and the earlier months the cart points and the items read (sessions, item first days; a build of the lake's
        // first month built none)
        string[] read = [GoldTables.Sessions.Name, GoldTables.ItemFirstDays.Name];
        Assert.All(result.Steps.Where(s => !read.Contains(s.Table)), s => Assert.Equal("2019-11", s.Month));
        Assert.All(read, t => Assert.Equal(["2019-10", "2019-11"], result.Steps.Where(s => s.Table == t).Select(s => s.Month)));
        Assert.Equal(GoldTables.All.Count + 2, result.Built);
    }
}
