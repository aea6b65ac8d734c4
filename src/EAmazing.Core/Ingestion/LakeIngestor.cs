using EAmazing.Lake;
using EAmazing.Privacy;

namespace EAmazing.Ingestion;

/// <summary>
/// Ingests REES46 files into the lake, one file per commit: bronze and quarantine partitions of the file,
/// the silver months it touches, and its catalog rows appear together or not at all. A file already
/// ingested with the same content is skipped; a path whose content changed has its old rows replaced.
/// With an <paramref name="auditActor"/>, each commit carries its audit entry (appended before it is done).
/// </summary>
public sealed class LakeIngestor(ILakeEngine lake, PseudonymKey key, IngestOptions options, TimeProvider? clock = null, string? auditActor = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Pseudonymiser _pseudonymiser = new(key);

    public IReadOnlyList<IngestOutcome> Ingest(IReadOnlyList<string> paths, IProgress<IngestProgress>? progress = null)
    {
        var outcomes = new List<IngestOutcome>();
        for (var i = 0; i < paths.Count; i++)
        {
            outcomes.Add(IngestFile(paths[i], i, paths.Count, progress));
        }

        return outcomes;
    }

    public IngestOutcome IngestFile(string path, int index = 0, int count = 1, IProgress<IngestProgress>? progress = null)
    {
        var started = _clock.GetUtcNow().UtcDateTime;
        var name = Path.GetFileName(path);
        progress?.Report(new(name, index, count, 0, 0, new FileInfo(path).Length, "identifying"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var known = lake.IngestedFiles();
        var source = Identify(path, known);
        var hashMs = clock.ElapsedMilliseconds;
        long readMs = 0, bronzeMs = 0;
        var samePath = known.FirstOrDefault(f => f.Path == source.Path);
        if (samePath is not null && samePath.Sha256 == source.Sha256 && samePath.Status != IngestStatus.Failed)
        {
            return new IngestOutcome(IngestAction.AlreadyIngested, samePath, $"{name}: already ingested (same content, sha256 {samePath.Sha256[..12]}…), nothing to do");
        }

        // A failed ingest (the file changed while read) left nothing: its file is read again whatever its hash.
        var sameContent = known.FirstOrDefault(f => f.Sha256 == source.Sha256 && f.Status != IngestStatus.Failed);
        if (sameContent is not null)
        {
            return new IngestOutcome(IngestAction.AlreadyIngested, sameContent, $"{name}: same content as {sameContent.Path}, already ingested; nothing to do");
        }

        var existing = lake.Partitions();
        var retired = samePath is null ? [] : existing.Where(p => p.FileId == samePath.FileId).ToList();
        var written = new List<LakePartition>();
        var silver = new List<LakePartition>();
        long fastSilverMs = 0;
        ParsedFile parsed;
        long duplicates = 0;
        if (source.Kind is SourceKind.Empty or SourceKind.Binary or SourceKind.NotGzip)
        {
            parsed = ParsedFile.Nothing;
        }
        else
        {
            var latest = options.LatestEventTime ?? started.AddDays(1);
            // Erased people (suppressed_subjects under this key) are dropped while reading: they reach no layer.
            var suppressed = SuppressionList.Load(lake, key.KeyId);
            var parser = new Rees46FileParser(options, _pseudonymiser, latest, suppressed);
            void Reading(long rows, long bytes) => progress?.Report(new(name, index, count, rows, bytes, source.SizeBytes, "reading"));
            var streamed = lake.CreateStaging(source.FileId, new StagingOptions(options.EngineMemoryLimit, options.SilverBucketRows));
            IStagingArea staging;
            try
            {
                streamed.StreamBronze(month => Temporary(LakeLayout.BronzePartition(month, source.FileId)), source.FileId, key.KeyId, source.ExpectedRows);
                parsed = parser.Parse(source, streamed, Reading);
                staging = streamed;
            }
            catch (BronzeStreamGivenUpException)
            {
                // Not a time-ordered file of one month (or the engine failed): its rows went to the abandoned
                // stream only, so it is read again into a staging area that keeps them, as the slow path needs.
                streamed.Dispose();
                staging = lake.CreateStaging(source.FileId, new StagingOptions(options.EngineMemoryLimit, options.SilverBucketRows));
                try
                {
                    parsed = parser.Parse(source, staging, Reading);
                }
                catch
                {
                    staging.Dispose();
                    throw;
                }
            }
            catch
            {
                streamed.Dispose();
                throw;
            }

            using var _ = staging;
            readMs = clock.ElapsedMilliseconds - hashMs;
            var changed = source.ChangedWhileRead(parsed.ReadSha256 ?? source.Sha256);
            if (changed is not null || Junk(parsed) is not null)
            {
                // Nothing of it is filed: rows of a file that changed under the reader are not the file's rows,
                // and junk is neither bronze rows nor thousands of quarantined "events".
                foreach (var month in parsed.Months)
                {
                    File.Delete(lake.Layout.Temporary(LakeLayout.BronzePartition(month, source.FileId)));
                }

                parsed = ParsedFile.Nothing with { Refused = changed is null ? Junk(parsed) : null, Changed = changed, ReadSha256 = parsed.ReadSha256 };
            }

                progress?.Report(new(name, index, count, parsed.RowsRead, source.SizeBytes, source.SizeBytes, "writing"));
            duplicates = parsed.Duplicates ?? staging.CountDuplicates();
            var afterRead = clock.ElapsedMilliseconds;
            if (parsed.Duplicates is not null)
            {
                // Time-ordered: silver's months come from the staged rows too, so bronze (and quarantine) are
                // written on a second thread while silver is written on this one; each engine statement runs
                // on its own core instead of the two layers taking turns.
                var bronze = Task.Run(() => WriteBronzeAndQuarantine(staging, parsed, source.FileId, name, alreadyOrdered: true));
                try
                {
                    silver.AddRange(WriteSilverFromStaging(staging, parsed, existing, samePath?.FileId, source.FileId));
                    fastSilverMs = clock.ElapsedMilliseconds - afterRead;
                }
                catch
                {
                    // Never leave the bronze writer running against a staging area about to be disposed.
                    try
                    {
                        bronze.Wait();
                    }
                    catch (AggregateException)
                    {
                        // The silver failure is the one reported.
                    }

                    throw;
                }

                var (bronzeParts, ms) = bronze.GetAwaiter().GetResult();
                written.AddRange(bronzeParts);
                bronzeMs = ms;
            }
            else
            {
                var (bronzeParts, ms) = WriteBronzeAndQuarantine(staging, parsed, source.FileId, name, alreadyOrdered: false);
                written.AddRange(bronzeParts);
                bronzeMs = ms;
            }
        }

        var beforeSilver = clock.ElapsedMilliseconds;
        progress?.Report(new(name, index, count, parsed.RowsRead, source.SizeBytes, source.SizeBytes, "silver"));
        silver.AddRange(RebuildSilver(written, retired, samePath?.FileId, silver, out var silverDeletes));
        var (status, problem) = Verdict(source.Kind, parsed);
        var silverMs = fastSilverMs + clock.ElapsedMilliseconds - beforeSilver;
        var rows = new RowAccounting(parsed.RowsRead, parsed.Valid - duplicates, duplicates, parsed.Quarantined, parsed.Suppressed);
        var file = new IngestedFile(source.FileId, source.Path, source.SizeBytes, parsed.ReadSha256 ?? source.Sha256 ?? throw new InvalidOperationException("the file was neither hashed nor read"), rows, parsed.EmptySessions,
            status, problem, key.KeyId, started, _clock.GetUtcNow().UtcDateTime, new IngestTimings(hashMs, readMs, bronzeMs, silverMs));
        var partitions = written.Concat(silver).ToList();
        var deletes = retired.Select(p => p.Path).Concat(silverDeletes).Except(partitions.Select(p => p.Path)).ToList();
        var action = samePath is null || samePath.Status == IngestStatus.Failed ? IngestAction.Ingested : IngestAction.Replaced;
        IReadOnlyList<CommitAuditEntry>? audit = auditActor is null ? null : [AuditEntry(auditActor, action, file)];
        CommitJournal.Commit(lake, new LakeCommit(file, samePath is null ? [] : [samePath.FileId], deletes, partitions, Audit: audit));

        var verb = action == IngestAction.Replaced ? "changed since its last ingest; old rows replaced" : "ingested";
        var counts = $"{rows.Read:N0} rows read, {rows.Accepted:N0} accepted, {rows.Duplicates:N0} duplicates, {rows.Quarantined:N0} quarantined"
            + (rows.Suppressed > 0 ? $", {rows.Suppressed:N0} suppressed (erased subjects)" : "");
        var message = problem is null
            ? $"{name}: {verb}: {counts}"
            : $"{name}: {verb} with a problem ({status}): {problem}; {counts}";
        return new IngestOutcome(action, file, message);
    }

    /// <summary>The audit entry of one file's ingest: counts and key, never a row's content.</summary>
    public static CommitAuditEntry AuditEntry(string actor, IngestAction action, IngestedFile file) =>
        new(actor, "ingest", "file " + file.FileId,
            $"{action} {file.Status}: read {file.Rows.Read}, accepted {file.Rows.Accepted}, duplicate {file.Rows.Duplicates}, quarantined {file.Rows.Quarantined}; key {file.KeyId}");

    /// <summary>
    /// The file, hashed now only where the hash decides something before the read: a file of the same content as one
    /// the lake holds has that file's size, so a file whose size no file of the lake has is new content, hashed while it
    /// is read (one pass over the file, not two) and named from a sample (<see cref="SourceFile.Glance"/>); any other,
    /// and a file that will not be read as rows (empty, binary, not gzip), is hashed whole first.
    /// </summary>
    private static SourceFile Identify(string path, IReadOnlyList<IngestedFile> known)
    {
        var size = new FileInfo(path).Length;
        if (known.Any(f => f.SizeBytes == size))
        {
            return SourceFile.Inspect(path);
        }

        var glance = SourceFile.Glance(path);
        return glance.Kind is SourceKind.GzipText or SourceKind.Text ? glance : SourceFile.Inspect(path);
    }

    private static (IngestStatus Status, string? Problem) Verdict(SourceKind kind, ParsedFile parsed) => kind switch
    {
        SourceKind.Binary => (IngestStatus.Rejected, "not a REES46 text file: binary content (NUL bytes) in its first 8 KiB"),
        SourceKind.Empty => (IngestStatus.Empty, "the file is empty"),
        SourceKind.NotGzip => (IngestStatus.Rejected, "named .gz but not gzip-compressed (its first bytes are not the gzip signature 1f 8b); nothing ingested"),
        _ when parsed.Changed is not null => (IngestStatus.Failed, parsed.Changed),
        _ when parsed.Refused is not null => (IngestStatus.Rejected, parsed.Refused),
        _ when parsed.Damage is not null => (IngestStatus.Incomplete, parsed.Damage),
        _ when parsed.RowsRead == 0 => (IngestStatus.Empty, "the file holds no data rows (header only)"),
        _ => (IngestStatus.Complete, null),
    };

    /// <summary>Why a file is refused as not REES46 data: nearly all of its rows rejected (<see cref="IngestOptions.RefuseRejectedShare"/>); null when it is not.</summary>
    private string? Junk(ParsedFile parsed)
    {
        var rows = parsed.RowsRead - parsed.Suppressed;
        if (parsed.Refused is not null || rows < options.RefuseFromRows || parsed.Quarantined < options.RefuseRejectedShare * rows)
        {
            return null;
        }

        return $"not REES46 data: {parsed.Quarantined:N0} of {rows:N0} rows rejected ({(double)parsed.Quarantined / rows:P0}, "
            + $"refused from {options.RefuseRejectedShare:P0}, EAmazing:Ingest:RefuseRejectedShare); nothing ingested, no row quarantined";
    }

    /// <summary>The file's bronze months and its quarantine partition, with the time it took.</summary>
    private (List<LakePartition> Partitions, long Ms) WriteBronzeAndQuarantine(IStagingArea staging, ParsedFile parsed, string fileId, string name, bool alreadyOrdered)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var written = new List<LakePartition>();
        foreach (var month in parsed.Months)
        {
            var relative = LakeLayout.BronzePartition(month, fileId);
            written.Add(WritePartition(LakeLayer.Bronze, month, relative, fileId, target => staging.WriteBronze(month, target, fileId, key.KeyId, alreadyOrdered)));
        }

        if (parsed.Quarantined > 0)
        {
            var relative = LakeLayout.QuarantinePartition(fileId);
            written.Add(WritePartition(LakeLayer.Quarantine, fileId, relative, fileId, target => staging.WriteQuarantine(target, fileId, name, key.KeyId)));
        }

        return (written, clock.ElapsedMilliseconds);
    }

    private string Temporary(string relative)
    {
        var temporary = lake.Layout.Temporary(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
        return temporary;
    }

    private LakePartition WritePartition(string layer, string partitionKey, string relative, string? fileId, Func<string, long> write)
    {
        var temporary = Temporary(relative);
        var rows = write(temporary);
        return new LakePartition(layer, partitionKey, relative, fileId, rows, new FileInfo(temporary).Length, key.KeyId);
    }

    /// <summary>
    /// The fast path: silver months whose only bronze file is the new one (a time-ordered file, its
    /// duplicates and sessions marked while it was read) are written straight from the staged rows, in the
    /// same user buckets as the rebuild would use. Months that hold other files are left to <see cref="RebuildSilver"/>.
    /// </summary>
    private List<LakePartition> WriteSilverFromStaging(IStagingArea staging, ParsedFile parsed, IReadOnlyList<LakePartition> existing, string? retiredFileId, string fileId)
    {
        var jobs = new List<(string Month, UserBucket Bucket, bool WholeMonth)>();
        foreach (var month in parsed.Months)
        {
            var shared = existing.Any(p => p.Layer == LakeLayer.Bronze && p.PartitionKey == month && p.FileId != retiredFileId);
            if (shared)
            {
                continue;
            }

            // The month's bronze rows, counted while parsing: the same bucket count as the rebuild would use.
            var buckets = UserBucket.For(parsed.RowsIn(month), options.SilverBucketRows);
            jobs.AddRange(buckets.Select(b => (month, b, buckets.Count == 1)));
        }

        // Buckets are independent files: two at a time, each one engine thread (the bronze writer may still run).
        var silver = new LakePartition[jobs.Count];
        try
        {
            Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            {
                var (month, bucket, wholeMonth) = jobs[i];
                silver[i] = WritePartition(LakeLayer.Silver, month, LakeLayout.SilverPartition(month, bucket), null,
                    target => staging.WriteSilver(month, bucket, wholeMonth, target, fileId, key.KeyId));
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }

        return [.. silver];
    }

    /// <summary>
    /// Silver months touched by the new and the retired bronze files and not already written by the fast
    /// path, rebuilt (bucket by bucket) by the engine from every bronze file they will hold.
    /// </summary>
    private List<LakePartition> RebuildSilver(List<LakePartition> written, List<LakePartition> retired, string? retiredFileId, List<LakePartition> fast, out List<string> deletes)
    {
        var existing = lake.Partitions();
        var bronze = existing.Where(p => p.Layer == LakeLayer.Bronze && p.FileId != retiredFileId).ToList();
        var months = written.Concat(retired).Where(p => p.Layer == LakeLayer.Bronze).Select(p => p.PartitionKey).Distinct().Order(StringComparer.Ordinal).ToList();
        var done = fast.Select(p => p.PartitionKey).ToHashSet(StringComparer.Ordinal);
        var newBronze = written.Where(p => p.Layer == LakeLayer.Bronze).ToList();
        var silver = new List<LakePartition>();
        foreach (var month in months.Where(m => !done.Contains(m)))
        {
            var inMonth = bronze.Where(p => p.PartitionKey == month).Select(p => (Path: lake.Layout.Full(p.Path), p.Rows))
                .Concat(newBronze.Where(p => p.PartitionKey == month).Select(p => (Path: lake.Layout.Temporary(p.Path), p.Rows)))
                .OrderBy(p => p.Path, StringComparer.Ordinal)
                .ToList();
            if (inMonth.Count == 0)
            {
                continue;
            }

            var sources = inMonth.Select(p => p.Path).ToList();
            foreach (var bucket in UserBucket.For(inMonth.Sum(p => p.Rows), options.SilverBucketRows))
            {
                silver.Add(WritePartition(LakeLayer.Silver, month, LakeLayout.SilverPartition(month, bucket), null,
                    target => lake.BuildSilver(sources, bucket, target, options.SessionGap)));
            }
        }

        // Old silver files of these months that were not rewritten (the month emptied, or its bucket count changed).
        var rewritten = silver.Concat(fast).Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        deletes = existing.Where(p => p.Layer == LakeLayer.Silver && months.Contains(p.PartitionKey) && !rewritten.Contains(p.Path)).Select(p => p.Path).ToList();
        return silver;
    }
}
