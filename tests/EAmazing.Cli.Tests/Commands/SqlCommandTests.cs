using System.Text.Json;

namespace EAmazing.Cli.Tests.Commands;

/// <summary>The <c>sql</c> console on the real sample rows ingested once: first screen, wide rows, streamed exports, the views, errors.</summary>
public sealed class SqlCommandTests(SqlCommandTests.IngestedSample sample) : IClassFixture<SqlCommandTests.IngestedSample>
{
    private const int SilverRows = 17_429;

    [Fact]
    public void The_table_view_shows_fifty_rows_the_total_and_how_to_see_the_rest()
    {
        var run = sample.Cli.Run("sql", "SELECT event_type, product_id FROM silver", "--lake", sample.Lake);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(50, run.Output.Split('\n').Count(l => l.Contains("│ view", StringComparison.Ordinal) || l.Contains("│ cart", StringComparison.Ordinal) || l.Contains("│ purchase", StringComparison.Ordinal)));
        Assert.Contains($"50 of {SilverRows:N0} rows", run.Output, StringComparison.Ordinal);
        Assert.Contains("--rows N", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_sets_how_many_rows_the_table_shows()
    {
        var run = sample.Cli.Run("sql", "SELECT event_type FROM silver", "--rows", "3", "--lake", sample.Lake);

        Assert.Contains($"3 of {SilverRows:N0} rows", run.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, sample.Cli.Run("sql", "SELECT 1", "--rows", "0", "--lake", sample.Lake).ExitCode);
    }

    [Fact]
    public void A_result_wider_than_the_console_is_shown_one_row_per_block_with_every_value_whole()
    {
        var run = sample.Cli.Run("sql", "SELECT * FROM silver", "--rows", "2", "--lake", sample.Lake);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("row 1", run.Output, StringComparison.Ordinal);
        Assert.Contains("row 2", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("row 3", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^session_id +[0-9a-f]{32}-1\s*$", run.Output);
    }

    [Fact]
    public void Csv_and_json_write_every_row_and_out_writes_parquet_and_csv_files()
    {
        var csv = sample.Cli.Run("sql", "SELECT * FROM silver", "--csv", "--lake", sample.Lake);
        var json = sample.Cli.Run("sql", "SELECT event_type, price, event_time FROM silver ORDER BY source_line LIMIT 3", "--json", "--lake", sample.Lake);
        var parquet = Path.Combine(sample.Root, "silver.parquet");
        var gz = Path.Combine(sample.Root, "silver.csv.gz");
        var toParquet = sample.Cli.Run("sql", "SELECT * FROM silver;", "--out", parquet, "--lake", sample.Lake);
        var toCsv = sample.Cli.Run("sql", "SELECT * FROM silver", "--out", gz, "--lake", sample.Lake);
        var back = sample.Cli.Run("sql", $"SELECT (SELECT count(*) FROM '{parquet}') AS p, (SELECT count(*) FROM read_csv('{gz}')) AS c", "--csv", "--lake", sample.Lake);

        Assert.Equal(SilverRows + 1, csv.Output.TrimEnd().Split('\n').Length);
        using var rows = JsonDocument.Parse(json.Output);
        Assert.Equal(3, rows.RootElement.GetArrayLength());
        Assert.Equal(JsonValueKind.Number, rows.RootElement[0].GetProperty("price").ValueKind);
        Assert.Equal("2019-10-01 00:00:00", rows.RootElement[0].GetProperty("event_time").GetString());
        Assert.Contains($"{SilverRows:N0} row(s) written", toParquet.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, toCsv.ExitCode);
        Assert.Equal($"p,c\n{SilverRows},{SilverRows}", back.Output.Trim().ReplaceLineEndings("\n"));
        Assert.Empty(Directory.GetFiles(sample.Root, ".*tmp-*"));
    }

    [Fact]
    public void Tables_and_help_list_the_views_with_their_columns()
    {
        var tables = sample.Cli.Run("sql", ".tables", "--lake", sample.Lake);
        var help = sample.Cli.Run("--lake", sample.Lake, "sql", "--help");

        Assert.Equal(ExitCodes.Success, tables.ExitCode);
        Assert.Contains("session_id VARCHAR", tables.Output, StringComparison.Ordinal);
        Assert.Contains("quarantine", tables.Output, StringComparison.Ordinal);
        Assert.Matches(@"silver \(view\): event_time TIMESTAMP, .*session_id VARCHAR", help.Output);
    }

    [Theory]
    [InlineData("", "the query is empty")]
    [InlineData("   ", "the query is empty")]
    [InlineData("SELECT nonsense FROM nowhere", "nowhere does not exist")]
    [InlineData("SELEC 1", "syntax error")]
    public void A_blank_or_bad_query_is_a_one_line_usage_error(string query, string message)
    {
        var run = sample.Cli.Run("sql", query, "--lake", sample.Lake);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(message, run.Output, StringComparison.Ordinal);
        Assert.Single(run.Output.Trim().Split('\n'));
        Assert.DoesNotContain("External component", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_output_choices_at_once_are_refused()
    {
        var run = sample.Cli.Run("sql", "SELECT 1", "--csv", "--json", "--lake", sample.Lake);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("choose one of --csv, --json and --out", run.Output, StringComparison.Ordinal);
    }

    /// <summary>The real sample rows in a lake of their own, shared by the class's tests (they only read it).</summary>
    public sealed class IngestedSample : CliTestFolder
    {
        public IngestedSample()
        {
            Cli = new CliProcess(Root);
            var ingest = Cli.Run("ingest", SampleFiles.RealHead, "--lake", Lake);
            Assert.Equal(ExitCodes.Success, ingest.ExitCode);
        }

        public CliProcess Cli { get; }

        public string Lake => Path.Combine(Root, "lake");

        public new string Root => base.Root;
    }
}
