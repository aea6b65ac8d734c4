using EAmazing.BusinessModels.Segmentation.Clustering;

namespace EAmazing.BusinessModels.Segmentation.Quality;

/// <summary>Internal measures of a partition of standardised rows (no truth needed): silhouette, Davies–Bouldin, Calinski–Harabasz.</summary>
public static class InternalQuality
{
    /// <summary>
    /// Mean silhouette: per row (b - a) / max(a, b), a its mean distance to its own segment, b the smallest mean
    /// distance to another segment; 0 for a row alone in its segment. O(n²): compute it on a fixed sample.
    /// NaN when fewer than two segments are occupied.
    /// </summary>
    public static double Silhouette(double[][] points, int[] labels)
    {
        var values = SilhouetteValues(points, labels);
        return values is null ? double.NaN : values.Average();
    }

    /// <summary>
    /// The silhouette of each row in the segmentation (0 for a row alone in its segment); null when fewer than two
    /// segments are occupied. Their mean is <see cref="Silhouette"/>; resampling them gives its bootstrap interval.
    /// </summary>
    public static double[]? SilhouetteValues(double[][] points, int[] labels)
    {
        var k = labels.Length == 0 ? 0 : labels.Max() + 1;
        var sizes = new int[k];
        foreach (var label in labels)
        {
            sizes[label]++;
        }

        if (sizes.Count(s => s > 0) < 2)
        {
            return null;
        }

        var values = new double[points.Length];
        var sums = new double[k];
        for (var i = 0; i < points.Length; i++)
        {
            Array.Clear(sums);
            for (var j = 0; j < points.Length; j++)
            {
                if (j != i)
                {
                    sums[labels[j]] += Distances.Euclidean(points[i], points[j]);
                }
            }

            var own = labels[i];
            if (sizes[own] == 1)
            {
                continue;
            }

            var a = sums[own] / (sizes[own] - 1);
            var b = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                if (c != own && sizes[c] > 0)
                {
                    b = Math.Min(b, sums[c] / sizes[c]);
                }
            }

            values[i] = (b - a) / Math.Max(a, b);
        }

        return values;
    }

    /// <summary>Davies–Bouldin: the mean over segments of the worst (S_i + S_j) / d(c_i, c_j), S the mean distance to the centroid. Lower is better.</summary>
    public static double DaviesBouldin(double[][] points, int[] labels)
    {
        var (centroids, sizes) = Occupied(points, labels);
        if (centroids.Length < 2)
        {
            return double.NaN;
        }

        var scatter = new double[centroids.Length];
        var index = OccupiedIndex(labels);
        for (var i = 0; i < points.Length; i++)
        {
            scatter[index[labels[i]]] += Distances.Euclidean(points[i], centroids[index[labels[i]]]);
        }

        for (var c = 0; c < scatter.Length; c++)
        {
            scatter[c] /= sizes[c];
        }

        double total = 0;
        for (var a = 0; a < centroids.Length; a++)
        {
            double worst = 0;
            for (var b = 0; b < centroids.Length; b++)
            {
                if (b != a)
                {
                    var separation = Distances.Euclidean(centroids[a], centroids[b]);
                    worst = Math.Max(worst, separation > 0 ? (scatter[a] + scatter[b]) / separation : double.PositiveInfinity);
                }
            }

            total += worst;
        }

        return total / centroids.Length;
    }

    /// <summary>Calinski–Harabasz: between-segment dispersion / (k - 1) over within-segment dispersion / (n - k). Higher is better.</summary>
    public static double CalinskiHarabasz(double[][] points, int[] labels)
    {
        var (centroids, sizes) = Occupied(points, labels);
        var k = centroids.Length;
        var n = points.Length;
        if (k < 2 || n <= k)
        {
            return double.NaN;
        }

        var centre = Distances.Centroids(points, new int[n], 1)[0];
        var index = OccupiedIndex(labels);
        double between = 0, within = 0;
        for (var c = 0; c < k; c++)
        {
            between += sizes[c] * Distances.Squared(centroids[c], centre);
        }

        for (var i = 0; i < n; i++)
        {
            within += Distances.Squared(points[i], centroids[index[labels[i]]]);
        }

        return within == 0 ? double.PositiveInfinity : between / (k - 1) / (within / (n - k));
    }

    private static (double[][] Centroids, int[] Sizes) Occupied(double[][] points, int[] labels)
    {
        var index = OccupiedIndex(labels);
        var renumbered = labels.Select(l => index[l]).ToArray();
        var centroids = Distances.Centroids(points, renumbered, index.Count);
        var sizes = new int[index.Count];
        foreach (var label in renumbered)
        {
            sizes[label]++;
        }

        return (centroids, sizes);
    }

    /// <summary>Occupied labels renumbered 0..m-1 (a family may leave a segment empty).</summary>
    private static Dictionary<int, int> OccupiedIndex(int[] labels) =>
        labels.Distinct().Order().Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i);
}
