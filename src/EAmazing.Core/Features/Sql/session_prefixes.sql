-- gold session_prefixes (intent scored mid-session): one row per session and prefix length k = 1 … {prefix_lengths},
-- for sessions with at least k events. as_of_time = time of the k-th event (events ordered by time, then source
-- position). Features come from the first k events only.
-- Label label_purchase_later: the session holds a purchase after its k-th event.
-- The first window holds every event of the month, so its rows are kept narrow: one month's events only, where
-- silver's session_id alone is unique (and is user_id || '-' || n, so user_id need not ride along), the event type
-- as a small code, the source file as its hash (ties within a second are rare; any fixed order will do).
-- Everything that needs the order of the whole session comes from that one window (one sort of the month): the
-- position, the previous event, and whether the item or category was seen earlier in the session, from lags
-- 1 … {prefix_lengths} - 1 (all the earlier events a kept row has; silver holds no NULL product or category). The
-- prefix sums are then one window over at most {prefix_lengths} rows per session (was four windows, one per sort).
-- Rows are written in no particular order: consumers select by time and session, and the final sort of ~24M rows
-- was about 13 s of a month-scale build (49.8 -> 36.7 s for this table).
WITH events AS ({events}),
ordered AS (
    SELECT session_id, event_time, product_id, category_id, price,
           CAST(CASE event_type WHEN 'view' THEN 0 WHEN 'cart' THEN 1 WHEN 'purchase' THEN 2 ELSE 3 END AS TINYINT) AS kind,
           row_number() OVER in_session AS position,
           lag(event_time) OVER in_session AS previous_time,
           CASE WHEN product_id = lag(product_id) OVER in_session THEN 1 ELSE 0 END AS repeats_item,
           CASE WHEN {product_seen_earlier} THEN 0 ELSE 1 END AS new_item,
           CASE WHEN {category_seen_earlier} THEN 0 ELSE 1 END AS new_category,
           -- for the label only: a purchase comes after the prefix when the session holds more than the prefix does
           count(CASE WHEN event_type = 'purchase' THEN 1 END) OVER (in_session ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS session_purchases
    FROM events
    WINDOW in_session AS (PARTITION BY session_id ORDER BY event_time, source_line, hash(source_file))
),
running AS (
    SELECT
        session_id, position, event_time, kind, price, previous_time, session_purchases,
        min(event_time) OVER prefix AS session_start,
        count(CASE WHEN kind = 0 THEN 1 END) OVER prefix AS views,
        count(CASE WHEN kind = 1 THEN 1 END) OVER prefix AS carts,
        count(CASE WHEN kind = 3 THEN 1 END) OVER prefix AS removes,
        count(CASE WHEN kind = 2 THEN 1 END) OVER prefix AS purchases,
        CAST(sum(new_item) OVER prefix AS BIGINT) AS distinct_items,
        CAST(sum(new_category) OVER prefix AS BIGINT) AS distinct_categories,
        CAST(sum(repeats_item) OVER prefix AS BIGINT) AS repeated_items,
        CAST(avg(price) OVER prefix AS DOUBLE) AS mean_price,
        CAST(max(price) OVER prefix AS DOUBLE) AS max_price
    FROM ordered
    WHERE position <= {prefix_lengths}
    WINDOW prefix AS (PARTITION BY session_id ORDER BY position ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
)
SELECT
    strftime(r.event_time, '%Y-%m') || '/' || r.session_id AS session_key,
    split_part(r.session_id, '-', 1) AS user_id,
    r.position AS prefix_length,
    r.event_time AS as_of_time,
    date_diff('second', r.session_start, r.event_time) AS seconds_since_session_start,
    coalesce(date_diff('second', r.previous_time, r.event_time), 0) AS seconds_since_previous_event,
    r.views,
    r.carts,
    r.removes,
    r.purchases,
    r.distinct_items,
    r.distinct_categories,
    r.repeated_items,
    r.mean_price,
    r.max_price,
    CAST(r.price AS DOUBLE) AS last_price,
    CASE r.kind WHEN 0 THEN 'view' WHEN 1 THEN 'cart' WHEN 2 THEN 'purchase' ELSE 'remove_from_cart' END AS last_event_type,
    CAST(extract(hour FROM r.event_time) AS INTEGER) AS hour,
    CAST(extract(isodow FROM r.event_time) AS INTEGER) AS weekday,
    r.session_purchases > r.purchases AS label_purchase_later
FROM running r
WHERE r.event_time >= {from} AND r.event_time < {to}
