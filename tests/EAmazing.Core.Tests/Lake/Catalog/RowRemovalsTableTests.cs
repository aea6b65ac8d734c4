using EAmazing.Core.Tests.Support;
using EAmazing.Lake;
using EAmazing.Lake.Catalog;

namespace EAmazing.Core.Tests.Lake.Catalog;

/// <summary>The <c>row_removals</c> ledger keyed by file, layer, reason and reference: each removal owns its rows.</summary>
public sealed class RowRemovalsTableTests
{
    [Fact]
    public void A_removal_replaces_its_own_row_and_never_another_reasons_row()
    {
        using var lake = new TestLake();

        // An erasure, then a retention run whose reference happens to be the same text: both rows must stay (the
        // retention statement once matched on file, layer and reference only, and took the erasure's row with it).
        lake.Engine.ExecuteCatalog(RowRemovalsTable.Record("f1", LakeLayer.Bronze, "erasure", "run-1", 3, "2024-01-01 00:00:00"));
        lake.Engine.ExecuteCatalog(RowRemovalsTable.Record("f1", LakeLayer.Bronze, "retention", "run-1", 5, "2024-02-01 00:00:00"));
        Assert.Equal(8, RowRemovalsTable.RemovedPerFile(lake.Engine)[("f1", LakeLayer.Bronze)]);
        // A re-run of the erasure (after a crash) replaces its row instead of adding to it.
        lake.Engine.ExecuteCatalog(RowRemovalsTable.Record("f1", LakeLayer.Bronze, "erasure", "run-1", 4, "2024-01-01T00:00:00.000"));
        lake.Engine.ExecuteCatalog(RowRemovalsTable.Record("f1", LakeLayer.Quarantine, "erasure", "run-1", 1, "2024-01-01 00:00:00"));

        var removed = RowRemovalsTable.RemovedPerFile(lake.Engine);
        Assert.Equal(9, removed[("f1", LakeLayer.Bronze)]);
        Assert.Equal(1, removed[("f1", LakeLayer.Quarantine)]);
        Assert.Equal(1, lake.Count(RowRemovalsTable.CountRuns("erasure")));
        Assert.Equal(1, lake.Count(RowRemovalsTable.CountRuns("retention")));
        Assert.Equal(3, lake.Count("SELECT count(*) FROM row_removals"));
    }
}
