using EAmazing.BusinessModels.Recommendation;
using EAmazing.BusinessModels.Recommendation.Neural;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EAmazing.Core.Tests.BusinessModels.Recommendation.Neural;

public sealed class Gru4RecRecommenderTests
{
    private static readonly Gru4RecOptions Small = new()
    {
        EmbeddingSize = 16,
        HiddenSize = 32,
        BatchSize = 16,
        NegativeSamples = 16,
        LearningRate = 0.1,
        Dropout = 0,
        Epochs = 6,
        Seed = 7,
    };

    private static readonly Lazy<Gru4RecRecommender> Trained = new(() =>
    {
        var model = new Gru4RecRecommender(Small);
        model.Fit(Cyclic(50, sessions: 600, seed: 1), 50);
        return model;
    });

    [Fact]
    public void On_cyclic_sessions_it_learns_the_deterministic_next_item()
    {
        // Given sessions that walk a cycle of 50 items (the next item is always current + 1 mod 50)
        var model = Trained.Value;
        var test = Cyclic(50, sessions: 200, seed: 2);

        // When every prefix of held-out sessions is scored over the full catalogue
        var (recall20, top1) = Evaluate(model, test, 50);

        // Then the true next item is in the top 20 every time and first almost every time
        Assert.Equal(1.0, recall20);
        Assert.True(top1 >= 0.98, $"top-1 accuracy {top1:0.000}");
        Assert.True(model.History[^1].MeanLoss < model.History[0].MeanLoss, "training loss did not fall");
    }

    [Fact]
    public void It_learns_from_the_session_history_not_only_the_current_item()
    {
        // Given sessions a_k, hub, b_k: after the shared hub the next item depends on the session's first item,
        // so a method that looks only at the current item gets at most 1 in 10 right
        var sessions = Enumerable.Range(0, 800).Select(i => Session([i % 10, 10, 11 + (i % 10)])).ToList();
        var model = new Gru4RecRecommender(Small with { Epochs = 15, NegativeSamples = 8 });

        model.Fit(sessions, 21);

        var scores = new float[21];
        var correct = 0;
        for (var k = 0; k < 10; k++)
        {
            model.ScoreAll(Session([k, 10]), scores);
            correct += ArgMax(scores) == 11 + k ? 1 : 0;
        }

        Assert.True(correct >= 9, $"{correct} of 10 right after the hub");
    }

    [Fact]
    public void Momentum_training_learns_the_cycle_too()
    {
        var model = new Gru4RecRecommender(Small with { Optimizer = Gru4RecOptimizer.Momentum, LearningRate = 0.05, Dropout = 0.1 });
        model.Fit(Cyclic(50, sessions: 600, seed: 1), 50);

        var (recall20, top1) = Evaluate(model, Cyclic(50, sessions: 100, seed: 3), 50);

        Assert.True(recall20 >= 0.99, $"Recall@20 {recall20:0.000}");
        Assert.True(top1 >= 0.9, $"top-1 accuracy {top1:0.000}");
    }

    [Fact]
    public void Training_is_reproducible_under_the_seed()
    {
        var sessions = Cyclic(30, sessions: 100, seed: 4);
        var options = Small with { Epochs = 2, Dropout = 0.2 };

        var a = new Gru4RecRecommender(options);
        var b = new Gru4RecRecommender(options);
        var c = new Gru4RecRecommender(options with { Seed = 8 });
        a.Fit(sessions, 30);
        b.Fit(sessions, 30);
        c.Fit(sessions, 30);

        Assert.Equal(a.Network.OutputEmbedding, b.Network.OutputEmbedding);
        Assert.Equal(a.Network.RecurrentWeights, b.Network.RecurrentWeights);
        Assert.Equal(a.History.Select(e => e.MeanLoss), b.History.Select(e => e.MeanLoss));
        Assert.NotEqual(a.Network.OutputEmbedding, c.Network.OutputEmbedding);
    }

    [Fact]
    public void Save_and_load_give_identical_scores()
    {
        var model = Trained.Value;
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = Gru4RecRecommender.Load(stream);

        var prefix = Session([3, 4, 5]);
        var expected = new float[50];
        var actual = new float[50];
        model.ScoreAll(prefix, expected);
        loaded.ScoreAll(prefix, actual);
        Assert.Equal(expected, actual);
        Assert.Equal(model.Network.ParameterCount, loaded.Network.ParameterCount);
    }

    [Fact]
    public void Save_to_a_file_is_atomic_and_a_cut_file_is_refused_with_its_path()
    {
        var folder = Directory.CreateTempSubdirectory("gru4rec-");
        try
        {
            var path = Path.Combine(folder.FullName, "gru4rec.bin");
            Trained.Value.Save(path);
            Assert.Single(Directory.GetFiles(folder.FullName));
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length - 10)]);

            var error = Assert.Throws<InvalidDataException>(() => Gru4RecRecommender.Load(path));

            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Contains("cut short", error.Message, StringComparison.Ordinal);
            File.WriteAllBytes(path, [1, 2, 3]);
            Assert.Contains("Not a GRU4Rec model", Assert.Throws<InvalidDataException>(() => Gru4RecRecommender.Load(path)).Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Property(MaxTest = 50)]
    public Property Candidate_scores_equal_the_full_catalogue_scores_of_the_same_items()
    {
        var items = Gen.Choose(0, 49);
        var arbitrary = Gen.Zip(Gen.ArrayOf(items), Gen.ArrayOf(Gen.Choose(-2, 52))).ToArbitrary();
        return Prop.ForAll(arbitrary, pair =>
        {
            var (prefix, candidates) = pair;
            var model = Trained.Value;
            var all = new float[50];
            var some = new float[candidates.Length];
            model.ScoreAll(Session(prefix), all);
            model.ScoreCandidates(Session(prefix), candidates, some);
            return candidates.Select((j, i) => j is >= 0 and < 50 ? some[i] == all[j] : float.IsNegativeInfinity(some[i])).All(ok => ok);
        });
    }

    [Fact]
    public void An_item_outside_the_catalogue_in_training_names_the_session_and_event()
    {
        var model = new Gru4RecRecommender(Small);

        var error = Assert.Throws<ArgumentException>(() => model.Fit([Session([1, 2]), Session([3, 60])], 50));

        Assert.Contains("session 1, event 1: item 60", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_out_of_range_is_refused_by_name_before_training()
    {
        var model = new Gru4RecRecommender(Small with { Dropout = 1.0 });

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit([Session([1, 2])], 50));

        Assert.Contains("Gru4RecOptions.Dropout must be in [0, 1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scoring_before_fitting_says_so()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Gru4RecRecommender().ScoreAll(Session([1]), new float[5]));
        Assert.Contains("not been fitted", error.Message, StringComparison.Ordinal);
    }

    private static (double Recall20, double Top1) Evaluate(ISessionRecommender model, IReadOnlyList<SessionSequence> sessions, int itemCount)
    {
        var scores = new float[itemCount];
        int hits = 0, top = 0, total = 0;
        foreach (var session in sessions)
        {
            for (var t = 1; t < session.Length; t++)
            {
                model.ScoreAll(Session(session.Items[..t]), scores);
                var target = session.Items[t];
                var rank = scores.Count(s => s > scores[target]);
                hits += rank < 20 ? 1 : 0;
                top += rank == 0 ? 1 : 0;
                total++;
            }
        }

        return (hits / (double)total, top / (double)total);
    }

    private static List<SessionSequence> Cyclic(int items, int sessions, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, sessions).Select(_ =>
        {
            var start = rng.Next(items);
            return Session(Enumerable.Range(0, rng.Next(3, 9)).Select(k => (start + k) % items).ToArray());
        }).ToList();
    }

    private static SessionSequence Session(int[] items) =>
        new(items, items.Select((_, i) => 1_570_000_000L + (60L * i)).ToArray(), new byte[items.Length]);

    private static int ArgMax(float[] scores) => Array.IndexOf(scores, scores.Max());
}
