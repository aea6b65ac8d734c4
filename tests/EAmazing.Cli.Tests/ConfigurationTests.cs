namespace EAmazing.Cli.Tests;

/// <summary>
/// Every <c>EAMAZING__…</c> variable of the README's "Configuration" section and of docs/ takes effect, one test per
/// section, through the real CLI process (serving's variables: EAmazing.Api.Tests, <c>ServeProcessTests</c>).
/// </summary>
public sealed class ConfigurationTests : CliTestFolder
{
    private string Lake => Path.Combine(Root, "lake");

    private CliProcess With(params (string Name, string Value)[] variables) =>
        new(Root) { Environment = variables.ToDictionary(v => v.Name, v => v.Value) };

    [Fact]
    public void Given_EAMAZING__LAKE_MODELS_and_DATADIRECTORY_When_a_command_runs_without_options_Then_it_uses_those_folders_and_the_command_line_still_wins()
    {
        // Given the platform's folders in the environment only
        var cli = With(("EAMAZING__LAKE", Path.Combine(Root, "env-lake")), ("EAMAZING__MODELS", Path.Combine(Root, "env-models")),
            ("EAMAZING__DATADIRECTORY", Path.Combine(Root, "env-data")));

        // When commands run without --lake, --models or --out
        var lake = cli.Run("lake", "status");
        var overridden = cli.Run("lake", "status", "--lake", Path.Combine(Root, "cli-lake"));
        var models = cli.Run("models", "show", "purchase-intent-cart", "1");
        var data = cli.Run("generate", "--scale", "tiny", "--months", "2019-10..2019-10");

        // Then each names the configured folder; --lake beats the variable
        Assert.Contains($"no lake at {Path.Combine(Root, "env-lake")}", lake.Output, StringComparison.Ordinal);
        Assert.Contains($"no lake at {Path.Combine(Root, "cli-lake")}", overridden.Output, StringComparison.Ordinal);
        Assert.Contains($"model 'purchase-intent-cart' in {Path.Combine(Root, "env-models")}", models.Output, StringComparison.Ordinal);
        Assert.True(data.ExitCode == 0, data.Output);
        Assert.True(File.Exists(Path.Combine(Root, "env-data", "2019-Oct.csv.gz")), data.Output);
    }

    [Fact]
    public void Given_EAMAZING__INGEST__SESSIONGAP_When_ingesting_Then_silver_is_sessionised_with_that_gap_unless_session_gap_is_passed()
    {
        // Given the real sample ingested with the default gap, with a one-minute gap from the environment, and with --session-gap over it
        var oneMinute = With(("EAMAZING__INGEST__SESSIONGAP", "00:01:00"));
        Assert.Equal(0, new CliProcess(Root).Run("ingest", SampleFiles.RealHead, "--lake", Lake).ExitCode);
        Assert.Equal(0, oneMinute.Run("ingest", SampleFiles.RealHead, "--lake", Lake + "-1m").ExitCode);
        Assert.Equal(0, oneMinute.Run("ingest", SampleFiles.RealHead, "--lake", Lake + "-cli", "--session-gap", "30").ExitCode);

        // When silver sessions are counted
        var sessions = Sessions(Lake);
        var oneMinuteSessions = Sessions(Lake + "-1m");

        // Then a shorter gap splits sessions, and the command line wins over the variable
        Assert.True(oneMinuteSessions > sessions, $"{oneMinuteSessions} sessions with a 1-minute gap, {sessions} with 30 minutes");
        Assert.Equal(sessions, Sessions(Lake + "-cli"));
    }

    [Fact]
    public void Given_EAMAZING__FEATURES_variables_When_building_and_auditing_gold_Then_the_prefix_lengths_and_the_leakage_threshold_are_those()
    {
        // Given an ingested sample, prefixes up to 2 events and an audit threshold of 0.75 from the environment
        var cli = With(("EAMAZING__FEATURES__PREFIXLENGTHS", "2"), ("EAMAZING__FEATURES__LEAKAGE__AUCTHRESHOLD", "0.75"));
        Assert.Equal(0, cli.Run("ingest", SampleFiles.RealHead, "--lake", Lake).ExitCode);

        // When gold is built and audited
        var build = cli.Run("features", "build", "--table", "session_prefixes", "cart_prediction_points", "--lake", Lake);
        var longest = cli.Run("sql", "SELECT max(prefix_length) AS k FROM gold_session_prefixes", "--csv", "--lake", Lake);
        var audit = cli.Run("features", "audit", "--table", "cart_prediction_points", "--month", "2019-10", "--json", "--lake", Lake);
        var overridden = cli.Run("features", "audit", "--table", "cart_prediction_points", "--month", "2019-10", "--json", "--threshold", "0.8", "--lake", Lake);

        // Then session_prefixes stops at k = 2 (default 5) and the audit flags at 0.75 unless --threshold says otherwise
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Equal(["k", "2"], longest.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("\"threshold\": 0.75", audit.Output, StringComparison.Ordinal);
        Assert.Contains("\"threshold\": 0.8", overridden.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_EAMAZING__PRIVACY_variables_When_reporting_and_writing_the_register_Then_k_and_the_retention_are_those()
    {
        // Given an ingested sample, k = 7 and 3 months of retention from the environment
        var cli = With(("EAMAZING__PRIVACY__MINGROUPSIZE", "7"), ("EAMAZING__PRIVACY__RETENTIONMONTHS", "3"));
        Assert.Equal(0, cli.Run("ingest", SampleFiles.RealHead, "--lake", Lake).ExitCode);

        // When a business report and the register are written
        var report = cli.Run("report", "demand", "--lake", Lake);
        var register = cli.Run("gdpr", "register", "--lake", Lake);

        // Then the report suppresses groups below 7 (default 10) and the register states 3 months (default 24)
        Assert.True(report.ExitCode == 0, report.Output);
        Assert.Contains("with fewer than 7 people shown as <7", report.Output, StringComparison.Ordinal);
        Assert.True(register.ExitCode == 0, register.Output);
        Assert.Contains("Configured: 3 whole months", register.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_bad_setting_When_a_command_needs_it_Then_it_exits_with_a_usage_error_naming_the_setting_and_no_stack_trace()
    {
        var negative = With(("EAMAZING__INGEST__SESSIONGAP", "-00:10:00")).Run("ingest", SampleFiles.RealHead, "--lake", Lake);
        var garbled = With(("EAMAZING__PRIVACY__MINGROUPSIZE", "ten")).Run("report", "demand", "--lake", Lake);
        var empty = With(("EAMAZING__FEATURES__PREFIXLENGTHS", "0")).Run("features", "build", "--lake", Lake);

        Assert.Equal(ExitCodes.UsageError, negative.ExitCode);
        Assert.Contains("EAmazing:Ingest:SessionGap (env EAMAZING__INGEST__SESSIONGAP) must be a positive duration", negative.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageError, garbled.ExitCode);
        Assert.Contains("EAmazing:Privacy:MinGroupSize", garbled.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ExitCodes.UsageError, empty.ExitCode);
        Assert.Contains("EAmazing:Features:PrefixLengths (env EAMAZING__FEATURES__PREFIXLENGTHS)", empty.Output, StringComparison.Ordinal);
        foreach (var run in new[] { negative, garbled, empty })
        {
            Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(Lake));
    }

    private int Sessions(string lake)
    {
        var run = new CliProcess(Root).Run("sql", "SELECT count(DISTINCT session_id) AS n FROM silver", "--csv", "--lake", lake);
        Assert.True(run.ExitCode == 0, run.Output);
        return int.Parse(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
