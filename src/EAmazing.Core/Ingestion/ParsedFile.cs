namespace EAmazing.Ingestion;

/// <summary>What parsing one file found, before duplicates are counted.</summary>
/// <param name="Duplicates">Exact duplicate rows, counted while reading when the file is time-ordered; null when it is not (the engine counts them, bronze is sorted and silver rebuilt by the engine).</param>
/// <param name="Suppressed">Rows of erased people (valid or not), dropped before staging.</param>
/// <param name="MonthRows">Valid rows per month (a month's bronze rows), so silver's user buckets are known before bronze is written.</param>
/// <param name="ReadSha256">SHA-256 of the file's bytes as they were read (null when it was not read).</param>
/// <param name="Changed">Why the ingest failed: the file changed while it was read; null when it did not.</param>
/// <param name="Refused">Why the file was refused: its header is not the REES46 one, or nearly all its rows were rejected; null when it was ingested.</param>
internal sealed record ParsedFile(long RowsRead, long Valid, long Quarantined, long EmptySessions, string? Damage, long? Duplicates, IReadOnlyList<string> Months, long Suppressed = 0,
    IReadOnlyDictionary<string, long>? MonthRows = null, string? Refused = null, string? ReadSha256 = null, string? Changed = null)
{
    public static ParsedFile Nothing { get; } = new(0, 0, 0, 0, null, 0, []);

    public long RowsIn(string month) => MonthRows is not null && MonthRows.TryGetValue(month, out var rows) ? rows : 0;
}
