using EAmazing.Lake;

namespace EAmazing.Features;

/// <summary>
/// One gold table: its SQL (one embedded <c>Sql/{name}.sql</c>), the silver months it reads, the columns that
/// identify a row, the label columns (which look past as_of_time by design) and identifier columns (not
/// features). Every other column is a feature and must be computable from events up to the row's as_of_time.
/// </summary>
public sealed record GoldTable(
    string Name,
    MonthInputs Inputs,
    IReadOnlyList<string> KeyColumns,
    IReadOnlyList<string> LabelColumns,
    IReadOnlyList<string> IdColumns,
    string Description)
{
    public const string AsOfColumn = "as_of_time";

    /// <summary>SQL text overriding the embedded file: lets a test define a deliberately leaky table.</summary>
    public string? SqlText { get; init; }

    public string Sql => SqlText ?? FeatureSql.Load(Name);

    /// <summary>
    /// The ORDER BY of the table's SQL when it names a column derived from a pseudonym (null: rows in no particular
    /// order): a key rotation that re-keys a partition in place sorts it by this again, so its file is the rebuild's.
    /// </summary>
    public string? PseudonymOrder { get; init; }

    /// <summary>
    /// Whether each row comes from one user's events alone (a user's history): the month is then built one user
    /// bucket at a time (<see cref="GoldQuery.Parts"/>), each part holding a bucket's histories, not every user's.
    /// </summary>
    public bool PerUser { get; init; }

    /// <summary>
    /// Whether each row comes from one user's events alone, with no other user's (true of every <see cref="PerUser"/>
    /// table, and of tables built file by file such as the sessions): removing a user's events removes exactly their
    /// rows, so an erasure that removes both leaves the partition what a rebuild would make, and keeps it current.
    /// </summary>
    public bool RowsFromOneUser { get; init; }

    /// <summary>
    /// Whether the rows depend on the data's last event (<see cref="GoldQuery.DataEnd"/>): the days, snapshots and known
    /// labels that exist (<see cref="GoldQuery"/> fills these placeholders from it). Read from the SQL itself, so a table
    /// that starts using one is known to.
    /// </summary>
    public bool ReadsDataEnd => DataEndPlaceholders.Any(p => Sql.Contains(p, StringComparison.Ordinal));

    private static readonly string[] DataEndPlaceholders = ["{data_end}", "{snapshots}", "{days}", "{grid_days}"];

    /// <summary>
    /// Raised when the way the table's partitions are written changes while its SQL does not (it is part of the
    /// partition's fingerprint): partitions written the old way are rebuilt by the next <c>features build</c>.
    /// </summary>
    public int WriterVersion { get; init; } = 1;

    /// <summary>
    /// Set when the table stores a session as its user's pseudonym and its number in the month (<c>session_number</c>)
    /// and shows the session key <c>yyyy-MM/&lt;user&gt;-&lt;n&gt;</c> only when read (<see cref="Shown"/>): the
    /// column whose month is the key's. Storing the key repeated the 32-character pseudonym beside <c>user_id</c> in
    /// every row.
    /// </summary>
    public string? SessionKeyMonthColumn { get; init; }

    /// <summary>
    /// The gold table whose partitions of the months before this table's own it reads (<c>{earlier_&lt;name&gt;}</c>) in
    /// place of those months' events, if any: e.g. a user's history as sessions, a sixth of the rows. The build then
    /// brings those partitions up to date first, and their SQL is part of this table's fingerprint.
    /// </summary>
    public EarlierMonths? ReadsEarlier { get; init; }

    public string ViewName => "gold_" + Name;

    /// <summary>
    /// The table's rows as its view shows them, read from <paramref name="relation"/> (its files, or its SQL's result):
    /// with the session key made from the user and the session number where the table stores those. Files written
    /// before the table stored the number hold the key itself, which is kept (read them with <see cref="ReadFiles"/>,
    /// which unites files of either kind by column name), so a lake reads as before until its next build.
    /// </summary>
    public string Shown(string relation) => SessionKeyMonthColumn is not { } month
        ? $"SELECT * FROM {relation}"
        : $"""
            SELECT coalesce(session_key,
                            strftime({month}, '%Y-%m') || '/' || user_id || '-' || CAST(session_number AS VARCHAR)) AS session_key,
                   * EXCLUDE (session_key, session_number)
            FROM (SELECT * FROM {relation}
                  UNION ALL BY NAME SELECT NULL::VARCHAR AS session_key, NULL::INTEGER AS session_number WHERE false)
            """;

    /// <summary><c>read_parquet</c> of the table's files (united by column name where a session key is made).</summary>
    public string ReadFiles(IEnumerable<string> files) =>
        LakeSql.ReadParquet(files, SessionKeyMonthColumn is null ? null : "union_by_name = true");

    public bool IsFeature(string column) =>
        column != AsOfColumn && !LabelColumns.Contains(column) && !IdColumns.Contains(column) && !KeyColumns.Contains(column);
}
