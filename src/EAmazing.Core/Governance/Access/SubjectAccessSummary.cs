using EAmazing.Privacy;

namespace EAmazing.Governance.Access;

/// <summary>What an access export holds: rows per table and the span of the person's events.</summary>
public sealed record SubjectAccessSummary(string SubjectDigest, string KeyId, IReadOnlyDictionary<string, long> Counts, DateTime? FirstEvent, DateTime? LastEvent, string OutputPath)
{
    public long Events => Counts.GetValueOrDefault(SubjectAccessExport.Events);
}
