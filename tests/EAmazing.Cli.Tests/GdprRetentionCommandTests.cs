namespace EAmazing.Cli.Tests;

/// <summary><c>gdpr retention apply</c> counts its horizon from the lake's newest month and asks before deleting.</summary>
public sealed class GdprRetentionCommandTests : CliTestFolder
{
    [Fact]
    public void Retention_refuses_without_yes_when_not_interactive_and_by_default_keeps_the_lakes_newest_months()
    {
        var cli = new CliProcess(Root);
        var data = Path.Combine(Root, "data");
        var lake = Path.Combine(Root, "lake");
        Assert.Equal(0, cli.Run(["generate", "--scale", "tiny", "--months", "2019-10..2019-11", "--out", data]).ExitCode);
        Assert.Equal(0, cli.Run(["ingest", data, "--lake", lake]).ExitCode);

        var unconfirmed = cli.Run(["gdpr", "retention", "apply", "--keep-months", "1", "--lake", lake]);
        var monthsAfterRefusal = Months(cli, lake);
        var confirmed = cli.Run(["gdpr", "retention", "apply", "--keep-months", "1", "--yes", "--lake", lake]);

        Assert.Equal(ExitCodes.UsageError, unconfirmed.ExitCode);
        Assert.Contains("--yes", unconfirmed.Output, StringComparison.Ordinal);
        Assert.Contains("2019-10", unconfirmed.Output, StringComparison.Ordinal); // what it would delete is shown first
        Assert.Equal("2019-10,2019-11", monthsAfterRefusal);
        Assert.True(confirmed.ExitCode == 0, confirmed.Output);
        Assert.Contains("up to 2019-11", confirmed.Output, StringComparison.Ordinal);
        Assert.Equal("2019-11", Months(cli, lake));
    }

    private static string Months(CliProcess cli, string lake)
    {
        var run = cli.Run(["sql", "SELECT string_agg(DISTINCT month, ',' ORDER BY month) FROM (SELECT strftime(event_time, '%Y-%m') AS month FROM bronze)", "--csv", "--lake", lake]);
        Assert.True(run.ExitCode == 0, run.Output);
        return run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1].Trim('"');
    }
}
