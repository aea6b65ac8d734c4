-- gold cart_prediction_points (purchase intent): one row per session at its first cart event.
-- as_of_time = that event's time. Features use only events strictly before as_of_time (in-session),
-- sessions that started before this one (user history; earlier months' from gold sessions), and whole days before
-- as_of_time's day (item and category history); the carted item and its price are the prediction trigger itself.
-- Label label_purchase: the session holds a purchase at or after as_of_time (the cart "ends in a purchase").
WITH events AS NOT MATERIALIZED ({events}),
-- the session's first cart event (ties in time broken by source position), found in one aggregation of the cart
-- events (was: their first time per session, a join back to the cart events and a window to pick one; month scale
-- 18.4-18.7 -> 17.0-17.9 s for this table, same rows); within the month a session is its user's session number and the
-- user their number in the month, as silver stores them (the key string is built once per point)
first_carts AS (
    SELECT any_value(user_id) AS user_id, user_number, session_number,
           arg_min({'event_time': event_time, 'product_id': product_id, 'category_id': category_id, 'price': price},
                   (event_time, source_file, source_line)) AS first_cart
    FROM events
    -- a session lies in one month (its key carries it): the month's files hold every session whose first cart can
    -- be a point, whole, so earlier months are not read for this
    WHERE event_type = 'cart' AND event_time >= {from} AND event_time < {to}
    GROUP BY user_number, session_number
),
points AS (
    SELECT strftime(first_cart.event_time, '%Y-%m') || '/' || user_id || '-' || CAST(session_number AS VARCHAR) AS session_key,
           user_number, session_number, date_trunc('month', first_cart.event_time) AS session_month, user_id,
           first_cart.event_time AS as_of_time, first_cart.product_id, first_cart.category_id, first_cart.price,
           CAST(first_cart.event_time AS DATE) AS as_of_day
    FROM first_carts
    WHERE first_cart.event_time >= {from} AND first_cart.event_time < {to}
        -- the leakage audit's recomputation wants the points at one as-of time only (GoldQuery.AsOfOnly)
        AND ({only_as_of} IS NULL OR first_cart.event_time = {only_as_of})
),
in_session AS (
    SELECT
        p.session_key,
        min(e.event_time) AS session_start,
        count(CASE WHEN e.event_time < p.as_of_time THEN 1 END) AS events_before,
        count(CASE WHEN e.event_time < p.as_of_time AND e.event_type = 'view' THEN 1 END) AS views_before,
        count(DISTINCT CASE WHEN e.event_time < p.as_of_time THEN e.product_id END) AS distinct_items_before,
        count(DISTINCT CASE WHEN e.event_time < p.as_of_time THEN e.category_id END) AS distinct_categories_before,
        count(CASE WHEN e.event_time < p.as_of_time AND e.event_type = 'view' AND e.product_id = p.product_id THEN 1 END) AS views_of_carted_item,
        count(CASE WHEN e.event_time < p.as_of_time AND e.event_type = 'purchase' THEN 1 END) AS purchases_before,
        count(CASE WHEN e.event_time < p.as_of_time AND e.event_type = 'remove_from_cart' THEN 1 END) AS removes_before,
        -- label: the only column that looks at or after as_of_time
        max(CASE WHEN e.event_time >= p.as_of_time AND e.event_type = 'purchase' THEN 1 ELSE 0 END) = 1 AS label_purchase
    FROM points p
    -- the session's events: its user's session number within its month (the key's parts, without building a key per event)
    JOIN events e ON e.user_number = p.user_number AND e.session_number = p.session_number AND date_trunc('month', e.event_time) = p.session_month
        AND e.event_time >= {from} AND e.event_time < {to} -- the points' sessions lie in the month: read only its files
    GROUP BY p.session_key
),
-- the points' users' sessions before this month: the gold sessions of the earlier months ({earlier_sessions}; a session
-- lies in one month, so each of them started before every point of this one), the same rows as grouping those months'
-- events, a sixth of the rows to read (full scale, April over six months: 106 -> 39 s CPU, the same 25.0M sessions);
-- reading every earlier month's events made this table grow with the history (54 s for October, 173 s for February)
-- and this month's sessions from its events, grouped on the user's number and the session number as silver stores them
sessions_all AS (
    SELECT user_id, session_start, session_end, purchases, carts
    FROM ({earlier_sessions}) AS earlier
    WHERE user_id IN (SELECT user_id FROM points)
    UNION ALL
    SELECT any_value(user_id) AS user_id, min(event_time) AS session_start, max(event_time) AS session_end,
           count(CASE WHEN event_type = 'purchase' THEN 1 END) AS purchases,
           count(CASE WHEN event_type = 'cart' THEN 1 END) AS carts
    FROM events
    WHERE event_time >= {from} AND event_time < {to} AND user_number IN (SELECT user_number FROM points)
    GROUP BY user_number, session_number
),
user_history AS (
    SELECT
        p.session_key,
        count(s.session_start) AS past_sessions,
        CAST(coalesce(sum(s.purchases), 0) AS BIGINT) AS past_purchases,
        CAST(coalesce(sum(s.carts), 0) AS BIGINT) AS past_carts,
        date_diff('second', max(s.session_end), min(i.session_start)) / 86400.0 AS days_since_last_session,
        date_diff('second', max(CASE WHEN s.purchases > 0 THEN s.session_end END), min(i.session_start)) / 86400.0 AS days_since_last_purchase
    FROM points p
    JOIN in_session i ON i.session_key = p.session_key
    LEFT JOIN sessions_all s ON s.user_id = p.user_id AND s.session_start < i.session_start
    GROUP BY p.session_key
),
item_days AS (
    SELECT product_id, CAST(event_time AS DATE) AS day,
           count(CASE WHEN event_type = 'view' THEN 1 END) AS views,
           count(CASE WHEN event_type = 'cart' THEN 1 END) AS carts,
           count(CASE WHEN event_type = 'purchase' THEN 1 END) AS purchases
    FROM events
    -- only the days item_history keeps: the {item_window_days} days before a point's day, the month's first day the
    -- earliest (so only the months that window overlaps are read, not all history)
    WHERE product_id IN (SELECT product_id FROM points) AND event_time >= {from} - INTERVAL '{item_window_days} days'
    GROUP BY product_id, CAST(event_time AS DATE)
),
item_history AS (
    SELECT
        p.session_key,
        CAST(coalesce(sum(d.views), 0) AS BIGINT) AS item_views_trailing,
        CAST(coalesce(sum(d.carts), 0) AS BIGINT) AS item_carts_trailing,
        CAST(coalesce(sum(d.purchases), 0) AS BIGINT) AS item_purchases_trailing,
        CAST(sum(d.purchases) AS DOUBLE) / nullif(sum(d.views), 0) AS item_conversion_trailing
    FROM points p
    LEFT JOIN item_days d ON d.product_id = p.product_id
        AND d.day < p.as_of_day AND d.day >= p.as_of_day - INTERVAL '{item_window_days} days'
    GROUP BY p.session_key
),
category_days AS (
    SELECT category_id, CAST(event_time AS DATE) AS day, sum(price) AS price_sum, count(*) AS price_count
    FROM events
    -- only the days category_history keeps, as for item_days
    WHERE category_id IN (SELECT category_id FROM points) AND event_time >= {from} - INTERVAL '{item_window_days} days'
    GROUP BY category_id, CAST(event_time AS DATE)
),
category_history AS (
    SELECT p.session_key, CAST(sum(c.price_sum) / nullif(sum(c.price_count), 0) AS DOUBLE) AS category_mean_price_trailing
    FROM points p
    LEFT JOIN category_days c ON c.category_id = p.category_id
        AND c.day < p.as_of_day AND c.day >= p.as_of_day - INTERVAL '{item_window_days} days'
    GROUP BY p.session_key
)
SELECT
    p.session_key,
    p.user_id,
    p.as_of_time,
    p.product_id,
    p.category_id,
    CAST(p.price AS DOUBLE) AS cart_price,
    c.category_mean_price_trailing,
    CAST(p.price AS DOUBLE) / nullif(c.category_mean_price_trailing, 0) AS cart_price_vs_category,
    date_diff('second', i.session_start, p.as_of_time) AS seconds_since_session_start,
    i.events_before,
    i.views_before,
    i.distinct_items_before,
    i.distinct_categories_before,
    i.views_of_carted_item,
    i.purchases_before,
    i.removes_before,
    u.past_sessions,
    u.past_purchases,
    u.past_carts,
    u.days_since_last_session,
    u.days_since_last_purchase,
    h.item_views_trailing,
    h.item_carts_trailing,
    h.item_purchases_trailing,
    h.item_conversion_trailing,
    CAST(extract(hour FROM p.as_of_time) AS INTEGER) AS hour,
    CAST(extract(isodow FROM p.as_of_time) AS INTEGER) AS weekday,
    i.label_purchase
FROM points p
JOIN in_session i ON i.session_key = p.session_key
JOIN user_history u ON u.session_key = p.session_key
JOIN item_history h ON h.session_key = p.session_key
JOIN category_history c ON c.session_key = p.session_key
ORDER BY p.as_of_time, p.session_key
