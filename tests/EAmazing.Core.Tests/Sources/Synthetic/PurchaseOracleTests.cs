using EAmazing.Foundation.Statistics;
using EAmazing.Sources.Rees46;
using EAmazing.Sources.Synthetic;
using EAmazing.Sources.Synthetic.Oracle;
using EAmazing.Sources.Synthetic.Simulation;
using EAmazing.Sources.Synthetic.World;

namespace EAmazing.Core.Tests.Sources.Synthetic;

public sealed class PurchaseOracleTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Day = 31;
    private const int Days = 28;

    /// <summary>
    /// One simulated two-month tiny world shared by the tests: per user seen before day <see cref="Day"/>, its last event
    /// second before it; per user, its purchase sessions in [Day, Day + <see cref="Days"/>).
    /// </summary>
    private static readonly Lazy<(SyntheticWorld World, Dictionary<long, long> Seen, Dictionary<long, HashSet<Guid>> Purchases, Dictionary<long, List<ObservedSession>> Histories)> Simulated = new(() =>
    {
        var spec = WorldSpec.For(GenerationScale.Tiny, new MonthWindow(MonthWindow.DatasetStart, 2), 46) with { EventsPerMonth = [150_000, 150_000] };
        spec = spec with { UserCount = 6_000 };
        var world = SyntheticWorld.Create(spec);
        var simulator = new HourSimulator(world);
        var seen = new Dictionary<long, long>();
        var purchaseSessions = new Dictionary<long, HashSet<Guid>>();
        var sessions = new Dictionary<(long User, Guid Session), (long Start, bool Carted, bool Bought)>();
        for (var hour = 0; hour < (Day + Days) * 24; hour++)
        {
            foreach (var e in simulator.Simulate(hour).Events)
            {
                if (e.Second < Day * 86_400L)
                {
                    seen[e.UserId] = Math.Max(e.Second, seen.GetValueOrDefault(e.UserId));
                    var known = sessions.TryGetValue((e.UserId, e.Session), out var session);
                    sessions[(e.UserId, e.Session)] = (known ? Math.Min(session.Start, e.Second) : e.Second,
                        session.Carted || e.Type == EventType.Cart, session.Bought || e.Type == EventType.Purchase);
                }
                else if (e.Type == EventType.Purchase && e.Second < (Day + Days) * 86_400L)
                {
                    (purchaseSessions.TryGetValue(e.UserId, out var s) ? s : purchaseSessions[e.UserId] = []).Add(e.Session);
                }
            }
        }

        var histories = sessions.GroupBy(s => s.Key.User).ToDictionary(
            g => g.Key, g => g.Select(s => new ObservedSession(s.Value.Start / 86_400.0, s.Value.Carted, s.Value.Bought)).ToList());
        return (world, seen, purchaseSessions, histories);
    });

    /// <summary>
    /// The churn oracle is calibrated on its world: over the users seen before D, its mean probability of no purchase in
    /// [D, D + 28 days) matches the share of those users who then made none in the simulated events, within the sampling
    /// error of both (three standard errors). Its expected purchase sessions match the observed count the same way.
    /// </summary>
    [Fact]
    public void Churn_And_Purchase_Oracle_Is_Calibrated_On_The_World()
    {
        var (world, seen, purchaseSessions, _) = Simulated.Value;
        var oracle = new PurchaseOracle(world);
        var at = world.Window.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(Day);
        var outlooks = seen.Keys.Order().Select(u => (User: u, Outlook: oracle.Outlook(u, at, Days, 40, seed: 5))).ToList();

        var n = outlooks.Count;
        var predicted = outlooks.Average(o => o.Outlook.ProbabilityNoPurchase);
        var observed = outlooks.Count(o => !purchaseSessions.ContainsKey(o.User)) / (double)n;
        var error = Math.Sqrt((observed * (1 - observed) / n) + (outlooks.Sum(o => Math.Pow(o.Outlook.NoPurchaseStandardError, 2)) / ((double)n * n)));
        var expected = outlooks.Sum(o => o.Outlook.ExpectedPurchaseSessions);
        var actual = outlooks.Sum(o => purchaseSessions.TryGetValue(o.User, out var s) ? s.Count : 0);
        output.WriteLine($"{n} users: no purchase predicted {predicted:0.0000} observed {observed:0.0000} (s.e. {error:0.0000}); purchase sessions expected {expected:0.0} observed {actual}");
        Assert.True(n > 1_000, $"{n} users seen before D");
        Assert.True(observed is > 0.5 and < 0.995, $"observed no-purchase share {observed}: the test needs buyers and non-buyers");
        Assert.True(Math.Abs(predicted - observed) < 3 * error, $"mean predicted {predicted:0.0000} vs observed {observed:0.0000} (s.e. {error:0.0000}, {n} users)");

        Assert.InRange(expected / actual, 0.9, 1.1);
    }

    /// <summary>
    /// The partial oracle that does not know the churn clock: its posterior probability that a user is still active at D,
    /// given the last visit, matches the share of the seen users the world keeps active at D (three standard errors);
    /// its churn probability is calibrated against the simulated events as the full oracle's is; and knowing the clock
    /// orders users better (the full oracle's AUC is above the partial one's, which is itself well above chance).
    /// </summary>
    [Fact]
    public void Oracle_Without_The_Clock_Is_Calibrated_And_Below_The_Full_Oracle()
    {
        var (world, seen, purchaseSessions, _) = Simulated.Value;
        var oracle = new PurchaseOracle(world);
        var epoch = world.Window.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var at = epoch.AddDays(Day);
        var users = seen.Keys.Order().ToList();

        var alive = users.Select(u => oracle.ProbabilityActive(u, at, epoch.AddSeconds(seen[u]))).ToList();
        var activeShare = users.Count(u => world.Users.TryGetRank(u, out var rank) && world.Users.Traits(rank).IsActiveAt(Day)) / (double)users.Count;
        var aliveError = Math.Sqrt(alive.Sum(p => p * (1 - p))) / users.Count;
        output.WriteLine($"{users.Count} users: still active at D predicted {alive.Average():0.0000}, in the world {activeShare:0.0000} (s.e. {aliveError:0.0000})");
        Assert.True(activeShare is > 0.2 and < 0.95, $"active share {activeShare}: the test needs users gone and users still active");
        Assert.True(Math.Abs(alive.Average() - activeShare) < 3 * aliveError, $"still active predicted {alive.Average():0.0000} vs {activeShare:0.0000} (s.e. {aliveError:0.0000})");

        var full = users.Select(u => oracle.Outlook(u, at, Days, 40, seed: 5)).ToList();
        var blind = users.Select(u => oracle.OutlookWithoutClock(u, at, epoch.AddSeconds(seen[u]), Days, 40, seed: 5)).ToList();
        var churned = users.Select(u => !purchaseSessions.ContainsKey(u)).ToList();
        var observed = churned.Count(c => c) / (double)users.Count;
        var predicted = blind.Average(o => o.ProbabilityNoPurchase);
        var error = Math.Sqrt((observed * (1 - observed) / users.Count) + (blind.Sum(o => Math.Pow(o.NoPurchaseStandardError, 2)) / ((double)users.Count * users.Count)));
        var fullAuc = BinaryMetrics.RocAuc(full.Select(o => o.ProbabilityNoPurchase).ToList(), churned);
        var blindAuc = BinaryMetrics.RocAuc(blind.Select(o => o.ProbabilityNoPurchase).ToList(), churned);
        output.WriteLine($"no purchase predicted without the clock {predicted:0.0000} observed {observed:0.0000} (s.e. {error:0.0000}); AUC full {fullAuc:0.000}, without the clock {blindAuc:0.000}");
        Assert.True(Math.Abs(predicted - observed) < 3 * error, $"mean predicted {predicted:0.0000} vs observed {observed:0.0000} (s.e. {error:0.0000})");
        Assert.True(fullAuc > blindAuc, $"full oracle AUC {fullAuc:0.000} should beat the one without the clock {blindAuc:0.000}");
        Assert.True(blindAuc > 0.6, $"oracle without the clock AUC {blindAuc:0.000}");
    }

    /// <summary>
    /// The observable oracle, which knows only each user's sessions before D (times, carts, purchases) and the world's
    /// priors: its churn probability is calibrated against the simulated events (three standard errors), and it orders
    /// users no better than the oracle that knows the traits and rates (information ordering) yet better than recency alone;
    /// its weights keep an effective sample size above 10 for every user, and another seed's draws give the same answers.
    /// </summary>
    [Fact]
    public void Observable_Oracle_Is_Calibrated_And_Between_Recency_And_The_Oracle_Without_The_Clock()
    {
        var (world, seen, purchaseSessions, histories) = Simulated.Value;
        var oracle = new PurchaseOracle(world);
        var observable = new ObservableChurnOracle(world, seed: 7);
        var epoch = world.Window.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var at = epoch.AddDays(Day);
        var users = seen.Keys.Order().ToList();

        var answers = users.Select(u => observable.Outlook(histories[u], Day, Days)).ToList();
        var blind = users.Select(u => oracle.OutlookWithoutClock(u, at, epoch.AddSeconds(seen[u]), Days, 40, seed: 5).ProbabilityNoPurchase).ToList();
        var churned = users.Select(u => !purchaseSessions.ContainsKey(u)).ToList();
        var observed = churned.Count(c => c) / (double)users.Count;
        var predicted = answers.Average(a => a.ProbabilityNoPurchase);
        var error = Math.Sqrt((observed * (1 - observed) / users.Count) + (answers.Sum(a => Math.Pow(a.StandardError, 2)) / ((double)users.Count * users.Count)));
        var observableAuc = BinaryMetrics.RocAuc(answers.Select(a => a.ProbabilityNoPurchase).ToList(), churned);
        var blindAuc = BinaryMetrics.RocAuc(blind, churned);
        // Recency alone: the longer the silence before D, the likelier no purchase.
        var recencyAuc = BinaryMetrics.RocAuc(users.Select(u => (double)(Day * 86_400L - seen[u])).ToList(), churned);
        var ess = answers.Select(a => a.EffectiveSampleSize).Order().ToList();
        output.WriteLine($"{users.Count} users, {observable.RankBinCount} rank bins: no purchase predicted {predicted:0.0000} observed {observed:0.0000} (s.e. {error:0.0000}); "
            + $"AUC recency {recencyAuc:0.000}, observable {observableAuc:0.000}, without the clock {blindAuc:0.000}; effective sample size median {ess[ess.Count / 2]:0} min {ess[0]:0.0}, mean standard error {answers.Average(a => a.StandardError):0.0000}");
        Assert.True(Math.Abs(predicted - observed) < 3 * error, $"mean predicted {predicted:0.0000} vs observed {observed:0.0000} (s.e. {error:0.0000})");
        Assert.True(observableAuc <= blindAuc, $"observable oracle AUC {observableAuc:0.000} should not beat the oracle that knows the rates {blindAuc:0.000}");
        Assert.True(observableAuc > recencyAuc + 0.01, $"observable oracle AUC {observableAuc:0.000} should beat recency alone {recencyAuc:0.000}");
        Assert.True(ess[0] > 10, $"smallest effective sample size {ess[0]:0.0}");

        // Another seed draws other traits and simulates their sessions anew: the answers must not hinge on those draws.
        var other = new ObservableChurnOracle(world, seed: 8);
        var again = users.Select(u => other.Outlook(histories[u], Day, Days).ProbabilityNoPurchase).ToList();
        var difference = again.Select((p, i) => Math.Abs(p - answers[i].ProbabilityNoPurchase)).Average();
        var againAuc = BinaryMetrics.RocAuc(again, churned);
        output.WriteLine($"another seed: mean |difference| {difference:0.0000}, AUC {againAuc:0.000}");
        Assert.True(difference < 0.01, $"mean difference between two seeds' answers {difference:0.0000}");
    }
}
