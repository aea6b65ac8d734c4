using EAmazing.Foundation.Text;
using EAmazing.Lake;

namespace EAmazing.BusinessModels.Segmentation.Features;

/// <summary>
/// Each user's most viewed brand in the 90 days before a snapshot (silver; ties to the brand first in alphabetical order), for the
/// segment profile: gold user_snapshots holds categories but no brands. Read once, after the segmentation is chosen.
/// </summary>
public static class TopBrands
{
    public const int WindowDays = 90;

    /// <summary>Top brand per user pseudonym; a user who viewed no branded item is absent.</summary>
    public static IReadOnlyDictionary<string, string> Before(IGoldEngine lake, DateTime snapshotTime)
    {
        var end = $"TIMESTAMP '{snapshotTime:yyyy-MM-dd HH:mm:ss}'";
        var brands = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new StringPool();
        // One bucket of users at a time (a user's rows all fall in one): the engine groups a sixteenth of the
        // (user, brand) pairs at once. In one pass it filled the training's whole engine limit beside the segmentation's
        // own arrays: four full-scale months, 7.0M users, 17.8 GB peak for the stage.
        // Streamed into the dictionary (a user per row: millions at full scale), each brand name kept once.
        lake.ForEachRowByUserBucket(
            bucket => $"""
                SELECT user_id, brand FROM (
                    SELECT user_id, brand, count(*) AS views FROM silver
                    WHERE event_type = 'view' AND brand IS NOT NULL AND brand <> ''
                      AND event_time < {end} AND event_time >= {end} - INTERVAL {WindowDays} DAY
                      AND {bucket.Filter("user_id")}
                    GROUP BY user_id, brand)
                QUALIFY row_number() OVER (PARTITION BY user_id ORDER BY views DESC, brand) = 1
                """,
            row => brands.Add((string)row[0]!, names.Get((string)row[1]!)));

        return brands;
    }
}
