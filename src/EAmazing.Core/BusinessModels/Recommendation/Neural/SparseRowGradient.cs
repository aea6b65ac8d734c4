namespace EAmazing.BusinessModels.Recommendation.Neural;

/// <summary>
/// The gradient of an item matrix (one row per item) restricted to the rows a step touched: a step reads a few
/// thousand of tens of thousands of rows, so clearing or updating a dense copy would cost more than the step.
/// Rows are kept in first-touched order, which keeps the update deterministic.
/// </summary>
public sealed class SparseRowGradient
{
    private readonly int[] _slotOf;
    private readonly int[] _items;
    private readonly float[] _values;

    public SparseRowGradient(int itemCount, int width, int capacity)
    {
        Width = width;
        _slotOf = new int[itemCount];
        Array.Fill(_slotOf, -1);
        _items = new int[capacity];
        _values = new float[capacity * width];
    }

    public int Width { get; }

    /// <summary>Rows touched since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    public ReadOnlySpan<int> Items => _items.AsSpan(0, Count);

    /// <summary>The accumulated gradient of <paramref name="item"/>'s row, zeroed on first touch.</summary>
    public Span<float> Accumulate(int item)
    {
        var slot = _slotOf[item];
        if (slot < 0)
        {
            slot = Count++;
            _slotOf[item] = slot;
            _items[slot] = item;
            _values.AsSpan(slot * Width, Width).Clear();
        }

        return _values.AsSpan(slot * Width, Width);
    }

    /// <summary>The gradient row of the <paramref name="slot"/>-th touched item.</summary>
    public ReadOnlySpan<float> RowAt(int slot) => _values.AsSpan(slot * Width, Width);

    /// <summary>The gradient row of <paramref name="item"/>, empty when the step did not touch it.</summary>
    public ReadOnlySpan<float> RowOf(int item) => _slotOf[item] < 0 ? [] : RowAt(_slotOf[item]);

    public void Clear()
    {
        foreach (var item in Items)
        {
            _slotOf[item] = -1;
        }

        Count = 0;
    }
}
