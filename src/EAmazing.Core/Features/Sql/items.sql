-- gold items: one row per item and day D for items with any event in the {item_window_days} days before D.
-- as_of_time = D 00:00 UTC; every feature uses whole days before D (trailing popularity and conversion
-- "up to the previous day"). No label column.
WITH events AS ({events}),
days AS (
    SELECT CAST(day AS DATE) AS day
    FROM (VALUES {days}) AS t(day)
    WHERE day >= {from} AND day < {to}
),
item_days AS (
    SELECT product_id, CAST(event_time AS DATE) AS day, max(category_id) AS category_id,
           count(*) AS events,
           count(CASE WHEN event_type = 'view' THEN 1 END) AS views,
           count(CASE WHEN event_type = 'cart' THEN 1 END) AS carts,
           count(CASE WHEN event_type = 'purchase' THEN 1 END) AS purchases,
           count(DISTINCT user_id) AS users,
           sum(price) AS price_sum
    FROM events
    GROUP BY product_id, CAST(event_time AS DATE)
),
first_seen AS (
    SELECT product_id, min(day) AS first_day FROM item_days GROUP BY product_id
),
category_days AS (
    SELECT category_id, day, sum(price_sum) AS price_sum, sum(events) AS events
    FROM item_days
    GROUP BY category_id, day
),
item_windows AS (
    SELECT
        d.day,
        i.product_id,
        max(i.category_id) AS category_id,
        CAST(sum(CASE WHEN i.day >= d.day - INTERVAL '1 days' THEN i.views ELSE 0 END) AS BIGINT) AS views_1d,
        CAST(sum(CASE WHEN i.day >= d.day - INTERVAL '7 days' THEN i.views ELSE 0 END) AS BIGINT) AS views_7d,
        CAST(sum(i.views) AS BIGINT) AS views_trailing,
        CAST(sum(CASE WHEN i.day >= d.day - INTERVAL '7 days' THEN i.carts ELSE 0 END) AS BIGINT) AS carts_7d,
        CAST(sum(i.carts) AS BIGINT) AS carts_trailing,
        CAST(sum(CASE WHEN i.day >= d.day - INTERVAL '7 days' THEN i.purchases ELSE 0 END) AS BIGINT) AS purchases_7d,
        CAST(sum(i.purchases) AS BIGINT) AS purchases_trailing,
        CAST(sum(i.users) AS BIGINT) AS user_days_trailing,
        CAST(sum(i.price_sum) / sum(i.events) AS DOUBLE) AS mean_price_trailing
    FROM days d
    JOIN item_days i ON i.day < d.day AND i.day >= d.day - INTERVAL '{item_window_days} days'
    GROUP BY d.day, i.product_id
),
category_trailing AS (
    SELECT d.day, c.category_id, CAST(sum(c.price_sum) / sum(c.events) AS DOUBLE) AS category_mean_price_trailing
    FROM days d
    JOIN category_days c ON c.day < d.day AND c.day >= d.day - INTERVAL '{item_window_days} days'
    GROUP BY d.day, c.category_id
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
    date_diff('day', f.first_day, t.day) AS age_days
FROM item_windows t
JOIN first_seen f ON f.product_id = t.product_id
LEFT JOIN category_trailing c ON c.day = t.day AND c.category_id = t.category_id
ORDER BY t.day, t.product_id
