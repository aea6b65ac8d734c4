using System.Globalization;

namespace EAmazing.Bench;

/// <summary>
/// The disk a full run needs, per event: what stays (raw files, lake, models) and, on top, the largest scratch of a
/// stage still to run (the reference's Parquet, the features build's spill, the files the erasure writes aside before
/// each month's commit, those the key rotation writes aside before its one commit). At seven months the rotation's
/// scratch is about as much again as the lake: a run that skips it needs far less.
/// Bytes per event measured at full scale: the generated October (42,057,250 silver events, 2026-12-06: gzip 2,558 MB,
/// bronze 866, silver 756, gold 1,632 MB, of which 1,257 MB in the tables holding pseudonyms) and four months (models
/// 1.1 GB for 233.5M events).
/// </summary>
public static class FullRunDisk
{
    private const double RawBytesPerEvent = 61;
    private const double LakeBytesPerEvent = 78;
    private const double ModelBytesPerEvent = 5;

    // Scratch per event of the whole run, or of its largest month where the stage commits a month at a time.
    private static readonly (string StagePrefix, double BytesPerEvent, bool PerMonth)[] Scratch =
    [
        ("reference DuckDB COPY", 25, false), // its Parquet (~1 GB a month), deleted after the stage
        ("features build", 10, false), // DuckDB's spill, a few GB
        ("erase", 70, true), // the month's files holding one of the people, aside: bronze, silver, gold with pseudonyms
        ("key rotate", 90, false), // every such file and the mapping, a quarter more (RotationDiskSpace)
    ];

    /// <summary>Bytes the run needs in all for <paramref name="eventsPerMonth"/> when <paramref name="stagesToRun"/> remain.</summary>
    public static DiskNeed For(IReadOnlyList<long> eventsPerMonth, IEnumerable<string> stagesToRun)
    {
        var events = eventsPerMonth.Sum();
        var (stage, scratch) = ("none", 0L);
        foreach (var (prefix, perEvent, perMonth) in Scratch)
        {
            var bytes = (long)((perMonth ? eventsPerMonth.Max() : events) * perEvent);
            if (bytes > scratch && stagesToRun.FirstOrDefault(s => s.StartsWith(prefix, StringComparison.Ordinal)) is { } name)
            {
                (stage, scratch) = (name, bytes);
            }
        }

        return new DiskNeed(
            (long)(events * RawBytesPerEvent), (long)(events * LakeBytesPerEvent), (long)(events * ModelBytesPerEvent), stage, scratch);
    }
}

/// <summary>A full run's disk in bytes: raw, lake and models kept, and the scratch of its largest stage.</summary>
public sealed record DiskNeed(long Raw, long Lake, long Models, string ScratchStage, long Scratch)
{
    public long Total => Raw + Lake + Models + Scratch;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"raw {Raw / 1e9:N1} + lake {Lake / 1e9:N1} + models {Models / 1e9:N1} GB, and {Scratch / 1e9:N1} GB of scratch for '{ScratchStage}'");
}
