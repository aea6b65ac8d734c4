using System.Diagnostics;
using System.Globalization;
using EAmazing.Features;
using EAmazing.Ingestion;
using EAmazing.Lake;
using EAmazing.Privacy;
using EAmazing.Privacy.Keys;

namespace EAmazing.Governance.Keys;

/// <summary>
/// Re-pseudonymises the whole lake under a new key, then destroys the old key. Crash-safe and resumable:
/// <list type="number">
/// <item>Refusals first, changing nothing: the key must come from a file, the lake must be on it alone, every
/// source file must be as ingested, and the source files must explain every pseudonym of the lake.</item>
/// <item>The new key is stored durably beside the current one (<see cref="KeyFile.PendingOf"/>), with a progress
/// file, before any file is rewritten. From then on ingest and the API refuse to start (the key store sees the
/// pending key), so nothing new is pseudonymised under a key being left.</item>
/// <item>Bronze, silver and quarantine move to the new key a month at a time, one lake commit each, then gold a
/// partition at a time (<see cref="GoldRekeyer"/>: re-keyed in place, no rebuild), then one last commit moves the
/// catalog's key ids and suppression list and drops the gold that was stale; recovery on the next open rolls a commit
/// forward if the process dies after its commit point. The rotation so needs one month's files free, not the lake's
/// (seven full-scale months: about 37 GB written aside before one commit, more than the development volume held).
/// Between its commits the lake holds both keys: ingest, erasure and the API refuse to start while the pending key
/// exists, and a gold partition over a month already moved is not current with silver, so training and scoring
/// refuse it.</item>
/// <item>The predictions log is rewritten (idempotently); gold partitions that were stale (or not re-keyable) are
/// built from the new silver. The audit entry rode in the lake commit.</item>
/// <item>The old key file is overwritten with zeros and the pending key renamed over it.</item>
/// </list>
/// A re-run after a crash anywhere reads the progress file and the lake's key ids and finishes the rotation.
/// Only key ids are ever reported; raw ids are read from the source files and never written.
/// </summary>
public sealed class KeyRotation(ILakeEngines engines, KeyRotationOptions options, TimeProvider? clock = null)
{
    public const string AuditAction = "gdpr.key.rotate";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly string _keyPath = options.Keys.KeyFile;

    private string PendingPath => KeyFile.PendingOf(_keyPath);

    private string StatePath => KeyFile.RotationStateOf(_keyPath);

    /// <summary>The progress of an unfinished rotation, or null.</summary>
    public KeyRotationState? Pending() => KeyRotationState.Read(StatePath);

    /// <exception cref="KeyRotationRefusedException">The rotation cannot start or go on (nothing changed by this run).</exception>
    public KeyRotationResult Run(IProgress<string>? progress = null)
    {
        var watch = Stopwatch.StartNew();
        if (options.Keys.KeyFromEnvironment)
        {
            throw new KeyRotationRefusedException(
                $"cannot rotate the pseudonym key: it comes from the environment variable {PseudonymKeyStore.EnvironmentVariable}, which this command cannot rewrite. "
                + $"Store the key in a file instead (unset the variable, write its value to {_keyPath} with mode 600, or set EAmazing:PseudonymKeyFile), then rotate", isDataError: false);
        }

        if (!File.Exists(LakeLayout.At(options.LakeRoot).Catalog))
        {
            throw new KeyRotationRefusedException($"cannot rotate the pseudonym key: no lake at {Path.GetFullPath(options.LakeRoot)}", isDataError: false);
        }

        var state = KeyRotationState.Read(StatePath);
        if (state is null && File.Exists(PendingPath))
        {
            // The pending key was written but the progress file was not: nothing else happened. Start over.
            KeyFile.Destroy(PendingPath);
        }

        var resumed = state is not null;
        using var lake = engines.OpenLake(options.LakeRoot, options.EngineMemoryLimit, keepMemory: true); // engine work only (see ILakeEngines.OpenLake)
        PseudonymMapping? mapping = null;
        SuppressionPlan? suppressions = null;
        RekeyCounts? lakeCounts = null;
        GoldRekey? goldCounts = null;
        PredictionRekeyCounts? predictionCounts = null;
        var goldRebuilt = 0;
        try
        {
            PseudonymKey? oldKey, newKey;
            if (state is null)
            {
                oldKey = KeyFile.TryRead(_keyPath)
                    ?? throw new KeyRotationRefusedException($"cannot rotate the pseudonym key: no key file at {_keyPath} (run `eamazing gdpr key init`)", isDataError: false);
                RequireLakeOn(lake, oldKey.KeyId, null);
                RequireFreeSpace(lake);
                newKey = options.NewKey?.Invoke() ?? PseudonymKey.Generate();
                progress?.Report($"checking the source files of the lake for a rotation from key {oldKey.KeyId} to {newKey.KeyId}");
                var sources = SourceFileCheck.Verify(lake.IngestedFiles());
                mapping = BuildMapping(lake, sources, oldKey, newKey, progress);
                suppressions = Check(new LakeRekeyer(lake, mapping, oldKey.KeyId, newKey.KeyId, options.SliceRows), progress);
                var gold = new GoldCatalog(lake).Partitions();
                var upToDate = new GoldRekeyer(lake, mapping, new FeatureBuilder(lake, options.Features, _clock)).UpToDate();
                KeyFile.Write(PendingPath, newKey, overwrite: true);
                Fault("pending-key-written");
                state = new KeyRotationState(oldKey.KeyId, newKey.KeyId, KeyRotationPhase.Prepared, _clock.GetUtcNow().UtcDateTime,
                    gold.Select(g => g.Table).Distinct().Order(StringComparer.Ordinal).ToList(),
                    gold.Count == 0 ? null : gold.Min(g => g.Month), gold.Count == 0 ? null : gold.Max(g => g.Month), upToDate);
                state.Write(StatePath);
                Fault("prepared");
            }
            else
            {
                progress?.Report($"resuming the unfinished rotation from key {state.FromKeyId} to {state.ToKeyId} (phase {state.Phase})");
                newKey = KeyFile.TryRead(PendingPath);
                oldKey = KeyFile.TryRead(_keyPath);
                if (state.Phase < KeyRotationPhase.Destroying)
                {
                    if (newKey?.KeyId != state.ToKeyId)
                    {
                        throw new KeyRotationRefusedException($"cannot finish the rotation to key {state.ToKeyId}: its pending key file {PendingPath} is missing or holds another key", isDataError: false);
                    }

                    if (oldKey?.KeyId != state.FromKeyId)
                    {
                        throw new KeyRotationRefusedException($"cannot finish the rotation from key {state.FromKeyId}: the key file {_keyPath} no longer holds it", isDataError: false);
                    }
                }
            }

            if (state.Phase == KeyRotationPhase.Prepared)
            {
                var ids = LakeKeyIds.Distinct(lake);
                if (!ids.All(id => id == state.ToKeyId))
                {
                    RequireLakeOn(lake, state.FromKeyId, state.ToKeyId);
                    mapping ??= BuildMapping(lake, SourceFileCheck.Verify(lake.IngestedFiles()), oldKey!, newKey!, progress);
                    var rekeyer = new LakeRekeyer(lake, mapping, state.FromKeyId, state.ToKeyId, options.SliceRows);
                    // Checked once per run: this run's check (before the pending key was written) holds until the commit,
                    // since the lake lock keeps everything else out; a resumed run checks again.
                    suppressions ??= Check(rekeyer, progress);
                    var goldRekeyer = new GoldRekeyer(lake, mapping, new FeatureBuilder(lake, options.Features, _clock));
                    // The gold partitions up to date before silver changed; a progress file written before it kept them: those of a
                    // lake not yet touched, else none (what is stale is rebuilt after the commit).
                    var upToDate = (state.UpToDateGold ?? (LakeKeyIds.Read(lake).Any(u => u.KeyId == state.ToKeyId) ? [] : goldRekeyer.UpToDate()))
                        .ToHashSet(StringComparer.Ordinal);
                    var phase = Stopwatch.StartNew();
                    var months = rekeyer.MonthsLeft();
                    progress?.Report($"rewriting bronze, silver and quarantine under the new key, a month at a time ({months.Count} to do)");
                    foreach (var month in months)
                    {
                        var commit = rekeyer.WriteMonth(month, out var counts);
                        Fault("partitions-written");
                        CommitJournal.Commit(lake, commit);
                        lakeCounts = lakeCounts?.Plus(counts) ?? counts;
                        progress?.Report($"{month}: {counts.BronzeFiles} bronze, {counts.SilverFiles} silver, {counts.QuarantineFiles} quarantine file(s) ({counts.Rows:N0} rows) committed");
                        Fault("month-committed");
                    }

                    lakeCounts ??= new RekeyCounts(0, 0, 0, 0, 0, 0, mapping.Users, mapping.Sessions); // every month moved by an earlier run
                    lakeCounts = lakeCounts with { SuppressionsCarried = suppressions.Mapped.Count, SuppressionsDropped = suppressions.Unmatched.Count };
                    progress?.Report($"bronze, silver and quarantine on the new key in {phase.Elapsed.TotalSeconds:N1} s");
                    progress?.Report("re-keying gold, a partition at a time");
                    phase.Restart();
                    var gold = goldRekeyer.Write(upToDate, state.ToKeyId, commit =>
                    {
                        CommitJournal.Commit(lake, commit);
                        Fault("gold-written");
                    });
                    goldCounts = gold;
                    progress?.Report($"gold on the new key in {phase.Elapsed.TotalSeconds:N1} s");
                    var counted = lakeCounts;
                    // The catalog's key ids, the suppression list, the stale gold's drop and the rotation's audit entry ride in the
                    // last commit: the lake records the new key alone only once everything is on it.
                    CommitJournal.Commit(lake, LakeCommit.Change(gold.Deletes, [], [.. rekeyer.CatalogChanges(suppressions), .. gold.Catalog]) with
                    {
                        Audit = [new(options.Actor, AuditAction, "pseudonym key",
                            $"key {state.FromKeyId} replaced by {state.ToKeyId}: bronze, silver and quarantine re-pseudonymised a month at a time ({counted.Rows:N0} rows in this run), "
                            + $"gold re-keyed ({gold.Rekeyed} partitions rewritten, {gold.Unchanged} without pseudonyms kept, {gold.Dropped} dropped for rebuild), "
                            + $"{counted.SuppressionsCarried} suppressed subjects carried over, {counted.SuppressionsDropped} dropped; the predictions log, any gold rebuild and the old key's destruction follow")],
                    });
                    progress?.Report($"lake committed: {counted.BronzeFiles} bronze, {counted.SilverFiles} silver, {counted.QuarantineFiles} quarantine files ({counted.Rows:N0} rows); "
                        + $"{counted.SuppressionsCarried} suppressed subjects carried over, {counted.SuppressionsDropped} dropped; "
                        + $"gold: {gold.Rekeyed} partitions re-keyed, {gold.Unchanged} kept (no pseudonyms), {gold.Dropped} dropped for rebuild");
                    Fault("lake-committed");
                }

                state = Advance(state, KeyRotationPhase.LakeCommitted);
            }

            if (state.Phase == KeyRotationPhase.LakeCommitted)
            {
                if (PredictionLogRekeyer.HasLog(options.LakeRoot))
                {
                    mapping ??= BuildMapping(lake, SourceFileCheck.Verify(lake.IngestedFiles()), oldKey!, newKey!, progress);
                    predictionCounts = PredictionLogRekeyer.Rewrite(options.LakeRoot, mapping);
                    progress?.Report($"predictions log: {predictionCounts.Files} files, {predictionCounts.Mapped:N0} pseudonyms carried over, {predictionCounts.Cleared:N0} cleared (not in any source file)");
                }

                Fault("predictions-rewritten");
                state = Advance(state, KeyRotationPhase.PredictionsRewritten);
            }

            // The mapping links the two keys' pseudonyms: gone once nothing is left on the old key.
            mapping?.Dispose();
            mapping = null;
            PseudonymMapping.Delete(lake.Layout);
            if (state.Phase == KeyRotationPhase.PredictionsRewritten)
            {
                var rebuild = Stopwatch.StartNew();
                goldRebuilt = RebuildGold(lake, state, progress);
                if (goldRebuilt > 0)
                {
                    progress?.Report($"{goldRebuilt} gold partition(s) built in {rebuild.Elapsed.TotalSeconds:N1} s");
                }

                Fault("gold-rebuilt");
                state = Advance(state, KeyRotationPhase.Recorded);
                Fault("recorded");
            }

            if (state.Phase == KeyRotationPhase.Recorded)
            {
                state = Advance(state, KeyRotationPhase.Destroying);
            }

            DestroyOldKey(state);
            progress?.Report($"old key {state.FromKeyId} overwritten and deleted; {_keyPath} now holds key {state.ToKeyId}");
            return new KeyRotationResult(state.FromKeyId, state.ToKeyId, resumed, lakeCounts, predictionCounts, goldCounts?.Rekeyed, goldRebuilt, watch.Elapsed.TotalSeconds);
        }
        finally
        {
            mapping?.Dispose();
            if (state is null)
            {
                PseudonymMapping.Delete(lake.Layout); // refused or stopped before the progress file: nothing to resume
            }
        }
    }

    private void DestroyOldKey(KeyRotationState state)
    {
        if (File.Exists(PendingPath))
        {
            KeyFile.Overwrite(_keyPath);
            Fault("old-key-overwritten");
            File.Move(PendingPath, _keyPath, overwrite: true);
        }
        else if (KeyFile.TryRead(_keyPath)?.KeyId != state.ToKeyId)
        {
            throw new KeyRotationRefusedException($"cannot finish the rotation to key {state.ToKeyId}: neither {PendingPath} nor {_keyPath} holds it", isDataError: false);
        }

        Fault("key-swapped");
        File.Delete(StatePath);
    }

    private int RebuildGold(IGoldEngine lake, KeyRotationState state, IProgress<string>? progress)
    {
        var tables = state.GoldTables.Select(GoldTables.Find).OfType<GoldTable>().ToList();
        if (tables.Count == 0 || state.GoldFirstMonth is null || state.GoldLastMonth is null)
        {
            return 0;
        }

        progress?.Report($"building what gold still needs ({string.Join(", ", tables.Select(t => t.Name))}, {state.GoldFirstMonth}..{state.GoldLastMonth}) from the re-keyed silver");
        var from = DateOnly.ParseExact(state.GoldFirstMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateOnly.ParseExact(state.GoldLastMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(1).AddDays(-1);
        // Incremental: the partitions re-keyed in the lake commit are up to date, only dropped (stale) ones are built.
        var result = new FeatureBuilder(lake, options.Features, _clock).Build(new FeatureBuildRequest(from, to, tables));
        return result.Built;
    }

    /// <summary>The lake's pseudonyms checked against the mapping (<see cref="LakeRekeyer.Check"/>); refuses, changing nothing.</summary>
    private SuppressionPlan Check(LakeRekeyer rekeyer, IProgress<string>? progress)
    {
        var watch = Stopwatch.StartNew();
        var plan = rekeyer.Check(options.DropUnmatchedSuppressions);
        progress?.Report($"checked every pseudonym of the lake against the mapping in {watch.Elapsed.TotalSeconds:N1} s");
        return plan;
    }

    private PseudonymMapping BuildMapping(IGoldEngine lake, IReadOnlyList<SourceFile> sources, PseudonymKey from, PseudonymKey to, IProgress<string>? progress)
    {
        var watch = Stopwatch.StartNew();
        progress?.Report($"mapping pseudonyms from key {from.KeyId} to {to.KeyId} ({sources.Count} source file(s))");
        var mapping = PseudonymMapping.OpenOrBuild(engines, lake.Layout, sources, from, to, options.EngineMemoryLimit, out var reopened);
        progress?.Report(reopened
            ? $"reopened the mapping an earlier run made: {mapping.Users:N0} users and {mapping.Sessions:N0} sessions"
            : $"mapped {mapping.Users:N0} users and {mapping.Sessions:N0} sessions in {watch.Elapsed.TotalSeconds:N1} s");
        return mapping;
    }

    /// <summary>Refuses, changing nothing, when the lake's volume lacks the space the rewritten files take before the commit.</summary>
    private void RequireFreeSpace(IGoldEngine lake)
    {
        var needed = RotationDiskSpace.Needed(lake, options.SliceRows);
        var free = options.FreeBytes(options.LakeRoot);
        if (free < needed)
        {
            throw new KeyRotationRefusedException(string.Create(CultureInfo.InvariantCulture,
                $"cannot rotate the pseudonym key: it writes a month's files (or a gold partition) aside before each commit, beside its mapping of every pseudonym, and needs about {needed / 1e9:N1} GB free "
                + $"in {Path.GetFullPath(options.LakeRoot)} (the largest month or gold partition holding pseudonyms, a quarter more for spill, and the mapping); "
                + $"{free / 1e9:N1} GB are free. Free space, then rotate; nothing was changed"), isDataError: false);
        }
    }

    /// <summary>Refuses unless every key id the lake records is <paramref name="keyId"/> (or, while resuming, <paramref name="alsoAllowed"/>).</summary>
    private static void RequireLakeOn(IGoldEngine lake, string keyId, string? alsoAllowed)
    {
        var others = LakeKeyIds.Read(lake).Where(u => u.KeyId != keyId && u.KeyId != alsoAllowed).ToList();
        if (others.Count > 0)
        {
            throw new KeyRotationRefusedException(
                $"cannot rotate the pseudonym key: the lake records other key ids than the current key {keyId}: "
                + string.Join(", ", others.Select(u => $"{u.Place} {u.KeyId} ({u.Count})"))
                + "; the lake must be on one key (see `eamazing gdpr key status`)", isDataError: true);
        }
    }

    private KeyRotationState Advance(KeyRotationState state, KeyRotationPhase phase)
    {
        var next = state with { Phase = phase };
        next.Write(StatePath);
        return next;
    }

    private void Fault(string point) => options.FaultPoint?.Invoke(point);
}
