using System.Globalization;
using EAmazing.BusinessModels;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Lake.Catalog;
using EAmazing.Monitoring.Predictions;

namespace EAmazing.Governance.Retention;

/// <summary>
/// Storage limitation (GDPR art. 5(1)(e)): keeps the last N whole months of event data, the reference month
/// included, and drops everything older from every layer in one atomic lake commit: bronze and silver month
/// partitions, gold partitions (and their <c>gold_partitions</c> rows), and the quarantined rows of those months
/// (each quarantine file is rewritten without them, or dropped when nothing is left). Bronze and quarantine rows
/// removed are recorded per source file in <c>row_removals</c> (reason <c>retention</c>) so every ingested file
/// still balances in <see cref="LakeConsistency"/>. The source files stay recorded as ingested, so re-ingesting
/// them does not bring the expired months back.
/// </summary>
public sealed class LakeRetention(IGoldEngine lake)
{
    public const string Reason = "retention";

    /// <summary>A quarantined row's month: the month of its event time when that text starts with one,
    /// else the newest bronze month of its source file (a row nobody could date expires with its file).</summary>
    private const string RowMonth = "CASE WHEN regexp_matches(event_time, '^[0-9]{4}-(0[1-9]|1[0-2])') THEN substr(event_time, 1, 7) ELSE '{fallback}' END";

    public static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// The lake's newest month of events (bronze or silver), the default reference: a horizon counted from today
    /// would expire every month of an old data set (the 2019 REES46 files) at once. Null when the lake holds none.
    /// </summary>
    public string? NewestMonth() => lake.Partitions()
        .Where(p => p.Layer is LakeLayer.Bronze or LakeLayer.Silver && TryParseMonth(p.PartitionKey, out _))
        .Select(p => p.PartitionKey).Max(StringComparer.Ordinal);

    public static bool TryParseMonth(string text, out DateOnly month) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);

    /// <summary>The first month kept when <paramref name="keepMonths"/> months up to <paramref name="referenceMonth"/> are kept.</summary>
    public static string OldestKept(string referenceMonth, int keepMonths)
    {
        if (keepMonths < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(keepMonths), keepMonths, "at least one month must be kept");
        }

        if (!TryParseMonth(referenceMonth, out var reference))
        {
            throw new ArgumentException($"'{referenceMonth}' is not a month (yyyy-MM)", nameof(referenceMonth));
        }

        return Month(reference.AddMonths(-(keepMonths - 1)));
    }

    public RetentionPlan Plan(string referenceMonth, int keepMonths)
    {
        var oldest = OldestKept(referenceMonth, keepMonths);
        var partitions = lake.Partitions();
        var expired = partitions
            .Where(p => p.Layer is LakeLayer.Bronze or LakeLayer.Silver && string.CompareOrdinal(p.PartitionKey, oldest) < 0)
            .ToList();
        var gold = new GoldCatalog(lake).Partitions().Where(p => string.CompareOrdinal(p.Month, oldest) < 0).ToList();
        var quarantine = new List<QuarantineTrim>();
        foreach (var file in partitions.Where(p => p.Layer == LakeLayer.Quarantine))
        {
            var removed = Convert.ToInt64(lake.Compute(
                $"SELECT count(*) FROM {LakeSql.ReadParquet(lake.Layout.Full(file.Path))} WHERE {Expired(file, partitions, oldest)}").Rows[0][0],
                CultureInfo.InvariantCulture);
            if (removed > 0)
            {
                quarantine.Add(new QuarantineTrim(file, removed));
            }
        }

        var predictions = PredictionLog.Folder(lake.Layout.Root);
        var days = Directory.Exists(predictions)
            ? Directory.GetDirectories(predictions, "date=*").Select(Path.GetFileName).OfType<string>()
                .Where(d => d.Length >= 12 && string.CompareOrdinal(d[5..12], oldest) < 0).Order(StringComparer.Ordinal).ToList()
            : [];
        return new RetentionPlan(referenceMonth, keepMonths, oldest, expired, gold, quarantine, days);
    }

    public const string AuditAction = "gdpr.retention";

    /// <summary>The audit entry's detail: the run's reference, the months and the rows per layer.</summary>
    public static string AuditDetail(RetentionPlan plan, string reference) =>
        $"{reference}: months {string.Join(" ", plan.Months)}; rows bronze {plan.Rows(LakeLayer.Bronze)}, silver {plan.Rows(LakeLayer.Silver)}, " +
        $"gold {plan.GoldRows}, quarantine {plan.QuarantineRows}; prediction log days {plan.PredictionDays.Count}";

    /// <summary>
    /// Carries out a plan in one lake commit (see <see cref="CommitJournal"/>); returns the <c>row_removals</c> reference.
    /// With an <paramref name="auditActor"/>, the commit carries the run's <c>gdpr.retention</c> audit entry.
    /// </summary>
    public string Apply(RetentionPlan plan, DateTime now, string? auditActor = null)
    {
        var reference = $"retention keep {plan.KeepMonths} as of {plan.ReferenceMonth} at {now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}";
        if (plan.LakePartitions.Count == 0 && plan.GoldPartitions.Count == 0 && plan.Quarantine.Count == 0 && plan.PredictionDays.Count == 0)
        {
            return reference;
        }

        var removedAt = now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var partitions = lake.Partitions();
        var deletes = plan.LakePartitions.Select(p => p.Path).Concat(plan.GoldPartitions.Select(p => p.Path)).ToList();
        var rewritten = new List<LakePartition>();
        var statements = new List<CatalogStatement>();
        foreach (var (fileId, rows) in plan.BronzeRowsByFile)
        {
            statements.AddRange(Removal(fileId, LakeLayer.Bronze, reference, rows, removedAt));
        }

        foreach (var trim in plan.Quarantine)
        {
            var file = trim.Partition;
            if (trim.DropsFile)
            {
                deletes.Add(file.Path);
            }
            else
            {
                var temporary = lake.Layout.Temporary(file.Path);
                var kept = lake.WriteParquet(
                    $"SELECT * FROM {LakeSql.ReadParquet(lake.Layout.Full(file.Path))} WHERE NOT ({Expired(file, partitions, plan.OldestKeptMonth)}) ORDER BY source_line",
                    temporary);
                rewritten.Add(file with { Rows = kept, Bytes = new FileInfo(temporary).Length });
            }

            statements.AddRange(Removal(file.FileId ?? file.PartitionKey, LakeLayer.Quarantine, reference, trim.RowsRemoved, removedAt));
        }

        foreach (var gold in plan.GoldPartitions)
        {
            statements.Add(GoldPartitionsTable.Forget(gold.Table, gold.Month));
        }

        IReadOnlyList<CommitAuditEntry>? audit = auditActor is null ? null : [new(auditActor, AuditAction, "lake", AuditDetail(plan, reference))];
        if (deletes.Count > 0 || rewritten.Count > 0 || audit is not null)
        {
            CommitJournal.Commit(lake, LakeCommit.Change(deletes, rewritten, statements) with { Audit = audit });
        }

        // Gold views live beside the layer views; point them at what is left (a later features build would too).
        new GoldCatalog(lake).RefreshViews(GoldTables.All.Concat(BusinessModelCatalog.Default.WrittenTables));
        // The prediction log is outside the catalog: its expired days go after the commit (a re-run finishes the job).
        using var writers = plan.PredictionDays.Count > 0 ? PredictionLogLock.Acquire(lake.Layout.Root) : null;
        foreach (var day in plan.PredictionDays)
        {
            var folder = Path.Combine(PredictionLog.Folder(lake.Layout.Root), day);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return reference;
    }

    private static IEnumerable<CatalogStatement> Removal(string fileId, string layer, string reference, long rows, string removedAt) =>
        RowRemovalsTable.Record(fileId, layer, Reason, reference, rows, removedAt);

    private static string Expired(LakePartition quarantineFile, IReadOnlyList<LakePartition> partitions, string oldestKept)
    {
        var fileMonths = partitions.Where(p => p.Layer == LakeLayer.Bronze && p.FileId == quarantineFile.FileId).Select(p => p.PartitionKey).ToList();
        // A file with no bronze row at all (every row quarantined) has no month to go by: its undated rows are kept.
        var fallback = fileMonths.Count == 0 ? "9999-12" : fileMonths.Max(StringComparer.Ordinal)!;
        return $"{RowMonth.Replace("{fallback}", LakeSql.Literal(fallback), StringComparison.Ordinal)} < '{LakeSql.Literal(oldestKept)}'";
    }
}
