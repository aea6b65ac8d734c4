namespace EAmazing.Cli.Tests;

/// <summary><c>eamazing detect emerging</c> and <c>eamazing train emerging</c> run as a user would, on a one-month world, bad input included.</summary>
[Trait("Category", "Slow")]
public sealed class DetectCommandTests : CliTestFolder
{
    [Fact]
    public void Given_a_one_month_world_When_detecting_emerging_categories_Then_the_ranked_list_is_in_gold_and_bad_days_exit_with_the_days_named()
    {
        // A lake without gold demand_daily has no categories: a data error naming what to run, no stack trace.
        var (input, lake, models, cli) = IngestTinyWorld(buildGold: false);
        var empty = cli.Run("detect", "emerging", "--lake", lake, "--models", models);
        Assert.Equal(ExitCodes.DataError, empty.ExitCode);
        Assert.Contains("features build", empty.Output, StringComparison.Ordinal);

        Assert.Equal(0, cli.Run("features", "build", "--lake", lake).ExitCode);
        var malformed = cli.Run("detect", "emerging", "--as-of", "10/10/2019", "--lake", lake, "--models", models);
        var tooEarly = cli.Run("detect", "emerging", "--as-of", "2019-10-10", "--lake", lake, "--models", models);
        Assert.Equal(ExitCodes.UsageError, malformed.ExitCode);
        Assert.Equal(ExitCodes.DataError, tooEarly.ExitCode);
        Assert.Contains("10 days of history", tooEarly.Output, StringComparison.Ordinal);
        Assert.Contains("at least 21 days", tooEarly.Output, StringComparison.Ordinal);
        Assert.All(new[] { empty, malformed, tooEarly }, r => Assert.DoesNotContain("   at ", r.Output, StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(lake, "gold", "emerging_categories")));

        var detect = cli.Run("detect", "emerging", "--lake", lake, "--models", models);
        Assert.True(detect.ExitCode == 0, detect.Output);
        Assert.Contains("rows to gold_emerging_categories", detect.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(models, "detections", "emerging", "2019-10-31", "index.html")));
        var sql = cli.Run("sql", "SELECT 'categories=' || count(*) || ' ranks=' || count(DISTINCT rank) || ' as_of=' || min(as_of) AS x FROM gold_emerging_categories", "--lake", lake);
        Assert.Contains("as_of=2019-10-31", sql.Output, StringComparison.Ordinal);
        var demand = cli.Run("sql", "SELECT 'n=' || count(DISTINCT category_key) AS x FROM gold_demand_daily WHERE level = 'category'", "--lake", lake);
        var categories = demand.Output.Split("n=")[1].TakeWhile(char.IsDigit).ToArray();
        Assert.Contains($"categories={new string(categories)} ranks={new string(categories)}", sql.Output, StringComparison.Ordinal);

        // Aggregates only: the declared columns, no identifier.
        var columns = cli.Run("sql", "SELECT 'cols=' || string_agg(column_name, ',' ORDER BY ordinal_position) AS x FROM information_schema.columns WHERE table_name = 'gold_emerging_categories'", "--lake", lake);
        Assert.Contains("cols=as_of,rank,category_key,top_category,signal,flagged,score,growth_per_month,start_date,first_seen,trend_z,burst_z,dispersion,views_last_week", columns.Output, StringComparison.Ordinal);

        var train = cli.Run("train", "emerging", "--truth", Path.Combine(input, "truth"), "--lake", lake, "--models", models);
        Assert.True(train.ExitCode == 0, train.Output);
        Assert.Contains("change point alone", train.Output, StringComparison.Ordinal);
        var noTruth = cli.Run("train", "emerging", "--lake", lake, "--models", models);
        Assert.Equal(ExitCodes.DataError, noTruth.ExitCode);
        Assert.Contains("emergences.json", noTruth.Output, StringComparison.Ordinal);
    }
}
