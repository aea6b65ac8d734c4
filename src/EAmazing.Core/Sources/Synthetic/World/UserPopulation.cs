using EAmazing.Foundation.Randomness;

namespace EAmazing.Sources.Synthetic.World;

/// <summary>
/// The world's users. Traits are derived from (seed, rank) by hashing, so a population of millions
/// needs no memory and any user's traits can be recomputed by the oracle. Rank 0 is the most active
/// user; sessions pick users with a Zipf-like law over rank.
/// </summary>
public sealed class UserPopulation
{
    public const long FirstUserId = 300_000_000;

    /// <summary>The share of users active from before the window's start; the others join at a uniform time within it.</summary>
    public const double JoinedBeforeWindowShare = 0.6;

    private const double ZipfExponent = 0.75;
    private const double ZipfOffset = 20;
    private const ulong IdMultiplier = 0x9E3779B97F4A7C15UL; // odd, so multiplication is a bijection mod 2^k

    private static readonly double[] MostActivePersonas = [0.50, 0.25, 0.10, 0.15, 0.00];
    private static readonly double[] MiddlePersonas = [0.40, 0.28, 0.20, 0.05, 0.07];
    private static readonly double[] LeastActivePersonas = [0.33, 0.25, 0.17, 0.02, 0.23];

    private readonly ulong _seed;
    private readonly double _windowDays;
    private readonly int _topLevelCount;
    private readonly AliasTable _topLevels;
    private readonly double _cdfLow;
    private readonly double _cdfSpan;
    private readonly int _idBits;
    private readonly ulong _inverseMultiplier;

    public UserPopulation(ulong seed, int count, double windowDays, IReadOnlyList<double> topLevelWeights)
    {
        _seed = seed;
        Count = count;
        _windowDays = windowDays;
        _topLevelCount = topLevelWeights.Count;
        _topLevels = new AliasTable(topLevelWeights.ToArray());
        TopLevelProbabilities = Normalise(topLevelWeights);
        _cdfLow = Math.Pow(ZipfOffset, 1 - ZipfExponent);
        _cdfSpan = Math.Pow(count + ZipfOffset, 1 - ZipfExponent) - _cdfLow;
        _idBits = Math.Max(16, 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)count));
        _inverseMultiplier = ModularInverse(IdMultiplier);
    }

    public int Count { get; }

    /// <summary>Probability that a user's primary (or secondary) top-level category is each top level.</summary>
    public IReadOnlyList<double> TopLevelProbabilities { get; }

    /// <summary>Draws a user rank by activity (continuous Zipf inverse CDF).</summary>
    public int SampleRank(ref Xoshiro256 rng)
    {
        var x = Math.Pow(_cdfLow + (rng.NextDouble() * _cdfSpan), 1 / (1 - ZipfExponent)) - ZipfOffset;
        return (int)Math.Clamp(x, 0, Count - 1);
    }

    /// <summary>Draws a user active at <paramref name="day"/> (days since window start), by activity.</summary>
    public UserTraits SampleActive(double day, ref Xoshiro256 rng)
    {
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var traits = Traits(SampleRank(ref rng));
            if (traits.IsActiveAt(day))
            {
                return traits;
            }
        }

        // Heavily churned late windows: walk from a random rank to the next active user.
        var rank = rng.NextInt(Count);
        for (var i = 0; i < Count; i++)
        {
            var traits = Traits((rank + i) % Count);
            if (traits.IsActiveAt(day))
            {
                return traits;
            }
        }

        return Traits(rank);
    }

    /// <summary>
    /// The chance that one draw of <see cref="SampleRank"/> picks <paramref name="rank"/>: the mass of the continuous Zipf
    /// law over [rank, rank + 1) (the oracle turns it into each user's session rate).
    /// </summary>
    public double SamplingProbability(int rank) =>
        (Math.Pow(rank + 1 + ZipfOffset, 1 - ZipfExponent) - Math.Pow(rank + ZipfOffset, 1 - ZipfExponent)) / _cdfSpan;

    public long UserId(int rank)
    {
        var mask = (1UL << _idBits) - 1;
        return FirstUserId + (long)(((ulong)rank * IdMultiplier) & mask);
    }

    public bool TryGetRank(long userId, out int rank)
    {
        var mask = (1UL << _idBits) - 1;
        var offset = userId - FirstUserId;
        rank = offset < 0 ? -1 : (int)(((ulong)offset * _inverseMultiplier) & mask);
        return offset >= 0 && rank >= 0 && rank < Count && UserId(rank) == userId;
    }

    public UserTraits Traits(int rank)
    {
        var rng = Xoshiro256.For(_seed, 0x05E2, (ulong)rank);
        var activityQuantile = (rank + 0.5) / Count;
        var persona = DrawPersona(activityQuantile, ref rng);
        var profile = PersonaProfile.All[(int)persona];
        var join = rng.Chance(JoinedBeforeWindowShare) ? double.NegativeInfinity : rng.NextDouble() * _windowDays;
        var churnFrom = double.IsNegativeInfinity(join) ? 0 : join;
        var churn = churnFrom + rng.NextExponential(profile.MeanDaysToChurn);
        return new UserTraits(
            rank,
            UserId(rank),
            persona,
            profile.PropensityMean + (0.8 * rng.NextGaussian()),
            profile.PriceSensitivity * rng.NextLogNormal(0, 0.3),
            Math.Log(150) + profile.BudgetShift + (0.8 * rng.NextGaussian()),
            _topLevels.Sample(ref rng),
            _topLevels.Sample(ref rng),
            join,
            churn);
    }

    /// <summary>
    /// The persona mixture of the users at an activity quantile ((rank + ½) ÷ count): the most active users are mostly
    /// browsers and loyal customers; one-time buyers sit in the tail. Indexed by <see cref="Persona"/>.
    /// </summary>
    public static IReadOnlyList<double> PersonaWeights(double activityQuantile) =>
        activityQuantile < 0.05 ? MostActivePersonas : activityQuantile > 0.6 ? LeastActivePersonas : MiddlePersonas;

    private static Persona DrawPersona(double activityQuantile, ref Xoshiro256 rng)
    {
        var weights = PersonaWeights(activityQuantile);
        var u = rng.NextDouble();
        for (var i = 0; i < weights.Count; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return (Persona)i;
            }
        }

        return Persona.Regular;
    }

    private static double[] Normalise(IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        return weights.Select(w => w / total).ToArray();
    }

    private static ulong ModularInverse(ulong odd)
    {
        // Newton iteration for the inverse modulo 2^64: each step doubles the correct low bits.
        var x = odd;
        for (var i = 0; i < 6; i++)
        {
            x *= 2 - (odd * x);
        }

        return x;
    }
}
