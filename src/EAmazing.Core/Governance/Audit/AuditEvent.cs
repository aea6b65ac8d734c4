using EAmazing.Privacy;

namespace EAmazing.Governance.Audit;

/// <summary>What a caller records: the trail adds sequence, time and the chain.</summary>
/// <param name="Actor">OS user (<see cref="AuditTrail.OsActor"/>) or <c>api-key:ID</c>.</param>
/// <param name="Action">A short verb phrase, e.g. <c>gdpr.erase</c>, <c>ingest</c>, <c>predict MODEL</c>.</param>
/// <param name="Target">A <see cref="SubjectDigest"/>, a table or a model; never a raw id.</param>
/// <param name="Detail">Counts and outcome, free text without personal data.</param>
public sealed record AuditEvent(string Actor, string Action, string? Target = null, string? Detail = null);
