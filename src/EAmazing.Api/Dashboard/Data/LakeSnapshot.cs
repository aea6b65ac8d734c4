using EAmazing.Governance.Erasure;
using EAmazing.Governance.Register;
using EAmazing.Lake;
using EAmazing.Lake.Catalog;

namespace EAmazing.Api.Dashboard.Data;

/// <summary>
/// What the dashboard shows of the lake, read from its catalog snapshot without locking the catalog (the same library calls as
/// <c>eamazing lake status</c> and <c>gdpr register</c>): layers, partitions and ingested files, gold partitions,
/// quarantine reasons per file, the latest event, the register's tables and the erasure log.
/// </summary>
/// <param name="Problem">Why the lake could not be read (none there, or held by another command), with what to run; null when read.</param>
public sealed record LakeSnapshot(
    string Root,
    string? Problem,
    LakeStatus? Status,
    IReadOnlyList<GoldPartition> Gold,
    IReadOnlyList<QuarantineCount> Quarantine,
    DateTime? LatestEvent,
    IReadOnlyList<LakeTableInfo> Register,
    IReadOnlyList<ErasureLogEntry> Erasures)
{
    public static LakeSnapshot Missing(string root, string problem) => new(root, problem, null, [], [], null, [], []);

    /// <summary>The months of events the lake holds (silver partitions).</summary>
    public IReadOnlyList<string> Months => Status?.Partitions.Where(p => p.Layer == LakeLayer.Silver).Select(p => p.PartitionKey)
        .Distinct().Order(StringComparer.Ordinal).ToList() ?? [];
}

/// <summary>Rows of one ingested file quarantined for one reason.</summary>
public sealed record QuarantineCount(string File, string Reason, long Rows);
