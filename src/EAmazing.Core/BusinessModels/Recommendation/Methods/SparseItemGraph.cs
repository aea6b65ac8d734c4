namespace EAmazing.BusinessModels.Recommendation.Methods;

/// <summary>
/// Weighted item-to-item links (co-visitation, sequential rules) accumulated pair by pair, then frozen into compressed
/// rows that keep each item's <c>keep</c> strongest links (the long tail of one-off pairs costs memory and adds noise).
/// </summary>
public sealed class SparseItemGraph
{
    // A tuple key hashes both halves (a long's hash folds them with XOR, which collides for small indexes).
    private readonly Dictionary<(int From, int To), float> _pairs = [];
    private int[] _offsets = [0];
    private int[] _targets = [];
    private float[] _weights = [];

    public void Add(int from, int to, float weight)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_pairs, (from, to), out _);
        slot += weight;
    }

    public void Freeze(int itemCount, int keep)
    {
        var rows = new List<(int To, float Weight)>[itemCount];
        foreach (var ((from, to), weight) in _pairs)
        {
            (rows[from] ??= []).Add((to, weight));
        }

        _pairs.Clear();
        _offsets = new int[itemCount + 1];
        var targets = new List<int>();
        var weights = new List<float>();
        for (var i = 0; i < itemCount; i++)
        {
            if (rows[i] is { } row)
            {
                foreach (var (to, w) in row.OrderByDescending(r => r.Weight).ThenBy(r => r.To).Take(keep))
                {
                    targets.Add(to);
                    weights.Add(w);
                }
            }

            _offsets[i + 1] = targets.Count;
        }

        _targets = [.. targets];
        _weights = [.. weights];
    }

    /// <summary>Adds <paramref name="factor"/> times each link of <paramref name="from"/> into <paramref name="scores"/>.</summary>
    public void AddLinks(int from, float factor, Span<float> scores)
    {
        for (var k = _offsets[from]; k < _offsets[from + 1]; k++)
        {
            scores[_targets[k]] += factor * _weights[k];
        }
    }
}
