using DuckDB.NET.Data;
using EAmazing.Lake;
using EAmazing.Engine.DuckDb;
using EAmazing.Sources.Rees46;

namespace EAmazing.Core.Tests.Engine.DuckDb;

/// <summary>
/// Bronze streamed into the engine while reading: used only when every row was in order and in the first
/// row's month, and never left waiting when the engine fails.
/// </summary>
public sealed class RowStreamTests : IDisposable
{
    private static readonly DateTime First = new(2019, 10, 1, 0, 0, 5, DateTimeKind.Utc);
    private readonly string _folder = Directory.CreateTempSubdirectory("bronze-stream-").FullName;
    private readonly DuckDBConnection _connection = new("Data Source=:memory:");
    private long _line;

    public RowStreamTests() => _connection.Open();

    [Fact]
    public void Rows_in_order_and_in_one_month_become_the_bronze_file()
    {
        var target = Path.Combine(_folder, "bronze.parquet");
        var rows = Within(TimeSpan.FromSeconds(60), () =>
        {
            using var stream = Start(target);
            Stream(stream, First, First.AddSeconds(1), First.AddDays(3));
            return stream.Finish();
        });

        Assert.Equal(3, rows);
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM '{target}' WHERE event_type = 'view' AND price = 1.25 AND source_file = 'f1'";
        Assert.Equal(3L, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        // Every value as it was handed over: short texts stored inline, long ones, nulls, and the times to the second.
        command.CommandText = $"""
            SELECT count(*) FROM '{target}'
            WHERE brand = '{new string('b', 100)}' AND category_code IS NULL AND user_id = '{new string('a', 32)}'
              AND (user_session = 'short' OR (user_session IS NULL AND source_line = 2)) AND product_id = 1 AND category_id = 2
            """;
        Assert.Equal(3L, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        command.CommandText = $"SELECT list(event_time ORDER BY source_line) FROM '{target}'";
        Assert.Equal([First, First.AddSeconds(1), First.AddDays(3)], ((System.Collections.IEnumerable)command.ExecuteScalar()!).Cast<DateTime>());
    }

    [Fact]
    public void A_row_out_of_order_or_in_another_month_gives_the_stream_up()
    {
        Assert.Null(Within(TimeSpan.FromSeconds(60), () =>
        {
            using var stream = Start(Path.Combine(_folder, "back.parquet"));
            Stream(stream, First.AddSeconds(1), First);
            return stream.Finish();
        }));
        Assert.Null(Within(TimeSpan.FromSeconds(60), () =>
        {
            using var stream = Start(Path.Combine(_folder, "months.parquet"));
            Stream(stream, First, First.AddMonths(1));
            return stream.Finish();
        }));
    }

    [Fact]
    public void An_engine_failure_gives_the_stream_up_without_waiting_for_ever()
    {
        // The target's folder does not exist: the engine's COPY fails, and the writer must not wait for it.
        var target = Path.Combine(_folder, "missing", "bronze.parquet");
        Assert.Null(Within(TimeSpan.FromSeconds(60), () =>
        {
            using var stream = Start(target);
            for (var i = 0; i < 200_000; i++)
            {
                Stream(stream, First.AddSeconds(i));
            }

            return stream.Finish();
        }));
    }

    private RowStream Start(string target) => RowStream.StartBronze(_connection, First, target, "f1", "k1");

    // Rows as the parser hands them over (every few rows a null session, to reach both text forms and nulls).
    private void Stream(RowStream stream, params DateTime[] times)
    {
        foreach (var time in times)
        {
            stream.Check(time);
            _line++;
            var session = _line % 3 == 2 ? null : "short";
            stream.Add(new BronzeRow(time, EventType.View, 1, 2, null, new string('b', 100), 125, new string('a', 32), session, _line, 0), 1, 1);
        }
    }

    private static T Within<T>(TimeSpan limit, Func<T> action)
    {
        var task = Task.Run(action);
        Assert.True(task.Wait(limit), "the stream did not finish in time");
        return task.Result;
    }

    public void Dispose()
    {
        _connection.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
