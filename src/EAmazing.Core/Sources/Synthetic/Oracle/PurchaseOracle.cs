using EAmazing.Foundation.Randomness;
using EAmazing.Sources.Synthetic.Simulation;
using EAmazing.Sources.Synthetic.World;

namespace EAmazing.Sources.Synthetic.Oracle;

/// <summary>
/// The world's truth about a user's future purchases, given the world's state at a day D: whether the user is active
/// then, its session rate (the hour's expected sessions × the user's Zipf draw probability ÷ the draw mass of the users
/// active that hour, since the simulator redraws inactive users), its traits and the calendar, and its churn hazard
/// (an active user leaves after an exponential time with its persona's mean, memoryless, so the state at D is all that
/// matters). Sessions per user are Poisson (each of an hour's sessions picks the user independently); each simulated
/// session runs through the simulator's own code. The answer is a Monte Carlo estimate over replicates with its
/// standard error. Approximations, each small: the simulator's fallback after 64 rejected draws is ignored, and a
/// session that started before D but buys after it is not counted.
/// </summary>
public sealed class PurchaseOracle
{
    private readonly SyntheticWorld _world;
    private readonly HourSimulator _sessions;
    private readonly double[] _cumulativeRate; // per hour boundary: Σ expected sessions / active draw mass
    private readonly DateTime _epoch;

    public PurchaseOracle(SyntheticWorld world)
    {
        _world = world;
        _sessions = new HourSimulator(world);
        _epoch = world.Window.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var hours = world.Window.DayCount * 24;
        // The draw mass of the users active in each hour, from a difference array over their active spans.
        var change = new double[hours + 1];
        var users = world.Users;
        for (var rank = 0; rank < users.Count; rank++)
        {
            var t = users.Traits(rank);
            var from = double.IsNegativeInfinity(t.JoinDay) ? 0 : (int)Math.Ceiling((t.JoinDay * 24) - 0.5);
            var to = Math.Min(hours, (int)Math.Ceiling((t.ChurnDay * 24) - 0.5));
            if (from < to)
            {
                var p = users.SamplingProbability(rank);
                change[Math.Max(0, from)] += p;
                change[to] -= p;
            }
        }

        _cumulativeRate = new double[hours + 1];
        var mass = 0.0;
        for (var h = 0; h < hours; h++)
        {
            mass += change[h];
            _cumulativeRate[h + 1] = _cumulativeRate[h] + (mass > 1e-12 ? world.ExpectedSessionsInHour(h) / mass : 0);
        }
    }

    /// <summary>Raw user ids of the world's population, with their ranks (to match pseudonyms).</summary>
    public IEnumerable<long> UserIds() => Enumerable.Range(0, _world.Users.Count).Select(_world.Users.UserId);

    /// <summary>
    /// The user's outlook over [<paramref name="from"/>, <paramref name="from"/> + <paramref name="days"/>), cut at the
    /// window's end, from <paramref name="replicates"/> simulated futures under <paramref name="seed"/>.
    /// </summary>
    /// <param name="userId">Raw user id as written in the generated files.</param>
    public PurchaseOutlook Outlook(long userId, DateTime from, double days, int replicates, ulong seed)
    {
        var (rank, user) = Find(userId);
        var start = (from - _epoch).TotalDays;
        var end = Math.Min(_world.Window.DayCount, start + days);
        if (user.ChurnDay <= start || end <= start)
        {
            return new PurchaseOutlook(0, 0, 1, 0);
        }

        return Simulate(rank, user, start, end, assumeActive: false, replicates, seed);
    }

    /// <summary>
    /// The outlook of an oracle that knows the user's traits and rates but not its churn clock: it sees only what the data
    /// shows, the user's last visit before <paramref name="from"/>, and weighs the two states the world allows by their
    /// posterior (<see cref="ProbabilityActive"/>): gone (no purchase) or still active (simulated as <see cref="Outlook"/>
    /// simulates an active user, with the same random stream, so the two oracles differ only by the clock).
    /// </summary>
    /// <param name="lastSeen">The user's last event before <paramref name="from"/>.</param>
    public PurchaseOutlook OutlookWithoutClock(long userId, DateTime from, DateTime lastSeen, double days, int replicates, ulong seed)
    {
        var (rank, user) = Find(userId);
        var start = (from - _epoch).TotalDays;
        var end = Math.Min(_world.Window.DayCount, start + days);
        if (end <= start)
        {
            return new PurchaseOutlook(0, 0, 1, 0);
        }

        var alive = ProbabilityActive(userId, from, lastSeen);
        var active = Simulate(rank, user, start, end, assumeActive: true, replicates, seed);
        return new PurchaseOutlook(
            alive * active.ExpectedPurchaseSessions,
            alive * active.ExpectedStandardError,
            1 - (alive * (1 - active.ProbabilityNoPurchase)),
            alive * active.NoPurchaseStandardError);
    }

    /// <summary>
    /// The posterior probability that the user is still active at <paramref name="from"/>, given its traits, the world's
    /// churn law (an exponential time with the persona's mean, memoryless, so only "still active at the last visit"
    /// matters) and no session since <paramref name="lastSeen"/>: with T the silence, m the mean life and Λ(s) the
    /// user's expected sessions in the first s days of it, e^(−T/m − Λ(T)) ÷ (that + ∫₀ᵀ e^(−s/m − Λ(s)) ds / m). The
    /// integral is exact: Λ is linear within each hour of the world's rate.
    /// </summary>
    public double ProbabilityActive(long userId, DateTime from, DateTime lastSeen)
    {
        var (rank, user) = Find(userId);
        var draw = _world.Users.SamplingProbability(rank);
        var hazard = 1 / PersonaProfile.All[(int)user.Persona].MeanDaysToChurn;
        var seen = (lastSeen - _epoch).TotalDays;
        var start = (from - _epoch).TotalDays;
        if (start <= seen)
        {
            return 1;
        }

        var baseline = Cumulative(seen);
        var gone = 0.0;
        var at = seen;
        while (at < start)
        {
            var next = Math.Min(start, (Math.Floor((at * 24) + 1e-9) + 1) / 24);
            var sessions = draw * (Cumulative(at) - baseline);
            var slope = (draw * (Cumulative(next) - Cumulative(at)) / (next - at)) + hazard;
            gone += hazard * Math.Exp(-sessions - ((at - seen) * hazard)) * (-MathNet.Numerics.SpecialFunctions.Expm1(-slope * (next - at))) / slope;
            at = next;
        }

        var stays = Math.Exp(-(draw * (Cumulative(start) - baseline)) - ((start - seen) * hazard));
        return stays / (stays + gone);
    }

    private (int Rank, UserTraits User) Find(long userId) =>
        _world.Users.TryGetRank(userId, out var rank)
            ? (rank, _world.Users.Traits(rank))
            : throw new ArgumentException("user id is not in this world's population", nameof(userId));

    /// <summary>
    /// Monte Carlo over [start, end): the user is active from the later of start and its join day until the churn the world
    /// would draw from start on (when active at start, or <paramref name="assumeActive"/>), else until its churn day.
    /// </summary>
    private PurchaseOutlook Simulate(int rank, UserTraits user, double start, double end, bool assumeActive, int replicates, ulong seed)
    {
        var draw = _world.Users.SamplingProbability(rank);
        var meanLife = PersonaProfile.All[(int)user.Persona].MeanDaysToChurn;
        var rng = Xoshiro256.For(seed, 0x0AC1E, (ulong)rank);
        var total = 0.0;
        var totalSquares = 0.0;
        var none = 0;
        var activeNow = assumeActive || user.IsActiveAt(start);
        for (var r = 0; r < replicates; r++)
        {
            // Active from D (or the join day) until the churn the world would draw from D on.
            var activeFrom = assumeActive ? start : Math.Max(start, double.IsNegativeInfinity(user.JoinDay) ? start : user.JoinDay);
            var activeTo = activeNow ? Math.Min(end, start + rng.NextExponential(meanLife)) : Math.Min(end, user.ChurnDay);
            var purchases = 0;
            if (activeFrom < activeTo)
            {
                var low = Cumulative(activeFrom);
                var expected = draw * (Cumulative(activeTo) - low);
                // Poisson arrivals: exponential gaps in "expected sessions" time, each session placed by the rate's inverse.
                for (var at = rng.NextExponential(1); at < expected; at += rng.NextExponential(1))
                {
                    var second = (long)(InverseCumulative(low + (at / draw)) * 86_400);
                    purchases += _sessions.SessionPurchases(user, second, ref rng) > 0 ? 1 : 0;
                }
            }

            total += purchases;
            totalSquares += (double)purchases * purchases;
            none += purchases == 0 ? 1 : 0;
        }

        var mean = total / replicates;
        var variance = Math.Max(0, (totalSquares / replicates) - (mean * mean));
        var pNone = none / (double)replicates;
        return new PurchaseOutlook(mean, Math.Sqrt(variance / replicates), pNone, Math.Sqrt(pNone * (1 - pNone) / replicates));
    }

    /// <summary>Expected sessions per unit draw probability from the window start to <paramref name="day"/> (linear within an hour).</summary>
    internal double Cumulative(double day)
    {
        var hour = Math.Clamp(day * 24, 0, _cumulativeRate.Length - 1);
        var h = Math.Min((int)hour, _cumulativeRate.Length - 2);
        return _cumulativeRate[h] + ((hour - h) * (_cumulativeRate[h + 1] - _cumulativeRate[h]));
    }

    /// <summary>The day at which <see cref="Cumulative"/> reaches <paramref name="value"/>.</summary>
    private double InverseCumulative(double value)
    {
        var index = Array.BinarySearch(_cumulativeRate, value);
        var h = index >= 0 ? Math.Min(index, _cumulativeRate.Length - 2) : Math.Max(0, ~index - 1);
        h = Math.Min(h, _cumulativeRate.Length - 2);
        var span = _cumulativeRate[h + 1] - _cumulativeRate[h];
        var fraction = span > 0 ? Math.Clamp((value - _cumulativeRate[h]) / span, 0, 1) : 0;
        return (h + fraction) / 24;
    }
}
