using EAmazing.Api.Scoring;
using EAmazing.Models.Business;
using FsCheck;
using FsCheck.Xunit;

namespace EAmazing.Api.Tests.Scoring;

public sealed class UserHistoryIndexTests
{
    private static readonly DateTime Day = new(2019, 11, 30, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Pseudonyms_are_found_by_their_exact_text_only()
    {
        var index = new UserHistoryIndex();
        var pseudonym = "00004790a8265cb9c9e83eaada5bda3e";
        index.Set(pseudonym, new UserHistory(5, 1, 2, Day, Day.AddHours(-3)));
        index.Set("not-a-pseudonym", new UserHistory(1, 0, 0, Day, null));

        Assert.Equal(new UserHistory(5, 1, 2, Day, Day.AddHours(-3)), index.Find(pseudonym));
        Assert.Equal(new UserHistory(1, 0, 0, Day, null), index.Find("not-a-pseudonym"));
        // The same number in capitals or with a leading zero dropped is another text, not this user.
        Assert.Null(index.Find(pseudonym.ToUpperInvariant()));
        Assert.Null(index.Find(pseudonym[1..]));
        Assert.Null(index.Find("0" + pseudonym));
        Assert.Null(index.Find("ffffffffffffffffffffffffffffffff"));
        Assert.Equal(2, index.Count);
    }

    [Property(MaxTest = 200)]
    public void Every_text_set_is_found_with_its_history_and_no_other_is(NonEmptyString[] texts, byte[] hex)
    {
        // Pseudonym-shaped texts (32 lowercase hex digits, from the bytes) beside arbitrary ones.
        var pseudonyms = hex.Chunk(16).Where(c => c.Length == 16).Select(c => Convert.ToHexStringLower(c));
        var keys = texts.Select(t => t.Get).Concat(pseudonyms).Distinct(StringComparer.Ordinal).ToList();
        var index = new UserHistoryIndex();
        for (var i = 0; i < keys.Count; i++)
        {
            index.Set(keys[i], new UserHistory(i, 0, 0, Day, null));
        }

        Assert.Equal(keys.Count, index.Count);
        Assert.All(keys.Select((k, i) => (k, i)), p => Assert.Equal(p.i, index.Find(p.k)!.Value.Sessions));
        var set = keys.ToHashSet(StringComparer.Ordinal);
        Assert.All(keys.Select(k => k.ToUpperInvariant()).Where(k => !set.Contains(k)), k => Assert.Null(index.Find(k)));
    }
}
