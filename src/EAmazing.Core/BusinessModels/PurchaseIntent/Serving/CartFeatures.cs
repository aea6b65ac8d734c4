using EAmazing.Models.Business;

namespace EAmazing.BusinessModels.PurchaseIntent.Serving;

/// <summary>
/// Computes the purchase-intent features of <c>gold/cart_prediction_points.sql</c> online: in-session features from
/// the request's events strictly before the cart, history features from the <see cref="IServingHistory"/>. What cannot be
/// known stays NaN (missing), which every family handles. Differences from the batch table: history is as of
/// the lake's last day, not the cart's day, and a user's past sessions are all the lake holds for them.
/// </summary>
public static class CartFeatures
{
    public static Dictionary<string, double> Compute(CartItem cart, IReadOnlyList<SessionEvent> session, string? userPseudonym, IServingHistory history)
    {
        var at = AsUtc(cart.Time!.Value);
        var before = session.Where(e => AsUtc(e.Time!.Value) < at).ToList();
        var start = before.Count == 0 ? at : before.Min(e => AsUtc(e.Time!.Value));
        var price = cart.Price!.Value;
        var values = new Dictionary<string, double>
        {
            ["cart_price"] = price,
            ["seconds_since_session_start"] = Math.Floor((at - start).TotalSeconds),
            ["events_before"] = before.Count,
            ["views_before"] = before.Count(e => e.Type == "view"),
            ["distinct_items_before"] = before.Select(e => e.ProductId).Distinct().Count(),
            ["distinct_categories_before"] = before.Select(e => e.CategoryId).Distinct().Count(),
            ["views_of_carted_item"] = before.Count(e => e.Type == "view" && e.ProductId == cart.ProductId),
            ["purchases_before"] = before.Count(e => e.Type == "purchase"),
            ["removes_before"] = before.Count(e => e.Type == "remove_from_cart"),
            ["hour"] = at.Hour,
            ["weekday"] = at.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)at.DayOfWeek,
        };

        if (history.Loaded)
        {
            AddUser(values, userPseudonym is null ? null : history.User(userPseudonym), userPseudonym is not null, start);
            var item = history.Item(cart.ProductId!.Value);
            values["item_views_trailing"] = item?.Views ?? 0;
            values["item_carts_trailing"] = item?.Carts ?? 0;
            values["item_purchases_trailing"] = item?.Purchases ?? 0;
            values["item_conversion_trailing"] = item is { Views: > 0 } ? item.Purchases / (double)item.Views : double.NaN;
            var mean = history.CategoryMeanPrice(cart.CategoryId!.Value);
            values["category_mean_price_trailing"] = mean ?? double.NaN;
            values["cart_price_vs_category"] = mean is { } m && m != 0 ? price / m : double.NaN;
        }

        return values;
    }

    private static void AddUser(Dictionary<string, double> values, UserHistory? user, bool knownUser, DateTime sessionStart)
    {
        if (!knownUser)
        {
            return;
        }

        // A user the lake has never seen has no past sessions: 0 counts and unknown recency, as the SQL's LEFT JOIN gives.
        values["past_sessions"] = user?.Sessions ?? 0;
        values["past_purchases"] = user?.Purchases ?? 0;
        values["past_carts"] = user?.Carts ?? 0;
        values["days_since_last_session"] = user is { } known ? (sessionStart - known.LastSessionEnd).TotalSeconds / 86400.0 : double.NaN;
        values["days_since_last_purchase"] = user?.LastPurchaseSessionEnd is { } last ? (sessionStart - last).TotalSeconds / 86400.0 : double.NaN;
    }

    public static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };
}
