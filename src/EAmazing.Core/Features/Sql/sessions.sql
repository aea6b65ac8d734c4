-- gold sessions: one row per re-sessionised silver session, describing the whole session.
-- as_of_time = the session's last event plus the session gap ({session_gap_seconds} s): only then is it known that no
-- further event joins the session, so only then is the row complete. No label column:
-- has_cart / has_purchase describe the session itself and are outcomes, not features, for any
-- model that predicts inside a session (the cart prediction points and session prefixes are for that).
-- One month's events only, where a user's session number alone names a session: grouping on the user's number in the
-- month and the session number as silver stores them (integers) rather than on a session key or the pseudonym saves
-- building a key string per event and hashing the pseudonym. The session key is not stored: the number is, and the
-- view makes the key from the session's start month, the user and the number (GoldTable.Shown), since the stored key
-- repeated the 32-character pseudonym beside user_id in every row (141 of a month's 501 MB).
-- A session lies in one silver file (one user bucket), so sessions are aggregated file by file (FeatureSql.PerFile):
-- one month at once kept 8M sessions' distinct-count states in memory and spilled (94 s vs 29 s at month scale).
-- Rows are written in no particular order (consumers select by key and time): the final sort of the month's 8.4M
-- sessions was about 1.5 s of this table's 24 s (two runs each, month scale).
WITH by_session AS (
--<per silver file>
    SELECT
        any_value(user_id) AS user_id, -- one user per number in the month
        session_number,
        min(event_time) AS session_start,
        max(event_time) AS session_end,
        count(*) AS events,
        count(CASE WHEN event_type = 'view' THEN 1 END) AS views,
        count(CASE WHEN event_type = 'cart' THEN 1 END) AS carts,
        count(CASE WHEN event_type = 'remove_from_cart' THEN 1 END) AS removes,
        count(CASE WHEN event_type = 'purchase' THEN 1 END) AS purchases,
        count(DISTINCT product_id) AS distinct_items,
        count(DISTINCT category_id) AS distinct_categories,
        count(DISTINCT nullif(brand, '')) AS distinct_brands,
        CAST(min(price) AS DOUBLE) AS min_price,
        CAST(max(price) AS DOUBLE) AS max_price,
        CAST(avg(price) AS DOUBLE) AS mean_price,
        CAST(sum(CASE WHEN event_type = 'purchase' THEN price ELSE 0 END) AS DOUBLE) AS purchase_revenue
    FROM {file_events}
    -- the leakage audit's recomputation wants the sessions known complete at one as-of time only (GoldQuery.AsOfOnly):
    -- the sessions with an event one gap before it, whole
    WHERE {only_as_of} IS NULL
        OR (user_number, session_number) IN (SELECT (user_number, session_number) FROM {file_events} WHERE event_time = {only_as_of} - INTERVAL '{session_gap_seconds} seconds')
    GROUP BY user_number, session_number
    HAVING min(event_time) >= {from} AND min(event_time) < {to}
        AND ({only_as_of} IS NULL OR max(event_time) = {only_as_of} - INTERVAL '{session_gap_seconds} seconds')
--</per silver file>
)
SELECT
    session_number, -- the view shows the session key, month/user-number, from it (GoldTable.SessionKeyMonthColumn)
    user_id,
    session_start,
    session_end,
    session_end + INTERVAL '{session_gap_seconds} seconds' AS as_of_time,
    date_diff('second', session_start, session_end) AS duration_seconds,
    events,
    views,
    carts,
    removes,
    purchases,
    distinct_items,
    distinct_categories,
    distinct_brands,
    min_price,
    max_price,
    mean_price,
    purchase_revenue,
    CAST(extract(hour FROM session_start) AS INTEGER) AS start_hour,
    CAST(extract(isodow FROM session_start) AS INTEGER) AS start_weekday,
    carts > 0 AS has_cart,
    purchases > 0 AS has_purchase
FROM by_session
