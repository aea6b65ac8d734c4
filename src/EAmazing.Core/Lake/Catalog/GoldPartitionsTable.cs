using System.Globalization;

namespace EAmazing.Lake.Catalog;

/// <summary>
/// Every statement on the catalog's <c>gold_partitions</c> table (one row per gold table and month, see
/// <c>Lake/Sql/gold_partitions.sql</c>): the features build, erasure, retention and key rotation write it
/// only through these, so the table's columns and key are spelled in one place.
/// </summary>
public static class GoldPartitionsTable
{
    /// <summary>Creates the table when it is missing.</summary>
    public static CatalogStatement Create() => new(LakeSql.Load("gold_partitions"));

    /// <summary>Every recorded partition, as <see cref="Read"/> takes them.</summary>
    public const string SelectAll = """
        SELECT table_name, month, path, row_count, size_bytes, inputs, fingerprint, built_at, build_ms
        FROM gold_partitions ORDER BY table_name, month
        """;

    /// <summary>The rows of <see cref="SelectAll"/>.</summary>
    public static IReadOnlyList<GoldPartition> Read(QueryResult result) =>
        result.Rows.Select(r => new GoldPartition((string)r[0]!, (string)r[1]!, (string)r[2]!,
            Convert.ToInt64(r[3], CultureInfo.InvariantCulture), Convert.ToInt64(r[4], CultureInfo.InvariantCulture),
            (string)r[5]!, (string)r[6]!, DateTime.SpecifyKind((DateTime)r[7]!, DateTimeKind.Utc), Convert.ToInt64(r[8], CultureInfo.InvariantCulture))).ToList();

    /// <summary>Records a partition, replacing any earlier row for its table and month (the key).</summary>
    public static IReadOnlyList<CatalogStatement> Record(GoldPartition p) =>
    [
        Forget(p.Table, p.Month),
        new("INSERT INTO gold_partitions VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            p.Table, p.Month, p.Path, p.Rows, p.Bytes, p.Inputs, p.Fingerprint, p.BuiltAt, p.BuildMs),
    ];

    /// <summary>A partition's file was rewritten in place (an erasure): its size changes, its inputs and fingerprint stay.</summary>
    public static CatalogStatement Resize(string table, string month, long rows, long bytes) =>
        new("UPDATE gold_partitions SET row_count = $1, size_bytes = $2 WHERE table_name = $3 AND month = $4", rows, bytes, table, month);

    /// <summary>A partition kept current through a change of its silver inputs (an erasure of whole users' rows): their new versions and fingerprint.</summary>
    public static CatalogStatement Restamp(string table, string month, string inputs, string fingerprint) =>
        new("UPDATE gold_partitions SET inputs = $1, fingerprint = $2 WHERE table_name = $3 AND month = $4", inputs, fingerprint, table, month);

    public static CatalogStatement Forget(string table, string month) =>
        new("DELETE FROM gold_partitions WHERE table_name = $1 AND month = $2", table, month);

    /// <summary>Forgets every partition (a key rotation drops gold for a rebuild).</summary>
    public static CatalogStatement ForgetAll() => new("DELETE FROM gold_partitions");
}
