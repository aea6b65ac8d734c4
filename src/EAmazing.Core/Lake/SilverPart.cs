namespace EAmazing.Lake;

/// <summary>One file of a silver month to write: the users it holds and where it goes.</summary>
public sealed record SilverPart(UserBucket Bucket, string Target);
