using System.Globalization;

namespace EAmazing.Bench;

/// <summary>
/// The disk a full run needs at its fullest, per event: what stays (raw files, lake, models; the stages before the
/// ingest hold the raw files only) and, on top, the scratch of a stage still to run (the reference's Parquet, the
/// features build's spill, the files the erasure writes aside before each month's commit, the key rotation's mapping of
/// every pseudonym and the files it writes aside before each month's commit). The rotation committed once until
/// 2026-12-07 and needed about as much again as the lake (37 GB at seven months); it now needs its mapping (about 25 bytes
/// an event at its peak, RotationDiskSpace) and a month.
/// Bytes per event measured at full scale: seven months (411.7M events, 2026-12-06: gzip 26.9 GB, the reference's
/// Parquet 16.4 GB), the generated October (42,057,250 silver events: bronze 866, silver 756, gold 1,632 MB, of which
/// 1,257 MB in the tables holding pseudonyms) and four months (models 1.1 GB for 233.5M events).
/// </summary>
public static class FullRunDisk
{
    private const double RawBytesPerEvent = 66;
    private const double LakeBytesPerEvent = 78;
    private const double ModelBytesPerEvent = 5;

    // Scratch per event of the whole run, and per event of its largest month where the stage commits a month at a time;
    // whether the stage runs before the ingest (the lake and the models do not exist yet).
    private static readonly (string StagePrefix, double BytesPerEvent, double BytesPerMonthEvent, bool BeforeLake)[] Scratch =
    [
        ("reference DuckDB COPY", 40, 0, true), // its Parquet (seven months: 16.4 GB), deleted after the stage
        ("features build", 10, 0, false), // DuckDB's spill, a few GB
        ("erase", 0, 70, false), // a month's files holding one of the people: bronze, silver, gold with pseudonyms
        ("key rotate", 25, 100, false), // the mapping at its peak; a month's bronze, silver and quarantine (39 bytes an event) with a bronze file staged twice beside them (2 × 21), a quarter more
    ];

    /// <summary>
    /// The most the run holds at once when <paramref name="stagesToRun"/> remain: the raw files, the lake and the
    /// models, and the scratch of one stage.
    /// </summary>
    public static DiskNeed For(IReadOnlyList<long> eventsPerMonth, IReadOnlyCollection<string> stagesToRun)
    {
        var events = eventsPerMonth.Sum();
        var kept = new DiskNeed(
            (long)(events * RawBytesPerEvent), (long)(events * LakeBytesPerEvent), (long)(events * ModelBytesPerEvent), "none", 0);
        var need = kept;
        foreach (var (prefix, perEvent, perMonthEvent, beforeLake) in Scratch)
        {
            var scratch = (long)(events * perEvent + eventsPerMonth.Max() * perMonthEvent);
            var candidate = beforeLake ? kept with { Lake = 0, Models = 0 } : kept;
            if (stagesToRun.FirstOrDefault(s => s.StartsWith(prefix, StringComparison.Ordinal)) is { } stage
                && candidate.Total + scratch > need.Total)
            {
                need = candidate with { ScratchStage = stage, Scratch = scratch };
            }
        }

        return need;
    }
}

/// <summary>A full run's disk in bytes at its fullest: the raw files, lake and models held then, and one stage's scratch.</summary>
public sealed record DiskNeed(long Raw, long Lake, long Models, string ScratchStage, long Scratch)
{
    public long Total => Raw + Lake + Models + Scratch;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"raw {Raw / 1e9:N1} + lake {Lake / 1e9:N1} + models {Models / 1e9:N1} GB, and {Scratch / 1e9:N1} GB of scratch for '{ScratchStage}'");
}
