using System.Text.Json;
using System.Text.Json.Serialization;
using EAmazing.Foundation.Files;

namespace EAmazing.Governance.Keys;

/// <summary>
/// The progress file of a rotation, beside the key file (never in the lake): key ids, the gold tables to rebuild and
/// the gold partitions that were up to date before silver changed (<c>table/month</c>, re-keyed in place once silver is
/// done; null in a file written before the rotation committed a month at a time), no key and no pseudonym. Written
/// aside and renamed, so it is always whole.
/// </summary>
public sealed record KeyRotationState(
    string FromKeyId,
    string ToKeyId,
    KeyRotationPhase Phase,
    DateTime StartedAt,
    IReadOnlyList<string> GoldTables,
    string? GoldFirstMonth,
    string? GoldLastMonth,
    IReadOnlyList<string>? UpToDateGold = null)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };

    public static KeyRotationState? Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<KeyRotationState>(File.ReadAllText(path), Json) : null;

    public void Write(string path)
    {
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, this, Json), temporaryPath: path + ".writing", unixCreateMode: AtomicFile.OwnerOnly);
    }
}
