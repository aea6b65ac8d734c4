using EAmazing.Core.Tests.Support;
using EAmazing.Features;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Features;

/// <summary>
/// sessions and session_prefixes store a session as its number in its user's month and show the session key
/// (yyyy-MM/&lt;user&gt;-&lt;n&gt;) only when read; files written earlier, holding the key itself, read the same.
/// </summary>
public sealed class SessionKeyTests(GeneratedGoldLake lake) : IClassFixture<GeneratedGoldLake>
{
    public static TheoryData<string> SessionTables => ["sessions", "session_prefixes"];

    [Theory]
    [MemberData(nameof(SessionTables))]
    public void The_files_store_the_session_number_and_the_view_shows_the_key_in_the_place_it_had(string name)
    {
        var table = GoldTables.Find(name)!;
        var files = Files(name);
        Assert.NotEmpty(files);

        var stored = Columns($"SELECT * FROM {LakeSql.ReadParquet(files)}");
        Assert.Contains("session_number", stored);
        Assert.DoesNotContain("session_key", stored);
        var shown = lake.Gold.Lake.Query($"DESCRIBE SELECT * FROM {table.ViewName}").Rows.Select(r => (string)r[0]!);
        Assert.Equal(["session_key", .. stored.Where(c => c != "session_number")], shown);
    }

    [Fact]
    public void Every_key_shown_names_a_session_of_gold_sessions_as_the_cart_points_store_it()
    {
        var sessions = lake.Gold.Lake.Count("SELECT count(*) FROM gold_sessions");
        Assert.True(sessions > 100);
        Assert.Equal(sessions, lake.Gold.Lake.Count("SELECT count(DISTINCT session_key) FROM gold_sessions"));
        Assert.Equal(0, lake.Gold.Lake.Count("""
            SELECT count(*) FROM gold_sessions
            WHERE session_key <> strftime(session_start, '%Y-%m') || '/' || user_id || '-' || regexp_extract(session_key, '-([0-9]+)$', 1)
            """));
        // cart_prediction_points still stores its key, made from the first cart's month: the same sessions' keys
        foreach (var other in new[] { "gold_session_prefixes", "gold_cart_prediction_points" })
        {
            Assert.True(lake.Gold.Lake.Count($"SELECT count(*) FROM {other}") > 0, other);
            Assert.Equal(0, lake.Gold.Lake.Count($"""
                SELECT count(*) FROM {other} o ANTI JOIN gold_sessions s ON s.session_key = o.session_key AND s.user_id = o.user_id
                """));
        }
    }

    [Theory]
    [MemberData(nameof(SessionTables))]
    public void A_file_written_with_the_key_itself_reads_as_the_new_one_alone_and_beside_it(string name)
    {
        var table = GoldTables.Find(name)!;
        var file = Files(name)[0];
        using var folder = new TempFolder();
        var earlier = folder.File("earlier.parquet");
        var shown = $"({table.Shown(table.ReadFiles([file]))})";
        lake.Gold.Lake.Engine.Compute($"COPY (SELECT * FROM {shown}) TO '{LakeSql.Literal(earlier)}' ({LakeSql.GoldParquet})");
        Assert.DoesNotContain("session_number", Columns($"SELECT * FROM {LakeSql.ReadParquet(earlier)}"));

        var rows = lake.Gold.Lake.Count($"SELECT count(*) FROM {shown}");
        Assert.True(rows > 0);
        Assert.Equal(0, Differences(table.Shown(table.ReadFiles([earlier])), $"SELECT * FROM {shown}"));
        Assert.Equal(0, Differences(table.Shown(table.ReadFiles([earlier, file])), $"SELECT * FROM {shown} UNION ALL SELECT * FROM {shown}"));
        Assert.Equal(2 * rows, lake.Gold.Lake.Count($"SELECT count(*) FROM ({table.Shown(table.ReadFiles([file, earlier]))})"));
    }

    private long Differences(string left, string right) => lake.Gold.Lake.Count($"""
        SELECT (SELECT count(*) FROM (SELECT * FROM ({left}) EXCEPT ALL SELECT * FROM ({right})))
             + (SELECT count(*) FROM (SELECT * FROM ({right}) EXCEPT ALL SELECT * FROM ({left})))
        """);

    private List<string> Columns(string query) =>
        [.. lake.Gold.Lake.Engine.Compute($"DESCRIBE {query}").Rows.Select(r => (string)r[0]!)];

    private List<string> Files(string table) =>
        [.. new GoldCatalog(lake.Gold.Lake.Engine).Partitions().Where(p => p.Table == table)
            .Select(p => lake.Gold.Lake.Engine.Layout.Full(p.Path)).Order(StringComparer.Ordinal)];
}
