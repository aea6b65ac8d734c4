namespace EAmazing.Privacy.Purposes;

/// <summary>
/// Columns kept past bronze for accountability rather than for a purpose: they trace a row to the file and line it
/// came from and to the key that pseudonymised it (erasure, key rotation, lake verify and audits need them).
/// </summary>
public static class LineageColumns
{
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["source_file"] = "id of the ingested file the row came from (row accounting, erasure and retention per file)",
        ["source_line"] = "line of that file (traces a row back to its source; quarantine reports)",
        ["key_id"] = "id of the pseudonym key that made the row's pseudonyms (key rotation; never the key)",
    };

    public static bool Contains(string column) => All.ContainsKey(column);
}
