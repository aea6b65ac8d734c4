using EAmazing.Core.Tests.Support;
using EAmazing.Lake;

namespace EAmazing.Core.Tests.Lake;

public class SilverFormatUpgradeTests
{
    // The earlier formats: the session id as text and no user number; the session number and no user number; the user
    // number and the source session's pseudonym.
    private const string SessionIdsAsText = "user_id, source_session, user_id || '-' || CAST(session_number AS VARCHAR) AS session_id";
    private const string NoUserNumbers = "user_id, source_session, session_number";
    private const string WithSourceSessions = "user_id, user_number, source_session, session_number";

    [Theory]
    [InlineData(SessionIdsAsText)]
    [InlineData(NoUserNumbers)]
    [InlineData(WithSourceSessions)]
    public void A_lake_whose_silver_is_in_an_earlier_format_opens_and_is_converted_once_to_the_same_rows_in_the_same_order(string earlierColumns)
    {
        using var lake = new TestLake(new EAmazing.Ingestion.IngestOptions
        {
            LatestEventTime = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            SilverBucketRows = 2_000, // several user buckets a month: several files to convert
        });
        foreach (var file in TinyWorld.Files)
        {
            lake.Ingest(file);
        }

        var silver = lake.Engine.Partitions().Where(p => p.Layer == LakeLayer.Silver).ToList();
        Assert.True(silver.Count > 2, $"{silver.Count} silver files");
        // What the view and the files hold now, kept beside the lake (a reopen closes its connection).
        var currentView = LakeSql.ReadParquet(lake.Input("view.parquet"));
        var currentFiles = LakeSql.ReadParquet(lake.Input("files.parquet"));
        lake.Query($"COPY (SELECT * FROM silver) TO '{lake.Input("view.parquet")}' (FORMAT parquet)");
        lake.Query($"COPY ({Positions(lake)}) TO '{lake.Input("files.parquet")}' (FORMAT parquet)");

        // Each file rewritten as silver was written before, the source session taken from the row's bronze row.
        var bronze = LakeSql.ReadParquet(lake.Engine.Partitions().Where(p => p.Layer == LakeLayer.Bronze).Select(p => lake.Engine.Layout.Full(p.Path)));
        foreach (var path in Files(lake))
        {
            var earlier = path + ".earlier";
            lake.Engine.Compute($"""
                COPY (SELECT event_time, event_type, product_id, category_id, category_code, brand, price, {earlierColumns}, source_file, source_line, key_id
                      FROM (SELECT s.*, b.user_session AS source_session
                            FROM {LakeSql.ReadParquet(path, "file_row_number = true")} AS s
                            LEFT JOIN {bronze} AS b ON b.source_file = s.source_file AND b.source_line = s.source_line)
                      ORDER BY file_row_number)
                TO '{earlier}' ({LakeSql.LayerParquet})
                """);
            File.Move(earlier, path, overwrite: true);
        }

        lake.Reopen(); // the views of an earlier-format lake open as they are
        Assert.False(SilverFormatUpgrade.IsCurrent(lake.Engine, Files(lake)[0]));
        Assert.Equal(lake.Count($"SELECT count(*) FROM {currentView}"), lake.Count("SELECT count(*) FROM silver WHERE user_id IS NOT NULL"));

        Assert.Equal(["2019-10", "2019-11"], SilverFormatUpgrade.Run(lake.Engine));

        Assert.All(Files(lake), f => Assert.True(SilverFormatUpgrade.IsCurrent(lake.Engine, f), f));
        Assert.Equal(0, lake.Count($"SELECT count(*) FROM (SELECT * FROM silver EXCEPT ALL SELECT * FROM {currentView})"));
        Assert.Equal(0, lake.Count($"SELECT count(*) FROM (SELECT * FROM {currentView} EXCEPT ALL SELECT * FROM silver)"));
        Assert.Equal(0, lake.Count($"SELECT count(*) FROM ({Positions(lake)} EXCEPT ALL SELECT * FROM {currentFiles})"));
        Assert.Equal(silver.Select(p => (p.Path, p.Rows)), lake.Engine.Partitions().Where(p => p.Layer == LakeLayer.Silver).Select(p => (p.Path, p.Rows)));
        Assert.Empty(SilverFormatUpgrade.Run(lake.Engine)); // once
    }

    /// <summary>Each silver row's file and position in it, with its user's number and its session.</summary>
    private static string Positions(TestLake lake) =>
        $"SELECT filename, file_row_number, event_time, user_id, user_number, session_number, source_line FROM {LakeSql.ReadParquet(Files(lake), "filename = true, file_row_number = true")}";

    private static List<string> Files(TestLake lake) =>
        [.. lake.Engine.Partitions().Where(p => p.Layer == LakeLayer.Silver).Select(p => lake.Engine.Layout.Full(p.Path)).Order(StringComparer.Ordinal)];
}
