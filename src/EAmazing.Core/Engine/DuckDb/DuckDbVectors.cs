using System.Runtime.InteropServices;

namespace EAmazing.Engine.DuckDb;

/// <summary>
/// The few DuckDB C API calls that fill a table function's output vectors, imported here because the driver's own
/// wrappers take its handle objects (one allocation per call) and its managed table functions map values one at a
/// time through boxed objects: at tens of millions of rows per file, both cost more than the engine's own CSV scan.
/// Called only from a table function's callback, with pointers the engine handed to it.
/// </summary>
internal static unsafe partial class DuckDbVectors
{
    private const string Library = "duckdb";

    /// <summary>Engine strings up to this many bytes are stored inside the 16-byte string value itself.</summary>
    public const int InlineBytes = 12;

    [LibraryImport(Library, EntryPoint = "duckdb_data_chunk_get_vector")]
    [SuppressGCTransition]
    public static partial nint ColumnOf(nint chunk, ulong column);

    [LibraryImport(Library, EntryPoint = "duckdb_data_chunk_set_size")]
    [SuppressGCTransition]
    public static partial void SetRowCount(nint chunk, ulong rows);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_get_data")]
    [SuppressGCTransition]
    public static partial void* DataOf(nint vector);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_get_validity")]
    [SuppressGCTransition]
    public static partial ulong* ValidityOf(nint vector);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_ensure_validity_writable")]
    public static partial void EnsureValidityWritable(nint vector);

    /// <summary>Copies a string longer than <see cref="InlineBytes"/> into the vector's own string heap (the bytes are already valid UTF-8).</summary>
    [LibraryImport(Library, EntryPoint = "duckdb_unsafe_vector_assign_string_element_len")]
    public static partial void AssignString(nint vector, ulong row, byte* text, ulong length);

    /// <summary>The engine's 16-byte string value in its inlined form (length, then up to 12 bytes, the rest zero).</summary>
    [StructLayout(LayoutKind.Sequential, Size = 16)]
    public struct InlineString
    {
        public uint Length;
        public fixed byte Bytes[InlineBytes];
    }
}
