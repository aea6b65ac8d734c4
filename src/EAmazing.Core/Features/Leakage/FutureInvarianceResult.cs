namespace EAmazing.Features.Leakage;

/// <summary>Outcome of the future-invariance check on one table's month: rows recomputed from the past alone at a sample of as-of times (cutoffs), and what differed.</summary>
public sealed record FutureInvarianceResult(string Table, string Month, int RowsChecked, int Recomputations, IReadOnlyList<InvarianceViolation> Violations)
{
    public bool Passed => Violations.Count == 0;
}
