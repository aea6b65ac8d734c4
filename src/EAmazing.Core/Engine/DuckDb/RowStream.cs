using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using EAmazing.Lake;

namespace EAmazing.Engine.DuckDb;

/// <summary>
/// A layer written while the input is still being read: staged rows go in column batches (<see cref="RowBatch"/>)
/// to an engine COPY that reads them through a table function of its own, so the Parquet encoding runs on the other
/// core during parsing instead of after it. The rows reach the engine as typed columns: no text is formatted for it
/// and none parsed again (measured: the engine's CSV scan of staged lines was about a tenth of an ingest's CPU, and
/// the lines' formatting and the pipe they went through more). Bronze (<see cref="StartBronze"/>) is speculative: it
/// assumes a time-ordered file of one month (the common case for the published files) and gives up as soon as a row
/// says otherwise (<see cref="Check"/>); the engine's output is then discarded, and the staging area has the file
/// staged again (see <see cref="BronzeStreamGivenUpException"/>). Silver (<see cref="StartSilver"/>) streams one user
/// bucket of that same month (one digit, or all of them) and lives or dies with the bronze stream.
/// </summary>
internal sealed class RowStream : IDisposable
{
    // Streams by id, for the engine's callbacks (the id is the table function's extra info): a stream that is gone is
    // simply not found, where a freed handle would be a crash.
    private static readonly ConcurrentDictionary<int, RowStream> Live = new();
    private static int _lastId;
    private static readonly int VectorRows = checked((int)NativeMethods.Helpers.DuckDBVectorSize());

    private readonly int _id;
    private readonly DateTime _monthStart;
    private readonly DateTime _monthEnd;
    private readonly DuckDBConnection _connection;
    private readonly Task<long> _copy;

    // Full batches waiting for the engine, and a fixed set of batches to fill (bounds the memory; the writer waits for
    // the engine when all are full).
    private readonly BlockingCollection<RowBatch> _full = new();
    private readonly BlockingCollection<RowBatch> _free;
    private readonly int _batches;
    private readonly int _batchRows;
    private int _allocated;
    private RowBatch? _filling;
    private RowBatch? _reading;
    private int _read;
    private volatile bool _givenUp;
    private DateTime _last;

    private RowStream(DuckDBConnection parent, DateTime monthStart, string target, int batches, int batchRows, Func<DuckDBConnection, string, long> copy)
    {
        _batches = batches;
        _batchRows = batchRows;
        _free = new BlockingCollection<RowBatch>(batches);
        _monthStart = monthStart;
        _monthEnd = monthStart.AddMonths(1);
        _last = monthStart;
        Target = target;
        _id = Interlocked.Increment(ref _lastId);
        // Its own connection: statements of one connection run one at a time, and streams run side by side.
        _connection = parent.Duplicate();
        var function = $"staged_rows_{_id}";
        try
        {
            _connection.Open();
            Register(_connection, function, _id);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }

        Live[_id] = this;
        _copy = Task.Factory.StartNew(() =>
        {
            try
            {
                return copy(_connection, $"{function}()");
            }
            catch
            {
                GiveUp(); // the writer must not wait for an engine that stopped reading
                throw;
            }
        }, TaskCreationOptions.LongRunning);
    }

    public DateTime MonthStart => _monthStart;

    public string Month => _monthStart.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public string Target { get; }

    /// <summary>True once a row broke the time order or the month, or the engine stopped reading.</summary>
    public bool GivenUp => _givenUp;

    /// <summary>Starts streaming the month of <paramref name="first"/> into <paramref name="target"/>.</summary>
    public static RowStream StartBronze(DuckDBConnection connection, DateTime first, string target, string fileId, string keyId)
    {
        var month = new DateTime(first.Year, first.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        // Bronze takes every row: room for a few row groups' worth while the engine encodes one.
        return new RowStream(connection, month, target, batches: 8, batchRows: 16 * VectorRows, (own, source) =>
            DuckDbStaging.CopyBronze(own, source, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), target, fileId, keyId, alreadyOrdered: true));
    }

    /// <summary>
    /// Starts streaming the silver rows of one user bucket (the users whose pseudonym starts with one of
    /// <paramref name="bucket"/>'s digits) of <paramref name="month"/>, already deduplicated and sessionised, into
    /// <paramref name="target"/>.
    /// </summary>
    public static RowStream StartSilver(DuckDBConnection connection, DateTime month, UserBucket bucket, string target, string fileId, string keyId) =>
        // Usually one digit of sixteen: a sixteenth of the rows, and sixteen such streams side by side.
        new(connection, month, target, batches: 3, batchRows: 2 * VectorRows, (own, source) =>
            DuckDbStaging.CopySilver(own, source, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), bucket, target, fileId, keyId, alreadyOrdered: true));

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

    /// <summary>
    /// Hands one row to the engine, and to <paramref name="alsoTo"/> (a silver digit's stream) when given, from the
    /// text encoded here; waits while every batch waits for the engine. One writing thread.
    /// </summary>
    public void Add(in BronzeRow row, int session, int userNumber, RowStream? alsoTo = null)
    {
        if (_givenUp || (_filling ?? NextBatch()) is not { } batch)
        {
            return;
        }

        batch.Add(row, session, userNumber);
        alsoTo?.AddCopyOf(batch, batch.Count - 1);
        Filled(batch);
    }

    private void AddCopyOf(RowBatch other, int index)
    {
        if (_givenUp || (_filling ?? NextBatch()) is not { } batch)
        {
            return;
        }

        batch.AddCopyOf(other, index);
        Filled(batch);
    }

    private void Filled(RowBatch batch)
    {
        _filling = batch;
        if (batch.IsFull)
        {
            Hand(batch);
            _filling = null;
        }
    }

    /// <summary>
    /// Ends the data and waits for the engine; the rows of the finished file, or null when it is not usable (given
    /// up, or the engine failed: the file is then written after reading, which reports any failure).
    /// </summary>
    public long? Finish()
    {
        EndOfData();
        try
        {
            var rows = _copy.GetAwaiter().GetResult();
            return _givenUp ? null : rows;
        }
        catch (DuckDBException)
        {
            return null; // whatever the engine made of the data is overwritten
        }
    }

    /// <summary>No more rows: the engine gets the last batch, then the end of the data.</summary>
    public void EndOfData()
    {
        if (_filling is { Count: > 0 } last)
        {
            Hand(last);
        }

        _filling = null;
        _full.CompleteAdding();
    }

    // The stream's output will not be used: the engine gets the end of the data at its next chunk.
    public void GiveUp()
    {
        _givenUp = true;
        _full.CompleteAdding();
    }

    private RowBatch? NextBatch()
    {
        if (_free.TryTake(out var batch))
        {
            return batch;
        }

        if (_allocated < _batches)
        {
            _allocated++;
            return new RowBatch(_batchRows);
        }

        // Every batch is with the engine: wait for one back, but not for an engine that stopped.
        while (!_free.TryTake(out batch, 100))
        {
            if (_givenUp)
            {
                return null;
            }
        }

        return batch;
    }

    private void Hand(RowBatch batch)
    {
        try
        {
            _full.Add(batch);
        }
        catch (InvalidOperationException) when (_givenUp)
        {
            // Given up meanwhile: the batch is not needed.
        }
    }

    // On the engine's thread: the next vector's worth of rows into its output chunk; no rows at the end of the data.
    private void Produce(nint chunk)
    {
        while (_reading is null || _read == _reading.Count)
        {
            if (_reading is not null)
            {
                _reading.Clear();
                _free.Add(_reading); // never more batches than it holds
                _reading = null;
            }

            if (_givenUp || !_full.TryTake(out var next, Timeout.Infinite))
            {
                DuckDbVectors.SetRowCount(chunk, 0);
                return;
            }

            _reading = next;
            _read = 0;
        }

        var rows = Math.Min(VectorRows, _reading.Count - _read);
        _reading.WriteTo(chunk, _read, rows);
        _read += rows;
        DuckDbVectors.SetRowCount(chunk, (ulong)rows);
    }

    public void Dispose()
    {
        GiveUp();
        try
        {
            _copy.Wait();
        }
        catch (AggregateException)
        {
            // Disposed after a failure elsewhere: that failure is the one reported.
        }

        Live.TryRemove(_id, out _);
        _connection.Dispose();
        _full.Dispose();
        _free.Dispose();
    }

    private static unsafe void Register(DuckDBConnection connection, string name, int id)
    {
        var function = NativeMethods.TableFunction.DuckDBCreateTableFunction();
        try
        {
            NativeMethods.TableFunction.DuckDBTableFunctionSetName(function, name);
            NativeMethods.TableFunction.DuckDBTableFunctionSetExtraInfo(function, id, null);
            NativeMethods.TableFunction.DuckDBTableFunctionSetBind(function, &Bind);
            NativeMethods.TableFunction.DuckDBTableFunctionSetInit(function, &Init);
            NativeMethods.TableFunction.DuckDBTableFunctionSetFunction(function, &Scan);
            if (NativeMethods.TableFunction.DuckDBRegisterTableFunction(connection.NativeConnection, function) != DuckDBState.Success)
            {
                throw new InvalidOperationException($"the engine did not accept the table function {name}");
            }
        }
        finally
        {
            NativeMethods.TableFunction.DuckDBDestroyTableFunction(ref function);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Bind(nint info)
    {
        try
        {
            foreach (var (name, type) in RowBatch.Columns)
            {
                using var logical = NativeMethods.LogicalType.DuckDBCreateLogicalType(type);
                NativeMethods.TableFunction.DuckDBBindAddResultColumn(info, name, logical);
            }
        }
        catch (Exception e)
        {
            NativeMethods.TableFunction.DuckDBBindSetError(info, e.Message);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Init(nint info)
    {
        // Nothing per scan: the stream is the state.
    }

    // Exceptions must not cross into the engine: they become the statement's error.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Scan(nint info, nint chunk)
    {
        try
        {
            var id = (int)NativeMethods.TableFunction.DuckDBFunctionGetExtraInfo(info);
            if (Live.TryGetValue(id, out var stream))
            {
                stream.Produce(chunk);
            }
            else
            {
                DuckDbVectors.SetRowCount(chunk, 0);
            }
        }
        catch (Exception e)
        {
            NativeMethods.TableFunction.DuckDBFunctionSetError(info, e.Message);
        }
    }
}
