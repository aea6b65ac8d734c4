using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EAmazing.Features;
using EAmazing.Lake;
using EAmazing.Lake.Catalog;
using EAmazing.Monitoring.Predictions;
using EAmazing.Privacy;

namespace EAmazing.Governance.Erasure;

/// <summary>
/// The right to erasure: removes every row of the given people from bronze, silver, quarantine, gold and the
/// predictions log, and keeps them out for good. Only the files that hold them are rewritten (under temporary
/// names), a month at a time: a journaled commit per month swaps its files in and records, in the same catalog
/// transaction, the new row counts, the <c>row_removals</c> ledger (bronze and quarantine still balance per source
/// file), the subjects on the suppression list and their <c>erasure_log</c> entries, which each month's commit adds
/// to. A crash before a commit point leaves the lake as the commit before left it, after it the month erased
/// (recovery rolls it forward); a re-run finds what is left and completes the same entries.
/// Model versions trained on windows holding the people's events are flagged before anything is deleted.
/// With an <paramref name="auditActor"/>, the last month's commit carries one <c>gdpr.erase</c> audit entry per
/// subject, so the erasure's end and its entries land together (see <see cref="CommitJournal"/>).
/// A gold partition current before the erasure whose rows each come from one user (<see cref="GoldTable.RowsFromOneUser"/>)
/// stays current: the last commit records its new silver inputs. The others that read the rewritten silver (aggregates
/// over many users, the cart points' item histories) are left for the next <c>features build</c>.
/// </summary>
/// <param name="features">The feature options the gold was built with (its fingerprints include them); the defaults when null.</param>
/// <param name="faultPoint">Tests only: called with "month-committed" after each month's commit but the last.</param>
public sealed class LakeEraser(
    IGoldEngine lake, PseudonymKey key, string? modelRegistry, TimeProvider? clock = null, string? auditActor = null, Action<string>? faultPoint = null,
    FeatureOptions? features = null)
{
    public const string Reason = "erasure";

    public const string AuditAction = "gdpr.erase";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Key ids of the lake's partitions other than the current key: their pseudonyms cannot be matched.</summary>
    public static IReadOnlyList<string> ForeignKeyIds(ILakeEngine lake, string keyId) =>
        lake.Partitions().Select(p => p.KeyId).Where(k => k != keyId).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Derived from the key and the subjects, so a re-run of an interrupted erasure continues the same one
    /// (same row_removals reference, same retrain reason) instead of starting another.
    /// </summary>
    public static string ErasureId(string keyId, IEnumerable<ErasureSubject> subjects)
    {
        var text = "erasure:" + keyId + ":" + string.Join(',', subjects.Select(s => s.Digest).Order(StringComparer.Ordinal));
        return "er-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
    }

    public ErasureResult Erase(IReadOnlyCollection<long> userIds)
    {
        var pseudonymiser = new Pseudonymiser(key);
        var subjects = userIds.Distinct().Select(id => ErasureSubject.Of(id, pseudonymiser)).ToList();
        var erasureId = ErasureId(key.KeyId, subjects);
        var erasedAt = _clock.GetUtcNow().UtcDateTime;
        erasedAt = new DateTime(erasedAt.Ticks - (erasedAt.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        var pseudonyms = subjects.Select(s => s.Pseudonym).ToHashSet(StringComparer.Ordinal);
        var predictions = new PredictionLogEraser(lake.Layout.Root);
        RemoveTemporaryFiles(predictions);

        // Everything is measured before anything is deleted: the rows per file, the events' times (for the models), the gold
        // partitions current now whose rows each come from one user (a re-run after a stopped erasure finds them stale).
        var gold = new FeatureBuilder(lake, features ?? new FeatureOptions());
        var silverBefore = gold.SilverInputs();
        var kept = gold.Plan(new FeatureBuildRequest(), silverBefore)
            .Where(s => s.Action == GoldAction.UpToDate && GoldTables.Find(s.Table) is { RowsFromOneUser: true })
            .Select(s => (GoldTables.Find(s.Table)!, s.Month)).ToList();
        var files = LocateLayers(pseudonyms).Concat(LocateGold(pseudonyms)).ToList();
        var eventTimes = EventTimes(subjects);
        var flagged = new ModelRetrainFlags(modelRegistry).Flag(erasureId, eventTimes);
        var suppressed = AlreadySuppressed(subjects);
        var at = erasedAt.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture);
        var batches = ByMonth(files);
        // A re-run of a stopped erasure: what its earlier commits removed, so that its result and audit entries count
        // the whole erasure, as its log does (read before this run commits anything).
        var loggedBefore = ErasureLogEntry.Read(lake).Where(e => e.ErasureId == erasureId).ToDictionary(e => e.SubjectDigest, StringComparer.Ordinal);
        List<SubjectErasure> results = [];
        for (var i = 0; i < batches.Count; i++)
        {
            var last = i == batches.Count - 1;
            var (partitions, statements) = RewriteFiles(erasureId, at, batches[i]);

            // The predictions log's lines go under its writers' lock, held through the last commit: a running server
            // appends nothing of the subjects in between, and it refuses them from the first commit on (it follows the
            // lake's commit mark and the suppression list). The lines are counted as removed, so the erasure's report
            // and log hold the exact number.
            using var writers = last ? PredictionLogLock.Acquire(lake.Layout.Root) : null;
            var predictionRows = last ? predictions.Remove(pseudonyms) : new Dictionary<string, long>();
            var inBatch = subjects.Select(s => InFiles(s, batches[i], predictionRows, eventTimes, flagged)).ToList();

            // A subject is recorded in each commit that removes rows of theirs, and in the last one unless the erasure
            // is a no-op for them (already suppressed, nothing left): their log entry adds up the commits' rows. The
            // result is every batch's files and the predictions log at once (the last batch holds the log's lines).
            results = last
                ? subjects.Select(s => InFiles(s, files, predictionRows, eventTimes, flagged))
                    .Select(r => suppressed.Contains(r.Subject.Digest) && r.TotalRows == 0 ? r with { AlreadyErased = true }
                        : loggedBefore.TryGetValue(r.Subject.Digest, out var earlier) ? Merge(r, earlier) : r).ToList()
                : [];
            var toRecord = last
                ? inBatch.Where((_, k) => !results[k].AlreadyErased).ToList()
                : inBatch.Where(b => b.TotalRows > 0).ToList();
            var audit = last && auditActor is not null
                ? results.Select(r => new CommitAuditEntry(auditActor, AuditAction, r.Subject.Digest, AuditDetail(erasureId, r))).ToList()
                : null;
            if (batches[i].Count > 0 || toRecord.Count > 0 || audit is not null)
            {
                statements.AddRange(Record(erasureId, at, toRecord));
                if (last)
                {
                    statements.AddRange(KeepCurrent(gold, kept, silverBefore, partitions));
                }

                CommitJournal.Commit(lake, LakeCommit.Change([], partitions, statements) with { Audit = audit });
            }

            if (!last)
            {
                faultPoint?.Invoke("month-committed");
            }
        }

        return new ErasureResult(erasureId, erasedAt, results, files.Count);
    }

    /// <summary>
    /// The files to rewrite in commits of one month each, oldest first (a quarantine file in its source file's month, a
    /// file of no month in the last), and one empty batch when there is nothing to rewrite. The files rewritten aside
    /// before a commit are then one month's, not the lake's (seven full-scale months: about 29 GB at once, 5 GB a month).
    /// A crash between two commits leaves the earlier months erased, the subjects suppressed and logged with the rows
    /// removed so far; a re-run finds the rest, adds it to the same log entries and completes.
    /// </summary>
    private List<List<ErasedFile>> ByMonth(IReadOnlyList<ErasedFile> files)
    {
        var monthOfFile = lake.Partitions()
            .Where(p => p.Layer == LakeLayer.Bronze && p.FileId is not null)
            .GroupBy(p => p.FileId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(p => p.PartitionKey)!, StringComparer.Ordinal);
        string Month(ErasedFile f) => f.Layer == LakeLayer.Quarantine
            ? f.FileId is { } id && monthOfFile.TryGetValue(id, out var month) ? month : "~"
            : f.PartitionKey;
        var batches = files.GroupBy(Month).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        return batches.Count > 0 ? batches : [[]];
    }

    /// <summary>One subject's part of a batch: rows removed per table in these files and the predictions log.</summary>
    private static SubjectErasure InFiles(
        ErasureSubject subject, IReadOnlyList<ErasedFile> files, IReadOnlyDictionary<string, long> predictionRows,
        IReadOnlyDictionary<string, IReadOnlyList<DateTime>> eventTimes, IReadOnlyDictionary<string, IReadOnlyList<string>> flagged)
    {
        var rows = ErasureTables.All.ToDictionary(t => t, _ => 0L, StringComparer.Ordinal);
        foreach (var file in files)
        {
            // A gold table outside GoldTables.All (one a test or a later version defines) is reported under its own name.
            rows[file.Table] = rows.GetValueOrDefault(file.Table) + file.RowsPerPseudonym.GetValueOrDefault(subject.Pseudonym);
        }

        rows[ErasureTables.Predictions] = predictionRows.GetValueOrDefault(subject.Pseudonym);
        return Erased(subject, rows, eventTimes, flagged, alreadyErased: false);
    }

    /// <summary>One subject's part from their rows removed per table: the months of their events, the models flagged.</summary>
    private static SubjectErasure Erased(
        ErasureSubject subject, IReadOnlyDictionary<string, long> rows, IReadOnlyDictionary<string, IReadOnlyList<DateTime>> eventTimes,
        IReadOnlyDictionary<string, IReadOnlyList<string>> flagged, bool alreadyErased)
    {
        var months = eventTimes[subject.Digest].Select(t => t.ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return new SubjectErasure(subject, new Dictionary<string, long>(rows, StringComparer.Ordinal), months, flagged[subject.Digest], alreadyErased);
    }

    /// <summary>The audit entry's detail for one subject: counts only, never an id.</summary>
    public static string AuditDetail(string erasureId, SubjectErasure subject) => subject.AlreadyErased
        ? $"erasure {erasureId}: already erased, 0 rows removed"
        : $"erasure {erasureId}: {subject.TotalRows:N0} rows removed ({string.Join(", ", subject.RowsRemoved.Where(r => r.Value > 0).Select(r => $"{r.Key} {r.Value}"))}); "
            + $"{subject.ModelsFlagged.Count} model version(s) flagged";

    /// <summary>Writes each file without the subjects' rows under its temporary name; the partitions and catalog statements for the commit.</summary>
    private (List<LakePartition> Partitions, List<CatalogStatement> Statements) RewriteFiles(string erasureId, string at, IReadOnlyList<ErasedFile> files)
    {
        var partitions = new List<LakePartition>();
        var statements = new List<CatalogStatement>();
        foreach (var file in files)
        {
            var (rows, bytes) = Rewrite(file, file.RowsPerPseudonym.Keys);
            partitions.Add(new LakePartition(file.Layer, file.PartitionKey, file.Path, file.FileId, rows, bytes, file.KeyId));
            if (file.IsGold)
            {
                var table = file.Table[(ErasureTables.Gold("").Length)..];
                statements.Add(GoldPartitionsTable.Resize(table, file.PartitionKey, rows, bytes));
            }
            else if (file.Layer is LakeLayer.Bronze or LakeLayer.Quarantine && file.FileId is { } fileId)
            {
                statements.AddRange(RowRemovalsTable.Record(fileId, file.Layer, Reason, erasureId, file.RowsRemoved, at));
            }
        }

        // Gold files ride in the journal so their renames are rolled forward with the rest; they are not lake partitions.
        statements.Add(new($"DELETE FROM lake_partitions WHERE layer = '{ErasedFile.GoldLayer}'"));
        return (partitions, statements);
    }

    /// <summary>
    /// The new silver inputs and fingerprint of each partition in <paramref name="kept"/>: the silver as the earlier
    /// commits left it, with this commit's rewritten files (their rows, bytes and write time survive the rename). A
    /// partition of a table that reads the data's end (<see cref="GoldTable.ReadsDataEnd"/>) whose inputs' last event
    /// moved is left stale: the people held that event, and the data's end decides which snapshots exist and which labels
    /// are known, for every user. Without this every gold partition was
    /// stale after an erasure (seven full-scale months: 4,728 s of rebuild for the next features build).
    /// </summary>
    private List<CatalogStatement> KeepCurrent(
        FeatureBuilder gold, IReadOnlyList<(GoldTable Table, string Month)> kept, IReadOnlyList<SilverInput> before, IReadOnlyList<LakePartition> rewritten)
    {
        var replaced = rewritten.Where(p => p.Layer == LakeLayer.Silver).ToDictionary(p => p.Path, StringComparer.Ordinal);
        var after = gold.SilverInputs().Select(s => replaced.TryGetValue(s.Path, out var p) ? Rewritten(s, p) : s).ToList();
        return kept.Select(k => (k.Table, k.Month, Before: FeatureBuilder.InputsOf(k.Table, k.Month, before), After: FeatureBuilder.InputsOf(k.Table, k.Month, after)))
            .Where(k => !k.Table.ReadsDataEnd || LastEvent(k.Before) == LastEvent(k.After))
            .Select(k => GoldPartitionsTable.Restamp(k.Table.Name, k.Month, string.Join('\n', k.After.Select(i => i.Version)), gold.Fingerprint(k.Table, k.After)))
            .ToList();
    }

    /// <summary>A silver input as it will be once its rewrite (still under its temporary name) is committed.</summary>
    private SilverInput Rewritten(SilverInput input, LakePartition rewrite)
    {
        var temporary = lake.Layout.Temporary(rewrite.Path);
        var last = lake.Compute($"SELECT max(event_time) FROM {LakeSql.ReadParquet(temporary)}").Rows[0][0];
        return input with { Rows = rewrite.Rows, Bytes = rewrite.Bytes, Modified = File.GetLastWriteTimeUtc(temporary), LastEvent = last is DateTime t ? t : DateTime.MinValue };
    }

    private static DateTime LastEvent(IReadOnlyList<SilverInput> inputs) => inputs.Count == 0 ? DateTime.MinValue : inputs.Max(i => i.LastEvent);

    /// <summary>The suppression list and erasure log statements for the subjects this erasure records.</summary>
    private List<CatalogStatement> Record(string erasureId, string at, IReadOnlyList<SubjectErasure> toRecord)
    {
        var statements = new List<CatalogStatement>();
        var logged = ErasureLogEntry.Read(lake).Where(e => e.ErasureId == erasureId).ToDictionary(e => e.SubjectDigest, StringComparer.Ordinal);
        foreach (var found in toRecord)
        {
            var digest = found.Subject.Digest;
            // A re-run after a crash that followed the commit adds to the entry it made.
            var subject = logged.TryGetValue(digest, out var earlier) ? Merge(found, earlier) : found;
            statements.Add(new("""
                INSERT INTO suppressed_subjects SELECT $1, $2, CAST($3 AS TIMESTAMP)
                WHERE NOT EXISTS (SELECT 1 FROM suppressed_subjects WHERE subject_digest = $1 AND key_id = $2)
                """, digest, key.KeyId, at));
            statements.Add(new("DELETE FROM erasure_log WHERE erasure_id = $1 AND subject_digest = $2", erasureId, digest));
            statements.Add(new("INSERT INTO erasure_log VALUES ($1, $2, $3, CAST($4 AS TIMESTAMP), $5, $6, $7)",
                erasureId, digest, key.KeyId, earlier is null ? at : earlier.ErasedAt.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture),
                JsonSerializer.Serialize(subject.RowsRemoved.OrderBy(r => ErasureTables.Rank(r.Key)).ThenBy(r => r.Key, StringComparer.Ordinal).ToDictionary()),
                JsonSerializer.Serialize(subject.EventMonths), JsonSerializer.Serialize(subject.ModelsFlagged)));
        }

        return statements;
    }

    private static SubjectErasure Merge(SubjectErasure found, ErasureLogEntry earlier)
    {
        // in the order of this run's tables (as an uninterrupted erasure reports them), then any only the log names
        var logged = JsonSerializer.Deserialize<Dictionary<string, long>>(earlier.RowsRemoved) ?? [];
        var rows = found.RowsRemoved.ToDictionary(r => r.Key, r => r.Value + logged.GetValueOrDefault(r.Key), StringComparer.Ordinal);
        foreach (var (table, count) in logged)
        {
            rows.TryAdd(table, count);
        }

        var months = (JsonSerializer.Deserialize<List<string>>(earlier.EventMonths) ?? []).Union(found.EventMonths).Order(StringComparer.Ordinal).ToList();
        var models = (JsonSerializer.Deserialize<List<string>>(earlier.ModelsFlagged) ?? []).Union(found.ModelsFlagged).ToList();
        return found with { RowsRemoved = rows, EventMonths = months, ModelsFlagged = models };
    }

    /// <summary>Writes the file without the subjects' rows under its temporary name; returns its rows and bytes.</summary>
    private (long Rows, long Bytes) Rewrite(ErasedFile file, IEnumerable<string> pseudonyms)
    {
        var source = lake.Layout.Full(file.Path);
        var temporary = lake.Layout.Temporary(file.Path);
        var keep = $"NOT {PersonColumn.Matches(file.PersonExpression, pseudonyms)}";
        // The scratch connection keeps insertion order, so the file keeps its order (bronze and silver by time); written
        // as its layer writes its files (a 4-month erasure in plain zstd grew silver from 5.8 to 6.4 GB).
        lake.Compute($"""
            COPY (SELECT * FROM {LakeSql.ReadParquet(source)} WHERE {keep})
            TO '{LakeSql.Literal(temporary)}' ({(file.IsGold ? LakeSql.GoldParquet : LakeSql.LayerParquet)})
            """);
        var rows = lake.CountParquetRows(temporary);
        if (rows != file.RowsBefore - file.RowsRemoved)
        {
            throw new InvalidDataException($"{file.Path}: rewrite kept {rows:N0} rows, expected {file.RowsBefore - file.RowsRemoved:N0}");
        }

        return (rows, new FileInfo(temporary).Length);
    }

    private IEnumerable<ErasedFile> LocateLayers(IReadOnlySet<string> pseudonyms)
    {
        foreach (var layer in LakeLayer.All)
        {
            var partitions = lake.Partitions().Where(p => p.Layer == layer).ToDictionary(p => lake.Layout.Full(p.Path), StringComparer.Ordinal);
            if (partitions.Count == 0)
            {
                continue;
            }

            var counts = Counts(partitions.Keys.ToList(), "user_id", pseudonyms);
            foreach (var (path, perPseudonym) in counts)
            {
                var p = partitions[path];
                yield return new ErasedFile(layer, layer, p.PartitionKey, p.Path, p.FileId, p.KeyId, p.Rows, "user_id", perPseudonym);
            }
        }
    }

    private IEnumerable<ErasedFile> LocateGold(IReadOnlySet<string> pseudonyms)
    {
        foreach (var p in new GoldCatalog(lake).Partitions())
        {
            var full = lake.Layout.Full(p.Path);
            if (!File.Exists(full))
            {
                continue;
            }

            var columns = lake.Compute($"DESCRIBE SELECT * FROM {LakeSql.ReadParquet(full)}").Rows
                .Select(r => (string)r[0]!).ToList();
            if (PersonColumn.For(columns) is not { } person)
            {
                continue; // an aggregate table: rebuilt by the next features build, since its silver inputs change
            }

            foreach (var (_, perPseudonym) in Counts([full], person, pseudonyms))
            {
                yield return new ErasedFile(ErasureTables.Gold(p.Table), ErasedFile.GoldLayer, p.Month, p.Path, null, key.KeyId, p.Rows, person, perPseudonym);
            }
        }
    }

    /// <summary>Per file (absolute path) that holds any, the rows of each pseudonym.</summary>
    private Dictionary<string, IReadOnlyDictionary<string, long>> Counts(IReadOnlyList<string> files, string person, IReadOnlySet<string> pseudonyms)
    {
        var rows = lake.Compute($"""
            SELECT filename, {person} AS person, count(*) AS n
            FROM {LakeSql.ReadParquet(files, "filename = true")}
            WHERE {PersonColumn.Matches(person, pseudonyms)}
            GROUP BY ALL
            """).Rows;
        return rows.GroupBy(r => (string)r[0]!, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<string, long>)g.ToDictionary(r => (string)r[1]!, r => Convert.ToInt64(r[2], CultureInfo.InvariantCulture), StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    /// <summary>Per subject digest, the times of their events in silver (every accepted event, duplicates aside).</summary>
    private Dictionary<string, IReadOnlyList<DateTime>> EventTimes(IReadOnlyList<ErasureSubject> subjects)
    {
        var times = subjects.ToDictionary(s => s.Pseudonym, _ => new List<DateTime>(), StringComparer.Ordinal);
        var silver = lake.Partitions().Where(p => p.Layer == LakeLayer.Silver).Select(p => lake.Layout.Full(p.Path)).ToList();
        if (silver.Count > 0)
        {
            foreach (var row in lake.Compute($"""
                SELECT user_id, event_time FROM {LakeSql.ReadParquet(silver)}
                WHERE {PersonColumn.Matches("user_id", times.Keys)}
                """).Rows)
            {
                times[(string)row[0]!].Add(DateTime.SpecifyKind((DateTime)row[1]!, DateTimeKind.Utc));
            }
        }

        return subjects.ToDictionary(s => s.Digest, s => (IReadOnlyList<DateTime>)times[s.Pseudonym].Order().ToList(), StringComparer.Ordinal);
    }

    private HashSet<string> AlreadySuppressed(IReadOnlyList<ErasureSubject> subjects) =>
        SuppressionList.Load(lake, key.KeyId) is var list ? subjects.Where(s => list.Contains(s.Pseudonym)).Select(s => s.Digest).ToHashSet(StringComparer.Ordinal) : [];

    /// <summary>Leftovers of a crashed erasure before its commit point (the lake's own recovery clears its layers, not gold).</summary>
    private void RemoveTemporaryFiles(PredictionLogEraser predictions)
    {
        var gold = lake.Layout.Full(GoldLayout.Folder);
        if (Directory.Exists(gold) && !File.Exists(lake.Layout.Journal))
        {
            foreach (var orphan in Directory.EnumerateFiles(gold, "*" + LakeLayout.TemporarySuffix, SearchOption.AllDirectories))
            {
                File.Delete(orphan);
            }
        }

        predictions.RemoveTemporaryFiles();
    }
}
