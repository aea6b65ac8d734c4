using System.Runtime.CompilerServices;

namespace EAmazing.Foundation.Randomness;

/// <summary>Deterministic 64-bit mixing (SplitMix64 finaliser): the same inputs give the same value on every machine.</summary>
public static class StableHash
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Finalise(state);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finalise(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Mix(ulong a, ulong b, ulong c = 0) =>
        Finalise(Finalise(Finalise(a + 0x9E3779B97F4A7C15UL) ^ (b + 0x632BE59BD9B4E019UL)) ^ (c + 0x85157AF5UL));

    /// <summary>Uniform in [0, 1) from a hash.</summary>
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));
}
