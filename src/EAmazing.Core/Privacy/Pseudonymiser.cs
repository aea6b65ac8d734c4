using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace EAmazing.Privacy;

/// <summary>
/// Replaces user ids and session ids by keyed HMAC-SHA256 pseudonyms (first 128 bits, 32 lowercase hex
/// digits). Deterministic for a key, so joins across files and months still work; without the key they
/// cannot be reversed or recomputed from a guessed id. Each kind of id has its own prefix, so a user id
/// and a session id that happen to share text never share a pseudonym. Not thread-safe: one per thread.
/// </summary>
public sealed class Pseudonymiser(PseudonymKey key)
{
    // Sessions are short-lived: two small generations (the newest sessions, and the ones before) keep every live
    // session cached while the tables stay small enough for the processor's caches (one table of 2^20 sessions made
    // this lookup ~3.5% of an ingest's CPU). A session seen again after two generations is hashed again, same result.
    // A month at full scale (42M events, 9.3M sessions) in the cache alone, HMACs included: 2^16 sessions a generation
    // 10.1-10.6 s, 2^14 7.0-7.1 s (7,545 sessions hashed again, a generation about 1.3 hours of the month), 2^12 6.8 s.
    private const int SessionGeneration = 1 << 14;

    private static readonly byte[] UserPrefix = "user_id:"u8.ToArray();
    private static readonly byte[] SessionPrefix = "user_session:"u8.ToArray();

    private readonly PseudonymKey _key = key;

    // Reused across ids: keying an HMAC once is measurably cheaper than a one-shot call per id.
    private readonly IncrementalHash _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key.Secret);
    private readonly Dictionary<long, (string Pseudonym, int Number)> _users = [];
    private Dictionary<Guid, string> _sessions = new(SessionGeneration);
    private Dictionary<Guid, string> _olderSessions = new(SessionGeneration);

    public string KeyId { get; } = key.KeyId;

    public string User(long userId) => User(userId, out _);

    /// <summary>
    /// The pseudonym of <paramref name="userId"/>, and <paramref name="number"/>: the user's number in the order this
    /// instance first saw them (0, 1, ...), so per-user state can live in an array instead of a table keyed by the
    /// pseudonym (silver's session numbering; measured: that lookup was ~5% of an ingest's CPU).
    /// </summary>
    public string User(long userId, out int number)
    {
        if (_users.TryGetValue(userId, out var cached))
        {
            number = cached.Number;
            return cached.Pseudonym;
        }

        var pseudonym = UserPseudonym(_hmac, userId);
        number = _users.Count;
        _users[userId] = (pseudonym, number);
        return pseudonym;
    }

    /// <summary>
    /// The ids among <paramref name="ids"/> whose pseudonym is one of <paramref name="wanted"/>, by pseudonym: how an
    /// oracle finds the lake's users among a generated world's raw ids. Hashed on every core and kept out of this
    /// instance's cache, which would otherwise hold every id of a full-scale world (19.6M) for its lifetime.
    /// </summary>
    public Dictionary<string, long> Matching(IReadOnlyList<long> ids, IReadOnlySet<string> wanted)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var found = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);

        Parallel.ForEach(
            Partitioner.Create(0, ids.Count, 1 << 16),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key.Secret),
            (range, _, hmac) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var pseudonym = UserPseudonym(hmac, ids[i]);
                    if (wanted.Contains(pseudonym))
                    {
                        found[pseudonym] = ids[i];
                    }
                }

                return hmac;
            },
            hmac => hmac.Dispose());
        return new Dictionary<string, long>(found, StringComparer.Ordinal);
    }

    public string Session(Guid session) => Session(session, out _);

    /// <summary>The pseudonym of <paramref name="session"/>; <paramref name="hashed"/>: computed now, not found in the cache.</summary>
    private string Session(Guid session, out bool hashed)
    {
        hashed = false;
        if (_sessions.TryGetValue(session, out var cached))
        {
            return cached;
        }

        if (_sessions.Count >= SessionGeneration)
        {
            (_olderSessions, _sessions) = (_sessions, _olderSessions);
            _sessions.Clear();
        }

        if (_olderSessions.TryGetValue(session, out cached))
        {
            _sessions[session] = cached;
            return cached;
        }

        // The canonical lower-case "D" form, so upper- and lower-case spellings of one UUID agree.
        Span<byte> input = stackalloc byte[SessionPrefix.Length + 36];
        SessionPrefix.CopyTo(input);
        session.TryFormat(input[SessionPrefix.Length..], out _, "D");
        var pseudonym = Hash(input);
        _sessions[session] = pseudonym;
        hashed = true;
        return pseudonym;
    }

    /// <summary>Pseudonym of a user id given as text, when it parses; null otherwise (a raw value is never kept).</summary>
    public string? UserOrNull(ReadOnlySpan<char> text) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? User(id) : null;

    public string? SessionOrNull(ReadOnlySpan<char> text) =>
        Guid.TryParseExact(text, "D", out var id) ? Session(id) : null;

    /// <summary>
    /// As <see cref="UserOrNull(ReadOnlySpan{char})"/>; <paramref name="hashed"/> is true when this instance computed the
    /// pseudonym now (its first sight of the user), so a caller that records each pseudonym once can skip the others.
    /// </summary>
    public string? UserOrNull(ReadOnlySpan<char> text, out bool hashed)
    {
        var known = _users.Count;
        var pseudonym = UserOrNull(text);
        hashed = _users.Count > known;
        return pseudonym;
    }

    /// <summary>
    /// As <see cref="SessionOrNull(ReadOnlySpan{char})"/>; <paramref name="hashed"/> is true when the pseudonym was computed
    /// now: the first sight of the session, or one not seen for two cache generations (then it is the same pseudonym again).
    /// </summary>
    public string? SessionOrNull(ReadOnlySpan<char> text, out bool hashed)
    {
        hashed = false;
        return Guid.TryParseExact(text, "D", out var id) ? Session(id, out hashed) : null;
    }

    private static string UserPseudonym(IncrementalHash hmac, long userId)
    {
        Span<byte> input = stackalloc byte[UserPrefix.Length + 20];
        UserPrefix.CopyTo(input);
        Utf8Formatter.TryFormat(userId, input[UserPrefix.Length..], out var written);
        return Hash(hmac, input[..(UserPrefix.Length + written)]);
    }

    private string Hash(ReadOnlySpan<byte> input) => Hash(_hmac, input);

    private static string Hash(IncrementalHash hmac, ReadOnlySpan<byte> input)
    {
        Span<byte> mac = stackalloc byte[32];
        hmac.AppendData(input);
        hmac.GetHashAndReset(mac);
        return Convert.ToHexStringLower(mac[..16]);
    }
}
