using System.Collections.Frozen;
using System.Data.Common;
using System.Globalization;
using EAmazing.Api.Configuration;
using EAmazing.Lake;
using EAmazing.Privacy;

namespace EAmazing.Api.Scoring;

/// <summary>
/// History features for online scoring, cached from the lake's silver events when a champion loads:
/// per user pseudonym (past sessions, purchases, carts, last session and purchase), per item (views, carts,
/// purchases over the trailing window) and per category (mean price over the window). The window ends at the
/// lake's last day, the freshest "as of" the server can know. Read on an in-memory engine straight from
/// Parquet, so the server never holds the catalog's lock.
/// </summary>
public sealed class LakeHistory(ServingPaths paths, ServingGovernance governance, ILakeEngines engines, ILogger<LakeHistory> logger) : IServingHistory
{
    /// <summary>The gold table's trailing window for item and category history (FeatureOptions.ItemWindowDays).</summary>
    public const int ItemWindowDays = 30;

    private Snapshot? _snapshot;

    public bool Loaded => Volatile.Read(ref _snapshot) is not null;

    public DateTime? AsOfDay => Volatile.Read(ref _snapshot)?.AsOfDay;

    public UserHistory? User(string pseudonym) => Volatile.Read(ref _snapshot)?.Users.Find(pseudonym);

    public ItemHistory? Item(long productId) => Volatile.Read(ref _snapshot)?.Items.GetValueOrDefault(productId);

    public double? CategoryMeanPrice(long categoryId) =>
        Volatile.Read(ref _snapshot)?.CategoryMeanPrice.TryGetValue(categoryId, out var mean) == true ? mean : null;

    /// <summary>Rebuilds the caches; leaves the previous ones in place when the lake cannot be read.</summary>
    public void Refresh()
    {
        var files = SilverFiles();
        if (files.Count == 0)
        {
            logger.LogWarning("no silver partitions under {Lake}: history features will be missing", paths.Lake);
            return;
        }

        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var snapshot = Load(files);
            Volatile.Write(ref _snapshot, snapshot);
            var key = governance.Key;
            if (snapshot.KeyIds.Count > 0 && !snapshot.KeyIds.Contains(key.KeyId))
            {
                // Only key ids (public digests) are logged, never a key.
                logger.LogWarning("the lake was pseudonymised with key {LakeKeys} but the server uses key {ServerKey}: no user will be found in the history; serve with the lake's key",
                    string.Join(", ", snapshot.KeyIds), key.KeyId);
            }

            logger.LogInformation("lake history: {Users} users, {Items} items, {Categories} categories as of {Day:yyyy-MM-dd} in {Seconds:0.0} s",
                snapshot.Users.Count, snapshot.Items.Count, snapshot.CategoryMeanPrice.Count, snapshot.AsOfDay, started.Elapsed.TotalSeconds);
        }
        catch (Exception e) when (e is DbException or IOException or InvalidCastException)
        {
            logger.LogWarning("cannot read the lake's history: {Problem}", e.Message);
        }
    }

    private List<string> SilverFiles()
    {
        var silver = Path.Combine(paths.Lake, "silver");
        return Directory.Exists(silver)
            ? Directory.EnumerateFiles(silver, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    private Snapshot Load(IReadOnlyList<string> files)
    {
        using var database = engines.OpenScratch();
        database.Execute($"CREATE VIEW events AS SELECT event_time, event_type, product_id, category_id, price, user_id, key_id, session_number FROM {LakeSql.ReadParquet(files)}");
        var asOfDay = database.Scalar("SELECT CAST(max(event_time) AS DATE) + INTERVAL 1 DAY FROM events") is DateTime day ? day : DateTime.UtcNow.Date;
        var from = asOfDay.AddDays(-ItemWindowDays);
        var window = $"CAST(event_time AS DATE) >= DATE '{from:yyyy-MM-dd}' AND CAST(event_time AS DATE) < DATE '{asOfDay:yyyy-MM-dd}'";

        var users = new UserHistoryIndex();
        // One bucket of users at a time (silver splits a month by the pseudonym's first hex digit), so the engine groups
        // a sixteenth of the sessions at once, not all of them (four full-scale months, 51M sessions: 11.1 GB peak in one pass).
        var parts = UserBucket.Split(files) is { } buckets
            ? buckets.Select(b => (Source: LakeSql.ReadParquet(b.Files), Users: $"WHERE {b.Bucket.Filter("user_id")}")).ToList()
            : [(Source: LakeSql.ReadParquet(files), Users: "")];
        foreach (var part in parts)
        {
            // A session is its user's session number within its month (silver numbers sessions per user and month, as
            // gold's session key says): grouped on the three as stored, not on a key string built per event (4 full-scale
            // months: 191 -> 125 s when the session id was still stored as text).
            database.ForEachRow($"""
                WITH s AS (
                    SELECT user_id, max(event_time) AS session_end,
                           count(CASE WHEN event_type = 'purchase' THEN 1 END) AS purchases,
                           count(CASE WHEN event_type = 'cart' THEN 1 END) AS carts
                    FROM {part.Source} {part.Users}
                    GROUP BY user_id, session_number, date_trunc('month', event_time))
                SELECT user_id, count(*), CAST(sum(purchases) AS BIGINT), CAST(sum(carts) AS BIGINT), max(session_end), max(CASE WHEN purchases > 0 THEN session_end END)
                FROM s GROUP BY user_id
                """, r => users.Set(r.GetString(0), new UserHistory(r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetDateTime(4), r.IsDBNull(5) ? null : r.GetDateTime(5))));
        }

        var items = new Dictionary<long, ItemHistory>();
        database.ForEachRow($"""
            SELECT product_id, count(CASE WHEN event_type = 'view' THEN 1 END), count(CASE WHEN event_type = 'cart' THEN 1 END),
                   count(CASE WHEN event_type = 'purchase' THEN 1 END)
            FROM events WHERE {window} GROUP BY product_id
            """, r => items[Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture)] = new ItemHistory(r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)));

        var categories = new Dictionary<long, double>();
        database.ForEachRow($"SELECT category_id, avg(CAST(price AS DOUBLE)) FROM events WHERE {window} GROUP BY category_id",
            r => categories[Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture)] = r.GetDouble(1));

        var keyIds = new List<string>();
        database.ForEachRow("SELECT DISTINCT key_id FROM events WHERE key_id IS NOT NULL ORDER BY 1", r => keyIds.Add(r.GetString(0)));

        return new Snapshot(asOfDay, users, items.ToFrozenDictionary(), categories.ToFrozenDictionary(), keyIds);
    }

    private sealed record Snapshot(
        DateTime AsOfDay,
        UserHistoryIndex Users,
        FrozenDictionary<long, ItemHistory> Items,
        FrozenDictionary<long, double> CategoryMeanPrice,
        IReadOnlyList<string> KeyIds);
}
