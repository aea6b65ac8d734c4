using System.Globalization;
using EAmazing.Models.Business;

namespace EAmazing.Api.Scoring;

/// <summary>
/// The users' history by pseudonym without an object per user: a pseudonym as the pseudonymiser writes it (32 lowercase
/// hex digits) is kept as its 128-bit number beside a <see cref="UserHistory"/> value, so the table is one array the
/// collector never traces. With a string and a record per user, every full collection walked them all: at four full-scale
/// months (8.0M users) requests waited up to 1.7 s under load. Any other text (no pseudonym of this platform) keeps its string.
/// </summary>
public sealed class UserHistoryIndex
{
    private const int PseudonymDigits = 32;

    private readonly Dictionary<UInt128, UserHistory> _byNumber = [];
    private readonly Dictionary<string, UserHistory> _byText = new(StringComparer.Ordinal);

    public int Count => _byNumber.Count + _byText.Count;

    /// <summary>Adds or replaces a user's history; not safe beside readers (fill it, then publish it).</summary>
    public void Set(string pseudonym, UserHistory history)
    {
        if (TryNumber(pseudonym, out var number))
        {
            _byNumber[number] = history;
        }
        else
        {
            _byText[pseudonym] = history;
        }
    }

    public UserHistory? Find(string pseudonym) =>
        TryNumber(pseudonym, out var number)
            ? _byNumber.TryGetValue(number, out var history) ? history : null
            : _byText.TryGetValue(pseudonym, out var other) ? other : null;

    /// <summary>Exactly 32 lowercase hex digits, so two different texts never share a number ("AB…" stays a text of its own).</summary>
    private static bool TryNumber(string pseudonym, out UInt128 number)
    {
        number = default;
        return pseudonym.Length == PseudonymDigits
            && pseudonym.AsSpan().IndexOfAnyExcept("0123456789abcdef") < 0
            && UInt128.TryParse(pseudonym, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out number);
    }
}
