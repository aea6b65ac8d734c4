namespace EAmazing.Api.Security;

/// <summary>A stored API key: its public id, name and role, and the SHA-256 of the key, never the key itself.</summary>
public sealed record ApiKeyRecord(string Id, string Name, string Role, string Sha256, DateTime CreatedAt, DateTime? RevokedAt = null)
{
    public bool Active => RevokedAt is null;
}
