namespace EAmazing.Cli.Tests;

/// <summary><c>eamazing train forecast</c> and <c>eamazing forecast</c> run as a user would, on a one-month world, bad input included.</summary>
[Trait("Category", "Slow")]
public sealed class ForecastCommandTests : CliTestFolder
{
    [Fact]
    public void Given_a_one_month_world_When_training_and_forecasting_demand_Then_horizons_it_cannot_support_exit_with_the_longest_it_can()
    {
        var (input, lake, models, cli) = IngestTinyWorld();

        // 31 days of history: a 28-day backtest from two origins does not fit, nothing is registered.
        var tooLong = cli.Run("train", "forecast", "--lake", lake, "--models", models);
        var noChampion = cli.Run("forecast", "--lake", lake, "--models", models);
        var unknownMethod = cli.Run("train", "forecast", "--families", "prophet", "--lake", lake, "--models", models);
        Assert.Equal(ExitCodes.UsageError, tooLong.ExitCode);
        Assert.Contains("use --horizon 10 or less", tooLong.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.DataError, noChampion.ExitCode);
        Assert.Contains("train forecast", noChampion.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, unknownMethod.ExitCode);
        Assert.All(new[] { tooLong, noChampion, unknownMethod }, r => Assert.DoesNotContain("   at ", r.Output, StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(models, "demand-forecast")));

        var train = cli.Run("train", "forecast", "--horizon", "7", "--truth", Path.Combine(input, "truth"), "--lake", lake, "--models", models);
        Assert.True(train.ExitCode == 0, train.Output);
        Assert.Contains("oracle", train.Output, StringComparison.Ordinal);
        Assert.Contains("seasonal_naive", train.Output, StringComparison.Ordinal);

        Assert.Equal(0, cli.Run("models", "promote", "demand-forecast", "1", "--force", "--models", models).ExitCode);
        var beyond = cli.Run("forecast", "--horizon", "28", "--lake", lake, "--models", models);
        var forecast = cli.Run("forecast", "--horizon", "7", "--lake", lake, "--models", models);
        Assert.Equal(ExitCodes.UsageError, beyond.ExitCode);
        Assert.Contains("use --horizon 7 or less", beyond.Output, StringComparison.Ordinal);
        Assert.True(forecast.ExitCode == 0, forecast.Output);
        Assert.Contains("rows to gold_demand_forecast", forecast.Output, StringComparison.Ordinal);
        var sql = cli.Run("sql", "SELECT 'bad=' || count(*) FILTER (WHERE isnan(forecast) OR upper_95 < forecast OR lower_95 < 0) AS bad, min(day) AS first FROM gold_demand_forecast", "--lake", lake);
        Assert.True(sql.ExitCode == 0, sql.Output);
        Assert.Contains("bad=0", sql.Output, StringComparison.Ordinal);
        Assert.Contains("2019-11-01", sql.Output, StringComparison.Ordinal);
    }
}
