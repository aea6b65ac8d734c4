using DuckDB.NET.Data;
using EAmazing.Api.Configuration;
using EAmazing.Api.Scoring;
using EAmazing.BusinessModels.PurchaseIntent.Serving;
using EAmazing.Api.Tests.Support;
using EAmazing.Engine.DuckDb;
using EAmazing.Foundation.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EAmazing.Api.Tests.Scoring;

/// <summary>Online features against the gold table's batch SQL on the same sessions.</summary>
[Collection(ServingCollection.Name)]
public sealed class CartFeaturesTests(ServingWorld world)
{
    private static readonly string[] InSession =
    [
        "cart_price", "seconds_since_session_start", "events_before", "views_before", "distinct_items_before",
        "distinct_categories_before", "views_of_carted_item", "purchases_before", "removes_before", "hour", "weekday",
    ];

    [Fact]
    public void In_Session_Features_From_The_Sessions_Events_Equal_The_Gold_Tables()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var gold = $"read_parquet('{world.Lake}/gold/cart_prediction_points/*/*.parquet')";
        var silver = $"read_parquet('{world.Lake}/silver/*/*.parquet', hive_partitioning = false)";
        var points = Rows(connection, $"SELECT session_key, as_of_time, product_id, category_id, {string.Join(", ", InSession)} FROM {gold} WHERE events_before > 2 ORDER BY hash(session_key) LIMIT 40");
        Assert.Equal(40, points.Count);
        var paths = new ServingPaths(Options.Create(new PlatformOptions { Lake = Path.Combine(world.Root, "nowhere") }), Options.Create(new ServingOptions()));
        var governance = new ServingGovernance(paths, world.Key, Options.Create(new PlatformOptions()), NullLogger<ServingGovernance>.Instance);
        var history = new LakeHistory(paths, governance, new DuckDbEngine(), NullLogger<LakeHistory>.Instance);

        foreach (var point in points)
        {
            var sessionKey = (string)point[0]!;
            var asOf = (DateTime)point[1]!;
            var events = Rows(connection, $"SELECT event_time, event_type, product_id, category_id, price FROM {silver} WHERE strftime(event_time, '%Y-%m') || '/' || user_id || '-' || session_number = '{sessionKey}' ORDER BY event_time")
                .Select(e => new SessionEvent((DateTime)e[0]!, (string)e[1]!, Convert.ToInt64(e[2]), Convert.ToInt64(e[3]), Convert.ToDouble(e[4])))
                .ToList();
            var cart = events.First(e => e.Type == "cart" && e.Time == asOf);

            // The whole session is sent, events after the cart included: they must be ignored.
            var online = CartFeatures.Compute(new CartItem(asOf, cart.ProductId, cart.CategoryId, cart.Price), events, null, history);

            for (var i = 0; i < InSession.Length; i++)
            {
                Assert.True(Math.Abs(Convert.ToDouble(point[4 + i]) - online[InSession[i]]) < 1e-3, $"{InSession[i]} of {sessionKey}: gold {point[4 + i]}, online {online[InSession[i]]}");
            }
        }
    }

    [Fact]
    public void The_servers_user_history_counts_each_users_sessions_as_gold_keys_them()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        // The sessions as gold keys them ("yyyy-MM/<user>-<silver session_number>"), aggregated per user.
        var silver = $"read_parquet('{world.Lake}/silver/*/*.parquet', hive_partitioning = false)";
        var expected = Rows(connection, $"""
            WITH sessions AS (
                SELECT strftime(event_time, '%Y-%m') || '/' || user_id || '-' || session_number AS session_key, min(user_id) AS user_id, max(event_time) AS session_end,
                       count(CASE WHEN event_type = 'purchase' THEN 1 END) AS purchases, count(CASE WHEN event_type = 'cart' THEN 1 END) AS carts
                FROM {silver} GROUP BY session_key)
            SELECT user_id, count(*), CAST(sum(purchases) AS BIGINT), CAST(sum(carts) AS BIGINT), max(session_end), max(CASE WHEN purchases > 0 THEN session_end END)
            FROM sessions GROUP BY user_id ORDER BY count(*) DESC, user_id LIMIT 200
            """);
        Assert.Equal(200, expected.Count);
        Assert.Contains(expected, r => (long)r[1]! > 1);
        // The server reads one bucket of users at a time, across months split differently.
        Assert.Equal([2, 4], Directory.GetDirectories(Path.Combine(world.Lake, "silver")).Order(StringComparer.Ordinal).Select(m => Directory.GetFiles(m, "*.parquet").Length));
        var paths = new ServingPaths(Options.Create(new PlatformOptions { Lake = world.Lake }), Options.Create(new ServingOptions()));
        var governance = new ServingGovernance(paths, world.Key, Options.Create(new PlatformOptions()), NullLogger<ServingGovernance>.Instance);
        var history = new LakeHistory(paths, governance, new DuckDbEngine(), NullLogger<LakeHistory>.Instance);

        history.Refresh();

        foreach (var row in expected)
        {
            var found = history.User((string)row[0]!);
            Assert.NotNull(found);
            var user = found.Value;
            Assert.Equal((row[1], row[2], row[3], row[4], row[5]), ((object?)user.Sessions, (object?)user.Purchases, (object?)user.Carts, (object?)user.LastSessionEnd, (object?)user.LastPurchaseSessionEnd));
        }
    }

    private static List<object?[]> Rows(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
