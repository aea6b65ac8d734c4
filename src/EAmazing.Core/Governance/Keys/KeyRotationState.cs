using System.Text.Json;
using System.Text.Json.Serialization;
using EAmazing.Foundation.Files;

namespace EAmazing.Governance.Keys;

/// <summary>
/// The progress file of a rotation, beside the key file (never in the lake): key ids and the gold tables to
/// rebuild, no key and no pseudonym. Written aside and renamed, so it is always whole.
/// </summary>
public sealed record KeyRotationState(
    string FromKeyId,
    string ToKeyId,
    KeyRotationPhase Phase,
    DateTime StartedAt,
    IReadOnlyList<string> GoldTables,
    string? GoldFirstMonth,
    string? GoldLastMonth)
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
