using System.Globalization;
using EAmazing.Lake;

namespace EAmazing.Privacy;

/// <summary>
/// The erased subjects of one pseudonym key (<c>suppressed_subjects</c>), asked at ingest for every row's user
/// pseudonym so an erased person's rows never reach any layer again. Holds digests only (a pseudonym cannot be
/// recomputed from one), so each distinct pseudonym is digested once and the answer cached. Not thread-safe:
/// one per parsing thread.
/// </summary>
public sealed class SuppressionList
{
    private readonly HashSet<string> _digests;
    private readonly Dictionary<string, bool> _answers = new(StringComparer.Ordinal);

    public SuppressionList(IEnumerable<string> digests) => _digests = new HashSet<string>(digests, StringComparer.Ordinal);

    public static SuppressionList Empty => new([]);

    /// <summary>True when nobody is suppressed: ingest then skips the check entirely.</summary>
    public bool IsEmpty => _digests.Count == 0;

    public int Count => _digests.Count;

    /// <summary>The subjects suppressed under <paramref name="keyId"/>, from the lake's catalog.</summary>
    public static SuppressionList Load(ILakeEngine lake, string keyId) =>
        new(lake.Query($"SELECT subject_digest FROM suppressed_subjects WHERE key_id = '{LakeSql.Literal(keyId)}'").Rows
            .Select(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)!));

    public bool Contains(string userPseudonym)
    {
        if (_digests.Count == 0)
        {
            return false;
        }

        if (!_answers.TryGetValue(userPseudonym, out var suppressed))
        {
            // Bounded like the pseudonym cache: a month holds millions of users, few of them erased.
            if (_answers.Count >= 1 << 20)
            {
                _answers.Clear();
            }

            suppressed = _digests.Contains(SubjectDigest.Of(userPseudonym));
            _answers[userPseudonym] = suppressed;
        }

        return suppressed;
    }
}
