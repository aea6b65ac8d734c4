-- gold items: one row per item and day D for items with any event in the {item_window_days} days before D.
-- as_of_time = D 00:00 UTC; every feature uses whole days before D (trailing popularity and conversion
-- "up to the previous day"). No label column.
-- Trailing windows are window functions over a dense item x day grid (a day without events is a row of
-- zeros), so "N PRECEDING" rows are exactly the N previous days.
WITH events AS NOT MATERIALIZED ({events}),
-- the trailing grid's days only (the month's days and the {item_window_days} before its first): every use of item_days
-- below keeps no earlier day, so only the months that window overlaps are read for it
item_days AS (
    SELECT product_id, CAST(event_time AS DATE) AS day, max(category_id) AS category_id,
           count(*) AS events,
           count(CASE WHEN event_type = 'view' THEN 1 END) AS views,
           count(CASE WHEN event_type = 'cart' THEN 1 END) AS carts,
           count(CASE WHEN event_type = 'purchase' THEN 1 END) AS purchases,
           count(DISTINCT user_number) AS users, -- one day lies in one month, where a user is their number
           sum(price) AS price_sum
    FROM events
    WHERE event_time >= {from} - INTERVAL '{item_window_days} days'
    GROUP BY product_id, CAST(event_time AS DATE)
),
-- an item's first day over all history (its age): the first days of the earlier months (gold item_first_days, one row
-- per item and month) and of the grid's own days; reading every earlier month's events for it made this table grow with
-- the history (seven full-scale months: 47 s for October, 93 s for April)
first_seen AS (
    SELECT product_id, min(first_day) AS first_day
    FROM (SELECT product_id, first_day FROM ({earlier_item_first_days}) AS earlier
          UNION ALL
          SELECT product_id, day FROM item_days)
    GROUP BY product_id
),
days AS (
    SELECT CAST(day AS DATE) AS day
    FROM (VALUES {days}) AS t(day)
    WHERE day >= {from} AND day < {to}
),
grid_days AS (
    -- the month's days up to the end of the data, and the {item_window_days} days before the first
    SELECT CAST(day AS DATE) AS day FROM (VALUES {grid_days}) AS t(day) WHERE day IS NOT NULL
),
window_items AS (
    SELECT DISTINCT i.product_id
    FROM item_days i
    WHERE i.day >= (SELECT min(day) FROM grid_days) AND i.day < (SELECT max(day) FROM grid_days)
),
grid AS (
    SELECT w.product_id, g.day,
           i.category_id, coalesce(i.events, 0) AS events, coalesce(i.views, 0) AS views, coalesce(i.carts, 0) AS carts,
           coalesce(i.purchases, 0) AS purchases, coalesce(i.users, 0) AS users, coalesce(i.price_sum, 0) AS price_sum
    FROM window_items w
    CROSS JOIN grid_days g
    LEFT JOIN item_days i ON i.product_id = w.product_id AND i.day = g.day
),
item_windows AS (
    SELECT
        product_id,
        day,
        max(category_id) OVER trailing_window AS category_id,
        CAST(sum(events) OVER trailing_window AS BIGINT) AS events_trailing,
        CAST(sum(views) OVER previous_day AS BIGINT) AS views_1d,
        CAST(sum(views) OVER previous_week AS BIGINT) AS views_7d,
        CAST(sum(views) OVER trailing_window AS BIGINT) AS views_trailing,
        CAST(sum(carts) OVER previous_week AS BIGINT) AS carts_7d,
        CAST(sum(carts) OVER trailing_window AS BIGINT) AS carts_trailing,
        CAST(sum(purchases) OVER previous_week AS BIGINT) AS purchases_7d,
        CAST(sum(purchases) OVER trailing_window AS BIGINT) AS purchases_trailing,
        CAST(sum(users) OVER trailing_window AS BIGINT) AS user_days_trailing,
        sum(price_sum) OVER trailing_window AS price_sum_trailing
    FROM grid
    WINDOW previous_day AS (PARTITION BY product_id ORDER BY day ROWS BETWEEN 1 PRECEDING AND 1 PRECEDING),
           previous_week AS (PARTITION BY product_id ORDER BY day ROWS BETWEEN 7 PRECEDING AND 1 PRECEDING),
           trailing_window AS (PARTITION BY product_id ORDER BY day ROWS BETWEEN {item_window_days} PRECEDING AND 1 PRECEDING)
),
category_days AS (
    SELECT category_id, day, sum(price_sum) AS price_sum, sum(events) AS events
    FROM item_days
    WHERE day >= (SELECT min(day) FROM grid_days)
    GROUP BY category_id, day
),
category_trailing AS (
    SELECT d.day, c.category_id, CAST(sum(c.price_sum) / sum(c.events) AS DOUBLE) AS category_mean_price_trailing
    FROM days d
    JOIN category_days c ON c.day < d.day AND c.day >= d.day - INTERVAL '{item_window_days} days'
    GROUP BY d.day, c.category_id
),
item_rows AS (
    SELECT w.*, f.first_day, CAST(w.price_sum_trailing / w.events_trailing AS DOUBLE) AS mean_price_trailing
    FROM item_windows w
    JOIN days d ON d.day = w.day
    JOIN first_seen f ON f.product_id = w.product_id
    WHERE w.events_trailing > 0
)
SELECT
    t.product_id,
    t.day,
    CAST(t.day AS TIMESTAMP) AS as_of_time,
    t.category_id,
    t.views_1d,
    t.views_7d,
    t.views_trailing,
    t.carts_7d,
    t.carts_trailing,
    t.purchases_7d,
    t.purchases_trailing,
    t.user_days_trailing,
    CAST(t.carts_trailing AS DOUBLE) / nullif(t.views_trailing, 0) AS cart_rate_trailing,
    CAST(t.purchases_trailing AS DOUBLE) / nullif(t.views_trailing, 0) AS conversion_trailing,
    rank() OVER (PARTITION BY t.day ORDER BY t.views_7d DESC) AS popularity_rank_7d,
    t.mean_price_trailing,
    c.category_mean_price_trailing,
    t.mean_price_trailing / nullif(c.category_mean_price_trailing, 0) AS price_vs_category,
    date_diff('day', t.first_day, t.day) AS age_days
FROM item_rows t
LEFT JOIN category_trailing c ON c.day = t.day AND c.category_id = t.category_id
ORDER BY t.day, t.product_id
