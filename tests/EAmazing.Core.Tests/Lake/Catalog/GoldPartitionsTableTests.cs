using EAmazing.Core.Tests.Support;
using EAmazing.Lake.Catalog;

namespace EAmazing.Core.Tests.Lake.Catalog;

/// <summary>The <c>gold_partitions</c> table keyed by table and month, written only through its owner.</summary>
public sealed class GoldPartitionsTableTests
{
    private static readonly DateTime Built = new(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Recording_a_partition_again_replaces_its_row_and_the_statements_round_trip()
    {
        using var lake = new TestLake();
        lake.Engine.ExecuteCatalog([GoldPartitionsTable.Create()]);
        var october = new GoldPartition("sessions", "2019-10", "gold/sessions/month=2019-10/part.parquet", 10, 100, "in", "fp1", Built, 7);

        lake.Engine.ExecuteCatalog(GoldPartitionsTable.Record(october));
        lake.Engine.ExecuteCatalog(GoldPartitionsTable.Record(october with { Rows = 12, Fingerprint = "fp2" }));
        lake.Engine.ExecuteCatalog(GoldPartitionsTable.Record(october with { Table = "items" }));
        lake.Engine.ExecuteCatalog([GoldPartitionsTable.Resize("items", "2019-10", 8, 80)]);

        var partitions = GoldPartitionsTable.Read(lake.Query(GoldPartitionsTable.SelectAll));
        Assert.Equal([october with { Table = "items", Rows = 8, Bytes = 80 }, october with { Rows = 12, Fingerprint = "fp2" }], partitions);

        lake.Engine.ExecuteCatalog([GoldPartitionsTable.Forget("items", "2019-10")]);
        Assert.Equal(["sessions"], GoldPartitionsTable.Read(lake.Query(GoldPartitionsTable.SelectAll)).Select(p => p.Table));
        lake.Engine.ExecuteCatalog([GoldPartitionsTable.ForgetAll()]);
        Assert.Empty(GoldPartitionsTable.Read(lake.Query(GoldPartitionsTable.SelectAll)));
    }
}
