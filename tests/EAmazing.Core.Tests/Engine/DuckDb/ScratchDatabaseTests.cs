using System.Data.Common;
using EAmazing.Engine.DuckDb;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Engine.DuckDb;

/// <summary>The engine seam's scratch databases, as the stages use them: appended text rows, streamed rows, engine errors as <see cref="DbException"/>.</summary>
public sealed class ScratchDatabaseTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("scratch-db-").FullName;
    private readonly ILakeEngines _engines = new DuckDbEngine();

    [Fact]
    public void Appended_rows_are_in_the_table_once_the_appender_is_disposed()
    {
        using var database = _engines.OpenScratch();
        database.Execute("CREATE TABLE pairs (old VARCHAR, new VARCHAR); CREATE TABLE one (p VARCHAR)");
        using (var pairs = database.Appender("pairs"))
        using (var one = database.Appender("one"))
        {
            pairs.Append("a", "b");
            pairs.Append("c", null);
            one.Append("x");
        }

        Assert.Equal([["a", "b"], ["c", null]], database.Read("SELECT old, new FROM pairs ORDER BY old").Rows);
        Assert.Equal(1L, Convert.ToInt64(database.Scalar("SELECT count(*) FROM one WHERE p = 'x'"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(database.Scalar("SELECT NULL"));
        Assert.Null(database.Scalar("SELECT 1 WHERE false"));
    }

    [Fact]
    public void Rows_stream_through_the_reader_in_order()
    {
        using var database = _engines.OpenScratch();
        var seen = new List<(long, string?)>();
        database.ForEachRow("SELECT i, CASE WHEN i % 2 = 0 THEN 'even' END FROM range(4) t(i) ORDER BY i",
            r => seen.Add((r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1))));

        Assert.Equal([(0L, "even"), (1L, null), (2L, "even"), (3L, null)], seen);
    }

    [Fact]
    public void Engine_errors_are_DbExceptions()
    {
        using var database = _engines.OpenScratch();

        Assert.IsAssignableFrom<DbException>(Assert.ThrowsAny<Exception>(() => database.Execute("SELECT * FROM no_such_table")));
        Assert.IsAssignableFrom<DbException>(Assert.ThrowsAny<Exception>(() => database.ForEachRow("SELEKT 1", _ => { })));
    }

    [Fact]
    public void A_scratch_file_in_the_lake_is_replaced_on_every_open()
    {
        var layout = LakeLayout.At(_root);
        layout.CreateFolders();
        using (var first = _engines.OpenScratch(layout, "work", "256MiB"))
        {
            first.Execute("CREATE TABLE t AS SELECT 1 AS x");
            Assert.Equal("256.0 MiB", first.Scalar("SELECT current_setting('memory_limit')"));
        }

        Assert.True(File.Exists(Path.Combine(layout.Staging, "work.duckdb")));
        using var second = _engines.OpenScratch(layout, "work", "256MiB");
        Assert.Equal(0L, Convert.ToInt64(second.Scalar("SELECT count(*) FROM duckdb_tables() WHERE table_name = 't'"), System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
