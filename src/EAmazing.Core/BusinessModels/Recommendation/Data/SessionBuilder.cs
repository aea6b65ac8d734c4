using EAmazing.Foundation.Text;

namespace EAmazing.BusinessModels.Recommendation.Data;

/// <summary>
/// Builds one <see cref="RawSession"/> from its events in time order: keeps the selected event types, collapses
/// consecutive repeats (keeping the first time and the strongest type), and notes each product carted or bought with
/// the number of kept events before it, whatever the selection.
/// </summary>
public sealed class SessionBuilder(PreparationOptions options)
{
    private readonly List<long> _products = [];
    private readonly List<long> _times = [];
    private readonly List<byte> _types = [];
    private static readonly IReadOnlyDictionary<long, int> NoneConverted = new Dictionary<long, int>();

    private readonly Dictionary<long, int> _converted = [];
    // One string per user, not per session (a full-scale month: 11M sessions of 4M users).
    private readonly StringPool _users = new();
    private string? _user;

    public void Start(string user)
    {
        _user = _users.Get(user);
        _products.Clear();
        _times.Clear();
        _types.Clear();
        _converted.Clear();
    }

    public void Add(long product, long unixSeconds, byte eventType)
    {
        if (eventType > 0)
        {
            _converted.TryAdd(product, _products.Count);
        }

        if (options.Events == EventSelection.Views && eventType != 0)
        {
            return;
        }

        if (options.RemoveRepeats && _products.Count > 0 && _products[^1] == product)
        {
            _types[^1] = Math.Max(_types[^1], eventType);
            return;
        }

        _products.Add(product);
        _times.Add(unixSeconds);
        _types.Add(eventType);
    }

    /// <summary>Adds the session built so far (when it holds an event) to <paramref name="into"/>.</summary>
    public void Flush(List<RawSession> into)
    {
        if (_user is not null && _products.Count > 0)
        {
            // Most sessions convert nothing: they share one empty map instead of an object each.
            into.Add(new RawSession(_user, [.. _products], [.. _times], [.. _types], _converted.Count == 0 ? NoneConverted : new Dictionary<long, int>(_converted)));
        }

        _user = null;
    }
}
