using System.Security.Cryptography;

namespace EAmazing.Privacy;

/// <summary>
/// The secret of the keyed pseudonymisation (HMAC-SHA256). Kept outside the lake; only its
/// <see cref="KeyId"/> is ever written anywhere, so partitions can say which key made them.
/// </summary>
public sealed class PseudonymKey
{
    /// <summary>Shortest key accepted: 128 bits.</summary>
    public const int MinimumBytes = 16;

    private readonly byte[] _secret;

    private PseudonymKey(byte[] secret)
    {
        _secret = secret;
        KeyId = Convert.ToHexStringLower(SHA256.HashData(secret))[..8];
    }

    /// <summary>First 8 hex digits of SHA-256 of the key: names the key without revealing it.</summary>
    public string KeyId { get; }

    internal ReadOnlySpan<byte> Secret => _secret;

    public static PseudonymKey Generate() => new(RandomNumberGenerator.GetBytes(32));

    /// <summary>Reads a key written as hex digits (what key files and EAMAZING_PSEUDONYM_KEY hold).</summary>
    public static bool TryParseHex(string text, out PseudonymKey? key, out string? problem)
    {
        key = null;
        var trimmed = text.Trim();
        if (trimmed.Length < MinimumBytes * 2 || trimmed.Length % 2 != 0 || !trimmed.All(char.IsAsciiHexDigit))
        {
            // Never echo the text: it is (or was meant to be) a secret.
            problem = $"a pseudonym key must be an even number of hex digits, at least {MinimumBytes * 2}";
            return false;
        }

        problem = null;
        key = new PseudonymKey(Convert.FromHexString(trimmed));
        return true;
    }

    public string ToHex() => Convert.ToHexStringLower(_secret);

    /// <summary>Redacted, so a key that ends up in a log or an exception message says nothing.</summary>
    public override string ToString() => $"PseudonymKey(id {KeyId})";
}
