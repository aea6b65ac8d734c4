namespace EAmazing.Governance.Keys;

/// <summary>One key id as the lake records it in one place: a layer's partitions, the ingested files or the suppression list.</summary>
/// <param name="Place">bronze, silver, quarantine (lake_partitions), ingested_files or suppressed_subjects.</param>
/// <param name="Count">Partitions, files or subjects recorded with this key id.</param>
public sealed record LakeKeyUse(string Place, string KeyId, long Count);
