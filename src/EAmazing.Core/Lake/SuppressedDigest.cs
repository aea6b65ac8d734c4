namespace EAmazing.Lake;

/// <summary>One entry of the suppression list as a <see cref="LakeCommitMark"/> carries it: a subject digest and its key id.</summary>
public sealed record SuppressedDigest(string KeyId, string Digest);
