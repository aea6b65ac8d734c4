using System.Globalization;
using DuckDB.NET.Data;
using EAmazing.Lake;

namespace EAmazing.Engine.DuckDb;

/// <summary>
/// Scratch space for one input file: valid rows in a CSV file in the lake's staging folder (read through a
/// view), rejected rows in a small in-memory table. Deleted when disposed. Rows marked for silver (not a
/// duplicate, file in time order) are also copied into one CSV per first hex digit of the user pseudonym,
/// so a month split into user buckets is written from its own rows, one scan each, without a sort. Bronze streams
/// (<see cref="RowStream"/>) from the first row; a file whose size says its month will need several silver buckets
/// also streams each user digit's silver rows into a COPY of its own from the first row
/// (<see cref="RowStream.StartSilver"/>), so silver is encoded during the read instead of after it; a file expected to
/// fit one bucket streams its month's whole silver file instead, used only if the month does fit. Once the month
/// has outgrown one bucket, the rows go to the streams only, not to disk: nothing would read them (at month scale
/// ~7 GB of lines, and their formatting). If the stream is then given up, <see cref="BronzeStreamGivenUpException"/>
/// says the file must be staged again. A month that ends with fewer buckets than digits merges its digits' files.
/// </summary>
internal sealed class DuckDbStaging : IStagingArea
{
    private const string Hex = "0123456789abcdef";
    private readonly string _path;
    private readonly DuckDBConnection _connection;
    private StagedEventFile? _events;
    private StagedEventFile[]? _users;
    private DuckDBAppender? _quarantine;
    private (Func<string, string> TargetOf, string FileId, string KeyId, long ExpectedRows)? _streamTo;
    private RowStream? _stream;
    private RowStream[]? _silverStreams;
    private long[]? _silverRows;
    private RowStream? _monthSilver;
    private long? _monthSilverRows;
    private long? _streamedRows;
    private readonly long _silverBucketRows;
    private long _staged;

    // Every staged row is in the events file (always, unless bronze streams and the month outgrew one silver bucket).
    private bool _eventsOnDisk = true;

    // Every silver row is in its user digit's file (always, unless silver streams and the month outgrew one bucket).
    private bool UsersOnDisk => _eventsOnDisk || _silverStreams is null;

    /// <param name="silverBucketRows">Beyond this many rows a month's silver has several user buckets (<see cref="UserBucket.For"/>), written from the users' files, not from the events file.</param>
    public DuckDbStaging(string path, string settings, long silverBucketRows)
    {
        _silverBucketRows = silverBucketRows;
        _path = path;
        DeleteFiles();
        _connection = new DuckDBConnection("Data Source=:memory:");
        _connection.Open();
        DuckDbLake.Execute(_connection, settings);
        DuckDbLake.Execute(_connection, LakeSql.Load("staging"));
        // One thread per statement: the staged rows are written by several statements at once (bronze while
        // reading, silver buckets side by side), each on its own core; measured on 2 shared cores, a statement
        // on 2 engine threads took about 1.5x the CPU of the same statement on one.
        DuckDbLake.Execute(_connection, "SET threads = 1");
        _events = new StagedEventFile(path + ".events.csv");
        _users = [.. Hex.Select(d => new StagedEventFile(UsersPath(d)))];
        _quarantine = _connection.CreateAppender("staged_quarantine");
    }

    /// <summary>The engine's current value of a setting, as it prints it (for tests).</summary>
    internal string Setting(string name)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT current_setting('{LakeSql.Literal(name)}')";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    public void StreamBronze(Func<string, string> targetOf, string fileId, string keyId, long expectedRows) =>
        _streamTo = (targetOf, fileId, keyId, expectedRows);

    public void Append(ReadOnlySpan<BronzeRow> rows, ReadOnlySpan<int> sessions, ReadOnlySpan<int> userNumbers, IReadOnlyList<QuarantinedRow> quarantined)
    {
        var events = _events ?? throw new InvalidOperationException("staging is sealed");
        var users = _users!;
        if (_streamTo is { } to && rows.Length > 0)
        {
            // Started on the first staged row, whose month the stream assumes.
            _streamTo = null;
            var month = rows[0].EventTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            _stream = RowStream.StartBronze(_connection, rows[0].EventTime, to.TargetOf(month), to.FileId, to.KeyId);
            if (to.ExpectedRows > _silverBucketRows)
            {
                // Several buckets expected: one silver COPY per user digit (see the class summary).
                _silverStreams = [.. Hex.Select(digit => RowStream.StartSilver(_connection, _stream.MonthStart, new UserBucket(digit, digit),
                    SilverDigitPath(digit), to.FileId, to.KeyId))];
            }
            else
            {
                // One bucket expected: the month's whole silver file streams too, the rows in bronze order.
                _monthSilver = RowStream.StartSilver(_connection, _stream.MonthStart, WholeMonth, MonthSilverPath, to.FileId, to.KeyId);
            }
        }

        var stream = _stream;
        _staged += rows.Length;
        if (stream is not null && _eventsOnDisk && _staged > _silverBucketRows && !stream.GivenUp)
        {
            // The stream's month (its only one) now has more than one silver bucket: the events file would be read
            // by nothing but the slow path, which a given-up stream now restarts from the source instead; nor would
            // the users' files, when silver streams too.
            events.OnDisk = false;
            _eventsOnDisk = false;
            _monthSilver?.GiveUp(); // several buckets after all: written from the users' files
        }

        var silver = _silverStreams;
        // Lines are formatted while a staged file keeps them (the users' files keep them at least as long as the events file).
        var usersOnDisk = UsersOnDisk;
        for (var i = 0; i < rows.Length; i++)
        {
            ref readonly var row = ref rows[i];
            var session = sessions[i];
            var user = userNumbers[i];
            var digit = session > 0 ? Hex.IndexOf(row.UserId[0], StringComparison.Ordinal) : -1;
            if (stream is not null)
            {
                stream.Check(row.EventTime);
                stream.Add(row, session, user, digit < 0 ? null : silver?[digit] ?? _monthSilver);
            }

            if (usersOnDisk)
            {
                var line = events.Append(row, session, user);
                if (digit >= 0)
                {
                    users[digit].AppendLine(line);
                }
            }
        }

        if (stream is not null && stream.GivenUp)
        {
            foreach (var digit in silver ?? [])
            {
                digit.GiveUp(); // silver streams live or die with bronze
            }

            _monthSilver?.GiveUp();

            if (!_eventsOnDisk)
            {
                throw new BronzeStreamGivenUpException(); // the rows so far are in no file: stop reading now
            }
        }

        var bad = _quarantine!;
        foreach (var q in quarantined)
        {
            bad.CreateRow()
                .AppendValue(q.SourceLine)
                .AppendValue(q.Reason.ToString())
                .AppendValue(q.Message)
                .AppendValue(q.ColumnCount)
                .AppendValue(q.EventTime)
                .AppendValue(q.EventType)
                .AppendValue(q.ProductId)
                .AppendValue(q.CategoryId)
                .AppendValue(q.CategoryCode)
                .AppendValue(q.Brand)
                .AppendValue(q.Price)
                .AppendValue(q.UserId)
                .AppendValue(q.UserSession)
                .EndRow();
        }
    }

    public void Seal()
    {
        if (_events is not null)
        {
            _events.Close();
            // The end of the data for every stream first, so their last row groups are encoded side by side.
            _stream?.EndOfData();
            _monthSilver?.EndOfData();
            foreach (var digit in _silverStreams ?? [])
            {
                digit.EndOfData();
            }

            _streamedRows = _stream?.Finish();
            // Used only while the staged files are complete too (the month never outgrew one bucket); null when given up.
            _monthSilverRows = _monthSilver?.Finish() is { } monthRows && _eventsOnDisk && _streamedRows is not null ? monthRows : null;
            if (_eventsOnDisk)
            {
                DuckDbLake.Execute(_connection, LakeSql.Render("staged_events", ("view", "staged_events"), ("sources", LakeSql.List([_events.Path]))));
            }

            _events = null;
            foreach (var users in _users!)
            {
                users.Close();
            }

            _users = null;
            if (_silverStreams is { } silver)
            {
                var rows = silver.Select(s => s.Finish()).ToList();
                if (!UsersOnDisk)
                {
                    if (rows.Any(r => r is null))
                    {
                        throw new BronzeStreamGivenUpException(); // an engine COPY failed: its digit's rows are in no file
                    }

                    _silverRows = [.. rows.Select(r => r!.Value)];
                }

                // Otherwise the month never outgrew one bucket (the file was smaller than its size suggested), or the
                // stream was given up: the users' files hold every silver row, and the streamed files are not used.
            }
        }

        _quarantine?.Dispose();
        _quarantine = null;
        if (!_eventsOnDisk && _streamedRows is null)
        {
            throw new BronzeStreamGivenUpException(); // the engine failed at the end of the stream
        }
    }

    public long CountDuplicates() => Scalar(LakeSql.Load("duplicates"));

    public long WriteBronze(string month, string target, string fileId, string keyId, bool alreadyOrdered)
    {
        if (_stream is { } stream && _streamedRows is { } rows && stream.Month == month && stream.Target == target)
        {
            return rows; // written while the file was read
        }

        if (!alreadyOrdered)
        {
            DuckDbLake.Execute(_connection, "RESET threads"); // a sort of the whole file, and nothing else runs beside it
        }

        return CopyBronze(_connection, "staged_events", month, target, fileId, keyId, alreadyOrdered);
    }

    /// <summary>One month of bronze from a view of staged rows (<c>staged_events</c> or <c>streamed_events</c>).</summary>
    internal static long CopyBronze(DuckDBConnection connection, string source, string month, string target, string fileId, string keyId, bool alreadyOrdered)
    {
        DuckDbLake.Execute(connection, LakeSql.Render("bronze",
            ("file_id", LakeSql.Literal(fileId)), ("key_id", LakeSql.Literal(keyId)), ("in_month", InMonth(month)), ("target", LakeSql.Literal(target)),
            ("source", source), ("order_by", alreadyOrdered ? "" : "ORDER BY event_time, source_line")));
        return ParquetRows(connection, target); // the file's metadata, not another scan of the staged rows
    }

    public long WriteSilver(string month, UserBucket bucket, bool wholeMonth, string target, string fileId, string keyId)
    {
        // Its own connection: buckets are written side by side (see IStagingArea.WriteSilver).
        using var connection = _connection.Duplicate();
        connection.Open();
        var first = Hex.IndexOf(bucket.First, StringComparison.Ordinal);
        var last = Hex.IndexOf(bucket.Last, StringComparison.Ordinal);
        if (_monthSilverRows is { } monthRows && wholeMonth && bucket == WholeMonth && _stream?.Month == month)
        {
            File.Move(MonthSilverPath, target, overwrite: true); // written while reading: the same rows the staged file gives
            return monthRows;
        }

        if (_silverRows is { } streamed && _stream?.Month == month)
        {
            // Written while reading, one file per digit: the bucket's file as it is, or its digits' files merged by time.
            if (first == last)
            {
                File.Move(SilverDigitPath(bucket.First), target, overwrite: true);
                return streamed[first];
            }

            DuckDbLake.Execute(connection, LakeSql.Render("silver_merge",
                ("sources", LakeSql.List(Hex[first..(last + 1)].Select(SilverDigitPath))), ("target", LakeSql.Literal(target))));
            return ParquetRows(connection, target);
        }

        var source = "staged_events";
        // The whole month from the staged events as they are, unless they only went to the bronze stream: then
        // from the users' files of every digit, merged by time like a bucket of several digits.
        var fromEvents = wholeMonth && _eventsOnDisk;
        if (!fromEvents)
        {
            source = $"staged_users_{bucket.First}{bucket.Last}";
            DuckDbLake.Execute(connection, LakeSql.Render("staged_events", ("view", source), ("sources", LakeSql.List(Hex[first..(last + 1)].Select(UsersPath)))));
        }

        // One digit's file (or the whole file) is in source order; several digits' files are merged by time.
        return CopySilver(connection, source, month, bucket, target, fileId, keyId, alreadyOrdered: fromEvents || first == last);
    }

    /// <summary>One silver bucket of a month from a view of staged rows with their session marks.</summary>
    internal static long CopySilver(DuckDBConnection connection, string source, string month, UserBucket bucket, string target, string fileId, string keyId, bool alreadyOrdered)
    {
        DuckDbLake.Execute(connection, LakeSql.Render("silver_staged",
            ("file_id", LakeSql.Literal(fileId)), ("key_id", LakeSql.Literal(keyId)), ("in_month", InMonth(month)), ("target", LakeSql.Literal(target)),
            ("source", source), ("user_from", bucket.From), ("user_to", bucket.To),
            ("order_by", alreadyOrdered ? "" : "ORDER BY event_time, source_line")));
        return ParquetRows(connection, target);
    }

    public long WriteQuarantine(string target, string fileId, string fileName, string keyId)
    {
        DuckDbLake.Execute(_connection, LakeSql.Render("quarantine",
            ("file_id", LakeSql.Literal(fileId)), ("file_name", LakeSql.Literal(fileName)), ("key_id", LakeSql.Literal(keyId)), ("target", LakeSql.Literal(target))));
        return Scalar("SELECT count(*) FROM staged_quarantine");
    }

    /// <summary>The rows of one month ("yyyy-MM"), as a range on event_time.</summary>
    private static string InMonth(string month)
    {
        var start = DateTime.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture);
        return $"event_time >= TIMESTAMP '{start:yyyy-MM-dd}' AND event_time < TIMESTAMP '{start.AddMonths(1):yyyy-MM-dd}'";
    }

    private static long ParquetRows(DuckDBConnection connection, string path) =>
        Scalar(connection, $"SELECT CAST(coalesce(sum(num_rows), 0) AS BIGINT) FROM parquet_file_metadata('{LakeSql.Literal(path)}')");

    private long Scalar(string sql) => Scalar(_connection, sql);

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private string UsersPath(char digit) => $"{_path}.users-{digit}.csv";

    private string SilverDigitPath(char digit) => $"{_path}.silver-{digit}.parquet";

    private string MonthSilverPath => $"{_path}.silver-month.parquet";

    private static UserBucket WholeMonth { get; } = new('0', 'f');

    private void DeleteFiles()
    {
        File.Delete(_path + ".events.csv");
        foreach (var digit in Hex)
        {
            File.Delete(UsersPath(digit));
            File.Delete(SilverDigitPath(digit));
        }

        File.Delete(MonthSilverPath);

        File.Delete(_path);
        File.Delete(_path + ".wal");
    }

    public void Dispose()
    {
        _events?.Dispose();
        _events = null;
        foreach (var users in _users ?? [])
        {
            users.Dispose();
        }

        _users = null;
        _quarantine?.Dispose();
        _stream?.Dispose();
        _monthSilver?.Dispose();
        foreach (var silver in _silverStreams ?? [])
        {
            silver.Dispose();
        }

        _connection.Dispose();
        DeleteFiles();
    }
}
