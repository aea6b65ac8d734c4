using EAmazing.Api.Configuration;
using EAmazing.Foundation.Configuration;
using EAmazing.Lake;
using EAmazing.Privacy;
using EAmazing.Privacy.Keys;
using Microsoft.Extensions.Options;

namespace EAmazing.Api.Scoring;

/// <summary>
/// What erasure, retention and key rotation change under a running server, followed through the lake's
/// <see cref="LakeCommitMark"/>: when its sequence moves, the pseudonym key is the one the lake is now on (the key
/// file, or the pending key of a rotation whose lake commit is done) and the erased subjects are those suppressed
/// under that key. Requests for an erased subject are refused and their predictions never logged.
/// </summary>
public sealed class ServingGovernance
{
    private readonly string _lake;
    private readonly string? _keyFile;
    private readonly ILogger<ServingGovernance> _logger;
    private readonly Lock _refreshing = new();
    private State _state;

    public ServingGovernance(ServingPaths paths, PseudonymKey key, IOptions<PlatformOptions> platform, ILogger<ServingGovernance> logger)
    {
        _lake = paths.Lake;
        var store = PseudonymKeyStore.ForProcess(platform.Value.PseudonymKeyFile);
        // A key from the environment cannot be rotated (the rotation refuses), so there is no file to follow.
        _keyFile = store.KeyFromEnvironment ? null : store.KeyFile;
        _logger = logger;
        _state = Load(LakeCommitMark.Read(_lake), key);
    }

    /// <summary>The sequence of the lake commit this state follows.</summary>
    public long Sequence => Volatile.Read(ref _state).Mark.Sequence;

    public PseudonymKey Key => Volatile.Read(ref _state).Key;

    /// <summary>Whether the latest lake commit seen leaves the lake on two keys (a rotation between its commits): the history is not reloaded then.</summary>
    public bool RotationUnderWay { get; private set; }

    /// <summary>The user's pseudonym under the current key (thread-safe).</summary>
    public string Pseudonym(long userId) => Volatile.Read(ref _state).Pseudonymiser.Value!.User(userId);

    /// <summary>True when the subject of <paramref name="userPseudonym"/> (under the current key) has been erased.</summary>
    public bool IsErased(string userPseudonym)
    {
        var erased = Volatile.Read(ref _state).Erased;
        return erased.Count > 0 && erased.Contains(SubjectDigest.Of(userPseudonym));
    }

    /// <summary>Reads the lake's mark; when its sequence moved, reloads the key and the erased subjects. True when it moved.</summary>
    public bool Refresh()
    {
        var mark = LakeCommitMark.Read(_lake);
        lock (_refreshing)
        {
            var current = Volatile.Read(ref _state);
            if (mark.Sequence == current.Mark.Sequence || mark.Sequence == 0)
            {
                return false;
            }

            var rotating = mark.KeyIds.Count > 1;
            if (rotating != RotationUnderWay)
            {
                RotationUnderWay = rotating;
                if (rotating)
                {
                    _logger.LogInformation("the lake is part-way through a pseudonym key rotation ({KeyIds}): serving keeps key {KeyId} and its history until it ends",
                        string.Join(", ", mark.KeyIds), current.Key.KeyId);
                }
            }

            if (rotating)
            {
                // A key rotation commits a month at a time: until its last commit the lake holds both keys, and neither key's
                // history nor erased set is whole in it. The server keeps the lake it had, and moves with the last commit.
                return false;
            }

            var next = Load(mark, current.Key);
            if (next.Key.KeyId != current.Key.KeyId)
            {
                // Key ids are public digests; the keys themselves are never logged.
                _logger.LogInformation("the lake moved to pseudonym key {KeyId}: the server now pseudonymises under it", next.Key.KeyId);
            }

            Volatile.Write(ref _state, next);
            return true;
        }
    }

    private State Load(LakeCommitMark mark, PseudonymKey current)
    {
        var key = current;
        if (_keyFile is not null && mark.KeyIds.Count > 0 && !mark.KeyIds.Contains(current.KeyId))
        {
            // The lake left this key: a rotation committed its lake (new key still pending) or finished (key file replaced).
            key = new[] { KeyFile.TryRead(KeyFile.PendingOf(_keyFile)), KeyFile.TryRead(_keyFile) }
                .FirstOrDefault(k => k is not null && mark.KeyIds.Contains(k.KeyId)) ?? current;
            if (key == current)
            {
                _logger.LogWarning("the lake is on key {LakeKeys} but neither {KeyFile} nor its pending key holds it: the server keeps key {KeyId}",
                    string.Join(", ", mark.KeyIds), _keyFile, current.KeyId);
            }
        }

        return new State(mark, key, mark.SuppressedUnder(key.KeyId), new ThreadLocal<Pseudonymiser>(() => new Pseudonymiser(key)));
    }

    // HMAC instances are not thread-safe; a pseudonymiser per thread keeps the hot path lock-free.
    private sealed record State(LakeCommitMark Mark, PseudonymKey Key, IReadOnlySet<string> Erased, ThreadLocal<Pseudonymiser> Pseudonymiser);
}
