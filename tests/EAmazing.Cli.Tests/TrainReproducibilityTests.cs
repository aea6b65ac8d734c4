using System.Text.Json.Nodes;

namespace EAmazing.Cli.Tests;

/// <summary><c>train</c> is reproducible under a seed: separate processes, with and without a busy machine, give the same comparison and card.</summary>
public sealed class TrainReproducibilityTests : CliTestFolder
{
    // Every nondeterministic kind of trainer: SDCA, FastTree (one tree and boosted), FastForest, LightGBM, the network.
    private const string Families = "logistic,tree,forest,fasttree,lightgbm,mlp";

    [Fact]
    [Trait("Category", "Slow")]
    public void Given_the_same_lake_and_seed_When_train_runs_in_three_processes_one_under_cpu_load_Then_tables_and_cards_are_identical()
    {
        // Given a small generated lake with its gold layer
        var (_, lake, _, cli) = IngestTinyWorld();

        // When training three times with the same seed, each into its own registry, the third while every core is busy
        var first = Train(cli, lake, "first");
        var second = Train(cli, lake, "second");
        using var load = new CancellationTokenSource();
        var burners = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Thread(() => Burn(load.Token)) { IsBackground = true }).ToList();
        burners.ForEach(t => t.Start());
        var loaded = Train(cli, lake, "loaded");
        load.Cancel();
        burners.ForEach(t => t.Join());

        // Then the comparison tables and the cards are identical, apart from the creation time and the timings
        Assert.True(first.Table.Count >= 8, string.Join('\n', first.Table));
        Assert.Equal(first.Table, second.Table);
        Assert.Equal(first.Table, loaded.Table);
        Assert.Equal(first.Card, second.Card);
        Assert.Equal(first.Card, loaded.Card);
    }

    private (IReadOnlyList<string> Table, string Card) Train(CliProcess cli, string lake, string name)
    {
        var models = Path.Combine(Root, name);
        var (code, output) = cli.Run("train", "purchase", "--lake", lake, "--models", models, "--families", Families, "--trials", "2", "--seed", "46");
        Assert.True(code == 0, output);
        var table = output.Split('\n').Where(l => l.Contains('│', StringComparison.Ordinal) || l.StartsWith('|')).ToList();
        var card = JsonNode.Parse(File.ReadAllText(Path.Combine(models, "purchase-intent-cart", "1", "card.json")))!.AsObject();
        card.Remove("CreatedAt");
        card.Remove("TrainingSeconds");
        return (table, card.ToJsonString());
    }

    private static void Burn(CancellationToken token)
    {
        var x = 1.0;
        while (!token.IsCancellationRequested)
        {
            for (var i = 0; i < 100_000; i++)
            {
                x = Math.Sqrt(x + i);
            }
        }

        GC.KeepAlive(x);
    }
}
