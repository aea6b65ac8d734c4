using EAmazing.BusinessModels.CustomerValue;
using EAmazing.Foundation.Randomness;
using MathNet.Numerics.Distributions;

namespace EAmazing.Core.Tests.BusinessModels.CustomerValue;

/// <summary>Draws customers from the BG/NBD and Gamma–Gamma models themselves, under a seed, so a fit can be checked against the truth.</summary>
public static class BgNbdSimulation
{
    /// <summary>A simulated customer: the calibration summary, the purchases in the holdout after it, their mean spend.</summary>
    public sealed record Customer(CustomerSummary Summary, int HoldoutPurchases);

    public static List<Customer> Draw(BgNbdParameters m, int count, double minAge, double maxAge, double holdoutDays, ulong seed, GammaGammaParameters? spend = null)
    {
        var random = new SeededRandom(seed);
        var customers = new List<Customer>(count);
        for (var i = 0; i < count; i++)
        {
            var age = minAge + (random.NextDouble() * (maxAge - minAge));
            var rate = Gamma.Sample(random, m.R, m.Alpha);
            var dropout = Beta.Sample(random, m.A, m.B);
            var nu = spend is null ? 0 : Gamma.Sample(random, spend.Q, spend.Gamma);
            // The first purchase is at time 0; after each repeat purchase the customer leaves with probability p.
            var t = 0.0;
            var last = 0.0;
            var x = 0;
            var holdout = 0;
            var total = 0.0;
            var alive = true;
            while (alive)
            {
                t += Exponential.Sample(random, rate);
                if (t >= age + holdoutDays)
                {
                    break;
                }

                if (t < age)
                {
                    x++;
                    last = t;
                    total += spend is null ? 0 : Gamma.Sample(random, spend.P, nu);
                }
                else
                {
                    holdout++;
                }

                alive = random.NextDouble() >= dropout;
            }

            customers.Add(new Customer(new CustomerSummary(x, last, age, x > 0 ? total / x : 0), holdout));
        }

        return customers;
    }

    /// <summary>System.Random as MathNet's samplers take it, drawing from the platform's seeded Xoshiro256.</summary>
    internal sealed class SeededRandom(ulong seed) : Random
    {
        private Xoshiro256 _rng = Xoshiro256.For(seed, 0xC17);

        public override double NextDouble() => _rng.NextDouble();

        protected override double Sample() => _rng.NextDouble();

        public override int Next() => _rng.NextInt(int.MaxValue);

        public override int Next(int maxValue) => _rng.NextInt(maxValue);

        public override int Next(int minValue, int maxValue) => minValue + _rng.NextInt(maxValue - minValue);
    }
}
