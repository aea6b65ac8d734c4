using EAmazing.BusinessModels.Recommendation;
using EAmazing.BusinessModels.Recommendation.Evaluation;
using EAmazing.BusinessModels.Recommendation.Methods;

namespace EAmazing.Core.Tests.BusinessModels.Recommendation;

public sealed class NextItemMethodTests
{
    public static TheoryData<string> SequenceMethods => [.. RecommenderCatalog.All.Where(m => !m.IsBaseline).Select(m => m.Name)];

    public static TheoryData<string> AllMethods => [.. RecommenderCatalog.Names];

    [Theory]
    [MemberData(nameof(SequenceMethods))]
    public void Where_the_next_item_is_deterministic_every_sequence_method_reaches_recall_at_20_of_one(string name)
    {
        var world = new SessionWorld(determinism: 1, seed: 46);
        var method = RecommenderCatalog.Find(name);

        var evaluation = world.Evaluate(method.Create(method.WithSeed(method.Grid[0], 46)));

        Assert.Equal(1.0, evaluation.Mean("recall_at_20"), 12);
    }

    [Fact]
    public void Popularity_cannot_follow_a_deterministic_sequence()
    {
        var world = new SessionWorld(determinism: 1, seed: 46);

        var evaluation = world.Evaluate(new PopularityRecommender());

        Assert.InRange(evaluation.Mean("recall_at_20"), 0, 0.3);
    }

    [Theory]
    [MemberData(nameof(AllMethods))]
    public void A_prediction_never_changes_when_the_events_after_it_change(string name)
    {
        var world = new SessionWorld(determinism: 0.6, seed: 11, testSessions: 40);
        var method = RecommenderCatalog.Find(name);
        var recommender = method.Create(method.WithSeed(method.Grid[0], 46));
        var before = world.Evaluate(recommender);

        // Replace every event after the second predicted one (position 2) with other items.
        var changed = world.Test.Select(s => s with { Items = s.Items.Select((item, i) => i > 2 ? (item + 97) % SessionWorld.Items : item).ToArray() })
            .Select(s => s with { Raw = s.Raw with { Products = s.Items.Select(i => (long)i).ToArray() } }).ToList();
        var after = NextItemEvaluator.Evaluate(recommender, changed, SessionWorld.Items, world.Counts);

        for (var s = 0; s < world.Test.Count; s++)
        {
            Assert.Equal(before.Sessions[s].Take(2), after.Sessions[s].Take(2));
        }

        Assert.NotEqual(before.Sessions.SelectMany(s => s.Skip(3)).Select(o => o.Rank), after.Sessions.SelectMany(s => s.Skip(3)).Select(o => o.Rank));
    }

    [Fact]
    public void An_item_unseen_in_training_is_a_miss_and_is_left_out_of_the_prefix()
    {
        var world = new SessionWorld(determinism: 1, seed: 46, testSessions: 1);
        var session = world.Test[0] with { Items = [.. world.Test[0].Items] };
        session.Items[2] = -1;

        var evaluation = world.Evaluate(new SequentialRulesRecommender(), [session]);

        Assert.Equal(0, evaluation.Sessions[0][1].Rank);
        Assert.Equal(2, session.Prefix(3).Length);
    }

    [Fact]
    public void The_grid_search_tries_the_default_first_and_the_same_candidates_under_the_same_seed()
    {
        var method = RecommenderCatalog.Find(StanRecommender.MethodName);

        var first = RecommendationTraining.Candidates(method, 4, 46);
        var again = RecommendationTraining.Candidates(method, 4, 46);

        Assert.Equal(4, first.Count);
        Assert.Same(method.Grid[0], first[0]);
        Assert.Equal(first, again);
    }
}
