namespace EAmazing.Governance.Erasure;

/// <summary>What one erasure did for one subject: rows removed per table, the months their events were in, the models flagged.</summary>
/// <param name="AlreadyErased">The subject was already on the suppression list and nothing of theirs was left: a no-op.</param>
public sealed record SubjectErasure(
    ErasureSubject Subject,
    IReadOnlyDictionary<string, long> RowsRemoved,
    IReadOnlyList<string> EventMonths,
    IReadOnlyList<string> ModelsFlagged,
    bool AlreadyErased)
{
    public long TotalRows => RowsRemoved.Values.Sum();
}
