namespace EAmazing.Lake;

/// <summary>One catalog statement with its positional parameter values.</summary>
public sealed record CatalogStatement(string Sql, params object?[] Values);
