-- gold demand_daily: per day, per category (level 'category') and per top-level category (level
-- 'top_category', the first part of category_code, 'unknown' when empty): views, carts, purchases,
-- revenue, distinct users and sessions, and calendar features. A row describes its whole day, so
-- as_of_time = the next day 00:00 UTC. Only categories with an event that day have a row. No label
-- column: a forecaster's target is a later day's row of this table.
WITH events AS NOT MATERIALIZED ({events}),
-- Both levels read the events afresh (not one materialised copy of the month: that spills). One month's events
-- only, where a user's session number alone names a session, so it counts (user, number) pairs as silver stores them,
-- without building session keys (month scale, the distinct count alone: 6.8-7.4 s as pairs, 8.5-8.7 s as built keys),
-- and a user is their number in the month (user_number), an integer, not the pseudonym.
day_events AS NOT MATERIALIZED (
    SELECT CAST(event_time AS DATE) AS day, event_type, category_id, price, user_number, session_number,
           CASE WHEN category_code = '' THEN 'unknown' ELSE split_part(category_code, '.', 1) END AS top_category
    FROM events
    WHERE event_time >= {from} AND event_time < {to}
        -- the leakage audit's recomputation wants the day that ends at one as-of time only (GoldQuery.AsOfOnly)
        AND ({only_as_of} IS NULL OR CAST(event_time AS DATE) = CAST({only_as_of} - INTERVAL '1 days' AS DATE))
),
by_level AS (
    SELECT day, 'category' AS level, CAST(category_id AS VARCHAR) AS category_key, category_id, max(top_category) AS top_category,
           count(CASE WHEN event_type = 'view' THEN 1 END) AS views,
           count(CASE WHEN event_type = 'cart' THEN 1 END) AS carts,
           count(CASE WHEN event_type = 'purchase' THEN 1 END) AS purchases,
           CAST(sum(CASE WHEN event_type = 'purchase' THEN price ELSE 0 END) AS DOUBLE) AS revenue,
           count(DISTINCT user_number) AS distinct_users,
           count(DISTINCT (user_number, session_number)) AS distinct_sessions
    FROM day_events
    GROUP BY day, category_id
    UNION ALL
    SELECT day, 'top_category' AS level, top_category AS category_key, CAST(NULL AS BIGINT) AS category_id, top_category,
           count(CASE WHEN event_type = 'view' THEN 1 END),
           count(CASE WHEN event_type = 'cart' THEN 1 END),
           count(CASE WHEN event_type = 'purchase' THEN 1 END),
           CAST(sum(CASE WHEN event_type = 'purchase' THEN price ELSE 0 END) AS DOUBLE),
           count(DISTINCT user_number),
           count(DISTINCT (user_number, session_number))
    FROM day_events
    GROUP BY day, top_category
)
SELECT
    level,
    category_key,
    category_id,
    top_category,
    day,
    CAST(day AS TIMESTAMP) + INTERVAL '1 days' AS as_of_time,
    views,
    carts,
    purchases,
    revenue,
    distinct_users,
    distinct_sessions,
    CAST(extract(isodow FROM day) AS INTEGER) AS weekday,
    CAST(extract(day FROM day) AS INTEGER) AS day_of_month,
    CAST(extract(month FROM day) AS INTEGER) AS month,
    extract(isodow FROM day) >= 6 AS is_weekend
FROM by_level
ORDER BY day, level, category_key
