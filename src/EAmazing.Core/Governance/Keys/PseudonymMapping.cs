using System.Globalization;
using EAmazing.Ingestion;
using EAmazing.Lake;
using EAmazing.Sources.Rees46;
using nietras.SeparatedValues;
using EAmazing.Privacy;

namespace EAmazing.Governance.Keys;

/// <summary>
/// Old pseudonym → new pseudonym for every user and session of the source files, in a scratch database in the
/// lake's scratch folder (emptied on every open). It holds pseudonyms only: raw ids are read from the source
/// files, hashed under both keys in memory and forgotten. The rewrite queries join the lake's files to it.
/// </summary>
public sealed class PseudonymMapping : IDisposable
{
    private readonly IScratchDatabase _database;

    private PseudonymMapping(IScratchDatabase database, long users, long sessions)
    {
        _database = database;
        Users = users;
        Sessions = sessions;
    }

    public long Users { get; }

    public long Sessions { get; }

    /// <summary>
    /// Streams every source file as ingest reads it (same decompression, same CSV reader) and maps each id that
    /// ingest would pseudonymise, valid or quarantined row alike: user_id where it parses as an integer,
    /// user_session where it parses as a UUID.
    /// </summary>
    public static PseudonymMapping Build(ILakeEngines engines, LakeLayout layout, IReadOnlyList<SourceFile> sources, PseudonymKey from, PseudonymKey to, string memoryLimit)
    {
        var database = engines.OpenScratch(layout, "key-rotation", memoryLimit);
        try
        {
            database.Execute("CREATE TABLE user_pairs (old VARCHAR, new VARCHAR); CREATE TABLE session_pairs (old VARCHAR, new VARCHAR)");
            var oldNames = new Pseudonymiser(from);
            var newNames = new Pseudonymiser(to);
            var users = new HashSet<string>(StringComparer.Ordinal);
            using (var userAppender = database.Appender("user_pairs"))
            using (var sessionAppender = database.Appender("session_pairs"))
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
                            userAppender.Append(oldUser, newNames.UserOrNull(row[7].Span));
                        }

                        // Consecutive rows mostly share a session: skip the repeat here, the rest go in DISTINCT below.
                        if (oldNames.SessionOrNull(row[8].Span) is { } oldSession && oldSession != lastSession)
                        {
                            sessionAppender.Append(oldSession, newNames.SessionOrNull(row[8].Span));
                            lastSession = oldSession;
                        }
                    }
                }
            }

            database.Execute("""
                CREATE TABLE user_map AS SELECT DISTINCT old, new FROM user_pairs;
                CREATE TABLE session_map AS SELECT DISTINCT old, new FROM session_pairs;
                DROP TABLE user_pairs; DROP TABLE session_pairs;
                """);
            var counts = database.Read("SELECT (SELECT count(*) FROM user_map), (SELECT count(*) FROM session_map)").Rows[0];
            return new PseudonymMapping(database, Convert.ToInt64(counts[0], CultureInfo.InvariantCulture), Convert.ToInt64(counts[1], CultureInfo.InvariantCulture));
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public void Execute(string sql) => _database.Execute(sql);

    public long Scalar(string sql) => Convert.ToInt64(_database.Read(sql).Rows[0][0], CultureInfo.InvariantCulture);

    public IReadOnlyList<object?[]> Rows(string sql) => _database.Read(sql).Rows;

    /// <summary>Bulk inserts into a scratch table of the mapping's database (the rewrite queries can join it to the maps).</summary>
    public IRowAppender Appender(string table) => _database.Appender(table);

    public void Dispose()
    {
        _database.Dispose();
    }
}
