namespace EAmazing.BusinessModels.Recommendation.Methods;

/// <summary>
/// Weighted item-to-item links (co-visitation, sequential rules) summed over the training sessions, kept as compressed
/// rows that hold each item's <c>keep</c> strongest links (the long tail of one-off pairs costs memory and adds noise).
/// </summary>
public sealed class SparseItemGraph
{
    private readonly int[] _offsets;
    private readonly int[] _targets;
    private readonly float[] _weights;

    private SparseItemGraph(int[] offsets, int[] targets, float[] weights)
    {
        _offsets = offsets;
        _targets = targets;
        _weights = weights;
    }

    public static SparseItemGraph Empty { get; } = new([0], [], []);

    /// <summary>Links from one item, written by <see cref="LinkRule"/>s into a catalogue-sized row.</summary>
    public sealed class Row(int itemCount)
    {
        private readonly float[] _weights = new float[itemCount];
        private readonly int[] _rowOf = new int[itemCount];
        private readonly List<int> _touched = [];
        private int _row;

        internal IReadOnlyList<int> Touched => _touched;

        internal float WeightOf(int item) => _weights[item];

        /// <summary>Adds <paramref name="weight"/> to the link towards <paramref name="to"/> (a link added with 0 still exists).</summary>
        public void Add(int to, float weight)
        {
            if (_rowOf[to] != _row)
            {
                _rowOf[to] = _row;
                _weights[to] = 0;
                _touched.Add(to);
            }

            _weights[to] += weight;
        }

        internal void Start(int from)
        {
            _row = from + 1; // 0 is the arrays' initial value: no item has row 0
            _touched.Clear();
        }
    }

    /// <summary>The links that position <paramref name="position"/> of <paramref name="session"/> makes from its item, added into <paramref name="row"/>.</summary>
    public delegate void LinkRule(SessionSequence session, int position, Row row);

    /// <summary>
    /// Sums <paramref name="rule"/>'s links over every position of every training session and keeps each item's
    /// <paramref name="keep"/> strongest (ties: the lower item index first). Built one item's row at a time, from an index of
    /// where each item occurs, on every core: memory holds a catalogue-sized row per core rather than every distinct pair at once
    /// (a dictionary of pairs took ~10 GB on a full-scale month). Each link's weights are added in session and position order,
    /// as a single pass over the sessions would add them, so the sums do not depend on the number of cores.
    /// </summary>
    public static SparseItemGraph Build(IReadOnlyList<SessionSequence> training, int itemCount, int keep, LinkRule rule, CancellationToken cancellationToken = default)
    {
        var (occurrenceOffsets, sessions, positions) = Occurrences(training, itemCount);
        var rows = new (int[] Targets, float[] Weights)[itemCount];
        Parallel.For(0, itemCount, new ParallelOptions { CancellationToken = cancellationToken }, () => new Row(itemCount), (from, _, row) =>
        {
            row.Start(from);
            for (var k = occurrenceOffsets[from]; k < occurrenceOffsets[from + 1]; k++)
            {
                rule(training[sessions[k]], positions[k], row);
            }

            var strongest = row.Touched.OrderByDescending(row.WeightOf).ThenBy(to => to).Take(keep).ToArray();
            rows[from] = (strongest, strongest.Select(row.WeightOf).ToArray());
            return row;
        }, _ => { });

        var offsets = new int[itemCount + 1];
        for (var i = 0; i < itemCount; i++)
        {
            offsets[i + 1] = offsets[i] + rows[i].Targets.Length;
        }

        var targets = new int[offsets[itemCount]];
        var weights = new float[offsets[itemCount]];
        for (var i = 0; i < itemCount; i++)
        {
            rows[i].Targets.CopyTo(targets, offsets[i]);
            rows[i].Weights.CopyTo(weights, offsets[i]);
        }

        return new SparseItemGraph(offsets, targets, weights);
    }

    /// <summary>Adds <paramref name="factor"/> times each link of <paramref name="from"/> into <paramref name="scores"/>.</summary>
    public void AddLinks(int from, float factor, Span<float> scores)
    {
        for (var k = _offsets[from]; k < _offsets[from + 1]; k++)
        {
            scores[_targets[k]] += factor * _weights[k];
        }
    }

    /// <summary>Every (session, position) of each item, in session and position order: item i's are at offsets[i]..offsets[i + 1].</summary>
    private static (int[] Offsets, int[] Sessions, int[] Positions) Occurrences(IReadOnlyList<SessionSequence> training, int itemCount)
    {
        var offsets = new int[itemCount + 1];
        foreach (var s in training)
        {
            foreach (var item in s.Items)
            {
                offsets[item + 1]++;
            }
        }

        for (var i = 0; i < itemCount; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        var next = offsets[..itemCount];
        var sessions = new int[offsets[itemCount]];
        var positions = new int[offsets[itemCount]];
        for (var s = 0; s < training.Count; s++)
        {
            var items = training[s].Items;
            for (var p = 0; p < items.Length; p++)
            {
                var at = next[items[p]]++;
                sessions[at] = s;
                positions[at] = p;
            }
        }

        return (offsets, sessions, positions);
    }
}
