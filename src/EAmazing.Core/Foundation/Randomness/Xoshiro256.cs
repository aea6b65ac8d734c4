using System.Numerics;
using System.Runtime.CompilerServices;

namespace EAmazing.Foundation.Randomness;

/// <summary>
/// xoshiro256** pseudo-random generator. Written here rather than using <see cref="Random"/> because the
/// generator needs many independent, cheap, splittable streams (one per day, one per user) whose output
/// is fixed forever for a given seed; <c>new Random(seed)</c> gives no such guarantee across runtimes.
/// </summary>
public struct Xoshiro256
{
    private ulong _s0, _s1, _s2, _s3;

    public Xoshiro256(ulong seed)
    {
        var sm = seed;
        _s0 = StableHash.SplitMix(ref sm);
        _s1 = StableHash.SplitMix(ref sm);
        _s2 = StableHash.SplitMix(ref sm);
        _s3 = StableHash.SplitMix(ref sm);
    }

    public static Xoshiro256 For(ulong seed, ulong stream, ulong index = 0) =>
        new(StableHash.Mix(seed, stream, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, bound).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextInt(int bound) => (int)((NextUInt64() >> 32) * (ulong)bound >> 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Chance(double probability) => NextDouble() < probability;

    public double NextGaussian()
    {
        // Box–Muller; one of the pair is discarded to keep the struct stateless beyond its seed words.
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double NextLogNormal(double mu, double sigma) => Math.Exp(mu + (sigma * NextGaussian()));

    public double NextExponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>Number of failures before the first success, success probability <paramref name="p"/>.</summary>
    public int NextGeometric(double p) => (int)Math.Floor(Math.Log(1.0 - NextDouble()) / Math.Log(1.0 - p));
}
