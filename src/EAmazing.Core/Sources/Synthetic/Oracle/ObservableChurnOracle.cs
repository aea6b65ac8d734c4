using EAmazing.Foundation.Randomness;
using EAmazing.Sources.Synthetic.Simulation;
using EAmazing.Sources.Synthetic.World;

namespace EAmazing.Sources.Synthetic.Oracle;

/// <summary>
/// The observable churn oracle: the Bayes probability of no purchase in [D, D + days) given only what a model can see,
/// a user's own sessions before D (start times, whether each carted or bought), and the world's generative rules, not the
/// user's drawn traits, rate or churn clock. The posterior over the hidden user is taken by importance weighting of the
/// generator's own prior (<see cref="UserPopulation"/>):
/// <list type="bullet">
/// <item>rank (so session rate): uniform over the population, integrated on a grid of rank bins (each bin's mean Zipf
/// draw probability; bins never straddle the persona bands and widen by at most 12 % in rank + offset, so the rate varies
/// by under 9 % within one); the persona's prior given the bin's band (<see cref="UserPopulation.PersonaWeights"/>);</item>
/// <item>the persona's other traits (propensity, price sensitivity, budget, top levels): <see cref="DrawsPerPersona"/>
/// draws per persona from a sister population of the same spec and another seed, i.e. the generator's own formulas;</item>
/// <item>join and churn: active from before the window (share 0.6, clock from day 0) or from a uniform day in it, then an
/// exponential life with the persona's mean; both integrated exactly per hour of the world's rate.</item>
/// </list>
/// Likelihood of the history under one hidden user: sessions are a Poisson process with the user's rate (its draw
/// probability × the world's expected sessions per unit draw mass, as in <see cref="PurchaseOracle"/>) while active, so
/// p^n × P(no session before the first, between them no churn, none after the last until D or churn); each session carts
/// or buys with the user's probabilities, estimated per trait draw by running <see cref="SessionSimulationsPerDay"/> sessions
/// per day through the simulator's own code. Approximations, each stated: a draw's purchase probability varies by day by
/// the population's logit offset of that day (the generator's day boost and mixture act on the logit), and its
/// cart-without-purchase probability is constant; views, prices and categories seen are not conditioned on (so this is
/// the ceiling of a model that sees session times, carts and purchases); a session is placed at its first event; the
/// simulator's fallback after 64 rejected draws is ignored, as in <see cref="PurchaseOracle"/>.
/// The outlook of each hidden user given it is still active at D is closed form: E over its exponential remaining life of
/// exp(−rate × ∫ purchase probability × world rate), per hour.
/// </summary>
public sealed class ObservableChurnOracle
{
    /// <summary>Trait draws per persona.</summary>
    public const int DrawsPerPersona = 48;

    /// <summary>Simulated sessions per trait draw and window day, to estimate its cart and purchase probabilities.</summary>
    public const int SessionSimulationsPerDay = 24;

    private const double HourDays = 1.0 / 24;
    private const double BinGrowth = 1.12;
    private const double ZipfOffset = 20; // UserPopulation's rank offset, for the bin edges only
    private const int Personas = 5;

    private readonly PurchaseOracle _rates;
    private readonly double _windowDays;
    private readonly int _hours;
    private readonly double[] _hourMass; // the world's expected sessions in hour h per unit draw probability
    private readonly Bin[] _bins;
    private readonly Draw[] _draws;
    private readonly double[] _dayOffset; // the population's purchase logit on day d less its mean
    private readonly double[][] _hourExp; // per (bin, persona): e^(−a_h), a_h = p λ_h + h/m over hour h
    private readonly double[][] _hourIntegral; // per (bin, persona): ∫ over hour h of e^(−a_h s / hour) ds, in days
    private readonly double[][] _joinIntegral; // per (bin, persona): I(t_h) = ∫₀^t e^(−p(Λ(t) − Λ(J)) − (t − J)/m) dJ
    private readonly Dictionary<(double From, double Days), double[][]> _outlooks = [];

    public ObservableChurnOracle(SyntheticWorld world, ulong seed)
    {
        _rates = new PurchaseOracle(world);
        _windowDays = world.Window.DayCount;
        _hours = world.Window.DayCount * 24;
        _hourMass = new double[_hours];
        for (var h = 0; h < _hours; h++)
        {
            _hourMass[h] = _rates.Cumulative((h + 1) * HourDays) - _rates.Cumulative(h * HourDays);
        }

        _bins = RankBins(world.Users);
        (_draws, _dayOffset) = TraitDraws(world, seed);

        var combos = _bins.Length * Personas;
        _hourExp = new double[combos][];
        _hourIntegral = new double[combos][];
        _joinIntegral = new double[combos][];
        for (var b = 0; b < _bins.Length; b++)
        {
            for (var persona = 0; persona < Personas; persona++)
            {
                var c = (b * Personas) + persona;
                var m = PersonaProfile.All[persona].MeanDaysToChurn;
                var e = _hourExp[c] = new double[_hours];
                var j = _hourIntegral[c] = new double[_hours];
                var join = _joinIntegral[c] = new double[_hours + 1];
                for (var h = 0; h < _hours; h++)
                {
                    var a = (_bins[b].Rate * _hourMass[h]) + (HourDays / m);
                    e[h] = Math.Exp(-a);
                    j[h] = HourDays * Fraction(a);
                    join[h + 1] = (join[h] * e[h]) + j[h];
                }
            }
        }
    }

    /// <summary>Rank bins of the prior.</summary>
    public int RankBinCount => _bins.Length;

    /// <summary>
    /// The posterior probability of no purchase in [<paramref name="from"/>, <paramref name="from"/> + <paramref name="days"/>)
    /// (cut at the window's end) given the user's sessions before <paramref name="from"/>, with the weights' effective
    /// sample size.
    /// </summary>
    /// <param name="sessions">The user's sessions that started before <paramref name="from"/> (days since the window start); at least one.</param>
    public ObservableOutlook Outlook(IReadOnlyList<ObservedSession> sessions, double from, double days)
    {
        if (sessions.Count == 0)
        {
            throw new ArgumentException("a user needs at least one session before the as-of time", nameof(sessions));
        }

        var first = double.MaxValue;
        var last = double.MinValue;
        foreach (var s in sessions)
        {
            first = Math.Min(first, s.StartDay);
            last = Math.Max(last, s.StartDay);
        }

        first = Math.Max(0, first);
        last = Math.Min(last, from);
        var outlook = OutlookGivenActive(from, days);

        // Session likelihood and P(active at D) per (bin, persona).
        var logSessions = new double[_bins.Length * Personas];
        var alive = new double[_bins.Length * Personas];
        for (var b = 0; b < _bins.Length; b++)
        {
            var p = _bins[b].Rate;
            for (var persona = 0; persona < Personas; persona++)
            {
                var c = (b * Personas) + persona;
                if (_bins[b].Personas[persona] <= 0)
                {
                    logSessions[c] = double.NegativeInfinity;
                    continue;
                }

                var m = PersonaProfile.All[persona].MeanDaysToChurn;
                // Joined before the window (clock from 0, no session in [0, first)) or at a uniform J ≤ first.
                var before = UserPopulation.JoinedBeforeWindowShare * Math.Exp(-(p * _rates.Cumulative(first)) - (first / m));
                var joined = (1 - UserPopulation.JoinedBeforeWindowShare) / _windowDays * JoinIntegral(c, p, m, first);
                var between = -(p * (_rates.Cumulative(last) - _rates.Cumulative(first))) - ((last - first) / m);
                var (stays, gone) = Silence(c, p, m, last, from);
                logSessions[c] = (sessions.Count * Math.Log(p)) + Math.Log(before + joined) + between + Math.Log(stays + gone);
                alive[c] = stays / (stays + gone);
            }
        }

        // Cart and purchase likelihood per trait draw.
        var logBehaviour = new double[_draws.Length];
        for (var t = 0; t < _draws.Length; t++)
        {
            var d = _draws[t];
            var sum = 0.0;
            foreach (var s in sessions)
            {
                var day = Math.Clamp((int)s.StartDay, 0, _dayOffset.Length - 1);
                var buy = Sigmoid(d.PurchaseLogit + _dayOffset[day]);
                sum += s.Bought ? Math.Log(buy) : Math.Log(1 - buy) + Math.Log(s.Carted ? d.CartWithoutPurchase : 1 - d.CartWithoutPurchase);
            }

            logBehaviour[t] = sum;
        }

        var max = double.NegativeInfinity;
        var logWeights = new double[_bins.Length * _draws.Length];
        for (var b = 0; b < _bins.Length; b++)
        {
            for (var t = 0; t < _draws.Length; t++)
            {
                var persona = (int)_draws[t].Persona;
                var prior = _bins[b].Share * _bins[b].Personas[persona] / DrawsPerPersona;
                var w = prior <= 0 ? double.NegativeInfinity : Math.Log(prior) + logSessions[(b * Personas) + persona] + logBehaviour[t];
                logWeights[(b * _draws.Length) + t] = w;
                max = Math.Max(max, w);
            }
        }

        double total = 0, squares = 0, none = 0;
        var values = new double[logWeights.Length];
        for (var b = 0; b < _bins.Length; b++)
        {
            for (var t = 0; t < _draws.Length; t++)
            {
                var k = (b * _draws.Length) + t;
                var w = logWeights[k] = Math.Exp(logWeights[k] - max);
                if (w <= 0)
                {
                    continue;
                }

                var a = alive[(b * Personas) + (int)_draws[t].Persona];
                values[k] = 1 - a + (a * outlook[b][t]);
                total += w;
                squares += w * w;
                none += w * values[k];
            }
        }

        // The self-normalised importance sampler's standard error, √(Σ w² (x − x̄)²) ÷ Σ w.
        var mean = none / total;
        var spread = 0.0;
        for (var k = 0; k < values.Length; k++)
        {
            spread += logWeights[k] * logWeights[k] * (values[k] - mean) * (values[k] - mean);
        }

        return new ObservableOutlook(mean, Math.Sqrt(spread) / total, total * total / squares);
    }

    /// <summary>∫₀^t e^(−p(Λ(t) − Λ(J)) − (t − J)/m) dJ: the hour boundaries' values, then the part hour.</summary>
    private double JoinIntegral(int c, double p, double m, double t)
    {
        var h = Math.Clamp((int)(t * 24), 0, _hours - 1);
        var part = t - (h * HourDays);
        var a = ((p * _hourMass[h]) + (HourDays / m)) * part / HourDays;
        return (_joinIntegral[c][h] * Math.Exp(-a)) + (part * Fraction(a));
    }

    /// <summary>
    /// From the last session to D: the probability of staying active with no session (stays) and of leaving unseen at
    /// some time in between (gone, ∫ e^(−s/m − pΛ(s)) ds / m), exact per hour.
    /// </summary>
    private (double Stays, double Gone) Silence(int c, double p, double m, double last, double from)
    {
        var survive = 1.0;
        var gone = 0.0;
        var at = last;
        var exps = _hourExp[c];
        var integrals = _hourIntegral[c];
        while (at < from)
        {
            var h = Math.Min((int)((at * 24) + 1e-9), _hours - 1);
            var hourEnd = (h + 1) * HourDays;
            if (at <= (h * HourDays) + 1e-12 && hourEnd <= from)
            {
                gone += survive * integrals[h] / m;
                survive *= exps[h];
                at = hourEnd;
                continue;
            }

            var next = Math.Min(from, hourEnd);
            var span = next - at;
            var a = ((p * _hourMass[h]) + (HourDays / m)) * span / HourDays;
            gone += survive * span * Fraction(a) / m;
            survive *= Math.Exp(-a);
            at = next <= at ? at + 1e-9 : next;
            if (survive < 1e-300)
            {
                break;
            }
        }

        return (survive, gone);
    }

    /// <summary>
    /// Per (bin, draw): the probability of no purchase in [from, from + days) given active at from, over the remaining
    /// life's exponential law (each hour: leaving within it at its middle's purchase exposure).
    /// </summary>
    private double[][] OutlookGivenActive(double from, double days)
    {
        lock (_outlooks)
        {
            if (_outlooks.TryGetValue((from, days), out var cached))
            {
                return cached;
            }

            var start = Math.Clamp((int)Math.Round(from * 24), 0, _hours);
            var end = Math.Clamp((int)Math.Round(Math.Min(_windowDays, from + days) * 24), start, _hours);
            var result = new double[_bins.Length][];
            for (var b = 0; b < _bins.Length; b++)
            {
                result[b] = new double[_draws.Length];
            }

            for (var t = 0; t < _draws.Length; t++)
            {
                var d = _draws[t];
                var m = PersonaProfile.All[(int)d.Persona].MeanDaysToChurn;
                var exposure = 0.0;
                var survive = 1.0;
                var sums = new double[_bins.Length];
                for (var h = start; h < end; h++)
                {
                    var step = Sigmoid(d.PurchaseLogit + _dayOffset[h / 24]) * _hourMass[h];
                    var next = Math.Exp(-(h + 1 - start) * HourDays / m);
                    for (var b = 0; b < _bins.Length; b++)
                    {
                        sums[b] += (survive - next) * Math.Exp(-_bins[b].Rate * (exposure + (step / 2)));
                    }

                    exposure += step;
                    survive = next;
                }

                for (var b = 0; b < _bins.Length; b++)
                {
                    result[b][t] = sums[b] + (survive * Math.Exp(-_bins[b].Rate * exposure));
                }
            }

            _outlooks[(from, days)] = result;
            return result;
        }
    }

    /// <summary>Bins of consecutive ranks, within each persona band, each widening rank + offset by at most <see cref="BinGrowth"/>.</summary>
    private static Bin[] RankBins(UserPopulation users)
    {
        var bins = new List<Bin>();
        var count = users.Count;
        var from = 0;
        while (from < count)
        {
            var band = UserPopulation.PersonaWeights((from + 0.5) / count);
            var to = Math.Max(from + 1, (int)(((from + ZipfOffset) * BinGrowth) - ZipfOffset));
            to = Math.Min(to, count);
            // Never across a band boundary.
            var bandEnd = from + 1;
            while (bandEnd < to && ReferenceEquals(UserPopulation.PersonaWeights((bandEnd + 0.5) / count), band))
            {
                bandEnd++;
            }

            to = bandEnd;
            var mass = 0.0;
            for (var r = from; r < to; r++)
            {
                mass += users.SamplingProbability(r);
            }

            bins.Add(new Bin((to - from) / (double)count, mass / (to - from), band));
            from = to;
        }

        return [.. bins];
    }

    /// <summary>
    /// <see cref="DrawsPerPersona"/> trait draws per persona from a sister population (the generator's formulas, another
    /// seed), each with its purchase logit and cart-without-purchase probability from simulated sessions, and the
    /// population's purchase logit offset per day.
    /// </summary>
    private static (Draw[] Draws, double[] DayOffset) TraitDraws(SyntheticWorld world, ulong seed)
    {
        var sister = new UserPopulation(seed ^ 0x0B5E_47AB_1E00UL, world.Users.Count, world.Window.DayCount, world.Users.TopLevelProbabilities);
        var traits = new List<UserTraits>[Personas];
        for (var i = 0; i < Personas; i++)
        {
            traits[i] = [];
        }

        for (var rank = 0; rank < sister.Count && traits.Any(t => t.Count < DrawsPerPersona); rank++)
        {
            var t = sister.Traits(rank);
            if (traits[(int)t.Persona].Count < DrawsPerPersona)
            {
                traits[(int)t.Persona].Add(t);
            }
        }

        if (traits.Any(t => t.Count < DrawsPerPersona))
        {
            throw new InvalidOperationException($"the world's population is too small to draw {DrawsPerPersona} users of every persona");
        }

        var simulator = new HourSimulator(world);
        var days = world.Window.DayCount;
        var dayBought = new double[days];
        var daySessions = new double[days];
        var draws = new List<(UserTraits User, int Bought, int CartedOnly, int Sessions)>();
        var rng = Xoshiro256.For(seed, 0x0B5E_AB1E);
        foreach (var user in traits.SelectMany(t => t))
        {
            int bought = 0, cartedOnly = 0, sessions = 0;
            for (var day = 0; day < days; day++)
            {
                for (var s = 0; s < SessionSimulationsPerDay; s++)
                {
                    var second = (day * 86_400L) + (HourOfDay(world.Calendar, ref rng) * 3_600L) + rng.NextInt(3_600);
                    var (carts, purchases) = simulator.SessionEvents(user, second, ref rng);
                    bought += purchases > 0 ? 1 : 0;
                    cartedOnly += purchases == 0 && carts > 0 ? 1 : 0;
                    sessions++;
                    dayBought[day] += purchases > 0 ? 1 : 0;
                    daySessions[day]++;
                }
            }

            draws.Add((user, bought, cartedOnly, sessions));
        }

        // Half a session's prior mass keeps every probability off 0 and 1.
        var overall = Logit((dayBought.Sum() + 0.5) / (daySessions.Sum() + 1));
        var offsets = dayBought.Select((k, d) => Logit((k + 0.5) / (daySessions[d] + 1)) - overall).ToArray();
        var result = draws.Select(d => new Draw(
            d.User.Persona,
            Logit((d.Bought + 0.5) / (d.Sessions + 1)) - offsets.Average(),
            (d.CartedOnly + 0.5) / (d.Sessions - d.Bought + 1))).ToArray();
        return (result, offsets);
    }

    private static int HourOfDay(WorldCalendar calendar, ref Xoshiro256 rng)
    {
        var u = rng.NextDouble();
        for (var h = 0; h < 23; h++)
        {
            u -= calendar.HourShare(h);
            if (u < 0)
            {
                return h;
            }
        }

        return 23;
    }

    /// <summary>(1 − e^(−a)) / a, 1 at a = 0.</summary>
    private static double Fraction(double a) => a > 1e-12 ? -MathNet.Numerics.SpecialFunctions.Expm1(-a) / a : 1;

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double Logit(double p) => Math.Log(p / (1 - p));

    /// <param name="Share">The share of the population's ranks in the bin.</param>
    /// <param name="Rate">Their mean draw probability (a session picks the user with it, among the active).</param>
    /// <param name="Personas">The persona mixture of the bin's band.</param>
    private sealed record Bin(double Share, double Rate, IReadOnlyList<double> Personas);

    /// <param name="PurchaseLogit">The logit of a session's purchase probability on an average day.</param>
    /// <param name="CartWithoutPurchase">The probability that a session without purchase carts.</param>
    private sealed record Draw(Persona Persona, double PurchaseLogit, double CartWithoutPurchase);
}
