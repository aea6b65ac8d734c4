namespace EAmazing.BusinessModels.Segmentation.Identity;

/// <summary>
/// Minimum-cost assignment of rows to columns (Kuhn–Munkres with potentials, O(n²m)). Hand-written: none of the
/// packages served here has it (MathNet.Numerics and ML.NET do not), and it is forty lines.
/// </summary>
public static class Hungarian
{
    /// <summary>For each row, the column assigned to it, or -1 when there are more rows than columns and it got none.</summary>
    public static int[] Assign(double[,] cost)
    {
        var rows = cost.GetLength(0);
        var columns = cost.GetLength(1);
        var transposed = rows > columns;
        var n = transposed ? columns : rows;
        var m = transposed ? rows : columns;
        double Cost(int i, int j) => transposed ? cost[j - 1, i - 1] : cost[i - 1, j - 1];

        // 1-based arrays, as in the classic formulation: p[j] is the row matched to column j.
        var u = new double[n + 1];
        var v = new double[m + 1];
        var p = new int[m + 1];
        var way = new int[m + 1];
        for (var i = 1; i <= n; i++)
        {
            p[0] = i;
            var j0 = 0;
            var minimum = Enumerable.Repeat(double.PositiveInfinity, m + 1).ToArray();
            var used = new bool[m + 1];
            do
            {
                used[j0] = true;
                var i0 = p[j0];
                var delta = double.PositiveInfinity;
                var j1 = 0;
                for (var j = 1; j <= m; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    var current = Cost(i0, j) - u[i0] - v[j];
                    if (current < minimum[j])
                    {
                        minimum[j] = current;
                        way[j] = j0;
                    }

                    if (minimum[j] < delta)
                    {
                        delta = minimum[j];
                        j1 = j;
                    }
                }

                for (var j = 0; j <= m; j++)
                {
                    if (used[j])
                    {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minimum[j] -= delta;
                    }
                }

                j0 = j1;
            }
            while (p[j0] != 0);

            do
            {
                var j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        var result = Enumerable.Repeat(-1, rows).ToArray();
        for (var j = 1; j <= m; j++)
        {
            if (p[j] == 0)
            {
                continue;
            }

            if (transposed)
            {
                result[j - 1] = p[j] - 1;
            }
            else
            {
                result[p[j] - 1] = j - 1;
            }
        }

        return result;
    }
}
