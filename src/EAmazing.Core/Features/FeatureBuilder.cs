using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EAmazing.Lake;
using EAmazing.Lake.Catalog;

namespace EAmazing.Features;

/// <summary>
/// Builds the gold tables from silver, month by month and incrementally: a table's month is recomputed only
/// when the silver partitions it reads (their versions), its SQL or the feature options changed since it was
/// built. Each partition is written under a temporary name and renamed into place, then recorded in the
/// catalog with the silver versions it was built from. A crash between the two leaves a file whose catalog
/// row is stale; the next build sees that and rebuilds it.
/// </summary>
public sealed class FeatureBuilder(IGoldEngine engine, FeatureOptions options, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly GoldCatalog _catalog = new(engine);

    public FeatureOptions Options => options;

    /// <summary>What a build would do now, without doing it.</summary>
    public IReadOnlyList<GoldStep> Plan(FeatureBuildRequest request) => Plan(request, SilverInputs());

    /// <summary>What a build would do over silver inputs the caller has read already (<see cref="SilverInputs"/>).</summary>
    public IReadOnlyList<GoldStep> Plan(FeatureBuildRequest request, IReadOnlyList<SilverInput> silver) =>
        PlanWork(request, silver).Select(w => w.Step).ToList();

    /// <summary>
    /// The partitions of these tables (and of the tables they read) that are not current with silver: not built yet, built
    /// from inputs, SQL or options that changed since (an erasure, a new month), or of a silver month gone.
    /// </summary>
    public IReadOnlyList<GoldStep> Outdated(IReadOnlyList<GoldTable> tables) =>
        Plan(new FeatureBuildRequest(Tables: tables)).Where(s => s.Action != GoldAction.UpToDate).ToList();

    public FeatureBuildResult Build(FeatureBuildRequest request, IProgress<GoldStep>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        RemoveTemporaryFiles();
        var silver = SilverInputs();
        var steps = new List<GoldStep>();
        foreach (var work in PlanWork(request, silver))
        {
            var step = work.Step.Action switch
            {
                GoldAction.Build => BuildPartition(work, silver),
                GoldAction.Remove => RemovePartition(work.Step),
                _ => work.Step,
            };
            steps.Add(step);
            progress?.Report(step);
        }

        _catalog.RefreshViews(GoldTables.All.Concat(request.SelectedTables).DistinctBy(t => t.Name));
        return new FeatureBuildResult(steps, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The silver partitions of the lake, with their versions and last event times.</summary>
    public IReadOnlyList<SilverInput> SilverInputs() => engine.Partitions()
        .Where(p => p.Layer == LakeLayer.Silver)
        .OrderBy(p => p.PartitionKey, StringComparer.Ordinal)
        .Select(p =>
        {
            var full = engine.Layout.Full(p.Path);
            var last = engine.Compute($"SELECT max(event_time) FROM {LakeSql.ReadParquet(full)}").Rows[0][0];
            return new SilverInput(p.PartitionKey, p.Path, p.Rows, p.Bytes, File.GetLastWriteTimeUtc(full),
                last is DateTime t ? t : DateTime.MinValue);
        })
        .ToList();

    /// <summary>The silver partitions a table's month reads.</summary>
    public static IReadOnlyList<SilverInput> InputsOf(GoldTable table, string month, IReadOnlyList<SilverInput> silver)
    {
        var next = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return table.Inputs switch
        {
            MonthInputs.SameMonth => silver.Where(s => s.Month == month).ToList(),
            MonthInputs.HistoryToMonth => silver.Where(s => string.CompareOrdinal(s.Month, month) <= 0).ToList(),
            _ => silver.Where(s => string.CompareOrdinal(s.Month, next) <= 0).ToList(),
        };
    }

    /// <summary>The table's query for one month over its silver inputs; with a cutoff, over events up to it only.</summary>
    public GoldQuery QueryFor(GoldTable table, string month, IReadOnlyList<SilverInput> silver, DateTime? cutoff = null)
    {
        var inputs = InputsOf(table, month, silver);
        var dataEnd = inputs.Count == 0 ? DateTime.MinValue : inputs.Max(i => i.LastEvent);
        if (cutoff is { } c && c < dataEnd)
        {
            dataEnd = c;
        }

        return new GoldQuery(table, month, inputs.Select(i => engine.Layout.Full(i.Path)).ToList(), dataEnd, cutoff, options)
        {
            EarlierFiles = table.ReadsEarlier is { } earlier ? EarlierFiles(table, earlier.Table, month, silver) : [],
        };
    }

    /// <summary>The files of <paramref name="earlier"/> for the silver months before <paramref name="month"/>, which the build makes first.</summary>
    private List<string> EarlierFiles(GoldTable table, GoldTable earlier, string month, IReadOnlyList<SilverInput> silver)
    {
        var files = silver.Select(s => s.Month).Distinct().Where(m => string.CompareOrdinal(m, month) < 0)
            .Select(m => engine.Layout.Full(GoldLayout.Partition(earlier.Name, m))).ToList();
        if (files.FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            throw new InvalidOperationException(
                $"{table.Name} for {month} reads the {earlier.Name} of the months before it, and {missing} is missing: run features build");
        }

        return files;
    }

    private List<PlannedWork> PlanWork(FeatureBuildRequest request, IReadOnlyList<SilverInput> silver)
    {
        var built = _catalog.Partitions();
        // A month's silver may be several files (one per user bucket at scale): plan each month once.
        var months = silver.Select(s => s.Month).Distinct().Where(request.Covers).ToList();
        var work = new List<PlannedWork>();
        foreach (var (table, tableMonths) in TablesToPlan(request.SelectedTables, months, silver))
        {
            foreach (var month in tableMonths)
            {
                var inputs = InputsOf(table, month, silver);
                var fingerprint = Fingerprint(table, inputs);
                var existing = built.FirstOrDefault(p => p.Table == table.Name && p.Month == month);
                var (action, reason) = existing switch
                {
                    null => (GoldAction.Build, "not built yet"),
                    _ when !File.Exists(engine.Layout.Full(existing.Path)) => (GoldAction.Build, "file missing"),
                    _ when existing.Fingerprint != fingerprint => (GoldAction.Build, "silver inputs, SQL or options changed"),
                    _ => (GoldAction.UpToDate, "up to date"),
                };
                work.Add(new PlannedWork(new GoldStep(table.Name, month, action, existing?.Rows ?? 0, existing?.BuildMs ?? 0, reason), table, inputs, fingerprint));
            }

            foreach (var gone in built.Where(p => p.Table == table.Name && !silver.Any(s => s.Month == p.Month) && request.Covers(p.Month)))
            {
                work.Add(new PlannedWork(new GoldStep(table.Name, gone.Month, GoldAction.Remove, gone.Rows, 0, "silver month gone"), table, [], ""));
            }
        }

        return work;
    }

    /// <summary>
    /// The selected tables with their months, first the tables whose earlier months a selected table reads
    /// (<see cref="GoldTable.ReadsEarlier"/>, e.g. the gold sessions): every month up to the last one planned, so that
    /// what the table reads is current when it is built.
    /// </summary>
    private static List<(GoldTable Table, IReadOnlyList<string> Months)> TablesToPlan(
        IReadOnlyList<GoldTable> selected, IReadOnlyList<string> months, IReadOnlyList<SilverInput> silver)
    {
        var tables = selected.Select(t => (Table: t, Months: months)).ToList();
        if (months.Count == 0)
        {
            return tables;
        }

        var last = months.Max(StringComparer.Ordinal)!;
        IReadOnlyList<string> through = silver.Select(s => s.Month).Distinct().Where(m => string.CompareOrdinal(m, last) <= 0).ToList();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reader in selected.Where(t => t.ReadsEarlier is not null))
        {
            var read = reader.ReadsEarlier!.Table;
            if (!placed.Add(read.Name))
            {
                continue; // placed already, for an earlier reader
            }

            // just before the reader (where the catalog lists it anyway), over every month up to the last one
            tables.RemoveAll(t => t.Table.Name == read.Name);
            tables.Insert(tables.FindIndex(t => t.Table.Name == reader.Name), (read, through));
        }

        return tables;
    }

    private GoldStep BuildPartition(PlannedWork work, IReadOnlyList<SilverInput> silver)
    {
        var clock = Stopwatch.StartNew();
        var step = work.Step;
        var relative = GoldLayout.Partition(work.Table.Name, step.Month);
        var temporary = engine.Layout.Temporary(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
        var rows = engine.WriteParquet(QueryFor(work.Table, step.Month, silver).Parts(), temporary);
        var bytes = new FileInfo(temporary).Length;
        File.Move(temporary, engine.Layout.Full(relative), overwrite: true);
        var ms = clock.ElapsedMilliseconds;
        _catalog.Record(new GoldPartition(work.Table.Name, step.Month, relative, rows, bytes,
            string.Join('\n', work.Inputs.Select(i => i.Version)), work.Fingerprint, _clock.GetUtcNow().UtcDateTime, ms));
        return step with { Rows = rows, BuildMs = ms };
    }

    private GoldStep RemovePartition(GoldStep step)
    {
        File.Delete(engine.Layout.Full(GoldLayout.Partition(step.Table, step.Month)));
        _catalog.Forget(step.Table, step.Month);
        return step;
    }

    /// <summary>What a partition of <paramref name="table"/> built from <paramref name="inputs"/> records: it is up to date while this is unchanged.</summary>
    public string Fingerprint(GoldTable table, IReadOnlyList<SilverInput> inputs)
    {
        // The writer version only when raised: the other tables' partitions keep their fingerprints (no rebuild).
        string[] writer = table.WriterVersion > 1 ? [$"writer {table.WriterVersion}"] : [];
        // A table reading another's earlier months depends on how they are made, too (their silver inputs are its own).
        string[] earlier = table.ReadsEarlier is { } e ? [$"earlier {e.Table.Name}", e.Table.Sql] : [];
        var text = string.Join('\n', [table.Sql, .. writer, .. earlier, (options with { EngineMemoryLimit = "" }).ToString(), .. inputs.Select(i => i.Version)]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private void RemoveTemporaryFiles()
    {
        var gold = engine.Layout.Full(GoldLayout.Folder);
        if (Directory.Exists(gold))
        {
            foreach (var orphan in Directory.EnumerateFiles(gold, "*" + LakeLayout.TemporarySuffix, SearchOption.AllDirectories))
            {
                File.Delete(orphan);
            }
        }
    }

    private sealed record PlannedWork(GoldStep Step, GoldTable Table, IReadOnlyList<SilverInput> Inputs, string Fingerprint);
}
