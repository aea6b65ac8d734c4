using EAmazing.Lake;
using EAmazing.Lake.Catalog;

namespace EAmazing.Features;

/// <summary>The gold layer's part of the catalog: the <c>gold_partitions</c> table and the <c>gold_&lt;table&gt;</c> views.</summary>
public sealed class GoldCatalog(IGoldEngine engine)
{
    public void Ensure() => engine.ExecuteCatalog([GoldPartitionsTable.Create()]);

    public IReadOnlyList<GoldPartition> Partitions()
    {
        Ensure();
        return GoldPartitionsTable.Read(engine.Query(GoldPartitionsTable.SelectAll));
    }

    /// <summary>Records a partition whose file is already in place, replacing any earlier row for its table and month.</summary>
    public void Record(GoldPartition p) => engine.ExecuteCatalog(GoldPartitionsTable.Record(p));

    public void Forget(string table, string month) => engine.ExecuteCatalog([GoldPartitionsTable.Forget(table, month)]);

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
