namespace EAmazing.Privacy.Purposes;

/// <summary>
/// One purpose of processing (GDPR art. 5(1)(b) purpose limitation, art. 5(1)(c) minimisation, art. 30 register):
/// the columns it uses per lake table or view (<c>silver</c>, <c>gold_sessions</c>, …), who receives its outputs,
/// how long its data is kept and on which legal basis. A column of silver or gold that no purpose uses and that
/// is not a <see cref="LineageColumns">lineage column</see> has no reason to be kept (checked by a test).
/// </summary>
public sealed record ProcessingPurpose(
    string Name,
    string Title,
    string Description,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Columns,
    IReadOnlyList<string> Recipients,
    string Retention,
    string LegalBasis = ProcessingPurpose.LegalBasisToComplete)
{
    public const string LegalBasisToComplete = "to be completed by the DPO";

    public bool Uses(string table, string column) => Columns.TryGetValue(table, out var columns) && columns.Contains(column);
}
