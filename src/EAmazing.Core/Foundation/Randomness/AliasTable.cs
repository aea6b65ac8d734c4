namespace EAmazing.Foundation.Randomness;

/// <summary>
/// Walker/Vose alias table: O(1) sampling from a fixed discrete distribution. Hand-written because
/// no maintained .NET package offers one; the algorithm is textbook (Vose, 1991).
/// </summary>
public sealed class AliasTable
{
    private readonly double[] _probability;
    private readonly int[] _alias;

    public AliasTable(ReadOnlySpan<double> weights)
    {
        var n = weights.Length;
        if (n == 0)
        {
            throw new ArgumentException("An alias table needs at least one weight.", nameof(weights));
        }

        _probability = new double[n];
        _alias = new int[n];
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        if (!(total > 0))
        {
            throw new ArgumentException("Weights must have a positive sum.", nameof(weights));
        }

        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = 0; i < n; i++)
        {
            scaled[i] = weights[i] * n / total;
            (scaled[i] < 1.0 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            _probability[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            (scaled[l] < 1.0 ? small : large).Push(l);
        }

        while (large.Count > 0)
        {
            _probability[large.Pop()] = 1.0;
        }

        while (small.Count > 0)
        {
            _probability[small.Pop()] = 1.0;
        }
    }

    public int Count => _probability.Length;

    public int Sample(ref Xoshiro256 rng)
    {
        var i = rng.NextInt(_probability.Length);
        return rng.NextDouble() < _probability[i] ? i : _alias[i];
    }
}
