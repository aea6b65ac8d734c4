namespace EAmazing.BusinessModels.Segmentation.Quality;

/// <summary>How far two partitions of the same rows agree (segments vs the world's personas): ARI and NMI.</summary>
public static class PartitionAgreement
{
    /// <summary>Adjusted Rand index (Hubert and Arabie): 1 for the same partition, about 0 for independent ones.</summary>
    public static double AdjustedRand(IReadOnlyList<int> a, IReadOnlyList<int> b) => AdjustedRand(ContingencyTable.Of(a, b));

    /// <summary>Normalised mutual information, MI / mean(H(a), H(b)) (the arithmetic normalisation); 1 when both are one group.</summary>
    public static double NormalisedMutualInformation(IReadOnlyList<int> a, IReadOnlyList<int> b) => NormalisedMutualInformation(ContingencyTable.Of(a, b));

    public static double AdjustedRand(ContingencyTable table)
    {
        static double Pairs(double x) => x * (x - 1) / 2;
        double n = table.N;
        var index = table.Cells.Sum(v => Pairs(v));
        var sumRows = Enumerable.Range(0, table.RowCount).Sum(r => Pairs(table.Row(r)));
        var sumColumns = Enumerable.Range(0, table.ColumnCount).Sum(c => Pairs(table.Column(c)));
        var expected = sumRows * sumColumns / Pairs(n);
        var maximum = (sumRows + sumColumns) / 2;
        return maximum == expected ? 1.0 : (index - expected) / (maximum - expected);
    }

    public static double NormalisedMutualInformation(ContingencyTable table)
    {
        double n = table.N;
        var rows = Enumerable.Range(0, table.RowCount).Select(r => (double)table.Row(r)).ToArray();
        var columns = Enumerable.Range(0, table.ColumnCount).Select(c => (double)table.Column(c)).ToArray();
        double mutual = 0;
        for (var r = 0; r < table.RowCount; r++)
        {
            for (var c = 0; c < table.ColumnCount; c++)
            {
                double count = table.Cells[(r * table.ColumnCount) + c];
                if (count > 0)
                {
                    mutual += count / n * Math.Log(count * n / (rows[r] * columns[c]));
                }
            }
        }

        static double Entropy(double[] counts, double n) => -counts.Where(v => v > 0).Sum(v => v / n * Math.Log(v / n));
        var mean = (Entropy(rows, n) + Entropy(columns, n)) / 2;
        return mean <= 0 ? 1.0 : Math.Max(0, mutual) / mean;
    }
}
