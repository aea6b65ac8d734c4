using System.Text;
using EAmazing.Lake;

namespace EAmazing.Engine.DuckDb;

/// <summary>
/// Staged rows in columns, on their way from the writing thread to an engine COPY (<see cref="RowStream"/>): the
/// columns of the staged-events view (<c>Sql/staged_events.sql</c>), numbers as they are and text as UTF-8 bytes in
/// one buffer, so the engine's thread copies whole columns instead of parsing text. Filled by one thread, then read
/// by another; reused.
/// </summary>
internal sealed unsafe class RowBatch
{
    private const int TextColumns = 4; // category_code, brand, user_id, user_session
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;

    private readonly long[] _eventMicros;
    private readonly byte[] _eventType;
    private readonly long[] _productId;
    private readonly long[] _categoryId;
    private readonly long[] _priceCents;
    private readonly long[] _sourceLine;
    private readonly int[] _session;
    private readonly int[] _user;
    private readonly int[][] _textStart;
    private readonly int[][] _textLength; // -1: null
    private byte[] _text;
    private int _textUsed;

    public RowBatch(int capacity)
    {
        Capacity = capacity;
        _eventMicros = new long[capacity];
        _eventType = new byte[capacity];
        _productId = new long[capacity];
        _categoryId = new long[capacity];
        _priceCents = new long[capacity];
        _sourceLine = new long[capacity];
        _session = new int[capacity];
        _user = new int[capacity];
        _textStart = [.. Enumerable.Range(0, TextColumns).Select(_ => new int[capacity])];
        _textLength = [.. Enumerable.Range(0, TextColumns).Select(_ => new int[capacity])];
        _text = new byte[capacity * 96]; // two 32-character pseudonyms and two short texts per row; grows when needed
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    /// <summary>The result columns, in order, with their engine types (what <see cref="WriteTo"/> fills).</summary>
    public static IReadOnlyList<(string Name, DuckDB.NET.Native.DuckDBType Type)> Columns { get; } =
    [
        ("event_time", DuckDB.NET.Native.DuckDBType.Timestamp),
        ("event_type", DuckDB.NET.Native.DuckDBType.UnsignedTinyInt),
        ("product_id", DuckDB.NET.Native.DuckDBType.BigInt),
        ("category_id", DuckDB.NET.Native.DuckDBType.BigInt),
        ("category_code", DuckDB.NET.Native.DuckDBType.Varchar),
        ("brand", DuckDB.NET.Native.DuckDBType.Varchar),
        ("price_cents", DuckDB.NET.Native.DuckDBType.BigInt),
        ("user_id", DuckDB.NET.Native.DuckDBType.Varchar),
        ("user_session", DuckDB.NET.Native.DuckDBType.Varchar),
        ("source_line", DuckDB.NET.Native.DuckDBType.BigInt),
        ("session_number", DuckDB.NET.Native.DuckDBType.Integer),
        ("user_number", DuckDB.NET.Native.DuckDBType.Integer),
    ];

    public void Add(in BronzeRow row, int session, int userNumber)
    {
        var i = Count;
        _eventMicros[i] = (row.EventTime.Ticks - EpochTicks) / (TimeSpan.TicksPerMillisecond / 1000);
        _eventType[i] = (byte)row.EventType;
        _productId[i] = row.ProductId;
        _categoryId[i] = row.CategoryId;
        _priceCents[i] = row.PriceCents;
        _sourceLine[i] = row.SourceLine;
        _session[i] = session;
        _user[i] = userNumber;
        AddText(0, i, row.CategoryCode);
        AddText(1, i, row.Brand);
        AddText(2, i, row.UserId);
        AddText(3, i, row.UserSession);
        Count = i + 1;
    }

    /// <summary>Appends row <paramref name="index"/> of another batch, its text already encoded (silver's rows are bronze's).</summary>
    public void AddCopyOf(RowBatch other, int index)
    {
        var i = Count;
        _eventMicros[i] = other._eventMicros[index];
        _eventType[i] = other._eventType[index];
        _productId[i] = other._productId[index];
        _categoryId[i] = other._categoryId[index];
        _priceCents[i] = other._priceCents[index];
        _sourceLine[i] = other._sourceLine[index];
        _session[i] = other._session[index];
        _user[i] = other._user[index];
        for (var column = 0; column < TextColumns; column++)
        {
            var length = other._textLength[column][index];
            _textLength[column][i] = length;
            if (length > 0)
            {
                EnsureText(length);
                other._text.AsSpan(other._textStart[column][index], length).CopyTo(_text.AsSpan(_textUsed));
                _textStart[column][i] = _textUsed;
                _textUsed += length;
            }
        }

        Count = i + 1;
    }

    public void Clear()
    {
        Count = 0;
        _textUsed = 0;
    }

    /// <summary>Copies rows [<paramref name="from"/>, +<paramref name="rows"/>) into an engine output chunk of <see cref="Columns"/>; at most one vector's worth.</summary>
    public void WriteTo(nint chunk, int from, int rows)
    {
        Copy(_eventMicros, DuckDbVectors.ColumnOf(chunk, 0), from, rows);
        Copy(_eventType, DuckDbVectors.ColumnOf(chunk, 1), from, rows);
        Copy(_productId, DuckDbVectors.ColumnOf(chunk, 2), from, rows);
        Copy(_categoryId, DuckDbVectors.ColumnOf(chunk, 3), from, rows);
        fixed (byte* text = _text)
        {
            WriteText(0, text, DuckDbVectors.ColumnOf(chunk, 4), from, rows);
            WriteText(1, text, DuckDbVectors.ColumnOf(chunk, 5), from, rows);
            WriteText(2, text, DuckDbVectors.ColumnOf(chunk, 7), from, rows);
            WriteText(3, text, DuckDbVectors.ColumnOf(chunk, 8), from, rows);
        }

        Copy(_priceCents, DuckDbVectors.ColumnOf(chunk, 6), from, rows);
        Copy(_sourceLine, DuckDbVectors.ColumnOf(chunk, 9), from, rows);
        Copy(_session, DuckDbVectors.ColumnOf(chunk, 10), from, rows);
        Copy(_user, DuckDbVectors.ColumnOf(chunk, 11), from, rows);
    }

    private void AddText(int column, int row, string? value)
    {
        if (value is null)
        {
            _textLength[column][row] = -1;
            return;
        }

        EnsureText(Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, _text.AsSpan(_textUsed));
        _textStart[column][row] = _textUsed;
        _textLength[column][row] = length;
        _textUsed += length;
    }

    private void EnsureText(int bytes)
    {
        if (_textUsed + bytes > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textUsed + bytes));
        }
    }

    private static void Copy<T>(T[] values, nint vector, int from, int rows)
        where T : unmanaged =>
        values.AsSpan(from, rows).CopyTo(new Span<T>(DuckDbVectors.DataOf(vector), rows));

    private void WriteText(int column, byte* text, nint vector, int from, int rows)
    {
        var starts = _textStart[column];
        var lengths = _textLength[column];
        var values = (DuckDbVectors.InlineString*)DuckDbVectors.DataOf(vector);
        // The engine reuses its output vectors: a mask left from an earlier chunk is reset to all valid first.
        var validity = DuckDbVectors.ValidityOf(vector);
        if (validity is not null)
        {
            new Span<ulong>(validity, (rows + 63) / 64).Fill(ulong.MaxValue);
        }

        for (var i = 0; i < rows; i++)
        {
            var length = lengths[from + i];
            if (length < 0)
            {
                if (validity is null)
                {
                    DuckDbVectors.EnsureValidityWritable(vector);
                    validity = DuckDbVectors.ValidityOf(vector);
                }

                validity[i >> 6] &= ~(1UL << (i & 63));
                continue;
            }

            var bytes = text + starts[from + i];
            if (length <= DuckDbVectors.InlineBytes)
            {
                var value = values + i;
                *value = default;
                value->Length = (uint)length;
                new ReadOnlySpan<byte>(bytes, length).CopyTo(new Span<byte>(value->Bytes, DuckDbVectors.InlineBytes));
            }
            else
            {
                DuckDbVectors.AssignString(vector, (ulong)i, bytes, (ulong)length);
            }
        }
    }
}
