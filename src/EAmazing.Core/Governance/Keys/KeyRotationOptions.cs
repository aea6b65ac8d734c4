using EAmazing.Features;
using EAmazing.Privacy;

namespace EAmazing.Governance.Keys;

/// <summary>How to rotate: the lake, where the key lives, how to rebuild gold, and the engine's memory.</summary>
public sealed record KeyRotationOptions(string LakeRoot, PseudonymKeyStore Keys)
{
    public FeatureOptions Features { get; init; } = new();

    public string EngineMemoryLimit { get; init; } = "2GB";

    /// <summary>Rows of a bronze or quarantine file sorted back into their order at once (tests make it small to cut files into many slices).</summary>
    public long SliceRows { get; init; } = LakeRekeyer.DefaultSliceRows;

    /// <summary>Remove suppressed subjects that no source file explains instead of refusing the rotation.</summary>
    public bool DropUnmatchedSuppressions { get; init; }

    /// <summary>The audit trail's actor (an OS user or an API key id).</summary>
    public string Actor { get; init; } = Audit.AuditTrail.OsActor;

    /// <summary>Test seam: the next key (default: 256 random bits), so two rotations of copies of one lake can be compared.</summary>
    public Func<PseudonymKey>? NewKey { get; init; }

    /// <summary>Free bytes on the volume of a folder (default: the drive's available space); a test seam.</summary>
    public Func<string, long> FreeBytes { get; init; } = folder => new DriveInfo(Path.GetFullPath(folder)).AvailableFreeSpace;

    /// <summary>Test seam: called at each named point of the rotation; throwing there simulates a crash.</summary>
    public Action<string>? FaultPoint { get; init; }
}
