using EAmazing.Ingestion;
using EAmazing.Engine.DuckDb;
using EAmazing.Lake;
using EAmazing.Privacy;

namespace EAmazing.Core.Tests.Support;

/// <summary>A lake in a temp folder with a fixed test key, plus the helpers tests need to look inside it.</summary>
public sealed class TestLake : IDisposable
{
    public static readonly PseudonymKey Key = ParseKey("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

    private readonly TempFolder _folder = new();

    public TestLake(IngestOptions? options = null)
    {
        Options = options ?? new IngestOptions { LatestEventTime = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
        Root = _folder.File("lake");
        Engine = DuckDbLake.Open(Root);
    }

    public string Root { get; }

    public IngestOptions Options { get; }

    public DuckDbLake Engine { get; private set; }

    public string Input(string name) => _folder.File(name);

    public IngestOutcome Ingest(string path) => new LakeIngestor(Engine, Key, Options).IngestFile(path);

    /// <summary>Writes <paramref name="lines"/> as a plain file (LF unless told otherwise) and ingests it.</summary>
    public IngestOutcome IngestLines(string name, IEnumerable<string> lines, string newline = "\n")
    {
        var path = Input(name);
        File.WriteAllText(path, string.Concat(lines.Select(l => l + newline)));
        return Ingest(path);
    }

    public QueryResult Query(string sql) => Engine.Query(sql);

    public long Count(string sql) => Convert.ToInt64(Query(sql).Rows[0][0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Closes and reopens the lake, as a new process would (runs recovery).</summary>
    public void Reopen()
    {
        Engine.Dispose();
        Engine = DuckDbLake.Open(Root);
    }

    public void Dispose()
    {
        Engine.Dispose();
        _folder.Dispose();
    }

    private static PseudonymKey ParseKey(string hex)
    {
        PseudonymKey.TryParseHex(hex, out var key, out _);
        return key!;
    }
}
