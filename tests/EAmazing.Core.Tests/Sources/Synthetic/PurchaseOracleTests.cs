using EAmazing.Sources.Rees46;
using EAmazing.Sources.Synthetic;
using EAmazing.Sources.Synthetic.Oracle;
using EAmazing.Sources.Synthetic.Simulation;
using EAmazing.Sources.Synthetic.World;

namespace EAmazing.Core.Tests.Sources.Synthetic;

public sealed class PurchaseOracleTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>
    /// The churn oracle is calibrated on its world: over the users seen before D, its mean probability of no purchase in
    /// [D, D + 28 days) matches the share of those users who then made none in the simulated events, within the sampling
    /// error of both (three standard errors). Its expected purchase sessions match the observed count the same way.
    /// </summary>
    [Fact]
    public void Churn_And_Purchase_Oracle_Is_Calibrated_On_The_World()
    {
        var spec = WorldSpec.For(GenerationScale.Tiny, new MonthWindow(MonthWindow.DatasetStart, 2), 46) with { EventsPerMonth = [150_000, 150_000] };
        spec = spec with { UserCount = 6_000 };
        var world = SyntheticWorld.Create(spec);
        var simulator = new HourSimulator(world);
        const int day = 31;
        const int days = 28;
        var seen = new HashSet<long>();
        var purchaseSessions = new Dictionary<long, HashSet<Guid>>();
        for (var hour = 0; hour < (day + days) * 24; hour++)
        {
            foreach (var e in simulator.Simulate(hour).Events)
            {
                if (e.Second < day * 86_400L)
                {
                    seen.Add(e.UserId);
                }
                else if (e.Type == EventType.Purchase && e.Second < (day + days) * 86_400L)
                {
                    (purchaseSessions.TryGetValue(e.UserId, out var s) ? s : purchaseSessions[e.UserId] = []).Add(e.Session);
                }
            }
        }

        var oracle = new PurchaseOracle(world);
        var at = world.Window.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(day);
        var outlooks = seen.Order().Select(u => (User: u, Outlook: oracle.Outlook(u, at, days, 40, seed: 5))).ToList();

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
}
