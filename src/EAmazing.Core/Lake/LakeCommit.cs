using EAmazing.Ingestion;

namespace EAmazing.Lake;

/// <summary>
/// Everything one ingested file changes in the lake, written to the journal before any of it happens,
/// so a crash at any moment can be rolled forward to exactly this state.
/// </summary>
public sealed record LakeCommit(
    IngestedFile File,
    IReadOnlyList<string> RetiredFileIds,
    IReadOnlyList<string> Deletes,
    IReadOnlyList<LakePartition> Partitions);
