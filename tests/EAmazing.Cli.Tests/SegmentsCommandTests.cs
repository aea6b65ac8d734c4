namespace EAmazing.Cli.Tests;

/// <summary><c>eamazing train segments</c> and <c>eamazing score segments</c> run as a user would, bad input included.</summary>
public sealed class SegmentsCommandTests : CliTestFolder
{
    [Fact]
    public void Given_a_generated_world_When_training_promoting_and_scoring_segments_Then_each_step_works_and_bad_input_exits_with_its_code()
    {
        var (input, lake, models, cli) = IngestTinyWorld();

        // Bad input first: nothing may be written.
        var unknownFamily = cli.Run("train", "segments", "--families", "fasttree", "--lake", lake, "--models", models);
        var noSnapshot = cli.Run("train", "segments", "--as-of", "2019-01-01", "--lake", lake, "--models", models);
        var unknownColumn = cli.Run("train", "segments", "--columns", "recency_days,shoe_size", "--lake", lake, "--models", models);
        var noChampion = cli.Run("score", "segments", "--lake", lake, "--models", models);
        Assert.Equal(ExitCodes.UsageError, unknownFamily.ExitCode);
        Assert.Contains("unknown family 'fasttree' for segments", unknownFamily.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.DataError, noSnapshot.ExitCode);
        Assert.Contains("no snapshot at or before 2019-01-01", noSnapshot.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, unknownColumn.ExitCode);
        Assert.Contains("no clustering column 'shoe_size'", unknownColumn.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.DataError, noChampion.ExitCode);
        Assert.All(new[] { unknownFamily, noSnapshot, unknownColumn, noChampion }, r => Assert.DoesNotContain("   at ", r.Output, StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(models, "customer-segments")));

        var train = cli.Run("train", "segments", "--families", "kmeans,buyers", "--k", "2..3", "--resamples", "3", "--truth", Path.Combine(input, "truth"), "--lake", lake, "--models", models);
        Assert.True(train.ExitCode == 0, train.Output);
        Assert.Contains("rule: among non-baseline candidates", train.Output, StringComparison.Ordinal);

        Assert.Equal(0, cli.Run("models", "promote", "customer-segments", "1", "--force", "--models", models).ExitCode);
        var score = cli.Run("score", "segments", "--lake", lake, "--models", models);
        var early = cli.Run("score", "segments", "--as-of", "2019-01-01", "--lake", lake, "--models", models);
        Assert.True(score.ExitCode == 0, score.Output);
        Assert.Contains("rows to gold_customer_segments", score.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.DataError, early.ExitCode);

        // Drift covers classifiers only so far: asked for by name, a segmentation champion is a usage error that says so;
        // without --model it is skipped with a line, and with no classifier left there is nothing to monitor.
        var drift = cli.Run("monitor", "drift", "--model", "customer-segments", "--lake", lake, "--models", models);
        Assert.Equal(ExitCodes.UsageError, drift.ExitCode);
        Assert.Contains("classification and detection models only", drift.Output, StringComparison.Ordinal);
        var all = cli.Run("monitor", "drift", "--lake", lake, "--models", models);
        Assert.Equal(0, all.ExitCode);
        Assert.Contains("not monitored", all.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpectedly", all.Output, StringComparison.Ordinal);

        // A silver month rewritten since its gold was built (as an erasure or a re-ingest rewrites it): scoring refuses
        // the stale snapshots, naming them and the build, and writes nothing.
        foreach (var silver in Directory.EnumerateFiles(Path.Combine(lake, "silver"), "*.parquet", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(silver, DateTime.UtcNow.AddMinutes(5));
        }

        var scoredBefore = Directory.GetFiles(Path.Combine(lake, "gold", "customer_segments"), "*.parquet", SearchOption.AllDirectories).Select(File.GetLastWriteTimeUtc).ToList();
        var stale = cli.Run("score", "segments", "--lake", lake, "--models", models);
        Assert.Equal(ExitCodes.Failure, stale.ExitCode);
        Assert.Matches(@"user_snapshots 2019-\d\d.* \(silver inputs, SQL or options changed\)", stale.Output);
        Assert.Contains("run eamazing features build first", stale.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stale.Output, StringComparison.Ordinal);
        Assert.Equal(scoredBefore, Directory.GetFiles(Path.Combine(lake, "gold", "customer_segments"), "*.parquet", SearchOption.AllDirectories).Select(File.GetLastWriteTimeUtc).ToList());
    }
}
