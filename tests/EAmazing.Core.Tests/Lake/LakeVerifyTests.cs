using EAmazing.Core.Tests.Support;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Lake;

/// <summary><see cref="LakeConsistency"/> checks each file's content hash taken at commit, and a missing file is named, not fatal.</summary>
public sealed class LakeVerifyTests
{
    [Fact]
    public void A_content_edit_with_the_same_row_count_is_named_with_its_table_and_partition()
    {
        using var lake = new TestLake();
        lake.IngestLines("input.csv", [Rows.Good, Rows.OtherGood]);
        var bronze = lake.Engine.Partitions().Single(p => p.Layer == LakeLayer.Bronze);
        var file = lake.Engine.Layout.Full(bronze.Path);
        Assert.Empty(LakeConsistency.Check(lake.Engine));

        // Same rows, one price changed: the count still agrees.
        lake.Query($"COPY (SELECT * REPLACE (price + 1 AS price) FROM read_parquet('{file}')) TO '{file}.edited' (FORMAT parquet)");
        File.Move(file + ".edited", file, overwrite: true);

        var problem = Assert.Single(LakeConsistency.Check(lake.Engine));
        Assert.Equal($"changed file: {bronze.Path} (bronze month 2019-10, source file {bronze.FileId}): its content differs from the one committed (sha256)", problem);
    }

    [Fact]
    public void A_missing_file_is_named_and_the_lake_still_opens_without_it()
    {
        using var lake = new TestLake();
        lake.IngestLines("input.csv", [Rows.Good, Rows.OtherGood]);
        var silver = lake.Engine.Partitions().First(p => p.Layer == LakeLayer.Silver);
        File.Delete(lake.Engine.Layout.Full(silver.Path));

        lake.Reopen();

        Assert.Equal([silver], LakeConsistency.MissingPartitions(lake.Engine));
        Assert.Contains($"missing file: {silver.Path} (silver month 2019-10)", LakeConsistency.Check(lake.Engine));
        Assert.Equal(2, lake.Count("SELECT count(*) FROM bronze"));
    }
}
