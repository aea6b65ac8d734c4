using EAmazing.Core.Tests.Support;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Ingestion;

/// <summary>
/// The REES46 format has no quoting: a double quote is an ordinary character, so it never joins lines.
/// Every physical line is one row, accounted for at its own line number.
/// </summary>
public sealed class StrayQuoteTests
{
    private static string Line(int second, string brand = "shiseido") =>
        $"2019-10-01 00:00:{second:D2} UTC,view,44600062,2103807459595387724,,{brand},35.79,541312140,72d76fde-8bb3-4e00-8c23-a032dfed738c";

    [Fact]
    public void A_line_starting_with_a_quote_is_one_quarantined_row_and_the_following_lines_are_read()
    {
        using var lake = new TestLake();
        var lines = new List<string> { Rows.Header };
        lines.AddRange(Enumerable.Range(0, 10).Select(i => i == 2 ? "\"" + Line(i) : Line(i)));

        var outcome = lake.IngestLines("quote.csv", lines);

        Assert.Equal(new RowAccounting(10, 9, 0, 1), outcome.File.Rows);
        Assert.Equal(IngestStatus.Complete, outcome.File.Status);
        var quarantined = lake.Query("SELECT reason, source_line FROM quarantine").Rows.Single();
        Assert.Equal(nameof(QuarantineReason.EventTimeMalformed), quarantined[0]);
        Assert.Equal(4L, quarantined[1]);
        Assert.Equal(
            Enumerable.Range(2, 10).Where(l => l != 4).Select(l => (long)l),
            lake.Query("SELECT source_line FROM bronze ORDER BY source_line").Rows.Select(r => (long)r[0]!));
    }

    [Fact]
    public void A_quote_inside_a_field_is_kept_as_an_ordinary_character()
    {
        using var lake = new TestLake();
        var lines = new List<string> { Rows.Header };
        lines.AddRange(Enumerable.Range(0, 10).Select(i => i == 2 ? Line(i, "shi\"seido") : Line(i)));

        var outcome = lake.IngestLines("quote.csv", lines);

        Assert.Equal(new RowAccounting(10, 10, 0, 0), outcome.File.Rows);
        Assert.Equal("shi\"seido", lake.Query("SELECT brand FROM bronze WHERE source_line = 4").Rows.Single()[0]);
    }

    [Fact]
    public void An_unbalanced_quote_on_the_first_data_line_swallows_nothing()
    {
        using var lake = new TestLake();
        var lines = new List<string> { Line(0, "\"shiseido"), Line(1, "a\"\"b"), Line(2, "\"x,y\""), Line(3) };

        var outcome = lake.IngestLines("quote.csv", lines);

        // The quoted comma splits its line into ten columns: quarantined alone, as the line it is.
        Assert.Equal(new RowAccounting(4, 3, 0, 1), outcome.File.Rows);
        var quarantined = lake.Query("SELECT reason, source_line FROM quarantine").Rows.Single();
        Assert.Equal(nameof(QuarantineReason.WrongColumnCount), quarantined[0]);
        Assert.Equal(3L, quarantined[1]);
        Assert.Equal(["\"shiseido", "a\"\"b", "shiseido"], lake.Query("SELECT brand FROM bronze ORDER BY source_line").Rows.Select(r => (string)r[0]!));
    }
}
