using EAmazing.Core.Tests.Support;
using EAmazing.Ingestion;

namespace EAmazing.Core.Tests.Ingestion;

public sealed class IdempotentIngestTests
{
    [Fact]
    public void Ingesting_the_same_file_again_is_a_no_op_that_says_so()
    {
        using var lake = new TestLake();
        var path = lake.Input("input.csv");
        File.WriteAllLines(path, [Rows.Header, Rows.Good, Rows.OtherGood]);
        lake.Ingest(path);
        var before = lake.Engine.Partitions();

        var again = lake.Ingest(path);

        Assert.Equal(IngestAction.AlreadyIngested, again.Action);
        Assert.Contains("already ingested", again.Message, StringComparison.Ordinal);
        Assert.Equal(before, lake.Engine.Partitions());
        Assert.Equal(2, lake.Count("SELECT count(*) FROM bronze"));
    }

    [Fact]
    public void The_same_content_under_another_name_is_not_ingested_twice()
    {
        using var lake = new TestLake();
        var first = lake.Input("a.csv");
        var second = lake.Input("b.csv");
        File.WriteAllLines(first, [Rows.Good]);
        File.Copy(first, second);
        lake.Ingest(first);

        var outcome = lake.Ingest(second);

        Assert.Equal(IngestAction.AlreadyIngested, outcome.Action);
        Assert.Equal(1, lake.Count("SELECT count(*) FROM bronze"));
    }

    [Fact]
    public void A_file_changed_under_the_same_name_replaces_its_old_rows()
    {
        using var lake = new TestLake();
        var path = lake.Input("input.csv");
        File.WriteAllLines(path, [Rows.Good, Rows.OtherGood]);
        var first = lake.Ingest(path);
        File.WriteAllLines(path, [Rows.OtherGood.Replace("2019-10-01", "2019-11-02", StringComparison.Ordinal)]);

        var second = lake.Ingest(path);

        Assert.Equal(IngestAction.Replaced, second.Action);
        Assert.Contains("changed", second.Message, StringComparison.Ordinal);
        Assert.Equal(1, lake.Count("SELECT count(*) FROM bronze"));
        Assert.Equal(1, lake.Count("SELECT count(*) FROM silver"));
        Assert.Equal(1, lake.Count("SELECT count(*) FROM ingested_files"));
        Assert.DoesNotContain(lake.Engine.Partitions(), p => p.FileId == first.File.FileId || p.PartitionKey == "2019-10");
        Assert.False(Directory.EnumerateFiles(Path.Combine(lake.Root, "bronze", "month=2019-10")).Any());
        Assert.False(Directory.EnumerateFiles(Path.Combine(lake.Root, "silver", "month=2019-10")).Any());
    }

    [Fact]
    public void Silver_deduplicates_across_the_files_of_a_month()
    {
        using var lake = new TestLake();
        lake.IngestLines("a.csv", [Rows.Good]);
        lake.IngestLines("b.csv", [Rows.Good, Rows.OtherGood]);

        Assert.Equal(3, lake.Count("SELECT count(*) FROM bronze"));
        Assert.Equal(2, lake.Count("SELECT count(*) FROM silver"));
    }

    [Fact]
    public void The_catalog_survives_a_reopen_with_its_accounting()
    {
        using var lake = new TestLake();
        var outcome = lake.Ingest(Rows.RealSample);

        lake.Reopen();

        var file = lake.Engine.IngestedFiles().Single();
        Assert.Equal(outcome.File with { StartedAt = file.StartedAt, FinishedAt = file.FinishedAt }, file);
        Assert.Equal(17_434, lake.Count("SELECT count(*) FROM bronze"));
    }
}
