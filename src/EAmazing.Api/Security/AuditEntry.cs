namespace EAmazing.Api.Security;

/// <summary>
/// One audited call: which API key did what, to whom, with what outcome. The subject's pseudonym is turned
/// into its <see cref="EAmazing.Privacy.SubjectDigest"/> before anything is written; <see cref="Target"/> names
/// a model or table when the call is not about a person.
/// </summary>
public sealed record AuditEntry(string? KeyId, string Action, int Status, string? SubjectPseudonym = null, string? Target = null);
