namespace EAmazing.Governance.Keys;

/// <summary>How far a key rotation got, recorded before each step that cannot be told from the lake itself.</summary>
public enum KeyRotationPhase
{
    /// <summary>The next key is stored (pending); nothing in the lake has changed yet, or the lake commit may be under way.</summary>
    Prepared,

    /// <summary>Every lake file and catalog table is on the new key; the predictions log and gold may still be to do.</summary>
    LakeCommitted,

    /// <summary>The predictions log is rewritten.</summary>
    PredictionsRewritten,

    /// <summary>Gold partitions the lake commit dropped as stale are built (or there were none); the rotation is in the audit trail.</summary>
    Recorded,

    /// <summary>The old key is being overwritten and the pending key moved into its place.</summary>
    Destroying,
}
