using EAmazing.Core.Tests.Support;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Ingestion;

/// <summary>Files as published vary in header, encoding, line endings and compression; all of them read the same.</summary>
public sealed class FileFormatTests
{
    [Theory]
    [InlineData("\n", true, false)]
    [InlineData("\r\n", true, false)]
    [InlineData("\n", false, false)]
    [InlineData("\r\n", true, true)]
    [InlineData("\n", false, true)]
    public void A_file_reads_the_same_with_or_without_header_bom_and_crlf(string newline, bool header, bool bom)
    {
        using var lake = new TestLake();
        var path = lake.Input("input.csv");
        var text = string.Concat((header ? new[] { Rows.Header } : []).Concat([Rows.Good, Rows.OtherGood]).Select(l => l + newline));
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));

        var outcome = lake.Ingest(path);

        Assert.Equal(new RowAccounting(2, 2, 0, 0), outcome.File.Rows);
        Assert.Equal(IngestStatus.Complete, outcome.File.Status);
        Assert.Equal(header ? 3L : 2L, lake.Count("SELECT max(source_line) FROM bronze"));
    }

    [Fact]
    public void A_gzip_file_is_recognised_by_its_magic_bytes_whatever_its_name()
    {
        using var lake = new TestLake();
        var path = lake.Input("sample.data");
        File.Copy(Rows.RealSample, path);

        Assert.Equal(17_434, lake.Ingest(path).File.Rows.Read);
    }

    [Fact]
    public void Remove_from_cart_is_a_known_event_type()
    {
        using var lake = new TestLake();

        var outcome = lake.IngestLines("cosmetics.csv", [Rows.Good.Replace(",view,", ",remove_from_cart,", StringComparison.Ordinal)]);

        Assert.Equal(new RowAccounting(1, 1, 0, 0), outcome.File.Rows);
        Assert.Equal("remove_from_cart", lake.Query("SELECT event_type FROM bronze").Rows.Single()[0]);
    }

    [Fact]
    public void An_empty_session_is_accepted_with_a_null_session_counted_in_the_catalog_and_resessionised_in_silver()
    {
        using var lake = new TestLake();

        var outcome = lake.IngestLines("input.csv", [Rows.Good[..Rows.Good.LastIndexOf(',')] + ","]);

        Assert.Equal(new RowAccounting(1, 1, 0, 0), outcome.File.Rows);
        Assert.Equal(1, outcome.File.EmptySessions);
        Assert.Equal(1, lake.Count("SELECT count(*) FROM bronze WHERE user_session IS NULL"));
        Assert.Equal(1, lake.Count("SELECT count(*) FROM silver s JOIN bronze b USING (source_file, source_line) WHERE s.session_id IS NOT NULL AND b.user_session IS NULL"));
    }

    [Fact]
    public void Exact_duplicates_are_counted_per_file_kept_in_bronze_and_removed_in_silver()
    {
        using var lake = new TestLake();

        var outcome = lake.IngestLines("input.csv", [Rows.Good, Rows.Good, Rows.OtherGood, Rows.Good]);

        Assert.Equal(new RowAccounting(4, 2, 2, 0), outcome.File.Rows);
        Assert.Equal(4, lake.Count("SELECT count(*) FROM bronze"));
        Assert.Equal(2, lake.Count("SELECT count(*) FROM silver"));
    }

    [Fact]
    public void A_file_spanning_two_months_writes_one_bronze_partition_per_month()
    {
        using var lake = new TestLake();

        lake.IngestLines("input.csv", [Rows.Good, Rows.OtherGood.Replace("2019-10-01", "2019-11-01", StringComparison.Ordinal)]);

        Assert.Equal(["2019-10", "2019-11"], lake.Engine.Partitions().Where(p => p.Layer == "bronze").Select(p => p.PartitionKey));
        Assert.Equal(["2019-10", "2019-11"], lake.Engine.Partitions().Where(p => p.Layer == "silver").Select(p => p.PartitionKey));
    }

    [Fact]
    public void A_file_out_of_time_order_still_counts_every_duplicate_and_writes_bronze_in_time_order()
    {
        using var lake = new TestLake();

        var outcome = lake.IngestLines("unordered.csv", [Rows.OtherGood, Rows.Good, Rows.OtherGood, Rows.Good]);

        Assert.Equal(new RowAccounting(4, 2, 2, 0), outcome.File.Rows);
        Assert.Equal([2L, 4L, 1L, 3L], lake.Query("SELECT source_line FROM bronze").Rows.Select(r => (long)r[0]!));
    }
}
