using System.Globalization;
using EAmazing.Ingestion;
using EAmazing.Lake;
using EAmazing.Sources.Rees46;
using EAmazing.Privacy;

namespace EAmazing.Governance.Keys;

/// <summary>
/// Old pseudonym → new pseudonym for every user and session of the source files, in a database of its own in the lake
/// (<see cref="LakeLayout.KeyRotationMapping"/>). It holds pseudonyms only: raw ids are read from the source files,
/// hashed under both keys in memory and forgotten. The rewrite queries join the lake's files to it. A rotation that stops
/// reopens it when it runs again, if it was finished for the same keys and source files (making it at seven months took
/// 11-28 minutes); the rotation deletes it once nothing is left on the old key, since it links the two keys' pseudonyms.
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
    /// Streams every source file as ingest reads it (same decompression, same CSV reader, columns found by the same
    /// header rules) and maps each id that ingest would pseudonymise, valid or quarantined row alike: user_id where it
    /// parses as an integer, user_session where it parses as a UUID. The files are read in parallel, one per core.
    /// </summary>
    public static PseudonymMapping OpenOrBuild(
        ILakeEngines engines, LakeLayout layout, IReadOnlyList<SourceFile> sources, PseudonymKey from, PseudonymKey to, string memoryLimit, out bool reopened)
    {
        var made = Signature(sources, from, to);
        if (File.Exists(layout.KeyRotationMapping))
        {
            if (Reopen(engines, layout, memoryLimit, made) is { } kept)
            {
                reopened = true;
                return kept;
            }

            Delete(layout);
        }

        reopened = false;
        return Build(engines, layout, sources, from, to, memoryLimit, made);
    }

    /// <summary>Deletes the mapping's database (and its write-ahead log), if any.</summary>
    public static void Delete(LakeLayout layout)
    {
        File.Delete(layout.KeyRotationMapping);
        File.Delete(layout.KeyRotationMapping + ".wal");
    }

    /// <summary>What a mapping is for: both key ids and the source files' SHA-256, in order (no key, no id).</summary>
    private static string Signature(IReadOnlyList<SourceFile> sources, PseudonymKey from, PseudonymKey to) =>
        $"{from.KeyId}>{to.KeyId}:" + string.Join(',', sources.Select(s => s.Sha256).Order(StringComparer.Ordinal));

    /// <summary>The kept mapping when it was finished for <paramref name="signature"/>; null when it is another rotation's, unfinished or damaged.</summary>
    private static PseudonymMapping? Reopen(ILakeEngines engines, LakeLayout layout, string memoryLimit, string signature)
    {
        IScratchDatabase? database = null;
        try
        {
            database = engines.OpenKept(layout, layout.KeyRotationMapping, memoryLimit);
            if (Convert.ToInt64(database.Scalar("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'mapping_made'"), CultureInfo.InvariantCulture) == 1
                && database.Read("SELECT signature, users, sessions FROM mapping_made").Rows is [var row] && (string?)row[0] == signature)
            {
                return new PseudonymMapping(database, Convert.ToInt64(row[1], CultureInfo.InvariantCulture), Convert.ToInt64(row[2], CultureInfo.InvariantCulture));
            }
        }
        catch (System.Data.Common.DbException)
        {
            // not a database this code finished writing: made again
        }

        database?.Dispose();
        return null;
    }

    private static PseudonymMapping Build(
        ILakeEngines engines, LakeLayout layout, IReadOnlyList<SourceFile> sources, PseudonymKey from, PseudonymKey to, string memoryLimit, string signature)
    {
        var database = engines.OpenKept(layout, layout.KeyRotationMapping, memoryLimit);
        try
        {
            database.Execute("CREATE TABLE user_pairs (old VARCHAR, new VARCHAR); CREATE TABLE session_pairs (old VARCHAR, new VARCHAR)");
            using (var pairs = new PairWriter(database))
            {
                // One pair of pseudonymisers per file: they are not thread-safe, and their caches keep the repeats out.
                Parallel.ForEach(
                    sources.Where(s => s.Kind is SourceKind.Text or SourceKind.GzipText),
                    new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                    source => MapFile(source, new Pseudonymiser(from), new Pseudonymiser(to), pairs));
            }

            database.Execute("""
                CREATE TABLE user_map AS SELECT DISTINCT old, new FROM user_pairs;
                CREATE TABLE session_map AS SELECT DISTINCT old, new FROM session_pairs;
                DROP TABLE user_pairs; DROP TABLE session_pairs;
                """);
            // Written last and made durable: a mapping without this row is an unfinished one, made again.
            database.Execute($"""
                CREATE TABLE mapping_made AS SELECT '{LakeSql.Literal(signature)}' AS signature, (SELECT count(*) FROM user_map) AS users, (SELECT count(*) FROM session_map) AS sessions;
                CHECKPOINT;
                """);
            var counts = database.Read("SELECT users, sessions FROM mapping_made").Rows[0];
            return new PseudonymMapping(database, Convert.ToInt64(counts[0], CultureInfo.InvariantCulture), Convert.ToInt64(counts[1], CultureInfo.InvariantCulture));
        }
        catch
        {
            database.Dispose();
            Delete(layout); // a partial mapping is never reopened: give its space back
            throw;
        }
    }

    private static void MapFile(SourceFile source, Pseudonymiser oldNames, Pseudonymiser newNames, PairWriter pairs)
    {
        using var stream = source.Open(out _);
        using var text = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var reader = Rees46Csv.Read(text);
        var columns = Rees46Columns.Published;
        var first = true;
        var batch = new PairBatch();
        foreach (var row in reader)
        {
            if (first)
            {
                first = false;
                if (Rees46Columns.IsHeader(row))
                {
                    if (!Rees46Columns.TryMap(row, out columns, out _))
                    {
                        return; // ingest refused the file at its header: it gave the lake no row
                    }

                    continue;
                }
            }

            if (row.ColCount != Rees46Format.ColumnCount)
            {
                continue; // ingest keeps no identifier of a row with the wrong column count
            }

            // Only a pseudonym computed now is new to this file's pseudonymiser; the cached ones were recorded already.
            var user = row[columns[7]].Span;
            if (oldNames.UserOrNull(user, out var hashedUser) is { } oldUser && hashedUser)
            {
                batch.Users.Add((oldUser, newNames.UserOrNull(user)));
            }

            var session = row[columns[8]].Span;
            if (oldNames.SessionOrNull(session, out var hashedSession) is { } oldSession && hashedSession)
            {
                batch.Sessions.Add((oldSession, newNames.SessionOrNull(session)));
            }

            if (batch.Users.Count + batch.Sessions.Count >= PairBatch.Size)
            {
                pairs.Write(batch);
            }
        }

        pairs.Write(batch);
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

    private sealed class PairBatch
    {
        public const int Size = 1 << 15;

        public List<(string Old, string? New)> Users { get; } = new(Size);

        public List<(string Old, string? New)> Sessions { get; } = new(Size);
    }

    /// <summary>The scratch tables' appenders, shared by the files' threads one batch at a time (an appender is not thread-safe).</summary>
    private sealed class PairWriter(IScratchDatabase database) : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly IRowAppender _users = database.Appender("user_pairs");
        private readonly IRowAppender _sessions = database.Appender("session_pairs");

        public void Write(PairBatch batch)
        {
            lock (_gate)
            {
                foreach (var (old, next) in batch.Users)
                {
                    _users.Append(old, next);
                }

                foreach (var (old, next) in batch.Sessions)
                {
                    _sessions.Append(old, next);
                }
            }

            batch.Users.Clear();
            batch.Sessions.Clear();
        }

        public void Dispose()
        {
            _users.Dispose();
            _sessions.Dispose();
        }
    }
}
