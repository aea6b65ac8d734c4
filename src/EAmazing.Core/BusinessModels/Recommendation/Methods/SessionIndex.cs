namespace EAmazing.BusinessModels.Recommendation.Methods;

/// <summary>
/// The training sessions a session-kNN method searches: each session's items and end time, and for each item the
/// sessions holding it, most recent first, capped at <c>perItem</c> (the "most recent sample" of V-SkNN and STAN, which
/// bounds the work per request for a very popular item).
/// </summary>
public sealed class SessionIndex
{
    private readonly int[][] _sessionsOfItem;

    public SessionIndex(IReadOnlyList<SessionSequence> training, int itemCount, int perItem)
    {
        Sessions = training;
        Ends = training.Select(s => s.UnixSeconds[^1]).ToArray();
        var order = Enumerable.Range(0, training.Count).OrderByDescending(i => Ends[i]).ThenBy(i => i).ToArray();
        var lists = new List<int>?[itemCount];
        foreach (var s in order)
        {
            foreach (var item in training[s].Items.Distinct())
            {
                var list = lists[item] ??= [];
                if (list.Count < perItem)
                {
                    list.Add(s);
                }
            }
        }

        _sessionsOfItem = lists.Select(l => l?.ToArray() ?? []).ToArray();
    }

    public IReadOnlyList<SessionSequence> Sessions { get; }

    /// <summary>Each training session's last event time.</summary>
    public long[] Ends { get; }

    public ReadOnlySpan<int> SessionsOf(int item) => _sessionsOfItem[item];

    /// <summary>
    /// Scores the sessions that share an item with the prefix by the summed weights of the shared items (each distinct
    /// prefix item counted once, with its weight), keeps the <paramref name="sample"/> most recent of them.
    /// </summary>
    public Dictionary<int, float> Overlaps(IReadOnlyDictionary<int, float> prefixWeights, int sample)
    {
        var overlap = new Dictionary<int, float>();
        foreach (var (item, weight) in prefixWeights)
        {
            foreach (var s in SessionsOf(item))
            {
                overlap[s] = overlap.GetValueOrDefault(s) + weight;
            }
        }

        if (overlap.Count <= sample)
        {
            return overlap;
        }

        return overlap.OrderByDescending(kv => Ends[kv.Key]).ThenBy(kv => kv.Key).Take(sample).ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    /// <summary>Distinct items of a sequence with the largest weight given to any of its positions (position 1-based, length).</summary>
    public static Dictionary<int, float> Weights(SessionSequence prefix, Func<int, int, float> weight)
    {
        var weights = new Dictionary<int, float>();
        for (var i = 0; i < prefix.Length; i++)
        {
            var w = weight(i + 1, prefix.Length);
            if (!weights.TryGetValue(prefix.Items[i], out var old) || w > old)
            {
                weights[prefix.Items[i]] = w;
            }
        }

        return weights;
    }
}
