using System.Security.Cryptography;
using System.Text;

namespace EAmazing.Privacy;

/// <summary>
/// Names a data subject in records that must outlive their data (erasure log, suppression list, audit
/// targets): SHA-256 of the user pseudonym, first 32 hex digits. A scan of the lake for the pseudonym
/// finds nothing once the person is erased, yet a re-ingested row of theirs is still recognised.
/// </summary>
public static class SubjectDigest
{
    public static string Of(string userPseudonym) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("subject:" + userPseudonym)))[..32];
}
