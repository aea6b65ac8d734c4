using System.IO.Compression;

namespace EAmazing.Cli.Tests;

/// <summary><c>eamazing train purchase</c> and <c>models</c> run as a user would.</summary>
public sealed class TrainCommandTests : CliTestFolder
{

    [Fact]
    public void Given_only_the_real_head_rows_When_training_Then_it_says_the_window_is_too_short_and_exits_with_a_data_error()
    {
        // Given the 17,434 real rows (three hours of one night) ingested and the gold layer built
        var lake = Path.Combine(Root, "lake");
        var cli = new CliProcess(Root);
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "rees46", "2019-Oct-head.csv.gz");
        Assert.Equal(0, cli.Run("ingest", sample, "--lake", lake).ExitCode);
        Assert.Equal(0, cli.Run("features", "build", "--lake", lake).ExitCode);

        // When training purchase intent on them
        var (code, output) = cli.Run("train", "purchase", "--lake", lake, "--models", Path.Combine(Root, "models"));

        // Then a clear message, a data-error exit code, and no stack trace
        Assert.Equal(ExitCodes.DataError, code);
        Assert.Contains("too little data for a temporal split", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Root, "models", "purchase-intent-cart")));
    }

    [Fact]
    public void Given_a_generated_month_When_training_and_promoting_Then_the_registry_shows_a_champion()
    {
        var (input, lake, models, cli) = IngestTinyWorld(workingDirectory: Root);

        var train = cli.Run("train", "purchase", "--lake", lake, "--models", models, "--families", "prior,onerule,fasttree", "--trials", "1", "--truth", Path.Combine(input, "truth"));
        var list = cli.Run("models", "list", "--models", models);
        var show = cli.Run("models", "show", "purchase-intent-cart", "1", "--models", models);

        Assert.True(train.ExitCode == 0, train.Output);
        Assert.Contains("oracle ROC-AUC", train.Output, StringComparison.Ordinal);
        Assert.Contains("purchase-intent-cart", list.Output, StringComparison.Ordinal);
        Assert.Contains("leakage audit", show.Output, StringComparison.Ordinal);
        // Progress: family, candidate, time elapsed and the process's memory, one line per step when the output is not a terminal.
        Assert.Matches(@"(?m)^\d\d:\d\d purchase: training fasttree, candidate 1 of 1  \[memory \d+\.\d GB, peak \d+\.\d GB\]$", train.Output);
        // The report lives with its registry version and names the lake; nothing lands in a folder shared by other lakes.
        var report = Path.Combine(models, "purchase-intent-cart", "1", "report", "index.html");
        Assert.Contains($"report {report}", train.Output.ReplaceLineEndings(""), StringComparison.Ordinal);
        Assert.Contains($"trained on the lake at <code>{lake}</code>", File.ReadAllText(report), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Root, "reports")));
        Assert.Equal(ExitCodes.UsageError, cli.Run("models", "show", "purchase-intent-cart", "9", "--models", models).ExitCode);
        Assert.Equal(ExitCodes.UsageError, cli.Run("train", "purchase", "--task", "nope", "--lake", lake).ExitCode);
        Assert.Equal(ExitCodes.UsageError, cli.Run("train", "purchase", "--budget", "soon", "--lake", lake).ExitCode);

        // The oracle matches the world's users with the lake's own key: another key is refused before any work, naming both,
        // instead of an oracle that matches no one (recall 0, ratios of infinity).
        var otherKey = new CliProcess(Root) { Environment = new Dictionary<string, string> { ["EAMAZING_PSEUDONYM_KEY"] = new string('7', 64) } };
        var refused = otherKey.Run("train", "recommender", "--lake", lake, "--models", models, "--truth", Path.Combine(input, "truth"));
        Assert.Equal(ExitCodes.UsageError, refused.ExitCode);
        Assert.Contains("is not the lake's (its data was pseudonymised with key ", refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(models, "next-item")));

        // An erasure leaves the cart points stale (their item and category histories count everyone's events, the erased
        // person's too): training refuses them, naming the partitions and the build, instead of learning from them and
        // reading their difference from silver as leakage; once rebuilt, it trains.
        Assert.Equal(0, cli.Run("gdpr", "erase", "--user", FirstUser(input), "--lake", lake).ExitCode);
        var stale = cli.Run("train", "purchase", "--lake", lake, "--models", models, "--families", "prior", "--trials", "1");
        Assert.Equal(ExitCodes.Failure, stale.ExitCode);
        Assert.Matches(@"cart_prediction_points 2019-\d\d.* \(silver inputs, SQL or options changed\)", stale.Output);
        Assert.Contains("run eamazing features build first", stale.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stale.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(models, "purchase-intent-cart", "2")));
        Assert.Equal(0, cli.Run("features", "build", "--lake", lake).ExitCode);
        var rebuilt = cli.Run("train", "purchase", "--lake", lake, "--models", models, "--families", "prior", "--trials", "1");
        Assert.True(rebuilt.ExitCode == 0, rebuilt.Output);
    }

    /// <summary>The raw user id of the first event of a generated world (the eighth column of the REES46 format).</summary>
    private static string FirstUser(string input)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(Directory.GetFiles(input, "*.csv.gz").Order(StringComparer.Ordinal).First()), CompressionMode.Decompress));
        reader.ReadLine();
        return reader.ReadLine()!.Split(',')[7];
    }
}
