using EAmazing.Foundation.Randomness;

namespace EAmazing.BusinessModels.Segmentation.Quality;

/// <summary>
/// Counts of rows per (segment, persona) pair with the two margins: everything ARI and NMI depend on. Built once per
/// candidate so that a bootstrap resample is a recount of small integer cells instead of a dictionary pass per row.
/// </summary>
public sealed class ContingencyTable
{
    private ContingencyTable(long[] cells, int columns)
    {
        Cells = cells;
        ColumnCount = columns;
        RowCount = cells.Length / columns;
    }

    /// <summary>Row-major counts, <see cref="RowCount"/> × <see cref="ColumnCount"/>.</summary>
    public long[] Cells { get; }

    public int RowCount { get; }

    public int ColumnCount { get; }

    public long N => Cells.Sum();

    public long Row(int r)
    {
        long sum = 0;
        for (var c = 0; c < ColumnCount; c++)
        {
            sum += Cells[(r * ColumnCount) + c];
        }

        return sum;
    }

    public long Column(int c)
    {
        long sum = 0;
        for (var r = 0; r < RowCount; r++)
        {
            sum += Cells[(r * ColumnCount) + c];
        }

        return sum;
    }

    /// <exception cref="ArgumentException">The partitions differ in length or hold fewer than two rows.</exception>
    public static ContingencyTable Of(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        var cells = CellsOf(a, b, out var rows, out var columns);
        var counts = new long[rows * columns];
        foreach (var cell in cells)
        {
            counts[cell]++;
        }

        return new ContingencyTable(counts, columns);
    }

    /// <summary>The table of one bootstrap resample: <paramref name="cells"/>[i] is row i's cell, rows drawn with replacement.</summary>
    public static ContingencyTable Resampled(int[] cells, int rows, int columns, ref Xoshiro256 rng)
    {
        var counts = new long[rows * columns];
        for (var i = 0; i < cells.Length; i++)
        {
            counts[cells[rng.NextInt(cells.Length)]]++;
        }

        return new ContingencyTable(counts, columns);
    }

    /// <summary>Each row's cell index in a dense table (labels renumbered in order of first appearance).</summary>
    public static int[] CellsOf(IReadOnlyList<int> a, IReadOnlyList<int> b, out int rows, out int columns)
    {
        if (a.Count != b.Count || a.Count < 2)
        {
            throw new ArgumentException("two partitions of the same (at least two) rows are needed");
        }

        var rowIndex = new Dictionary<int, int>();
        var columnIndex = new Dictionary<int, int>();
        var pairs = new (int Row, int Column)[a.Count];
        for (var i = 0; i < a.Count; i++)
        {
            if (!rowIndex.TryGetValue(a[i], out var r))
            {
                rowIndex[a[i]] = r = rowIndex.Count;
            }

            if (!columnIndex.TryGetValue(b[i], out var c))
            {
                columnIndex[b[i]] = c = columnIndex.Count;
            }

            pairs[i] = (r, c);
        }

        columns = columnIndex.Count;
        rows = rowIndex.Count;
        var width = columns;
        return [.. pairs.Select(p => (p.Row * width) + p.Column)];
    }
}
