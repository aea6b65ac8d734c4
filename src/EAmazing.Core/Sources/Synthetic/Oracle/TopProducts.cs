namespace EAmazing.Sources.Synthetic.Oracle;

/// <summary>
/// The <c>count</c> most likely products offered so far, ordered as a sort by probability then product id would order
/// them, in a heap whose root is the least likely one kept.
/// </summary>
internal sealed class TopProducts
{
    private readonly int _count;
    private readonly int[] _productIds;
    private readonly PriorityQueue<(int Product, double Probability), (int Product, double Probability)> _kept;

    public TopProducts(int count, int[] productIds)
    {
        _count = count;
        _productIds = productIds;
        _kept = new PriorityQueue<(int, double), (int, double)>(Comparer<(int Product, double Probability)>.Create(Worse));
    }

    /// <summary>Whether a product of probability <paramref name="probability"/> could still be kept (a tie may win on its id).</summary>
    public bool CouldTake(double probability) =>
        _kept.Count < _count || (_kept.Count > 0 && probability >= _kept.Peek().Probability);

    public void Offer(int product, double probability)
    {
        if (_kept.Count < _count)
        {
            _kept.Enqueue((product, probability), (product, probability));
        }
        else if (_count > 0 && Worse(_kept.Peek(), (product, probability)) < 0)
        {
            _kept.DequeueEnqueue((product, probability), (product, probability));
        }
    }

    public List<(int Product, double Probability)> MostLikelyFirst()
    {
        var list = _kept.UnorderedItems.Select(e => e.Element).ToList();
        list.Sort((a, b) => Worse(b, a));
        return list;
    }

    /// <summary>Negative when <paramref name="a"/> ranks below <paramref name="b"/>: less likely, or as likely with a higher product id.</summary>
    private int Worse((int Product, double Probability) a, (int Product, double Probability) b) =>
        a.Probability != b.Probability ? a.Probability.CompareTo(b.Probability) : _productIds[b.Product].CompareTo(_productIds[a.Product]);
}
