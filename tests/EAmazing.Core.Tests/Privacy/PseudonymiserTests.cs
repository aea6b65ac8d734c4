using EAmazing.Core.Tests.Support;
using EAmazing.Privacy;

namespace EAmazing.Core.Tests.Privacy;

public sealed class PseudonymiserTests
{
    [Fact]
    public void A_pseudonym_is_32_lowercase_hex_digits_and_deterministic_for_a_key()
    {
        var a = new Pseudonymiser(TestLake.Key).User(541312140);
        var b = new Pseudonymiser(TestLake.Key).User(541312140);

        Assert.Equal(a, b);
        Assert.Matches("^[0-9a-f]{32}$", a);
    }

    [Fact]
    public void A_pseudonym_is_the_first_128_bits_of_hmac_sha256_of_the_prefixed_id()
    {
        var mac = System.Security.Cryptography.HMACSHA256.HashData(Convert.FromHexString(TestLake.Key.ToHex()), "user_id:541312140"u8);

        Assert.Equal(Convert.ToHexStringLower(mac)[..32], new Pseudonymiser(TestLake.Key).User(541312140));
    }

    [Fact]
    public void Another_key_gives_other_pseudonyms()
    {
        Assert.NotEqual(new Pseudonymiser(TestLake.Key).User(1), new Pseudonymiser(PseudonymKey.Generate()).User(1));
    }

    [Fact]
    public void Upper_and_lower_case_spellings_of_a_session_share_a_pseudonym()
    {
        var p = new Pseudonymiser(TestLake.Key);

        Assert.Equal(p.SessionOrNull("72d76fde-8bb3-4e00-8c23-a032dfed738c"), p.SessionOrNull("72D76FDE-8BB3-4E00-8C23-A032DFED738C"));
        Assert.Null(p.SessionOrNull("not-a-uuid"));
        Assert.Null(p.UserOrNull("12x"));
    }

    [Fact]
    public void Cached_session_pseudonyms_stay_those_of_the_key_however_many_sessions_pass()
    {
        var cached = new Pseudonymiser(TestLake.Key);
        var first = Guid.Parse("72d76fde-8bb3-4e00-8c23-a032dfed738c");
        var expected = new Pseudonymiser(TestLake.Key).Session(first);
        var random = new Random(7);
        var bytes = new byte[16];
        for (var round = 0; round < 4; round++)
        {
            Assert.Equal(expected, cached.Session(first));
            // Enough other sessions to push it through the cache's generations.
            for (var i = 0; i < 50_000 * (round + 1); i++)
            {
                random.NextBytes(bytes);
                cached.Session(new Guid(bytes));
            }
        }
    }

    [Fact]
    public void Users_are_numbered_in_the_order_first_seen()
    {
        var p = new Pseudonymiser(TestLake.Key);

        Assert.Equal(p.User(7), p.User(7, out var seven));
        p.User(3, out var three);
        p.User(7, out var again);
        Assert.Equal((0, 1, 0), (seven, three, again));
    }

    [Fact]
    public void Hashed_is_true_on_the_first_sight_of_an_id_only_and_the_pseudonym_is_the_same_either_way()
    {
        var p = new Pseudonymiser(TestLake.Key);
        var plain = new Pseudonymiser(TestLake.Key);
        const string session = "72d76fde-8bb3-4e00-8c23-a032dfed738c";

        var sightings = new[] { ("7", true), ("3", true), ("7", false), ("x", false) }
            .Select(s => (p.UserOrNull(s.Item1, out var hashed), hashed, s.Item2)).ToList();
        Assert.All(sightings, s => Assert.Equal(s.Item3, s.hashed));
        Assert.Equal(plain.UserOrNull("7"), sightings[0].Item1);
        Assert.Null(sightings[3].Item1);

        Assert.Equal(plain.SessionOrNull(session), p.SessionOrNull(session, out var first));
        Assert.Equal(plain.SessionOrNull(session), p.SessionOrNull(session.ToUpperInvariant(), out var second));
        Assert.Null(p.SessionOrNull("not-a-uuid", out var invalid));
        Assert.Equal((true, false, false), (first, second, invalid));
    }

    [Fact]
    public void Matching_finds_exactly_the_wanted_pseudonyms_ids_across_many_partitions_and_caches_none()
    {
        var ids = Enumerable.Range(0, 200_000).Select(i => 500_000_000L + (i * 13L)).ToArray();
        var plain = new Pseudonymiser(TestLake.Key);
        var wanted = ids.Where((_, i) => i % 997 == 0 || i == ids.Length - 1).ToDictionary(plain.User);
        wanted["0123456789abcdef0123456789abcdef"] = -1; // a pseudonym of no id here

        var p = new Pseudonymiser(TestLake.Key);
        var found = p.Matching(ids, wanted.Keys.ToHashSet(StringComparer.Ordinal));

        Assert.Equal(wanted.Where(w => w.Value >= 0).OrderBy(w => w.Key, StringComparer.Ordinal), found.OrderBy(f => f.Key, StringComparer.Ordinal));
        Assert.Empty(p.Matching([], wanted.Keys.ToHashSet(StringComparer.Ordinal)));
        // nothing was kept in the instance's cache: its next sight of a matched id hashes it
        p.UserOrNull(ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture), out var hashed);
        Assert.True(hashed);
    }
}
