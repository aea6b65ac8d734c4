using System.Globalization;
using DuckDB.NET.Data;
using EAmazing.Ingestion;

namespace EAmazing.Lake;

/// <summary>
/// Scratch space for one input file: valid rows in a CSV file in the lake's staging folder (read through a
/// view), rejected rows in a small in-memory table. Deleted when disposed.
/// </summary>
internal sealed class DuckDbStaging : IStagingArea
{
    private readonly string _path;
    private readonly DuckDBConnection _connection;
    private StagedEventFile? _events;
    private DuckDBAppender? _quarantine;

    public DuckDbStaging(string path, string settings)
    {
        _path = path;
        DeleteFiles();
        _connection = new DuckDBConnection("Data Source=:memory:");
        _connection.Open();
        DuckDbLake.Execute(_connection, settings);
        DuckDbLake.Execute(_connection, LakeSql.Load("staging"));
        _events = new StagedEventFile(path + ".events.csv");
        _quarantine = _connection.CreateAppender("staged_quarantine");
    }

    public void Append(ReadOnlySpan<BronzeRow> rows, IReadOnlyList<QuarantinedRow> quarantined)
    {
        var events = _events ?? throw new InvalidOperationException("staging is sealed");
        foreach (ref readonly var r in rows)
        {
            events.Append(r);
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
            DuckDbLake.Execute(_connection, LakeSql.Render("staged_events", ("source", LakeSql.Literal(_events.Path))));
            _events = null;
        }

        _quarantine?.Dispose();
        _quarantine = null;
    }

    public long CountDuplicates() => Scalar(LakeSql.Load("duplicates"));

    public long WriteBronze(string month, string target, string fileId, string keyId, bool alreadyOrdered)
    {
        DuckDbLake.Execute(_connection, LakeSql.Render("bronze",
            ("file_id", LakeSql.Literal(fileId)), ("key_id", LakeSql.Literal(keyId)), ("month", LakeSql.Literal(month)), ("target", LakeSql.Literal(target)),
            ("order_by", alreadyOrdered ? "" : "ORDER BY event_time, source_line")));
        return Scalar($"SELECT count(*) FROM staged_events WHERE strftime(event_time, '%Y-%m') = '{LakeSql.Literal(month)}'");
    }

    public long WriteQuarantine(string target, string fileId, string fileName, string keyId)
    {
        DuckDbLake.Execute(_connection, LakeSql.Render("quarantine",
            ("file_id", LakeSql.Literal(fileId)), ("file_name", LakeSql.Literal(fileName)), ("key_id", LakeSql.Literal(keyId)), ("target", LakeSql.Literal(target))));
        return Scalar("SELECT count(*) FROM staged_quarantine");
    }

    private long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void DeleteFiles()
    {
        File.Delete(_path + ".events.csv");
        File.Delete(_path);
        File.Delete(_path + ".wal");
    }

    public void Dispose()
    {
        _events?.Dispose();
        _events = null;
        _quarantine?.Dispose();
        _connection.Dispose();
        DeleteFiles();
    }
}
