namespace EAmazing.BusinessModels.CustomerValue;

/// <summary>
/// Gauss's hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z &lt; 1, by its power series. Hand-written because
/// MathNet.Numerics (the served numerics library) has no ₂F₁; the BG/NBD expectation only needs z = t/(α+T+t) &lt; 1,
/// where the series converges geometrically.
/// </summary>
public static class Hypergeometric2F1
{
    private const int MaxTerms = 200_000;

    public static double Value(double a, double b, double c, double z)
    {
        if (z < 0 || z >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "the series is used for 0 <= z < 1 only");
        }

        var term = 1.0;
        var sum = 1.0;
        for (var n = 0; n < MaxTerms; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.Abs(term) <= 1e-15 * Math.Abs(sum))
            {
                return sum;
            }
        }

        throw new ArithmeticException($"2F1({a}, {b}; {c}; {z}) did not converge in {MaxTerms} terms");
    }
}
