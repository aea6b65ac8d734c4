using EAmazing.Lake;

namespace EAmazing.Features;

/// <summary>The gold tables, in build order. Adding a table = one SQL file plus one entry here.</summary>
public static class GoldTables
{
    public static readonly GoldTable Sessions = new("sessions", MonthInputs.SameMonth,
        ["session_key"], [], ["user_id", "session_start", "session_end"],
        "one row per re-sessionised session: span, event counts, distinct items, prices, hour, weekday, cart and purchase flags")
    {
        SessionKeyMonthColumn = "session_start",
        RowsFromOneUser = true,
    };

    public static readonly GoldTable CartPredictionPoints = new("cart_prediction_points", MonthInputs.HistoryToMonth,
        ["session_key"], ["label_purchase"], ["user_id", "product_id", "category_id"],
        "purchase intent: one row per session at its first cart event; label: a purchase at or after it in the session")
    {
        PseudonymOrder = "as_of_time, session_key",
        ReadsEarlier = new(Sessions,
            [("user_id", "VARCHAR"), ("session_start", "TIMESTAMP"), ("session_end", "TIMESTAMP"), ("purchases", "BIGINT"), ("carts", "BIGINT")],
            "session_end"),
    };

    public static readonly GoldTable SessionPrefixes = new("session_prefixes", MonthInputs.SameMonth,
        ["session_key", "prefix_length"], ["label_purchase_later"], ["user_id", "last_event_type"],
        "intent mid-session: one row per session after each of its first k events; label: a purchase after the prefix")
    {
        SessionKeyMonthColumn = GoldTable.AsOfColumn,
        RowsFromOneUser = true,
    };

    public static readonly GoldTable UserSnapshots = new("user_snapshots", MonthInputs.HistoryToNextMonth,
        ["user_id", "as_of_time"], ["label_churn"], ["top_category"],
        "segmentation and churn: weekly RFM, trailing activity, affinities; label: no purchase in the next N days (NULL if the window is incomplete)")
    {
        PerUser = true,
        RowsFromOneUser = true,
        PseudonymOrder = "user_id, as_of_time",
        // 2: a month built in several user buckets no longer gains the folder's month as a column when its parts are merged
        WriterVersion = 2,
    };

    public static readonly GoldTable ItemFirstDays = new("item_first_days", MonthInputs.SameMonth,
        ["product_id"], [], [],
        "per month: each item's first day with an event in the month (items read the earlier months' for an item's age)");

    public static readonly GoldTable Items = new("items", MonthInputs.HistoryToMonth,
        ["product_id", "day"], [], ["category_id"],
        "per item per day: trailing popularity and conversion up to the previous day, price vs category, age")
    {
        ReadsEarlier = new(ItemFirstDays, [("product_id", "BIGINT"), ("first_day", "DATE")], "first_day"),
    };

    public static readonly GoldTable ItemTransitions = new("item_transitions", MonthInputs.SameMonth,
        ["product_id", "other_product_id"], [], ["window_start"],
        "per month: successor and session co-occurrence counts of item pairs, usable after the month");

    public static readonly GoldTable DemandDaily = new("demand_daily", MonthInputs.SameMonth,
        ["level", "category_key", "day"], [], ["category_id", "top_category"],
        "per category and top-level category per day: views, carts, purchases, revenue, users, calendar");

    public static IReadOnlyList<GoldTable> All { get; } =
        [Sessions, CartPredictionPoints, SessionPrefixes, UserSnapshots, ItemFirstDays, Items, ItemTransitions, DemandDaily];

    public static GoldTable? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    /// <summary>
    /// A query of a gold table's files as its view shows them (<see cref="GoldTable.Shown"/> for a table of this list;
    /// the files as they are for any other, e.g. a business model's).
    /// </summary>
    public static string Shown(string name, IEnumerable<string> files) =>
        Find(name) is { } table ? table.Shown(table.ReadFiles(files)) : $"SELECT * FROM {LakeSql.ReadParquet(files)}";
}
