using EAmazing.Foundation.Randomness;

namespace EAmazing.Sources.Synthetic.World;

/// <summary>The law of how many views a session holds.</summary>
public static class SessionLengths
{
    public const int LongSessionMin = 80;
    public const int LongSessionMax = 300;
    public const double LongSessionMean = (LongSessionMin + LongSessionMax) / 2.0;

    /// <summary>Events per view step once carts and purchases are added (about 4% of events).</summary>
    public const double EventsPerView = 1.042;

    public static int Draw(BehaviourCoefficients b, ref Xoshiro256 rng)
    {
        if (rng.Chance(b.LongSessionShare))
        {
            return LongSessionMin + rng.NextInt(LongSessionMax - LongSessionMin + 1);
        }

        return rng.Chance(b.SingleViewShare) ? 1 : 2 + rng.NextGeometric(b.LengthTailP);
    }
}
