-- gold demand_daily: per day, per category (level 'category') and per top-level category (level
-- 'top_category', the first part of category_code, 'unknown' when empty): views, carts, purchases,
-- revenue, distinct users and sessions, and calendar features. A row describes its whole day, so
-- as_of_time = the next day 00:00 UTC. Only categories with an event that day have a row. No label
-- column: a forecaster's target is a later day's row of this table.
-- Per silver file, then summed: a month's silver files are disjoint user buckets (FeatureSql.PerFile), so a user or a
-- session lies in one file and the month's distinct users and sessions of a day and category are the sum of the files'
-- counts. Each file's distinct counts hash one bucket's users, not the month's (month scale: 19.5 -> 11.2 s for this
-- table in bench features, same rows). One scan of each file gives both levels (grouping sets: 15.5-17.1 -> 13.3 s in
-- a DuckDB harness against a scan per level, within the spread in the CLI). Within a month a user is their number
-- (user_number), and one user's session number names a session, so sessions are counted as (user, number) pairs as
-- silver stores them.
-- Revenue is summed as the prices' exact decimals and made a DOUBLE once, so the files' sums add up to the same value.
WITH by_file AS (
--<per silver file>
    SELECT day, category_id, top_category AS top_key, GROUPING(category_id) = 1 AS top_level,
           max(top_category) AS category_top,
           count(CASE WHEN event_type = 'view' THEN 1 END) AS views,
           count(CASE WHEN event_type = 'cart' THEN 1 END) AS carts,
           count(CASE WHEN event_type = 'purchase' THEN 1 END) AS purchases,
           sum(CASE WHEN event_type = 'purchase' THEN price ELSE 0 END) AS revenue,
           count(DISTINCT user_number) AS users,
           count(DISTINCT (user_number, session_number)) AS sessions
    FROM (
        SELECT CAST(event_time AS DATE) AS day, event_type, category_id, price, user_number, session_number,
               CASE WHEN category_code = '' THEN 'unknown' ELSE split_part(category_code, '.', 1) END AS top_category
        FROM {file_events}
        WHERE event_time >= {from} AND event_time < {to}
            -- the leakage audit's recomputation wants the day that ends at one as-of time only (GoldQuery.AsOfOnly)
            AND ({only_as_of} IS NULL OR CAST(event_time AS DATE) = CAST({only_as_of} - INTERVAL '1 days' AS DATE))
    ) AS day_events
    GROUP BY GROUPING SETS ((day, category_id), (day, top_category))
--</per silver file>
),
by_level AS (
    SELECT day, 'category' AS level, CAST(category_id AS VARCHAR) AS category_key, category_id,
           max(category_top) AS top_category,
           CAST(sum(views) AS BIGINT) AS views,
           CAST(sum(carts) AS BIGINT) AS carts,
           CAST(sum(purchases) AS BIGINT) AS purchases,
           CAST(sum(revenue) AS DOUBLE) AS revenue,
           CAST(sum(users) AS BIGINT) AS distinct_users,
           CAST(sum(sessions) AS BIGINT) AS distinct_sessions
    FROM by_file
    WHERE NOT top_level
    GROUP BY day, category_id
    UNION ALL
    SELECT day, 'top_category' AS level, top_key AS category_key, CAST(NULL AS BIGINT) AS category_id, top_key,
           CAST(sum(views) AS BIGINT),
           CAST(sum(carts) AS BIGINT),
           CAST(sum(purchases) AS BIGINT),
           CAST(sum(revenue) AS DOUBLE),
           CAST(sum(users) AS BIGINT),
           CAST(sum(sessions) AS BIGINT)
    FROM by_file
    WHERE top_level
    GROUP BY day, top_key
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
