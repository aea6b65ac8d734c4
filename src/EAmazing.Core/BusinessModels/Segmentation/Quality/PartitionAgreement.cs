namespace EAmazing.BusinessModels.Segmentation.Quality;

/// <summary>How far two partitions of the same rows agree (segments vs the world's personas): ARI and NMI.</summary>
public static class PartitionAgreement
{
    /// <summary>Adjusted Rand index (Hubert and Arabie): 1 for the same partition, about 0 for independent ones.</summary>
    public static double AdjustedRand(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        var (table, rows, columns, n) = Contingency(a, b);
        static double Pairs(double x) => x * (x - 1) / 2;
        var index = table.Values.Sum(v => Pairs(v));
        var sumRows = rows.Values.Sum(v => Pairs(v));
        var sumColumns = columns.Values.Sum(v => Pairs(v));
        var expected = sumRows * sumColumns / Pairs(n);
        var maximum = (sumRows + sumColumns) / 2;
        return maximum == expected ? 1.0 : (index - expected) / (maximum - expected);
    }

    /// <summary>Normalised mutual information, MI / mean(H(a), H(b)) (the arithmetic normalisation); 1 when both are one group.</summary>
    public static double NormalisedMutualInformation(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        var (table, rows, columns, n) = Contingency(a, b);
        double mutual = 0;
        foreach (var ((r, c), count) in table)
        {
            mutual += count / n * Math.Log(count * n / (rows[r] * columns[c]));
        }

        static double Entropy(Dictionary<int, double> counts, double n) => -counts.Values.Sum(v => v / n * Math.Log(v / n));
        var mean = (Entropy(rows, n) + Entropy(columns, n)) / 2;
        return mean <= 0 ? 1.0 : Math.Max(0, mutual) / mean;
    }

    private static (Dictionary<(int, int), double> Table, Dictionary<int, double> Rows, Dictionary<int, double> Columns, double N) Contingency(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        if (a.Count != b.Count || a.Count < 2)
        {
            throw new ArgumentException("two partitions of the same (at least two) rows are needed");
        }

        var table = new Dictionary<(int, int), double>();
        var rows = new Dictionary<int, double>();
        var columns = new Dictionary<int, double>();
        for (var i = 0; i < a.Count; i++)
        {
            table[(a[i], b[i])] = table.GetValueOrDefault((a[i], b[i])) + 1;
            rows[a[i]] = rows.GetValueOrDefault(a[i]) + 1;
            columns[b[i]] = columns.GetValueOrDefault(b[i]) + 1;
        }

        return (table, rows, columns, a.Count);
    }
}
