using EAmazing.Sources.Rees46;

namespace EAmazing.Sources.Synthetic.Realism;

/// <summary>
/// The statistics the realism check compares, accumulated over a stream of events in file order.
/// Sessions are keyed by (day, user_session) so windows taken from several days do not merge.
/// </summary>
public sealed class EventStatistics
{
    private readonly Dictionary<(DateOnly, string), SessionTally> _sessions = [];
    private readonly HashSet<long> _users = [];
    private readonly Dictionary<long, long> _itemCounts = [];
    private readonly HashSet<Rees46Event> _rows = [];
    private readonly List<decimal> _prices = [];

    public long Events { get; private set; }
    public long Views { get; private set; }
    public long Carts { get; private set; }
    public long Purchases { get; private set; }
    public long EmptyCategoryCode { get; private set; }
    public long EmptyBrand { get; private set; }
    public long ExactDuplicates { get; private set; }
    public long Transitions { get; private set; }
    public long RepeatTransitions { get; private set; }

    public void Add(Rees46Event e)
    {
        Events++;
        switch (e.EventType)
        {
            case EventType.View: Views++; break;
            case EventType.Cart: Carts++; break;
            case EventType.Purchase: Purchases++; break;
        }

        if (e.CategoryCode.Length == 0)
        {
            EmptyCategoryCode++;
        }

        if (e.Brand.Length == 0)
        {
            EmptyBrand++;
        }

        if (!_rows.Add(e))
        {
            ExactDuplicates++;
        }

        _prices.Add(e.Price);
        _users.Add(e.UserId);
        _itemCounts[e.ProductId] = _itemCounts.GetValueOrDefault(e.ProductId) + 1;
        var key = (DateOnly.FromDateTime(e.EventTime), e.UserSession);
        if (!_sessions.TryGetValue(key, out var tally))
        {
            tally = new SessionTally { FirstUser = e.UserId };
            _sessions[key] = tally;
        }
        else
        {
            Transitions++;
            if (tally.LastProduct == e.ProductId)
            {
                RepeatTransitions++;
            }
            else
            {
                tally.DistinctRunLength++;
            }

            tally.MultiUser |= tally.FirstUser != e.UserId;
        }

        if (tally.Events == 0)
        {
            tally.DistinctRunLength = 1;
        }

        tally.Events++;
        tally.LastProduct = e.ProductId;
        tally.HasCart |= e.EventType == EventType.Cart;
        tally.HasPurchase |= e.EventType == EventType.Purchase;
    }

    public int Sessions => _sessions.Count;

    public int Users => _users.Count;

    public double Share(long part) => Events == 0 ? double.NaN : (double)part / Events;

    public double EventsPerSessionMean => (double)Events / Math.Max(1, Sessions);

    public double EventsPerSessionMedian => Median(_sessions.Values.Select(s => (double)s.Events));

    public double SingleEventSessionShare => (double)_sessions.Values.Count(s => s.Events == 1) / Math.Max(1, Sessions);

    public double SessionsPerUser => (double)Sessions / Math.Max(1, Users);

    public double RepeatShare => (double)RepeatTransitions / Math.Max(1, Transitions);

    public double MultiUserSessionShare => (double)_sessions.Values.Count(s => s.MultiUser) / Math.Max(1, Sessions);

    public double PurchaseSessionShare => (double)_sessions.Values.Count(s => s.HasPurchase) / Math.Max(1, Sessions);

    public double CartAbandonment
    {
        get
        {
            var carts = _sessions.Values.Where(s => s.HasCart).ToList();
            return carts.Count == 0 ? double.NaN : (double)carts.Count(s => !s.HasPurchase) / carts.Count;
        }
    }

    /// <summary>Mean length after removing consecutive repeats, over sessions of length two or more (the Transformers4Rec measure).</summary>
    public double DeduplicatedSessionLength
    {
        get
        {
            var lengths = _sessions.Values.Where(s => s.DistinctRunLength >= 2).Select(s => (double)s.DistinctRunLength).ToList();
            return lengths.Count == 0 ? double.NaN : lengths.Average();
        }
    }

    public double PriceQuantile(double q)
    {
        if (_prices.Count == 0)
        {
            return double.NaN;
        }

        _prices.Sort();
        var position = q * (_prices.Count - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return (double)(_prices[low] + ((_prices[high] - _prices[low]) * (decimal)(position - low)));
    }

    public double ZeroPriceShare => (double)_prices.Count(p => p == 0) / Math.Max(1, _prices.Count);

    /// <summary>Gini coefficient of events over items (0 = all items equally popular).</summary>
    public double ItemGini
    {
        get
        {
            var counts = _itemCounts.Values.Select(c => (double)c).Order().ToArray();
            var n = counts.Length;
            if (n == 0)
            {
                return double.NaN;
            }

            double weighted = 0, total = 0;
            for (var i = 0; i < n; i++)
            {
                weighted += (i + 1) * counts[i];
                total += counts[i];
            }

            return (2 * weighted / (n * total)) - ((n + 1.0) / n);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed class SessionTally
    {
        public int Events;
        public long LastProduct = -1;
        public long FirstUser;
        public bool MultiUser;
        public bool HasCart;
        public bool HasPurchase;
        public int DistinctRunLength;
    }
}
