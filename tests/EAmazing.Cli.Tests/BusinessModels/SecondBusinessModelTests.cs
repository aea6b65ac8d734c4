using EAmazing.BusinessModels;
using EAmazing.Cli.Tests.BusinessModels.LongSessions;
using EAmazing.Models.Business;
using EAmazing.Models.Registry;
using EAmazing.Sources.Synthetic;

namespace EAmazing.Cli.Tests.BusinessModels;

/// <summary>
/// A second business model, of another task kind, registered in a test catalog: the CLI offers it, the registry
/// records and promotes it through its own evaluator, and drift monitoring reads its gold table from its card —
/// with no change outside its folder (<c>LongSessions/</c>).
/// </summary>
public sealed class SecondBusinessModelTests : CliTestFolder
{
    private static readonly BusinessModelCatalog Catalog = new([.. BusinessModelCatalog.Default.All, new LongSessionDetector()]);

    [Fact]
    public async Task Given_a_test_catalog_When_training_promoting_and_monitoring_its_detection_model_Then_each_command_handles_it()
    {
        // Given a generated month in a lake with its gold layer
        var (lake, models) = GoldLake(seed: 7);

        // When the CLI built on the test catalog trains, promotes and monitors the new model
        var subcommand = EAmazingCli.BuildRoot(Catalog).Subcommands.Single(c => c.Name == "train").Subcommands.Single(c => c.Name == "long-sessions");
        var train = await EAmazingCli.RunAsync(["train", "long-sessions", "--quantile", "0.9", "--lake", lake, "--models", models], catalog: Catalog);
        var registry = new ModelRegistry(models);
        var card = registry.Get(LongSessionDetector.RegistryName, 1);
        var promote = await EAmazingCli.RunAsync(["models", "promote", LongSessionDetector.RegistryName, "1", "--models", models], catalog: Catalog);
        var drift = await EAmazingCli.RunAsync(["monitor", "drift", "--model", LongSessionDetector.RegistryName, "--lake", lake, "--models", models], catalog: Catalog);

        // Then it trained under its own subcommand and parameter, with its kind and gold input on the card
        Assert.Contains(subcommand.Options, o => o.Name == "--quantile");
        Assert.Equal(ExitCodes.Success, train);
        Assert.Equal(TaskKind.Detection, card.Kind);
        Assert.Equal(["sessions"], card.GoldInputs);
        Assert.Equal("flag_rate", card.Primary!.Name);

        // the registry promoted it through its own evaluator (the detection gate is among the reasons)
        Assert.Equal(ExitCodes.Success, promote);
        Assert.Equal(ModelStatus.Champion, registry.Get(LongSessionDetector.RegistryName, 1).Status);

        // and drift monitoring compared its features on gold sessions, the table its card names
        Assert.Equal(ExitCodes.Success, drift);
        var page = Directory.EnumerateFiles(Path.Combine(lake, "monitoring"), "*.html", SearchOption.AllDirectories)
            .Single(f => f.Contains(LongSessionDetector.RegistryName, StringComparison.Ordinal));
        var html = File.ReadAllText(page);
        Assert.Contains("distinct_items", html, StringComparison.Ordinal);
        Assert.Contains("duration_seconds", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_the_test_catalog_When_a_gate_of_the_kind_fails_Then_the_version_stays_a_candidate()
    {
        var (lake, models) = GoldLake(seed: 8);

        // A low quantile flags about half the sessions: the common gates pass, the detection gate does not.
        Assert.Equal(ExitCodes.Success, await EAmazingCli.RunAsync(["train", "long-sessions", "--quantile", "0.5", "--lake", lake, "--models", models], catalog: Catalog));
        var promote = await EAmazingCli.RunAsync(["models", "promote", LongSessionDetector.RegistryName, "1", "--models", models], catalog: Catalog);

        Assert.Equal(ExitCodes.Failure, promote);
        Assert.Equal(ModelStatus.Candidate, new ModelRegistry(models).Get(LongSessionDetector.RegistryName, 1).Status);
    }

    /// <summary>A generated tiny month ingested and built into gold by the real CLI process, as a user would; the lake and registry folders.</summary>
    private (string Lake, string Models) GoldLake(ulong seed)
    {
        var input = Path.Combine(Root, "input");
        new DatasetGenerator(new GeneratorOptions { Scale = GenerationScale.Tiny, Seed = seed, OutputDirectory = input }).Run();
        var lake = Path.Combine(Root, "lake");
        var cli = new CliProcess(Root);
        Assert.Equal(0, cli.Run("ingest", input, "--lake", lake).ExitCode);
        Assert.Equal(0, cli.Run("features", "build", "--lake", lake).ExitCode);
        return (lake, Path.Combine(Root, "models"));
    }
}
