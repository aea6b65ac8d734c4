using System.Globalization;
using DuckDB.NET.Data;
using EAmazing.Ingestion;
using EAmazing.Engine.DuckDb;
using EAmazing.Lake;
using EAmazing.Sources.Rees46;
using nietras.SeparatedValues;
using EAmazing.Privacy;

namespace EAmazing.Governance.Keys;

/// <summary>
/// Old pseudonym → new pseudonym for every user and session of the source files, in a DuckDB database in the
/// lake's scratch folder (emptied on every open). It holds pseudonyms only: raw ids are read from the source
/// files, hashed under both keys in memory and forgotten. The rewrite queries join the lake's files to it.
/// </summary>
public sealed class PseudonymMapping : IDisposable
{
    private readonly DuckDBConnection _connection;

    private PseudonymMapping(DuckDBConnection connection, long users, long sessions)
    {
        _connection = connection;
        Users = users;
        Sessions = sessions;
    }

    public long Users { get; }

    public long Sessions { get; }

    public DuckDBConnection Connection => _connection;

    /// <summary>
    /// Streams every source file as ingest reads it (same decompression, same CSV reader) and maps each id that
    /// ingest would pseudonymise, valid or quarantined row alike: user_id where it parses as an integer,
    /// user_session where it parses as a UUID.
    /// </summary>
    public static PseudonymMapping Build(LakeLayout layout, IReadOnlyList<SourceFile> sources, PseudonymKey from, PseudonymKey to, string memoryLimit)
    {
        var path = Path.Combine(layout.Staging, "key-rotation.duckdb");
        File.Delete(path);
        var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        try
        {
            DuckDbLake.Execute(connection, DuckDbLake.Settings(layout, memoryLimit));
            DuckDbLake.Execute(connection, "CREATE TABLE user_pairs (old VARCHAR, new VARCHAR); CREATE TABLE session_pairs (old VARCHAR, new VARCHAR)");
            var oldNames = new Pseudonymiser(from);
            var newNames = new Pseudonymiser(to);
            var users = new HashSet<string>(StringComparer.Ordinal);
            using (var userAppender = connection.CreateAppender("user_pairs"))
            using (var sessionAppender = connection.CreateAppender("session_pairs"))
            {
                foreach (var source in sources.Where(s => s.Kind is SourceKind.Text or SourceKind.GzipText))
                {
                    string? lastSession = null;
                    using var stream = source.Open(out _);
                    using var text = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
                    using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = true }).From(text);
                    foreach (var row in reader)
                    {
                        if (row.ColCount != Rees46Format.ColumnCount)
                        {
                            continue; // ingest keeps no identifier of a row with the wrong column count
                        }

                        if (oldNames.UserOrNull(row[7].Span) is { } oldUser && users.Add(oldUser))
                        {
                            userAppender.CreateRow().AppendValue(oldUser).AppendValue(newNames.UserOrNull(row[7].Span)).EndRow();
                        }

                        // Consecutive rows mostly share a session: skip the repeat here, the rest go in DISTINCT below.
                        if (oldNames.SessionOrNull(row[8].Span) is { } oldSession && oldSession != lastSession)
                        {
                            sessionAppender.CreateRow().AppendValue(oldSession).AppendValue(newNames.SessionOrNull(row[8].Span)).EndRow();
                            lastSession = oldSession;
                        }
                    }
                }
            }

            DuckDbLake.Execute(connection, """
                CREATE TABLE user_map AS SELECT DISTINCT old, new FROM user_pairs;
                CREATE TABLE session_map AS SELECT DISTINCT old, new FROM session_pairs;
                DROP TABLE user_pairs; DROP TABLE session_pairs;
                """);
            var counts = DuckDbLake.Read(connection, "SELECT (SELECT count(*) FROM user_map), (SELECT count(*) FROM session_map)").Rows[0];
            return new PseudonymMapping(connection, Convert.ToInt64(counts[0], CultureInfo.InvariantCulture), Convert.ToInt64(counts[1], CultureInfo.InvariantCulture));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Execute(string sql) => DuckDbLake.Execute(_connection, sql);

    public long Scalar(string sql) => Convert.ToInt64(DuckDbLake.Read(_connection, sql).Rows[0][0], CultureInfo.InvariantCulture);

    public IReadOnlyList<object?[]> Rows(string sql) => DuckDbLake.Read(_connection, sql).Rows;

    public void Dispose()
    {
        _connection.Dispose();
    }
}
