namespace EAmazing.BusinessModels.Segmentation.Clustering;

/// <summary>
/// Agglomerative clustering with Ward's criterion by the nearest-neighbour chain algorithm (O(n²) time and memory,
/// Lance–Williams updates on squared distances). Hand-written: none of the packages served here (ML.NET, MathNet)
/// has hierarchical clustering. Ward is reducible, so sorting the chain's merges by height gives the dendrogram,
/// and cutting it after n − k merges gives k clusters.
/// </summary>
public static class WardLinkage
{
    /// <summary>Labels 0..k-1 of the rows (numbered by first appearance).</summary>
    public static int[] Cut(double[][] points, int k)
    {
        var n = points.Length;
        if (k < 1 || k > n)
        {
            throw new ArgumentException($"Ward needs 1 ≤ k ≤ rows, got k = {k} for {n} rows");
        }

        var distance = new double[(long)n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                distance[((long)i * n) + j] = distance[((long)j * n) + i] = Distances.Squared(points[i], points[j]);
            }
        }

        var size = Enumerable.Repeat(1, n).ToArray();
        var active = Enumerable.Repeat(true, n).ToArray();
        var merges = new List<(double Height, int A, int B)>(n - 1);
        var chain = new List<int>();
        for (var remaining = n; remaining > 1;)
        {
            if (chain.Count == 0)
            {
                chain.Add(Array.IndexOf(active, true));
            }

            var top = chain[^1];
            var previous = chain.Count > 1 ? chain[^2] : -1;
            var nearest = -1;
            var best = double.PositiveInfinity;
            for (var j = 0; j < n; j++)
            {
                // Prefer the previous element on ties, so the chain always ends in a reciprocal pair.
                if (active[j] && j != top && (distance[((long)top * n) + j] < best || (j == previous && distance[((long)top * n) + j] <= best)))
                {
                    best = distance[((long)top * n) + j];
                    nearest = j;
                }
            }

            if (nearest != previous)
            {
                chain.Add(nearest);
                continue;
            }

            // top and previous are reciprocal nearest neighbours: merge them into 'previous'.
            chain.RemoveRange(chain.Count - 2, 2);
            var (a, b) = (previous, top);
            merges.Add((best, a, b));
            var sa = size[a];
            var sb = size[b];
            for (var j = 0; j < n; j++)
            {
                if (!active[j] || j == a || j == b)
                {
                    continue;
                }

                var sj = size[j];
                var updated = (((sa + sj) * distance[((long)j * n) + a]) + ((sb + sj) * distance[((long)j * n) + b]) - (sj * distance[((long)a * n) + b])) / (sa + sb + sj);
                distance[((long)j * n) + a] = distance[((long)a * n) + j] = updated;
            }

            size[a] = sa + sb;
            active[b] = false;
            remaining--;
        }

        // Union the n − k lowest merges.
        var parent = Enumerable.Range(0, n).ToArray();
        int Root(int x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }

            return x;
        }

        foreach (var (_, a, b) in merges.Select((m, order) => (m, order)).OrderBy(m => m.m.Height).ThenBy(m => m.order).Select(m => m.m).Take(n - k))
        {
            parent[Root(b)] = Root(a);
        }

        var numbers = new Dictionary<int, int>();
        return Enumerable.Range(0, n).Select(i => numbers.TryGetValue(Root(i), out var label) ? label : numbers[Root(i)] = numbers.Count).ToArray();
    }
}
