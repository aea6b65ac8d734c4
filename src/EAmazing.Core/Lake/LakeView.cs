namespace EAmazing.Lake;

/// <summary>A view or table a query over the lake can name, with its columns as "name type".</summary>
public sealed record LakeView(string Name, string Kind, IReadOnlyList<string> Columns);
