using System.Globalization;
using EAmazing.Lake;

namespace EAmazing.Features;

/// <summary>The gold layer's part of the catalog: the <c>gold_partitions</c> table and the <c>gold_&lt;table&gt;</c> views.</summary>
public sealed class GoldCatalog(IGoldEngine engine)
{
    public void Ensure() => engine.ExecuteCatalog([new CatalogStatement(FeatureSql.Load("gold_catalog"))]);

    public IReadOnlyList<GoldPartition> Partitions()
    {
        Ensure();
        var result = engine.Query("""
            SELECT table_name, month, path, row_count, size_bytes, inputs, fingerprint, built_at, build_ms
            FROM gold_partitions ORDER BY table_name, month
            """);
        return result.Rows.Select(r => new GoldPartition((string)r[0]!, (string)r[1]!, (string)r[2]!,
            Convert.ToInt64(r[3], CultureInfo.InvariantCulture), Convert.ToInt64(r[4], CultureInfo.InvariantCulture),
            (string)r[5]!, (string)r[6]!, DateTime.SpecifyKind((DateTime)r[7]!, DateTimeKind.Utc), Convert.ToInt64(r[8], CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>Records a partition whose file is already in place, replacing any earlier row for its table and month.</summary>
    public void Record(GoldPartition p) => engine.ExecuteCatalog(
    [
        new CatalogStatement("DELETE FROM gold_partitions WHERE table_name = $1 AND month = $2", p.Table, p.Month),
        new CatalogStatement("INSERT INTO gold_partitions VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            p.Table, p.Month, p.Path, p.Rows, p.Bytes, p.Inputs, p.Fingerprint, p.BuiltAt, p.BuildMs),
    ]);

    public void Forget(string table, string month) => engine.ExecuteCatalog(
        [new CatalogStatement("DELETE FROM gold_partitions WHERE table_name = $1 AND month = $2", table, month)]);

    /// <summary>Points each <c>gold_&lt;table&gt;</c> view at the table's recorded partitions; a table without any has no view.</summary>
    public void RefreshViews(IEnumerable<GoldTable> tables)
    {
        var partitions = Partitions();
        var statements = new List<CatalogStatement>();
        foreach (var table in tables)
        {
            var files = partitions.Where(p => p.Table == table.Name).Select(p => engine.Layout.Full(p.Path)).ToList();
            statements.Add(files.Count == 0
                ? new CatalogStatement($"DROP VIEW IF EXISTS {table.ViewName}")
                : new CatalogStatement($"CREATE OR REPLACE VIEW {table.ViewName} AS SELECT * FROM read_parquet({LakeSql.List(files)}, hive_partitioning = false)"));
        }

        engine.ExecuteCatalog(statements);
    }
}
