namespace EAmazing.Lake;

/// <summary>Appends rows of text (VARCHAR columns, null as NULL) to one table of a <see cref="IScratchDatabase"/>, far faster than INSERTs.</summary>
public interface IRowAppender : IDisposable
{
    /// <summary>A row of a one-column table.</summary>
    void Append(string? value);

    /// <summary>A row of a two-column table.</summary>
    void Append(string? first, string? second);
}
