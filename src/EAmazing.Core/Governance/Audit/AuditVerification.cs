namespace EAmazing.Governance.Audit;

/// <summary>The outcome of <see cref="AuditTrail.Verify"/>: the entries checked and, when broken, the first bad one.</summary>
/// <param name="Line">1-based line of the first entry that breaks the chain; null when intact.</param>
public sealed record AuditVerification(long Entries, long? Line, long? Sequence, string? Problem)
{
    public bool Intact => Problem is null;
}
