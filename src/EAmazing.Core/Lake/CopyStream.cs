using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;

namespace EAmazing.Lake;

/// <summary>
/// A layer written while the input is still being read: staged lines also go into a named pipe that an engine
/// COPY reads, so the Parquet encoding runs on the other core during parsing instead of after it (measured: the
/// Parquet writing, not the CSV scan, is most of a layer's step). Bronze (<see cref="TryStartBronze"/>) is
/// speculative: it assumes a time-ordered file of one month (the common case for the published files) and gives
/// up as soon as a row says otherwise (<see cref="Check"/>); the engine's output is then discarded, and the
/// staging area has the file staged again (its rows went to the pipe only, see
/// <see cref="BronzeStreamGivenUpException"/>). Silver (<see cref="TryStartSilver"/>) streams one user digit of
/// that same month and lives or dies with the bronze stream.
/// </summary>
internal sealed class CopyStream : IDisposable
{
    // Linux F_SETPIPE_SZ: a 1 MiB pipe takes a whole flushed block, so the writer goes on while the engine parses it
    // (with the default 64 KiB the writer waits for each of several engine statements in turn).
    private const int SetPipeSize = 1031;
    private const int PipeBytes = 1 << 20;

    private readonly string _pipe;
    private readonly DateTime _monthStart;
    private readonly DateTime _monthEnd;
    private readonly DuckDBConnection _connection;
    private readonly Task<long> _copy;
    private readonly Lock _gate = new();

    // Blocks handed over and not yet in the pipe, fed by a thread of their own: while the engine encodes a row group
    // it reads nothing, and a writer blocked on the pipe stalled the parsing behind it too. A fixed set of buffers
    // (not the shared array pool: megabyte arrays there would be fresh large-object allocations) bounds the memory.
    private readonly BlockingCollection<(byte[] Bytes, int Length)> _blocks = new();
    private readonly BlockingCollection<byte[]> _free;
    private readonly int _buffers;
    private int _allocated;
    private Task? _feeder;
    private volatile bool _givenUp;
    private DateTime _last;
    private bool _opening;
    private bool _failed;

    private CopyStream(DuckDBConnection parent, string pipe, DateTime monthStart, string target, int buffers, Func<DuckDBConnection, string, long> copy)
    {
        _pipe = pipe;
        _buffers = buffers;
        _free = new BlockingCollection<byte[]>(buffers);
        // Its own connection: statements of one connection run one at a time, and streams run side by side.
        _connection = parent.Duplicate();
        _connection.Open();
        _monthStart = monthStart;
        _monthEnd = monthStart.AddMonths(1);
        _last = monthStart;
        Target = target;
        _copy = Task.Factory.StartNew(() =>
        {
            try
            {
                return copy(_connection, pipe);
            }
            catch
            {
                Unblock();
                throw;
            }
        }, TaskCreationOptions.LongRunning);
        lock (_gate)
        {
            if (_failed)
            {
                _givenUp = true;
                return;
            }

            _opening = true;
        }

        // Opening the write end waits for the engine to open the read end (or for Unblock when it failed first).
        var writer = new FileStream(pipe, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 0);
        _ = SetPipeSizeOf(writer.SafeFileHandle.DangerousGetHandle().ToInt32(), SetPipeSize, PipeBytes); // best effort: the default size works, slower
        lock (_gate)
        {
            _opening = false;
        }

        _feeder = Task.Factory.StartNew(() => Feed(writer), TaskCreationOptions.LongRunning);
    }

    public DateTime MonthStart => _monthStart;

    public string Month => _monthStart.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public string Target { get; }

    /// <summary>True once a row broke the time order or the month, or the engine stopped reading.</summary>
    public bool GivenUp => _givenUp;

    /// <summary>
    /// Starts streaming the month of <paramref name="first"/> into <paramref name="target"/>; null where a
    /// named pipe cannot be made (then bronze is written after reading, as before).
    /// </summary>
    public static CopyStream? TryStartBronze(DuckDBConnection connection, string pipe, DateTime first, string target, string fileId, string keyId)
    {
        if (!TryMakePipe(pipe))
        {
            return null;
        }

        var month = new DateTime(first.Year, first.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        // Bronze takes every row: room for a few row groups' worth of lines while the engine encodes one.
        return new CopyStream(connection, pipe, month, target, buffers: 32, (own, source) =>
        {
            DuckDbLake.Execute(own, LakeSql.Render("staged_events", ("view", "streamed_events"), ("sources", LakeSql.List([source]))));
            return DuckDbStaging.CopyBronze(own, "streamed_events", month.ToString("yyyy-MM", CultureInfo.InvariantCulture), target, fileId, keyId, alreadyOrdered: true);
        });
    }

    /// <summary>
    /// Starts streaming the silver rows of one user digit (the users whose pseudonym starts with
    /// <paramref name="bucket"/>'s digit) of <paramref name="month"/>, already deduplicated and sessionised, into
    /// <paramref name="target"/>; null where a named pipe cannot be made.
    /// </summary>
    public static CopyStream? TryStartSilver(DuckDBConnection connection, string pipe, DateTime month, UserBucket bucket, string target, string fileId, string keyId)
    {
        if (!TryMakePipe(pipe))
        {
            return null;
        }

        // One digit of sixteen: a sixteenth of the rows, and sixteen such streams side by side.
        return new CopyStream(connection, pipe, month, target, buffers: 4, (own, source) =>
        {
            var view = $"streamed_users_{bucket.First}";
            DuckDbLake.Execute(own, LakeSql.Render("staged_events", ("view", view), ("sources", LakeSql.List([source]))));
            return DuckDbStaging.CopySilver(own, view, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), bucket, target, fileId, keyId, alreadyOrdered: true);
        });
    }

    private static bool TryMakePipe(string pipe)
    {
        File.Delete(pipe);
        return OperatingSystem.IsLinux() && MakeFifo(pipe, Convert.ToUInt32("600", 8)) == 0;
    }

    /// <summary>Checks one staged row: still in time order and in the month, else the stream is given up.</summary>
    public void Check(DateTime eventTime)
    {
        if (eventTime < _last || eventTime >= _monthEnd)
        {
            GiveUp();
            return;
        }

        _last = eventTime;
    }

    /// <summary>Hands formatted lines to the engine (copied: the caller reuses its buffer); blocks while every buffer waits for it. One writing thread.</summary>
    public void Write(ReadOnlySpan<byte> lines)
    {
        if (_givenUp || lines.IsEmpty || _blocks.IsAddingCompleted)
        {
            return;
        }

        if (!_free.TryTake(out var buffer))
        {
            buffer = ++_allocated <= _buffers ? new byte[Math.Max(lines.Length, PipeBytes + (64 << 10))] : _free.Take();
        }

        if (buffer.Length < lines.Length)
        {
            buffer = new byte[lines.Length];
        }

        lines.CopyTo(buffer);
        _blocks.Add((buffer, lines.Length));
    }

    /// <summary>
    /// Ends the data and waits for the engine; the rows of the finished bronze file, or null when it is not
    /// usable (given up, or the engine failed: bronze is then written after reading, which reports any failure).
    /// </summary>
    public long? Finish()
    {
        _blocks.CompleteAdding();
        _feeder?.GetAwaiter().GetResult(); // every block in the pipe (or dropped when given up), the pipe closed
        var complete = !_givenUp;
        try
        {
            var rows = _copy.GetAwaiter().GetResult();
            return complete ? rows : null;
        }
        catch (Exception e) when (e is DuckDB.NET.Data.DuckDBException or IOException)
        {
            return null; // whatever the engine made of the data is overwritten
        }
    }

    // The stream's output will not be used: the blocks still queued are dropped and the pipe closed, so the engine
    // reads to the end of what it got and stops.
    private void GiveUp()
    {
        _givenUp = true;
        _blocks.CompleteAdding();
    }

    private void Feed(FileStream writer)
    {
        foreach (var (bytes, length) in _blocks.GetConsumingEnumerable())
        {
            if (!_givenUp)
            {
                try
                {
                    writer.Write(bytes, 0, length);
                }
                catch (IOException)
                {
                    _givenUp = true; // the engine stopped reading (it failed): the pipe is broken
                }
            }

            _free.TryAdd(bytes); // always room: no more buffers exist than it holds
        }

        try
        {
            writer.Dispose(); // the engine reads what is left in the pipe, then the end of the data
        }
        catch (IOException)
        {
            // A broken pipe: the engine failed, which Finish reports.
        }
    }

    // The engine failed: if the writer is waiting to open the pipe, open the read end once so it can go on
    // (its writes then fail with a broken pipe and the stream is given up). Under the lock, so the writer's
    // end is open or being opened, and this open cannot wait for ever.
    private void Unblock()
    {
        lock (_gate)
        {
            _failed = true;
            if (_opening)
            {
                using var reader = new FileStream(_pipe, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 0);
            }
        }
    }

    public void Dispose()
    {
        GiveUp();
        try
        {
            _feeder?.Wait();
            _copy.Wait();
        }
        catch (AggregateException)
        {
            // Disposed after a failure elsewhere: that failure is the one reported.
        }

        _connection.Dispose();
        _blocks.Dispose();
        _free.Dispose();
        File.Delete(_pipe);
    }

    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int SetPipeSizeOf(int fd, int command, int bytes);

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}
