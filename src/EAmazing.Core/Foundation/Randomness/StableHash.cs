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

    /// <summary>
    /// A string's hash that is the same in every process and on every machine (FNV-1a over its UTF-16 code units,
    /// then mixed); <c>string.GetHashCode</c> is randomised per process and must never seed anything.
    /// </summary>
    public static ulong Of(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }

        return Finalise(hash);
    }

    /// <summary>Uniform in [0, 1) from a hash.</summary>
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));
}
