using EAmazing.BusinessModels.Recommendation;
using EAmazing.BusinessModels.Recommendation.Data;
using EAmazing.BusinessModels.Recommendation.Evaluation;
using EAmazing.Foundation.Randomness;

namespace EAmazing.Core.Tests.BusinessModels.Recommendation;

/// <summary>
/// A small world of sessions over <see cref="Items"/> items (product id = dense index): each next item follows the
/// current one by <paramref name="step"/> with probability <paramref name="determinism"/>, else is drawn uniformly.
/// Training sessions come first in time, test sessions after them.
/// </summary>
public sealed class SessionWorld
{
    public const int Items = 200;

    public SessionWorld(double determinism, ulong seed, int trainingSessions = 2000, int testSessions = 100, int length = 6, int step = 1)
    {
        var rng = Xoshiro256.For(seed, 7);
        var time = 1_570_000_000L;
        Training = Enumerable.Range(0, trainingSessions).Select(_ => Session(ref rng, ref time, length, determinism, step)).ToList();
        Test = Enumerable.Range(0, testSessions).Select(_ => Session(ref rng, ref time, length, determinism, step)).Select(ToTest).ToList();
        Counts = new int[Items];
        foreach (var s in Training)
        {
            foreach (var i in s.Items)
            {
                Counts[i]++;
            }
        }
    }

    public List<SessionSequence> Training { get; }

    public List<TestSession> Test { get; }

    public int[] Counts { get; }

    public MethodEvaluation Evaluate(ISessionRecommender method, IReadOnlyList<TestSession>? sessions = null)
    {
        method.Fit(Training, Items);
        return NextItemEvaluator.Evaluate(method, sessions ?? Test, Items, Counts);
    }

    /// <summary>
    /// Raw sessions (product id = item, one user) over <paramref name="days"/> calendar days from 2019-10-01 UTC,
    /// <paramref name="perDay"/> starting each day, drawn as above: input for a protocol run.
    /// </summary>
    public static List<RawSession> Days(int days, int perDay, double determinism, ulong seed, int length = 6)
    {
        var rng = Xoshiro256.For(seed, 8);
        var sessions = new List<RawSession>();
        for (var d = 0; d < days; d++)
        {
            for (var k = 0; k < perDay; k++)
            {
                var time = 1_569_888_000L + (d * 86_400L) + (k * (80_000L / perDay));
                var s = Session(ref rng, ref time, length, determinism, step: 1);
                sessions.Add(new RawSession("u", s.Items.Select(i => (long)i).ToArray(), s.UnixSeconds, s.EventTypes, new Dictionary<long, int>()));
            }
        }

        return sessions;
    }

    public static TestSession ToTest(SessionSequence s) =>
        new(new RawSession("u", s.Items.Select(i => (long)i).ToArray(), s.UnixSeconds, s.EventTypes, new Dictionary<long, int>()), s.Items);

    private static SessionSequence Session(ref Xoshiro256 rng, ref long time, int length, double determinism, int step)
    {
        var items = new int[length];
        var times = new long[length];
        items[0] = rng.NextInt(Items);
        for (var i = 0; i < length; i++)
        {
            if (i > 0)
            {
                var next = rng.Chance(determinism) ? (items[i - 1] + step) % Items : rng.NextInt(Items);
                items[i] = next == items[i - 1] ? (next + 1) % Items : next;
            }

            times[i] = time;
            time += 30;
        }

        time += 600;
        return new SessionSequence(items, times, new byte[length]);
    }
}
