using EAmazing.Lake;

namespace EAmazing.Governance.Erasure;

/// <summary>
/// The SQL expression that yields a row's user pseudonym in a Parquet file of the lake, found from its columns:
/// <c>user_id</c> where present, else the pseudonym embedded in a session key (<c>yyyy-MM/&lt;user&gt;-&lt;n&gt;</c>) or a
/// silver session id (<c>&lt;user&gt;-&lt;n&gt;</c>). Null: the file holds no per-person rows (an aggregate table).
/// </summary>
public static class PersonColumn
{
    public static string? For(IReadOnlyCollection<string> columns) =>
        columns.Contains("user_id") ? "user_id"
        : columns.Contains("session_key") ? "split_part(split_part(session_key, '/', 2), '-', 1)"
        : columns.Contains("session_id") ? "split_part(session_id, '-', 1)"
        : null;

    /// <summary>A predicate true for the rows of the given pseudonyms (never for a NULL person: <c>NOT IN</c> would drop those rows).</summary>
    public static string Matches(string expression, IEnumerable<string> pseudonyms) =>
        $"coalesce(({expression}) IN ({string.Join(", ", pseudonyms.Select(p => $"'{LakeSql.Literal(p)}'"))}), false)";
}
