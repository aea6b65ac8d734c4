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
    /// Raised when the way the table's partitions are written changes while its SQL does not (it is part of the
    /// partition's fingerprint): partitions written the old way are rebuilt by the next <c>features build</c>.
    /// </summary>
    public int WriterVersion { get; init; } = 1;

    public string ViewName => "gold_" + Name;

    public bool IsFeature(string column) =>
        column != AsOfColumn && !LabelColumns.Contains(column) && !IdColumns.Contains(column) && !KeyColumns.Contains(column);
}
