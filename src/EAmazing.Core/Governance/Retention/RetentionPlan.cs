using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Lake.Catalog;

namespace EAmazing.Governance.Retention;

/// <summary>
/// What a retention run removes: every month partition older than <see cref="OldestKeptMonth"/> in bronze,
/// silver and gold, the quarantined rows of those months, and the serving prediction log's day folders
/// (<see cref="PredictionDays"/>, <c>date=yyyy-MM-dd</c>: they hold user pseudonyms). Months are <c>yyyy-MM</c>.
/// </summary>
public sealed record RetentionPlan(
    string ReferenceMonth,
    int KeepMonths,
    string OldestKeptMonth,
    IReadOnlyList<LakePartition> LakePartitions,
    IReadOnlyList<GoldPartition> GoldPartitions,
    IReadOnlyList<QuarantineTrim> Quarantine,
    IReadOnlyList<string> PredictionDays)
{
    public bool IsEmpty => LakePartitions.Count == 0 && GoldPartitions.Count == 0 && Quarantine.Count == 0 && PredictionDays.Count == 0;

    /// <summary>The expired months found in the lake, oldest first.</summary>
    public IReadOnlyList<string> Months => LakePartitions.Select(p => p.PartitionKey).Concat(GoldPartitions.Select(p => p.Month))
        .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public long Rows(string layer) => LakePartitions.Where(p => p.Layer == layer).Sum(p => p.Rows);

    public long GoldRows => GoldPartitions.Sum(p => p.Rows);

    public long QuarantineRows => Quarantine.Sum(q => q.RowsRemoved);

    /// <summary>Bronze rows removed per source file: what <c>row_removals</c> records so the file still balances.</summary>
    public IReadOnlyDictionary<string, long> BronzeRowsByFile => LakePartitions
        .Where(p => p.Layer == LakeLayer.Bronze && p.FileId is not null)
        .GroupBy(p => p.FileId!, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Sum(p => p.Rows), StringComparer.Ordinal);
}
