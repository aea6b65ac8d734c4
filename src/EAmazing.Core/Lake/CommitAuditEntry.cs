namespace EAmazing.Lake;

/// <summary>
/// The audit entry a change carries in its commit journal: appended to the audit trail before the commit is
/// done, and again by recovery when a crash came between, so no change lands without its entry.
/// </summary>
public sealed record CommitAuditEntry(string Actor, string Action, string? Target, string? Detail);
