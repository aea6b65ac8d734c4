namespace EAmazing.BusinessModels.Recommendation.Data;

/// <summary>
/// The preparation steps after reading: training sessions lose rare items iteratively (removing an item can shorten a
/// session below the minimum, and dropping that session can make another item rare: the published protocol repeats
/// until nothing changes); every session is cut at the maximum length. Test sessions keep their rare and unseen items.
/// </summary>
public static class SessionPreparation
{
    /// <summary>Training sessions after the iterative support filter, repeat collapsing, the length minimum and the cut.</summary>
    public static List<RawSession> Training(IEnumerable<RawSession> sessions, PreparationOptions options)
    {
        var kept = sessions.Select(s => Cut(s, options.MaxLength)).Where(s => s.Length >= options.MinSessionLength).ToList();
        while (true)
        {
            var support = new Dictionary<long, int>();
            foreach (var s in kept)
            {
                foreach (var p in s.Products)
                {
                    support[p] = support.GetValueOrDefault(p) + 1;
                }
            }

            var changed = false;
            var next = new List<RawSession>(kept.Count);
            foreach (var s in kept)
            {
                if (s.Products.All(p => support[p] >= options.MinItemSupport))
                {
                    next.Add(s);
                    continue;
                }

                changed = true;
                var filtered = Keep(s, i => support[s.Products[i]] >= options.MinItemSupport, options.RemoveRepeats);
                if (filtered.Length >= options.MinSessionLength)
                {
                    next.Add(filtered);
                }
            }

            kept = next;
            if (!changed)
            {
                return kept;
            }
        }
    }

    /// <summary>A test or validation session: cut at the maximum length; shorter than 2 it has nothing to predict and is dropped.</summary>
    public static List<RawSession> Test(IEnumerable<RawSession> sessions, PreparationOptions options) =>
        sessions.Select(s => Cut(s, options.MaxLength)).Where(s => s.Length >= Math.Max(2, options.MinSessionLength)).ToList();

    public static RawSession Cut(RawSession session, int maxLength) =>
        session.Length <= maxLength ? session : Keep(session, i => i < maxLength, removeRepeats: false);

    private static RawSession Keep(RawSession s, Func<int, bool> keep, bool removeRepeats)
    {
        var products = new List<long>(s.Length);
        var times = new List<long>(s.Length);
        var types = new List<byte>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (!keep(i))
            {
                continue;
            }

            if (removeRepeats && products.Count > 0 && products[^1] == s.Products[i])
            {
                types[^1] = Math.Max(types[^1], s.EventTypes[i]);
                continue;
            }

            products.Add(s.Products[i]);
            times.Add(s.UnixSeconds[i]);
            types.Add(s.EventTypes[i]);
        }

        return s with { Products = [.. products], UnixSeconds = [.. times], EventTypes = [.. types] };
    }
}
