namespace EAmazing.Api.Security;

/// <summary>A key just made: the secret is shown once to whoever created it and is not kept anywhere.</summary>
public sealed record CreatedApiKey(ApiKeyRecord Record, string Secret);
