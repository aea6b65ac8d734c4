using System.Text.Json;
using System.Text.RegularExpressions;

namespace EAmazing.Cli.Tests;

/// <summary>The <c>ingest</c>, <c>lake status</c> and <c>sql</c> commands as a user runs them.</summary>
public sealed partial class IngestCommandTests : CliTestFolder
{
    private readonly CliProcess _cli;

    public IngestCommandTests()
    {
        _cli = new CliProcess(Root);
    }

    private string Lake => Path.Combine(Root, "lake");

    [Fact]
    public void Ingesting_the_real_sample_prints_the_accounting_and_a_second_run_says_already_ingested()
    {
        var first = _cli.Run("ingest", SampleFiles.RealHead, "--lake", Lake);
        var second = _cli.Run("ingest", SampleFiles.RealHead, "--lake", Lake);

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Contains("17,434 rows read, 17,429 accepted, 5 duplicates, 0 quarantined", Flat(first.Output), StringComparison.Ordinal);
        Assert.Contains("pseudonym key", first.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Contains("already ingested", Flat(second.Output), StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_exits_with_a_data_error_naming_the_file_and_the_line()
    {
        var cut = Path.Combine(Root, "cut.csv.gz");
        var bytes = File.ReadAllBytes(SampleFiles.RealHead);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 3)]);

        var run = _cli.Run("ingest", cut, "--lake", Lake);

        Assert.Equal(ExitCodes.DataError, run.ExitCode);
        Assert.Matches(@"error: .*cut\.csv\.gz: Incomplete: .*line [0-9,]+", run.Output);
    }

    [Fact]
    public void A_symlink_loop_beside_good_files_is_reported_and_the_good_files_are_ingested()
    {
        var input = Path.Combine(Root, "input");
        Directory.CreateDirectory(input);
        File.Copy(SampleFiles.RealHead, Path.Combine(input, "2019-Oct.csv.gz"));
        File.CreateSymbolicLink(Path.Combine(input, "loop.csv"), Path.Combine(input, "loop.csv"));

        var run = _cli.Run("ingest", input, "--lake", Lake);

        Assert.Equal(ExitCodes.DataError, run.ExitCode);
        Assert.Contains("loop.csv: symbolic link cannot be followed", run.Output, StringComparison.Ordinal);
        Assert.Contains("17,434 rows read", Flat(run.Output), StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_is_a_usage_error()
    {
        var run = _cli.Run("ingest", Path.Combine(Root, "nope.csv"), "--lake", Lake);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("no such file or folder", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_file_is_reported_and_replaced()
    {
        var path = Path.Combine(Root, "2019-Oct.csv");
        File.WriteAllText(path, "2019-10-01 00:00:00 UTC,view,1,2,,,1.00,3,72d76fde-8bb3-4e00-8c23-a032dfed738c\n");
        _cli.Run("ingest", path, "--lake", Lake);
        File.AppendAllText(path, "2019-10-01 00:00:01 UTC,view,1,2,,,1.00,3,72d76fde-8bb3-4e00-8c23-a032dfed738c\n");

        var run = _cli.Run("ingest", path, "--lake", Lake);
        var count = _cli.Run("sql", "SELECT count(*) AS n FROM bronze", "--csv", "--lake", Lake);

        Assert.Contains("changed since its last ingest; old rows replaced", Flat(run.Output), StringComparison.Ordinal);
        Assert.Equal("n\n2", count.Output.Trim().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Lake_status_as_json_lists_layers_partitions_and_files()
    {
        _cli.Run("ingest", SampleFiles.RealHead, "--lake", Lake);

        var run = _cli.Run("lake", "status", "--json", "--lake", Lake);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var layers = json.RootElement.GetProperty("layers").EnumerateArray().ToDictionary(l => l.GetProperty("layer").GetString()!, l => l.GetProperty("rows").GetInt64());
        Assert.Equal(17_434, layers["bronze"]);
        Assert.Equal(17_429, layers["silver"]);
        Assert.Equal(0, layers["quarantine"]);
        Assert.Equal(5, json.RootElement.GetProperty("files")[0].GetProperty("rows").GetProperty("duplicates").GetInt64());
    }

    [Fact]
    public void Sql_prints_a_table_or_csv_over_the_lake_views()
    {
        _cli.Run("ingest", SampleFiles.RealHead, "--lake", Lake);

        var csv = _cli.Run("sql", "SELECT event_type, count(*) AS n FROM silver GROUP BY ALL ORDER BY n DESC", "--csv", "--lake", Lake);
        var table = _cli.Run("sql", "SELECT count(DISTINCT user_id) AS users FROM bronze", "--lake", Lake);
        var bad = _cli.Run("sql", "SELECT nonsense FROM nowhere", "--lake", Lake);

        Assert.Equal("event_type,n\nview,17051\npurchase,214\ncart,164", csv.Output.Trim().ReplaceLineEndings("\n"));
        Assert.Contains("users", table.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, bad.ExitCode);
    }

    [Theory]
    [InlineData("event_time,event_type,product_id,category_id,category_code,brand,price,user_session", "user_id")]
    [InlineData("event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session,referrer", "referrer")]
    public void A_header_lacking_or_adding_a_column_is_a_data_error_and_writes_no_row(string header, string column)
    {
        var path = Path.Combine(Root, "odd-header.csv");
        File.WriteAllText(path, header + "\n2019-10-01 00:00:00 UTC,view,1,2,,,1.00,3,72d76fde-8bb3-4e00-8c23-a032dfed738c\n");

        var run = _cli.Run("ingest", path, "--lake", Lake);

        Assert.Equal(ExitCodes.DataError, run.ExitCode);
        Assert.Matches($@"error: .*odd-header\.csv: Rejected: .*line 1.*{column}", Flat(run.Output));
        Assert.Empty(Directory.EnumerateFiles(Lake, "*.parquet", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_reordered_header_stores_each_value_in_its_column_and_no_raw_id()
    {
        var path = Path.Combine(Root, "reordered.csv");
        File.WriteAllText(path, " USER_ID ,user_session,Product_Id,event_time,event_type,category_id,category_code,brand,price\n"
            + "987654321,72d76fde-8bb3-4e00-8c23-a032dfed738c,44600062,2019-10-01 00:00:00 UTC,view,2103807459595387724,beauty.skin,shiseido,35.79\n");

        var run = _cli.Run("ingest", path, "--lake", Lake);
        var values = _cli.Run("sql", "SELECT product_id, category_code, brand, price FROM bronze", "--csv", "--lake", Lake);
        var raw = _cli.Run("sql", "SELECT count(*) AS n FROM read_parquet('" + Path.Combine(Lake, "**", "*.parquet") + "', union_by_name = true) AS p "
            + "WHERE CAST(p AS VARCHAR) LIKE '%987654321%' OR CAST(p AS VARCHAR) LIKE '%72d76fde%'", "--csv", "--lake", Lake);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("1 rows read, 1 accepted, 0 duplicates, 0 quarantined", Flat(run.Output), StringComparison.Ordinal);
        Assert.Equal("product_id,category_code,brand,price\n44600062,beauty.skin,shiseido,35.79", values.Output.Trim().ReplaceLineEndings("\n"));
        Assert.Equal("n\n0", raw.Output.Trim().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Lake_status_without_a_lake_says_so_and_creates_nothing()
    {
        var run = _cli.Run("lake", "status", "--lake", Lake);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("no lake at", run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Lake));
    }

    private static string Flat(string output) => Spaces().Replace(output.Replace('│', ' '), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
