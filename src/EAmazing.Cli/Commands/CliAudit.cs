using System.Security.Cryptography;
using System.Text;
using EAmazing.Governance.Audit;

namespace EAmazing.Cli.Commands;

/// <summary>
/// Appends a command's entry to the lake's audit trail, as the OS user running it. Commands that read or change
/// personal data call it once their work is done; the target is a table, file id, model or subject digest, never
/// a raw id, and query texts are recorded as a hash prefix only (a query may quote an id).
/// </summary>
public static class CliAudit
{
    public static bool Record(string lakeRoot, string action, string? target, string? detail)
    {
        try
        {
            AuditTrail.ForLake(lakeRoot).Append(new AuditEvent(AuditTrail.OsActor, action, target, detail));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"error: could not append to the audit trail of {lakeRoot}: {e.Message}");
            return false;
        }
    }

    /// <summary>Names a query without its text: <c>sha256:</c> and the first 16 hex digits of its hash.</summary>
    public static string QueryDigest(string query) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)))[..16];
}
