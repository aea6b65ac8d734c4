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
    public void RefreshViews(IEnumerable<GoldTable> tables) =>
        engine.ExecuteCatalog(ViewStatements(engine.Layout, tables.Select(t => t.Name), Partitions()));

    /// <summary>The statements that point each named table's view at its partitions in <paramref name="partitions"/> (none: no view).</summary>
    public static IReadOnlyList<CatalogStatement> ViewStatements(LakeLayout layout, IEnumerable<string> tables, IReadOnlyList<GoldPartition> partitions) =>
        tables.Distinct(StringComparer.Ordinal).Select(table =>
        {
            var view = "gold_" + table;
            var files = partitions.Where(p => p.Table == table).Select(p => layout.Full(p.Path)).ToList();
            return files.Count == 0
                ? new CatalogStatement($"DROP VIEW IF EXISTS {view}")
                : new CatalogStatement($"CREATE OR REPLACE VIEW {view} AS {GoldTables.Shown(table, files)}");
        }).ToList();
}
