using System.Globalization;
using EAmazing.Lake;

namespace EAmazing.Features;

/// <summary>
/// One gold table's SELECT for one month, ready to run: the table's SQL with the events relation over the
/// given silver files, the month's bounds and the feature options filled in. With a cutoff, only events at or
/// before it are read: what the leakage audit uses to recompute a row from the past alone.
/// </summary>
public sealed record GoldQuery(GoldTable Table, string Month, IReadOnlyList<string> SilverFiles, DateTime DataEnd, DateTime? Cutoff, FeatureOptions Options)
{
    /// <summary>
    /// With a cutoff: compute only the rows whose as_of_time is the cutoff, the rows the future-invariance check
    /// compares, instead of the whole month (at full scale a month of user snapshots took about 7 min per cutoff).
    /// A table narrows its rows where they are defined (the snapshot times, the output days, the first carts, the
    /// sessions with an event at the cutoff); the features of a kept row come from the same events either way. A
    /// table that does not narrow returns the whole month, which the check filters as before.
    /// </summary>
    public bool AsOfOnly { get; init; }

    /// <summary>
    /// The files of the months before this one of the gold table this one reads (<see cref="GoldTable.ReadsEarlier"/>);
    /// none for the first month or a table that reads none.
    /// </summary>
    public IReadOnlyList<string> EarlierFiles { get; init; } = [];

    /// <summary>The cutoff when only its rows are wanted, else none.</summary>
    private DateTime? OnlyAt => AsOfOnly ? Cutoff : null;

    public DateTime MonthStart => DateTime.ParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public DateTime MonthEnd => MonthStart.AddMonths(1);

    /// <summary>Snapshot times of the month (00:00 of the snapshot weekday) up to the end of the data.</summary>
    public IReadOnlyList<DateTime> SnapshotTimes() =>
        Days().Where(d => d.DayOfWeek == Options.SnapshotWeekday && (OnlyAt is not { } at || d == at)).ToList();

    /// <summary>Days of the month whose start the data reaches.</summary>
    public IReadOnlyList<DateTime> Days()
    {
        var days = new List<DateTime>();
        for (var day = MonthStart; day < MonthEnd && day <= DataEnd; day = day.AddDays(1))
        {
            days.Add(day);
        }

        return days;
    }

    /// <summary>The month's days plus the trailing item window before them: the rows of a dense item × day grid.</summary>
    public IReadOnlyList<DateTime> GridDays()
    {
        var days = Days();
        return days.Count == 0
            ? []
            : Enumerable.Range(1, Options.ItemWindowDays).Select(n => MonthStart.AddDays(-n)).Reverse().Concat(days).ToList();
    }

    /// <summary>
    /// The month's SQL as parts to run one after another, whose rows together are the month's: one per user bucket
    /// for a table whose rows each come from one user's events (<see cref="GoldTable.PerUser"/>) over bucketed
    /// silver, else the whole query.
    /// </summary>
    public IReadOnlyList<string> Parts()
    {
        var buckets = Table.PerUser ? BucketEvents() : [];
        return buckets.Count == 0 ? [Sql()] : buckets.Select(Sql).ToList();
    }

    public string Sql() => Sql(Events(SilverFiles));

    /// <summary>The SQL over the given events relation (all inputs' events, or one user bucket's).</summary>
    private string Sql(string events)
    {
        // Filled before the per-file copies are made: a filled value may name the copy's window ({file}).
        var filled = FeatureSql.Fill(Table.Sql,
        [
            ("events", events),
            .. EarlierRelation(),
            ("month", Month),
            ("from", FeatureSql.Timestamp(MonthStart)),
            ("to", FeatureSql.Timestamp(MonthEnd)),
            ("data_end", FeatureSql.Timestamp(DataEnd)),
            ("snapshots", Values(SnapshotTimes().Select(FeatureSql.Timestamp))),
            ("days", Values(Days().Where(d => OnlyAt is not { } at || d == at).Select(d => FeatureSql.Date(DateOnly.FromDateTime(d))))),
            // a TIMESTAMP, or NULL for every row: tables narrow with "({only_as_of} IS NULL OR x = {only_as_of})"
            ("only_as_of", OnlyAt is { } only ? FeatureSql.Timestamp(only) : "CAST(NULL AS TIMESTAMP)"),
            ("grid_days", Values(GridDays().Select(d => FeatureSql.Date(DateOnly.FromDateTime(d))))),
            ("session_gap_seconds", Number((int)Options.SessionGap.TotalSeconds)),
            ("prefix_lengths", Number(Options.PrefixLengths)),
            ("horizon_days", Number(Options.ChurnHorizonDays)),
            ("history_days", Number(Options.SnapshotHistoryDays)),
            ("item_window_days", Number(Options.ItemWindowDays)),
            ("max_session_items", Number(Options.MaxSessionItemsForPairs)),
            // a prefix row's earlier events are its up to PrefixLengths - 1 predecessors in the session
            .. FeatureSql.PrefixPlaceholders(Options.PrefixLengths - 1, "in_session_{file}"),
        ]);
        return FeatureSql.PerFile(filled, [.. SilverFiles.Select(f => $"({Events([f])}) AS events")], $"({events}) AS events");
    }

    /// <summary>
    /// The events of each user bucket over all input months (<see cref="UserBucket.Split"/>). None when the inputs are
    /// one bucket, or a file is not named by its bucket.
    /// </summary>
    private List<string> BucketEvents() => Buckets() is { Count: > 1 } buckets ? buckets.Select(BucketEvents).ToList() : [];

    private IReadOnlyList<(UserBucket Bucket, IReadOnlyList<string> Files)> Buckets() => UserBucket.Split(SilverFiles) ?? [];

    private string BucketEvents((UserBucket Bucket, IReadOnlyList<string> Files) bucket) =>
        $"SELECT * FROM ({Events(bucket.Files)}) WHERE {bucket.Bucket.Filter("user_id")}";

    /// <summary>
    /// The bucket of users whose rows the leakage audit recomputes, for a per-user table over bucketed silver: a
    /// user's rows come from their own events alone, so one bucket's events give exactly its users' rows, a
    /// sixteenth of the work (four full-scale months: recomputing every user's snapshot at each cutoff spilled 100 GB
    /// in 45 minutes). One of the build's buckets, chosen by the seed; none for any other table (every user then).
    /// </summary>
    public UserBucket? AuditBucket(int seed) =>
        Table.PerUser && Buckets() is { Count: > 1 } buckets ? buckets[(int)((uint)seed % (uint)buckets.Count)].Bucket : null;

    /// <summary>The SQL over the events of one of the build's buckets of users (<see cref="AuditBucket"/>).</summary>
    public string Sql(UserBucket bucket) => Sql(BucketEvents(Buckets().Single(b => b.Bucket == bucket)));

    private string Events(IEnumerable<string> files) => FeatureSql.Fill(FeatureSql.Load("events"),
    [
        ("sources", FeatureSql.Sources(files)),
        ("cutoff", Cutoff is { } cutoff ? $"WHERE event_time <= {FeatureSql.Timestamp(cutoff)}" : ""),
    ]);

    /// <summary>
    /// The earlier months' rows of the table this one reads (e.g. the sessions' user, start, end, purchases and carts); with
    /// a cutoff only those up to it (all of them: they lie before the month), so the recomputation reads nothing the cutoff
    /// excludes. Empty, with the same columns, for the first month.
    /// </summary>
    private (string Key, string Value)[] EarlierRelation()
    {
        if (Table.ReadsEarlier is not { } earlier)
        {
            return [];
        }

        var relation = EarlierFiles.Count == 0
            ? "SELECT " + string.Join(", ", earlier.Columns.Select(c => $"NULL::{c.Type} AS {c.Name}")) + " WHERE false"
            : "SELECT " + string.Join(", ", earlier.Columns.Select(c => c.Name)) + " FROM " + LakeSql.ReadParquet(EarlierFiles)
              + (Cutoff is { } cutoff ? $" WHERE {earlier.TimeColumn} <= {FeatureSql.Timestamp(cutoff)}" : "");
        return [(earlier.Placeholder, relation)];
    }

    /// <summary>A VALUES body; a month without any day yet gets one NULL row that every filter drops.</summary>
    private static string Values(IEnumerable<string> literals)
    {
        var list = literals.Select(l => $"({l})").ToList();
        return list.Count == 0 ? "(CAST(NULL AS TIMESTAMP))" : string.Join(", ", list);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
