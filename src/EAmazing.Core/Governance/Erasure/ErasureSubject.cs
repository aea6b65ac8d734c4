using EAmazing.Privacy;

namespace EAmazing.Governance.Erasure;

/// <summary>
/// One person to erase, as the lake knows them: the user pseudonym under the current key and its subject
/// digest (what records that outlive the data name). The raw id is not kept: it is pseudonymised on arrival.
/// </summary>
public sealed record ErasureSubject(string Pseudonym, string Digest)
{
    public static ErasureSubject Of(long userId, Pseudonymiser pseudonymiser)
    {
        var pseudonym = pseudonymiser.User(userId);
        return new(pseudonym, SubjectDigest.Of(pseudonym));
    }

    /// <summary>The digest only: a subject that ends up in a log or message names no pseudonym.</summary>
    public override string ToString() => $"subject {Digest}";
}
