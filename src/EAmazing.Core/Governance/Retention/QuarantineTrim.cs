using EAmazing.Lake;

namespace EAmazing.Governance.Retention;

/// <summary>One quarantine file (one per source file) losing its expired rows: rewritten with the rest, or dropped when none is left.</summary>
public sealed record QuarantineTrim(LakePartition Partition, long RowsRemoved)
{
    public long RowsKept => Partition.Rows - RowsRemoved;

    public bool DropsFile => RowsKept == 0;
}
