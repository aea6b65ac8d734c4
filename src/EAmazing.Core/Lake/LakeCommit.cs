
namespace EAmazing.Lake;

/// <summary>
/// Everything one change makes to the lake, written to the journal before any of it happens, so a crash at
/// any moment can be rolled forward to exactly this state. An ingest carries its <see cref="File"/>; other
/// changes (erasure, key rotation, retention) carry none and describe their catalog changes as
/// <see cref="Catalog"/> statements, which must be idempotent (a replay runs them again). Its <see cref="Audit"/>
/// entries are appended to the audit trail under its <see cref="Id"/> before the commit is done (once, even when replayed).
/// </summary>
public sealed record LakeCommit(
    IngestedFile? File,
    IReadOnlyList<string> RetiredFileIds,
    IReadOnlyList<string> Deletes,
    IReadOnlyList<LakePartition> Partitions,
    IReadOnlyList<CatalogStatement>? Catalog = null,
    IReadOnlyList<CommitAuditEntry>? Audit = null,
    string? Id = null)
{
    /// <summary>A change that is not an ingest: partitions replaced or deleted, plus catalog statements.</summary>
    public static LakeCommit Change(IReadOnlyList<string> deletes, IReadOnlyList<LakePartition> partitions, IReadOnlyList<CatalogStatement>? catalog = null) =>
        new(null, [], deletes, partitions, catalog);
}
