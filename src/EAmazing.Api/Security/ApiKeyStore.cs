using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EAmazing.Foundation.Files;

namespace EAmazing.Api.Security;

/// <summary>
/// API keys in a JSON file outside the lake (default <c>~/.config/eamazing/api-keys.json</c>, mode 600).
/// A key reads <c>eak_&lt;id&gt;_&lt;secret&gt;</c>: the id finds the record, the SHA-256 of the whole key must match
/// (compared in constant time). The file is re-read when it changes, so a revocation takes effect within a quarter second.
/// </summary>
public sealed class ApiKeyStore(string path)
{
    public const string Prefix = "eak_";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly Lock _gate = new();
    private KeyFile _cache = new(DateTime.MinValue, -1, new Dictionary<string, ApiKeyRecord>());
    private const long Never = long.MinValue;
    private long _checkedAt = Never;

    public static string DefaultFilePath => System.IO.Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "eamazing", "api-keys.json");

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public CreatedApiKey Create(string role, string? name)
    {
        if (!ApiRoles.IsValid(role))
        {
            throw new ArgumentException($"unknown role '{role}': use {ApiRoles.Reader} or {ApiRoles.Admin}", nameof(role));
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = $"{Prefix}{id}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var record = new ApiKeyRecord(id, string.IsNullOrWhiteSpace(name) ? id : name.Trim(), role, Hash(secret), DateTime.UtcNow);
        lock (_gate)
        {
            Save([.. Load().Values, record]);
        }

        return new CreatedApiKey(record, secret);
    }

    public IReadOnlyList<ApiKeyRecord> List() => Current().Values.OrderBy(k => k.CreatedAt).ToList();

    public bool Revoke(string id)
    {
        lock (_gate)
        {
            var keys = Load();
            if (!keys.TryGetValue(id, out var key) || !key.Active)
            {
                return false;
            }

            Save(keys.Values.Select(k => k.Id == id ? k with { RevokedAt = DateTime.UtcNow } : k).ToList());
            return true;
        }
    }

    /// <summary>The active record of key <paramref name="id"/>, or null when it is unknown or revoked (a dashboard session checks this on each visit).</summary>
    public ApiKeyRecord? FindActive(string id) => Current().TryGetValue(id, out var record) && record.Active ? record : null;

    /// <summary>The active record a presented key belongs to, or null.</summary>
    public ApiKeyRecord? Verify(string presented)
    {
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal) || presented.Length < Prefix.Length + 10 || presented.Length > 200)
        {
            return null;
        }

        var id = presented.Substring(Prefix.Length, 8);
        if (!Current().TryGetValue(id, out var record) || !record.Active)
        {
            return null;
        }

        var expected = Convert.FromHexString(record.Sha256);
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? record : null;
    }

    private IReadOnlyDictionary<string, ApiKeyRecord> Current()
    {
        // The file is looked at no more than every quarter second: a revocation lands within that, and a busy server saves a stat per request.
        var now = Environment.TickCount64;
        var checkedAt = Interlocked.Read(ref _checkedAt);
        if (checkedAt != Never && now - checkedAt < 250)
        {
            return Volatile.Read(ref _cache).Keys;
        }

        var info = new FileInfo(Path);
        var stamp = info.Exists ? info.LastWriteTimeUtc : DateTime.MinValue;
        var length = info.Exists ? info.Length : -1;
        var cache = Volatile.Read(ref _cache);
        if (cache.Stamp == stamp && cache.Length == length)
        {
            Interlocked.Exchange(ref _checkedAt, now);
            return cache.Keys;
        }

        lock (_gate)
        {
            var keys = Load();
            Volatile.Write(ref _cache, new KeyFile(stamp, length, keys));
            // Marked checked only once the cache holds the file: marked before, concurrent first requests got the empty cache (401).
            Interlocked.Exchange(ref _checkedAt, now);
            return keys;
        }
    }

    private Dictionary<string, ApiKeyRecord> Load()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        var records = JsonSerializer.Deserialize<List<ApiKeyRecord>>(File.ReadAllText(Path), Json) ?? [];
        return records.ToDictionary(r => r.Id);
    }

    private void Save(IReadOnlyList<ApiKeyRecord> records)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        else
        {
            Directory.CreateDirectory(folder);
        }

        // Encoding.UTF8: the file keeps its byte order mark, as it always had.
        AtomicFile.WriteAllText(Path, JsonSerializer.Serialize(records, Json), Encoding.UTF8, temporaryPath: Path + ".tmp", unixCreateMode: AtomicFile.OwnerOnly);
        // This process's own change is seen at once.
        Interlocked.Exchange(ref _checkedAt, Never);
    }

    private sealed record KeyFile(DateTime Stamp, long Length, IReadOnlyDictionary<string, ApiKeyRecord> Keys);

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '-');
}
