namespace EAmazing.BusinessModels.Segmentation.Clustering;

/// <summary>Euclidean geometry of standardised rows, shared by the families and the quality measures.</summary>
public static class Distances
{
    public static double Squared(double[] a, double[] b)
    {
        double sum = 0;
        for (var j = 0; j < a.Length; j++)
        {
            var d = a[j] - b[j];
            sum += d * d;
        }

        return sum;
    }

    public static double Euclidean(double[] a, double[] b) => Math.Sqrt(Squared(a, b));

    /// <summary>The index of the centroid nearest to <paramref name="point"/> (the first on a tie).</summary>
    public static int Nearest(double[] point, double[][] centroids)
    {
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var c = 0; c < centroids.Length; c++)
        {
            var d = Squared(point, centroids[c]);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = c;
            }
        }

        return best;
    }

    /// <summary>The mean of each label's rows; a label without rows gets the overall mean.</summary>
    public static double[][] Centroids(double[][] points, int[] labels, int k)
    {
        var dimension = points.Length == 0 ? 0 : points[0].Length;
        var sums = new double[k][];
        var counts = new int[k];
        for (var c = 0; c < k; c++)
        {
            sums[c] = new double[dimension];
        }

        for (var i = 0; i < points.Length; i++)
        {
            counts[labels[i]]++;
            for (var j = 0; j < dimension; j++)
            {
                sums[labels[i]][j] += points[i][j];
            }
        }

        var overall = new double[dimension];
        for (var j = 0; j < dimension; j++)
        {
            overall[j] = points.Length == 0 ? 0 : points.Average(p => p[j]);
        }

        return sums.Select((s, c) => counts[c] == 0 ? (double[])overall.Clone() : s.Select(v => v / counts[c]).ToArray()).ToArray();
    }
}
