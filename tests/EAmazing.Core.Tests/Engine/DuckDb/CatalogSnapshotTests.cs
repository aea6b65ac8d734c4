using EAmazing.Core.Tests.Support;
using EAmazing.Engine.DuckDb;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Lake.Catalog;

namespace EAmazing.Core.Tests.Engine.DuckDb;

/// <summary>
/// A reader that must not make commands wait (the dashboard) reads the catalog snapshot each change writes, never the
/// catalog: it sees every commit while a writer still holds the lake, and the snapshot is replaced whole.
/// </summary>
public sealed class CatalogSnapshotTests
{
    [Fact]
    public void A_commit_is_read_from_the_snapshot_while_the_writer_still_holds_the_lake()
    {
        using var lake = new TestLake();
        Assert.True(File.Exists(lake.Engine.Layout.CatalogSnapshot), "opening a lake writes its first snapshot");
        using (var empty = DuckDbLake.OpenCommitted(lake.Root))
        {
            Assert.Empty(LakeStatus.Of(empty).Files);
        }

        lake.IngestLines("first.csv", [Rows.Good, Rows.OtherGood]);

        using var committed = DuckDbLake.OpenCommitted(lake.Root);
        var status = LakeStatus.Of(committed);
        Assert.Equal("first.csv", Path.GetFileName(Assert.Single(status.Files).Path));
        Assert.Equal(lake.Engine.Partitions(), status.Partitions);
        Assert.Equal(2, Convert.ToInt64(committed.Query("SELECT count(*) FROM bronze").Rows[0][0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(Directory.EnumerateFiles(lake.Root, "*" + LakeLayout.TemporarySuffix + "*"));
    }

    [Fact]
    public void Gold_changes_reach_the_snapshot_when_the_writer_closes_and_the_copy_refuses_a_commit()
    {
        using var lake = new TestLake();
        var partition = new GoldPartition("sessions", "2019-10", "gold/sessions/month=2019-10/part.parquet", 7, 100, "inputs", "fingerprint", DateTime.UtcNow, 0);
        var gold = new GoldCatalog(lake.Engine);
        gold.Ensure();
        gold.Record(partition);
        using (var before = DuckDbLake.OpenCommitted(lake.Root))
        {
            Assert.Empty(new GoldCatalog(before).Partitions());
        }

        lake.Reopen();

        using var committed = DuckDbLake.OpenCommitted(lake.Root);
        Assert.Equal(7, Assert.Single(new GoldCatalog(committed).Partitions()).Rows);
        Assert.Throws<InvalidOperationException>(() => committed.ApplyCatalog(LakeCommit.Change([], [])));
    }

    [Fact]
    public void A_lake_without_a_snapshot_gets_one_on_its_next_open()
    {
        using var lake = new TestLake();
        lake.IngestLines("first.csv", [Rows.Good]);
        lake.Engine.Dispose();
        File.Delete(lake.Engine.Layout.CatalogSnapshot);
        Assert.Throws<FileNotFoundException>(() => DuckDbLake.OpenCommitted(lake.Root));

        lake.Reopen();

        using var committed = DuckDbLake.OpenCommitted(lake.Root);
        Assert.Single(LakeStatus.Of(committed).Files);
    }
}
