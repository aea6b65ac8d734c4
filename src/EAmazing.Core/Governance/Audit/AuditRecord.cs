namespace EAmazing.Governance.Audit;

/// <summary>
/// One line of the audit trail: who (an OS user or an API key id) did what to whom, when. The target is
/// a subject digest or a table name, never a raw id. <see cref="Previous"/> is the hash of the line
/// before (64 zeros for the first), <see cref="Hash"/> the SHA-256 of this line's other fields.
/// </summary>
public sealed record AuditRecord(
    long Sequence,
    DateTime Time,
    string Actor,
    string Action,
    string? Target,
    string? Detail,
    string Previous,
    string Hash);
