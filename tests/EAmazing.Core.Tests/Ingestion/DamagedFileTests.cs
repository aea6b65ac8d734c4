using System.IO.Compression;
using EAmazing.Core.Tests.Support;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Ingestion;

/// <summary>Damaged input keeps every complete row, accounts for the rest and is marked incomplete; odd files never crash.</summary>
public sealed class DamagedFileTests
{
    [Fact]
    public void A_truncated_gzip_keeps_every_complete_row_and_is_marked_incomplete()
    {
        using var lake = new TestLake();
        var path = lake.Input("cut.csv.gz");
        var bytes = File.ReadAllBytes(Rows.RealSample);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var outcome = lake.Ingest(path);

        var rows = outcome.File.Rows;
        Assert.Equal(IngestStatus.Incomplete, outcome.File.Status);
        Assert.True(outcome.IsDataError);
        Assert.True(rows.IsBalanced);
        Assert.InRange(rows.Read, 1_000, 17_433);
        Assert.Equal(1, rows.Quarantined); // the row the cut went through
        Assert.Equal(nameof(QuarantineReason.TruncatedRow), lake.Query("SELECT reason FROM quarantine").Rows.Single()[0]);
        Assert.Contains("line", outcome.File.Problem, StringComparison.Ordinal);
        Assert.Equal(rows.Accepted + rows.Duplicates, lake.Count("SELECT count(*) FROM bronze"));
    }

    [Fact]
    public void A_gzip_missing_only_its_trailer_is_marked_incomplete()
    {
        using var lake = new TestLake();
        var path = lake.Input("cut.csv.gz");
        var bytes = File.ReadAllBytes(Rows.RealSample);
        File.WriteAllBytes(path, bytes[..^4]);

        var outcome = lake.Ingest(path);

        Assert.Equal(IngestStatus.Incomplete, outcome.File.Status);
        Assert.True(outcome.File.Rows.IsBalanced);
        Assert.Contains("gzip", outcome.File.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_file_cut_mid_line_quarantines_the_cut_row_as_truncated()
    {
        using var lake = new TestLake();
        var path = lake.Input("cut.csv");
        File.WriteAllText(path, $"{Rows.Header}\n{Rows.Good}\n{Rows.OtherGood[..60]}");

        var outcome = lake.Ingest(path);

        Assert.Equal(new RowAccounting(2, 1, 0, 1), outcome.File.Rows);
        Assert.Equal(IngestStatus.Incomplete, outcome.File.Status);
        Assert.Contains("line 3", outcome.File.Problem, StringComparison.Ordinal);
        Assert.Equal(nameof(QuarantineReason.TruncatedRow), lake.Query("SELECT reason FROM quarantine").Rows.Single()[0]);
    }

    [Fact]
    public void A_complete_last_line_without_newline_is_not_damage()
    {
        using var lake = new TestLake();
        var path = lake.Input("no-final-newline.csv");
        File.WriteAllText(path, $"{Rows.Good}\n{Rows.OtherGood}");

        var outcome = lake.Ingest(path);

        Assert.Equal(new RowAccounting(2, 2, 0, 0), outcome.File.Rows);
        Assert.Equal(IngestStatus.Complete, outcome.File.Status);
    }

    [Fact]
    public void An_empty_file_says_so_and_ingests_nothing()
    {
        using var lake = new TestLake();
        var path = lake.Input("empty.csv");
        File.WriteAllBytes(path, []);

        var outcome = lake.Ingest(path);

        Assert.Equal(IngestStatus.Empty, outcome.File.Status);
        Assert.Equal(RowAccounting.None, outcome.File.Rows);
        Assert.Contains("empty", outcome.Message, StringComparison.Ordinal);
        Assert.False(outcome.IsDataError);
    }

    [Fact]
    public void An_empty_gzip_file_says_so()
    {
        using var lake = new TestLake();
        var path = lake.Input("empty.csv.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
        }

        Assert.Equal(IngestStatus.Empty, lake.Ingest(path).File.Status);
    }

    [Fact]
    public void A_header_only_file_says_it_holds_no_data_rows()
    {
        using var lake = new TestLake();

        var outcome = lake.IngestLines("header.csv", [Rows.Header]);

        Assert.Equal(IngestStatus.Empty, outcome.File.Status);
        Assert.Contains("header only", outcome.File.Problem, StringComparison.Ordinal);
        Assert.Equal(0, lake.Count("SELECT count(*) FROM bronze"));
    }

    [Fact]
    public void A_binary_file_is_rejected_with_a_clear_message()
    {
        using var lake = new TestLake();
        var path = lake.Input("picture.csv");
        var junk = new byte[20_000];
        new Random(1).NextBytes(junk);
        junk[10] = 0;
        File.WriteAllBytes(path, junk);

        var outcome = lake.Ingest(path);

        Assert.Equal(IngestStatus.Rejected, outcome.File.Status);
        Assert.True(outcome.IsDataError);
        Assert.Contains("binary", outcome.File.Problem, StringComparison.Ordinal);
        Assert.Equal(0, lake.Count("SELECT count(*) FROM bronze"));
    }
}
