using EAmazing.Foundation.Randomness;

namespace EAmazing.Core.Tests.BusinessModels.DemandForecast;

/// <summary>Series with known structure: level + trend + a weekly pattern + Gaussian noise, reproducible under a seed.</summary>
internal static class SimulatedSeries
{
    public static readonly double[] Week = [-3, -1, 0, 1, 2, 4, -3];

    public static double[] Make(int days, double level, double trend, double noise, ulong seed, double weekScale = 1)
    {
        var rng = Xoshiro256.For(seed, 0xF0CA);
        return Enumerable.Range(0, days).Select(t => level + (trend * t) + (weekScale * Week[t % 7]) + (noise * rng.NextGaussian())).ToArray();
    }
}
