using EAmazing.Core.Tests.Support;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Engine.DuckDb;

/// <summary>
/// <c>sql --out</c>'s COPY runs without insertion order under a bounded memory limit (a month's silver buffered 5.2 GB
/// otherwise): a query's ORDER BY must still hold in the file, and the catalog's settings must be back afterwards.
/// </summary>
public sealed class ConsoleExportTests
{
    [Fact]
    public void Export_keeps_the_query_order_and_restores_the_catalog_settings()
    {
        using var lake = new TestLake();
        var before = lake.Query("SELECT current_setting('preserve_insertion_order'), current_setting('memory_limit')").Rows[0];
        var target = lake.Input("ordered.parquet");

        var rows = lake.Engine.Export("SELECT i FROM range(300000) t(i) ORDER BY i DESC", target, QueryExportFormat.Parquet);

        Assert.Equal(300_000, rows);
        var read = lake.Query($"SELECT count(*) FILTER (WHERE i <> 299999 - rn), count(*) FROM (SELECT i, row_number() OVER () - 1 AS rn FROM read_parquet('{target}'))").Rows[0];
        Assert.Equal(0L, Convert.ToInt64(read[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(300_000L, Convert.ToInt64(read[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(before, lake.Query("SELECT current_setting('preserve_insertion_order'), current_setting('memory_limit')").Rows[0]);
    }
}
