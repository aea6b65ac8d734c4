using System.Text.Json;
using EAmazing.Features;
using EAmazing.Sources.Synthetic;

namespace EAmazing.Cli.Tests;

/// <summary><c>eamazing features build|status|audit</c> run as a user would, on a tiny generated month.</summary>
public sealed class FeaturesCommandTests : CliTestFolder
{

    [Fact]
    public void Given_an_ingested_lake_When_features_are_built_twice_Then_the_second_build_recomputes_nothing_and_the_audit_passes()
    {
        var input = Path.Combine(Root, "input");
        new DatasetGenerator(new GeneratorOptions { Scale = GenerationScale.Tiny, OutputDirectory = input }).Run();
        Directory.Delete(Path.Combine(input, "truth"), recursive: true);
        var lake = Path.Combine(Root, "lake");
        var cli = new CliProcess(Root);
        Assert.Equal(0, cli.Run("ingest", input, "--lake", lake).ExitCode);

        var first = cli.Run("features", "build", "--lake", lake);
        var asked = cli.Run("features", "build", "--table", "item_transitions", "--lake", lake);
        var second = cli.Run("features", "build", "--lake", lake);
        var status = cli.Run("features", "status", "--json", "--lake", lake);
        var audit = cli.Run("features", "audit", "--table", "cart_prediction_points", "--month", "2019-10", "--lake", lake);

        Assert.True(first.ExitCode == 0, first.Output);
        // One month: a partition per table a business model reads; the item tables no model reads only when asked for,
        // and a table once built is kept current by every later build.
        Assert.Contains("5 partition(s) built", first.Output, StringComparison.Ordinal);
        Assert.Contains("not built, as no business model reads them: item_first_days, items, item_transitions", first.Output.ReplaceLineEndings(""), StringComparison.Ordinal);
        Assert.DoesNotContain("gold_items", first.Output, StringComparison.Ordinal);
        Assert.Contains("1 partition(s) built", asked.Output, StringComparison.Ordinal);
        var tables = 6;
        Assert.Contains($"0 partition(s) built, {tables} up to date", second.Output, StringComparison.Ordinal);
        Assert.Contains("gold_item_transitions", second.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(status.Output);
        Assert.Equal(tables, json.RootElement.GetProperty("partitions").GetArrayLength());
        Assert.All(json.RootElement.GetProperty("plan").EnumerateArray(), p => Assert.Equal("UpToDate", p.GetProperty("action").GetString()));
        Assert.True(audit.ExitCode == 0, audit.Output);
        Assert.Contains("Leakage audit passed", audit.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_mistake_When_features_commands_run_Then_they_exit_with_a_clear_message()
    {
        var cli = new CliProcess(Root);
        var lake = Path.Combine(Root, "empty-lake");
        var missing = cli.Run("features", "build", "--lake", Path.Combine(Root, "no-such-lake"));
        EAmazing.Engine.DuckDb.DuckDbLake.Open(lake).Dispose(); // an empty lake: created, nothing ingested

        var unknown = cli.Run("features", "build", "--table", "nope", "--lake", lake);
        var empty = cli.Run("features", "build", "--lake", lake);
        var backwards = cli.Run("features", "build", "--from", "2019-11-01", "--to", "2019-10-01", "--lake", lake);

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown gold table(s) nope", unknown.Output, StringComparison.Ordinal);
        Assert.Equal(3, empty.ExitCode);
        Assert.Contains("no silver data", empty.Output, StringComparison.Ordinal);
        Assert.Equal(2, backwards.ExitCode);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("no lake at", missing.Output, StringComparison.Ordinal);
    }
}
