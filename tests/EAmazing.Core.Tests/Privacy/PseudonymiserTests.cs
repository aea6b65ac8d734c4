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
}
