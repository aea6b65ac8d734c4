namespace EAmazing.Lake;

/// <summary>The rows of an ad-hoc query, read one at a time as the engine produces them (never all held at once).</summary>
public interface IQueryReader : IDisposable
{
    IReadOnlyList<string> Columns { get; }

    /// <summary>Reads the next row into <paramref name="values"/> (one slot per column, null for SQL NULL); false at the end.</summary>
    bool Read(object?[] values);
}
