-- gold session_prefixes (intent scored mid-session): one row per session and prefix length k = 1 … {prefix_lengths},
-- for sessions with at least k events. as_of_time = time of the k-th event (events ordered by time, then source
-- position). Features come from the first k events only.
-- Label label_purchase_later: the session holds a purchase after its k-th event.
-- One window pass (one sort) gives each event its position in the session and its up to {prefix_lengths} - 1
-- predecessors as lag columns (FeatureSql.Lags): a kept row's earlier events are exactly those lags, so the prefix's
-- counts, distinct items and categories, repeats and prices are plain expressions over them, with no second window
-- over the prefix rows (month scale: 38 -> 33 s for this table, same rows and values). The session-wide purchase
-- count (for the label only) comes from the same window.
-- A session lies in one silver file (one user bucket), so the window runs file by file (FeatureSql.PerFile; its
-- named window is numbered per file): a month at once held every event of the month in the window (6.3 GB).
-- One month's events only, where a user's session number alone names a session (partitioned on the user's number in the
-- month and the session number as silver stores them, integers, not on the pseudonym or the session id text). A
-- session's events are taken in silver's own order, their position in the silver file (file_row_number): every way
-- silver is written (streamed, merged, rebuilt, erased, re-keyed) keeps a file in time order, then source file and
-- line, the order its sessions were numbered in. One integer sort key instead of three (month scale: 31.4-31.7 ->
-- 28.8-29.6 s for this table, same rows).
-- Rows are written in no particular order: consumers select by time and session.
WITH prefixes AS (
--<per silver file>
    SELECT *
    FROM (
        SELECT user_id, session_number, event_time, event_type, product_id, category_id, price,
               row_number() OVER in_session_{file} AS position,
               {prefix_lags}
               count(CASE WHEN event_type = 'purchase' THEN 1 END) OVER (in_session_{file} ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS session_purchases
        FROM {file_events}
        -- the leakage audit's recomputation wants the prefixes ending at one as-of time only (GoldQuery.AsOfOnly):
        -- the sessions with an event then, whole, so their positions and lags are the same
        WHERE {only_as_of} IS NULL OR (user_number, session_number) IN (SELECT (user_number, session_number) FROM {file_events} WHERE event_time = {only_as_of})
        WINDOW in_session_{file} AS (PARTITION BY user_number, session_number ORDER BY file_row_number)
    ) AS ordered
    WHERE position <= {prefix_lengths} AND event_time >= {from} AND event_time < {to}
        AND ({only_as_of} IS NULL OR event_time = {only_as_of})
--</per silver file>
),
counted AS (
    SELECT *,
           {prefix_purchases} AS purchases
    FROM prefixes
)
SELECT
    -- the session's number in its user's month: the view shows the session key, month/user-number, made from it and
    -- the month of as_of_time (every row's event lies in the month being built); the stored key repeated the
    -- pseudonym beside user_id in every row (GoldTable.Shown)
    session_number,
    user_id,
    position AS prefix_length,
    event_time AS as_of_time,
    date_diff('second', least({prefix_event_times}), event_time) AS seconds_since_session_start,
    coalesce(date_diff('second', {prefix_previous_time}, event_time), 0) AS seconds_since_previous_event,
    {prefix_views} AS views,
    {prefix_carts} AS carts,
    {prefix_removes} AS removes,
    purchases,
    {prefix_distinct_items} AS distinct_items,
    {prefix_distinct_categories} AS distinct_categories,
    {prefix_repeated_items} AS repeated_items,
    -- avg over a list is the avg aggregate over the same values (identical to the former window's avg)
    CAST(list_avg(list_value({prefix_prices})) AS DOUBLE) AS mean_price,
    CAST(greatest({prefix_prices}) AS DOUBLE) AS max_price,
    CAST(price AS DOUBLE) AS last_price,
    event_type AS last_event_type,
    CAST(extract(hour FROM event_time) AS INTEGER) AS hour,
    CAST(extract(isodow FROM event_time) AS INTEGER) AS weekday,
    session_purchases > purchases AS label_purchase_later
FROM counted
