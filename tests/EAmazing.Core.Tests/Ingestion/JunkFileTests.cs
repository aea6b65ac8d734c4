using EAmazing.Core.Tests.Support;
using EAmazing.Ingestion;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Ingestion;

/// <summary>
/// A file that is not REES46 data (nearly every row rejected, or a .gz that is not gzip) is refused: Rejected,
/// a data error, and nothing of it filed, neither as events nor as quarantined rows.
/// </summary>
public sealed class JunkFileTests
{
    private static readonly string[] Markdown = [.. Enumerable.Range(1, 40).Select(i => i % 5 == 0 ? $"## Section {i}" : $"Some prose, line {i}, with a comma.")];

    [Fact]
    public void A_markdown_file_named_csv_is_refused_and_nothing_is_quarantined()
    {
        using var lake = new TestLake();

        var outcome = lake.IngestLines("README.csv", Markdown);

        Assert.Equal(IngestStatus.Rejected, outcome.File.Status);
        Assert.True(outcome.IsDataError);
        Assert.Contains("40 of 40 rows rejected", outcome.File.Problem, StringComparison.Ordinal);
        Assert.Equal(RowAccounting.None, outcome.File.Rows);
        Assert.Equal(0, lake.Count("SELECT count(*) FROM quarantine"));
        Assert.Equal(0, lake.Count("SELECT count(*) FROM bronze"));
        Assert.Empty(lake.Engine.Partitions());
    }

    [Fact]
    public void A_file_with_mostly_good_rows_keeps_them_and_quarantines_the_bad_ones()
    {
        using var lake = new TestLake();

        var outcome = lake.IngestLines("mixed.csv", [Rows.Header, Rows.Good, Rows.OtherGood, .. Markdown[..3]]);

        Assert.Equal(IngestStatus.Complete, outcome.File.Status);
        Assert.Equal(3, lake.Count("SELECT count(*) FROM quarantine"));
    }

    [Fact]
    public void The_refusal_threshold_comes_from_the_options()
    {
        using var lake = new TestLake(new IngestOptions { LatestEventTime = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), RefuseRejectedShare = 1, RefuseFromRows = 1000 });

        var outcome = lake.IngestLines("README.csv", Markdown);

        Assert.Equal(IngestStatus.Complete, outcome.File.Status);
        Assert.Equal(40, lake.Count("SELECT count(*) FROM quarantine"));
    }

    [Theory]
    [InlineData(0.0, 20)]
    [InlineData(1.5, 20)]
    [InlineData(0.9, 0)]
    public void A_threshold_out_of_range_is_refused_by_the_validator(double share, long fromRows)
    {
        var result = new IngestOptionsValidator().Validate(null, new IngestOptions { RefuseRejectedShare = share, RefuseFromRows = fromRows });

        Assert.True(result.Failed);
    }

    [Fact]
    public void A_csv_gz_that_is_not_gzip_is_refused_with_a_clear_message()
    {
        using var lake = new TestLake();
        var path = lake.Input("month.csv.gz");
        File.WriteAllLines(path, [Rows.Header, Rows.Good, Rows.OtherGood]);

        var outcome = lake.Ingest(path);

        Assert.Equal(IngestStatus.Rejected, outcome.File.Status);
        Assert.True(outcome.IsDataError);
        Assert.Contains("not gzip", outcome.File.Problem, StringComparison.Ordinal);
        Assert.Equal(0, lake.Count("SELECT count(*) FROM bronze"));
    }
}
