namespace EAmazing.Sources.Rees46;

/// <summary>A row that does not follow the REES46 format. Never carries the row's content (it may hold personal data).</summary>
public sealed class Rees46FormatException(string source, int line, string field, string problem)
    : FormatException($"{source}, line {line}, field {field}: {problem}")
{
    public string SourceName { get; } = source;
    public int Line { get; } = line;
    public string Field { get; } = field;
}
