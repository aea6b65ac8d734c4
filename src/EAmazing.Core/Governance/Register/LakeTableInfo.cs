using EAmazing.Privacy.Purposes;

namespace EAmazing.Governance.Register;

/// <summary>A table or view of the live lake as the register describes it: its columns (name, type) and rows.</summary>
public sealed record LakeTableInfo(string Name, string Layer, IReadOnlyList<(string Name, string Type)> Columns, long Rows, IReadOnlyList<string> Months)
{
    public bool IsPersonal => Columns.Any(c => PersonalData.IsIdentifier(c.Name));
}
