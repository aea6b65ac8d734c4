using System.Globalization;
using EAmazing.Sources.Synthetic.Oracle;
using EAmazing.Sources.Synthetic.Truth;
using EAmazing.Sources.Rees46;
using EAmazing.Core.Tests.Support;

namespace EAmazing.Core.Tests.Sources.Synthetic;

public sealed class OracleTests(TinyDataset tiny) : IClassFixture<TinyDataset>
{
    [Fact]
    public void Oracle_Recomputes_The_Truth_Probability_From_The_Generated_Rows()
    {
        // Given the generated file and the truth written beside it
        var oracle = WorldOracle.Load(tiny.TruthDirectory);
        var truth = TruthReader.Rows(tiny.TruthDirectory, TruthFiles.Sessions)
            .ToDictionary(r => (r[0], long.Parse(r[1], CultureInfo.InvariantCulture)), r => double.Parse(r[3], CultureInfo.InvariantCulture));
        var sessions = Rees46FileReader.ReadEvents(Path.Combine(tiny.Directory, "2019-Oct.csv.gz"))
            .GroupBy(e => (e.UserSession, e.UserId));

        // When the oracle recomputes p at each session's first cart from the rows before it
        var compared = 0;
        foreach (var session in sessions)
        {
            var events = session.ToList();
            var firstCart = events.FindIndex(e => e.EventType == EventType.Cart);
            if (firstCart < 0 || !truth.TryGetValue(session.Key, out var expected) || events.Distinct().Count() != events.Count
                || DateOnly.FromDateTime(events[0].EventTime) != DateOnly.FromDateTime(events[firstCart].EventTime))
            {
                continue; // skip rare quirks: duplicated rows, sessions crossing midnight (the day's boost is drawn at session start)
            }

            var viewed = events.Take(firstCart).Where(e => e.EventType == EventType.View).Select(e => e.ProductId).ToList();
            var cart = events[firstCart];
            var p = oracle.PurchaseProbabilityAtFirstCart(cart.UserId, cart.EventTime, viewed, cart.ProductId, cart.Price);

            // Then it matches the probability the world used (written with six decimals)
            Assert.True(Math.Abs(expected - p) < 2e-6, $"truth {expected}, oracle {p}");
            compared++;
        }

        Assert.True(compared > 100, $"only {compared} cart sessions compared");
    }

    [Fact]
    public void Next_Item_Distribution_Is_A_Probability_Distribution_That_Includes_The_Repeat()
    {
        var oracle = WorldOracle.Load(tiny.TruthDirectory);
        var first = Rees46FileReader.ReadEvents(Path.Combine(tiny.Directory, "2019-Oct.csv.gz")).First();

        var all = oracle.NextItemDistribution(first.UserId, first.EventTime, first.ProductId, top: int.MaxValue);
        var top = oracle.NextItemDistribution(first.UserId, first.EventTime, first.ProductId, top: 20);

        Assert.InRange(all.Sum(p => p.Probability), 0.99, 1.0 + 1e-9);
        Assert.Equal(20, top.Count);
        // A repeat view alone carries the world's repeat probability, so the current item is near the top.
        var repeat = Assert.Single(top, p => p.ProductId == first.ProductId);
        Assert.True(repeat.Probability >= oracle.World.Spec.Behaviour.RepeatViewProbability);
        Assert.True(top.Zip(top.Skip(1)).All(pair => pair.First.Probability >= pair.Second.Probability));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(21)]
    [InlineData(300)]
    [InlineData(int.MaxValue)]
    public void Next_Item_Distribution_Equals_The_Full_Scan_Of_The_Catalogue(int top)
    {
        var oracle = WorldOracle.Load(tiny.TruthDirectory);
        var views = Rees46FileReader.ReadEvents(Path.Combine(tiny.Directory, "2019-Oct.csv.gz"))
            .Where(e => e.EventType == EventType.View).Take(top == int.MaxValue ? 40 : 400).ToList();

        foreach (var view in views)
        {
            var expected = oracle.NextItemDistributionByFullScan(view.UserId, view.EventTime, view.ProductId, top);
            var actual = oracle.NextItemDistribution(view.UserId, view.EventTime, view.ProductId, top);

            // the same products, probabilities to the bit, in the same order
            Assert.Equal(expected, actual);
        }

        Assert.True(views.Count >= 40);
    }

    [Fact]
    public void Next_Item_Distribution_Matches_Observed_Transitions()
    {
        // Over all view→view transitions of the file, the oracle's probability of what actually came next
        // must on average equal the empirical frequency of that outcome: log-likelihood far above chance.
        var oracle = WorldOracle.Load(tiny.TruthDirectory);
        var hits = 0;
        var transitions = 0;
        foreach (var session in Rees46FileReader.ReadEvents(Path.Combine(tiny.Directory, "2019-Oct.csv.gz"))
                     .Where(e => e.EventType == EventType.View).GroupBy(e => e.UserSession).Take(400))
        {
            var views = session.ToList();
            for (var i = 1; i < views.Count; i++)
            {
                var top = oracle.NextItemDistribution(views[i - 1].UserId, views[i - 1].EventTime, views[i - 1].ProductId, 20);
                hits += top.Any(p => p.ProductId == views[i].ProductId) ? 1 : 0;
                transitions++;
            }
        }

        // The world makes next items learnable: the oracle's top 20 holds most true next items.
        Assert.True(transitions > 200);
        Assert.True(hits / (double)transitions > 0.6, $"oracle top-20 hit rate {hits / (double)transitions:0.000}");
    }
}
