namespace EAmazing.Ingestion;

/// <summary>What parsing one file found, before duplicates are counted.</summary>
/// <param name="Duplicates">Exact duplicate rows, counted while reading when the file is time-ordered; null when it is not (the engine counts them, bronze is sorted and silver rebuilt by the engine).</param>
/// <param name="Suppressed">Rows of erased people (valid or not), dropped before staging.</param>
internal sealed record ParsedFile(long RowsRead, long Valid, long Quarantined, long EmptySessions, string? Damage, long? Duplicates, IReadOnlyList<string> Months, long Suppressed = 0)
{
    public static ParsedFile Nothing { get; } = new(0, 0, 0, 0, null, 0, []);
}
