using EAmazing.Features;

namespace EAmazing.Core.Tests.Features;

public sealed class GoldSchemaTests(GeneratedGoldLake world) : IClassFixture<GeneratedGoldLake>
{
    [Fact]
    public void Every_gold_table_has_its_view_an_as_of_time_unique_keys_and_only_portable_column_types()
    {
        foreach (var table in GoldTables.All)
        {
            var columns = world.Gold.Lake.Query($"DESCRIBE {table.ViewName}").Rows.ToDictionary(r => (string)r[0]!, r => (string)r[1]!);

            Assert.Equal("TIMESTAMP", columns[GoldTable.AsOfColumn]);
            Assert.All(table.KeyColumns.Concat(table.LabelColumns).Concat(table.IdColumns), c => Assert.True(columns.ContainsKey(c), $"{table.Name}.{c}"));
            Assert.All(columns, c => Assert.Contains(c.Value, new[] { "BIGINT", "INTEGER", "DOUBLE", "VARCHAR", "BOOLEAN", "TIMESTAMP", "DATE" }));
            var keys = string.Join(", ", table.KeyColumns);
            Assert.Equal(0, world.Gold.Lake.Count($"SELECT count(*) FROM (SELECT {keys}, as_of_time FROM {table.ViewName} GROUP BY ALL HAVING count(*) > 1)"));
            Assert.True(world.Gold.Lake.Count($"SELECT count(*) FROM {table.ViewName}") > 0, table.Name);
        }
    }
}
