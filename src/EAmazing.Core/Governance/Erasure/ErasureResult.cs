namespace EAmazing.Governance.Erasure;

/// <summary>The outcome of <see cref="LakeEraser.Erase"/>: the erasure id, each subject's part, and the files rewritten.</summary>
public sealed record ErasureResult(string ErasureId, DateTime ErasedAt, IReadOnlyList<SubjectErasure> Subjects, int FilesRewritten)
{
    /// <summary>Rows removed per table over every subject, in a stable order (layers first, then gold, then predictions).</summary>
    public IReadOnlyList<(string Table, long Rows)> RowsPerTable() =>
        Subjects.SelectMany(s => s.RowsRemoved)
            .GroupBy(r => r.Key)
            .Select(g => (Table: g.Key, Rows: g.Sum(r => r.Value)))
            .OrderBy(t => ErasureTables.Rank(t.Table)).ThenBy(t => t.Table, StringComparer.Ordinal)
            .ToList();

    public long TotalRows => Subjects.Sum(s => s.TotalRows);
}
