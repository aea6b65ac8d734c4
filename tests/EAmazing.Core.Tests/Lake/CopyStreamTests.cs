using System.Text;
using DuckDB.NET.Data;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Lake;

/// <summary>
/// Bronze streamed into the engine while reading: used only when every row was in order and in the first
/// row's month, and never left waiting when the engine fails.
/// </summary>
public sealed class CopyStreamTests : IDisposable
{
    private static readonly DateTime First = new(2019, 10, 1, 0, 0, 5, DateTimeKind.Utc);
    private readonly string _folder = Directory.CreateTempSubdirectory("bronze-stream-").FullName;
    private readonly DuckDBConnection _connection = new("Data Source=:memory:");

    public CopyStreamTests() => _connection.Open();

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
        // The target's folder does not exist: the engine's COPY fails, before or after opening the pipe.
        var target = Path.Combine(_folder, "missing", "bronze.parquet");
        Assert.Null(Within(TimeSpan.FromSeconds(60), () =>
        {
            using var stream = Start(target);
            for (var i = 0; i < 2_000; i++)
            {
                Stream(stream, First.AddSeconds(i));
            }

            return stream.Finish();
        }));
    }

    private CopyStream Start(string target) =>
        CopyStream.TryStartBronze(_connection, Path.Combine(_folder, Path.GetFileName(target) + ".pipe"), First, target, "f1", "k1")
        ?? throw new InvalidOperationException("no named pipe on this system");

    // Staged lines as StagedEventFile formats them (long enough to fill the pipe's buffer when repeated).
    private static void Stream(CopyStream stream, params DateTime[] times)
    {
        foreach (var time in times)
        {
            stream.Check(time);
            var seconds = (time - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond;
            var line = $"{seconds},0,1,2,electronics.smartphone,{new string('b', 100)},125,{new string('a', 32)},{new string('c', 32)},1,1\n";
            stream.Write(Encoding.UTF8.GetBytes(line));
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
