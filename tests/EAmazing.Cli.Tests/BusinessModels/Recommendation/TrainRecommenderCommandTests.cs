namespace EAmazing.Cli.Tests.BusinessModels.Recommendation;

/// <summary><c>eamazing train recommender</c> run as a user would on a tiny generated world: the real lake, the oracle, the registry and bad input.</summary>
[Trait("Category", "Slow")]
public sealed class TrainRecommenderCommandTests : CliTestFolder
{
    [Fact]
    public void Given_a_tiny_world_When_training_the_recommender_Then_methods_and_oracle_are_compared_and_bad_settings_exit_as_usage_errors()
    {
        var (input, lake, models, cli) = IngestTinyWorld();

        var badSupport = cli.Run("train", "recommender", "--min-support", "none", "--lake", lake, "--models", models);
        var badMethod = cli.Run("train", "recommender", "--families", "gru9", "--lake", lake, "--models", models);
        var badDays = cli.Run("train", "recommender", "--protocol", "daily", "--test-days", "0", "--lake", lake, "--models", models);
        Assert.Equal(ExitCodes.UsageError, badSupport.ExitCode);
        Assert.Contains("--min-support", badSupport.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, badMethod.ExitCode);
        Assert.Equal(ExitCodes.UsageError, badDays.ExitCode);
        Assert.Contains("--test-days", badDays.Output, StringComparison.Ordinal);
        Assert.All(new[] { badSupport, badMethod, badDays }, r => Assert.DoesNotContain("   at ", r.Output, StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(models, "next-item")));

        var train = cli.Run("train", "recommender", "--families", "sequential-rules", "--trials", "1", "--truth", Path.Combine(input, "truth"), "--lake", lake, "--models", models);
        Assert.True(train.ExitCode == 0, train.Output);
        Assert.Contains("oracle", train.Output, StringComparison.Ordinal);
        Assert.Contains("popularity-day", train.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(models, "next-item", "1", "report", "index.html")));
        Assert.True(File.Exists(Path.Combine(models, "next-item", "1", "report", "recall-by-length.png")));
    }
}
