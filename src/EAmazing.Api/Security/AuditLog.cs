using EAmazing.Api.Configuration;
using EAmazing.Privacy;
using EAmazing.Governance.Audit;

namespace EAmazing.Api.Security;

/// <summary>
/// The server's side of the lake's hash-chained audit trail (<c>&lt;lake&gt;/audit/audit.jsonl</c>, shared with
/// the CLI): who (<c>api-key:ID</c>) did what to whom (a <see cref="SubjectDigest"/>, never a pseudonym or raw id).
/// A call only queues its entry; a background writer appends batches (<see cref="BufferedAuditTrail"/>), so
/// auditing costs a request microseconds at thousands of requests per second.
/// </summary>
public sealed class AuditLog : IDisposable
{
    private readonly BufferedAuditTrail _trail;

    public AuditLog(ServingPaths paths, ILogger<AuditLog> logger) =>
        _trail = new BufferedAuditTrail(new AuditTrail(paths.AuditLog),
            e => logger.LogError("audit trail {Path}: append failed, retrying: {Problem}", paths.AuditLog, e.Message));

    public string Path => _trail.Trail.Path;

    public void Append(AuditEntry entry) => _trail.Append(new AuditEvent(
        entry.KeyId is null ? "api-key:anonymous" : "api-key:" + entry.KeyId,
        entry.Action,
        entry.SubjectPseudonym is null ? entry.Target : SubjectDigest.Of(entry.SubjectPseudonym),
        $"status {entry.Status}"));

    /// <summary>Waits until every entry appended so far is on disk.</summary>
    public bool Flush(TimeSpan? timeout = null) => _trail.Flush(timeout);

    public void Dispose() => _trail.Dispose();
}
