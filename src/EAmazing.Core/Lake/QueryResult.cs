namespace EAmazing.Lake;

/// <summary>The rows of an ad-hoc query over the lake.</summary>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);
