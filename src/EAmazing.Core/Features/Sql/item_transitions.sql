-- gold item_transitions (recommendation): per month, item pairs seen in that month's sessions.
-- successor_count: how often other_product_id was the next different item after product_id in a session
-- (consecutive repeats of one item collapsed); cooccurrence_sessions: sessions holding both items (sessions
-- with 2 to {max_session_items} distinct items). as_of_time = the end of the month: a recommender may use a
-- month's row only for requests after that month. No label column.
WITH events AS ({events}),
month_events AS (
    SELECT session_key, product_id, event_time, source_file, source_line
    FROM events
    WHERE event_time >= {from} AND event_time < {to}
),
ordered AS (
    SELECT session_key, product_id,
           row_number() OVER (PARTITION BY session_key ORDER BY event_time, source_file, source_line) AS position,
           lag(product_id) OVER (PARTITION BY session_key ORDER BY event_time, source_file, source_line) AS previous_product
    FROM month_events
),
steps AS (
    SELECT session_key, product_id,
           lead(product_id) OVER (PARTITION BY session_key ORDER BY position) AS next_product
    FROM ordered
    WHERE previous_product IS NULL OR previous_product <> product_id
),
successors AS (
    SELECT product_id, next_product AS other_product_id, count(*) AS successor_count
    FROM steps
    WHERE next_product IS NOT NULL AND next_product <> product_id
    GROUP BY product_id, next_product
),
session_items AS (
    SELECT DISTINCT session_key, product_id FROM month_events
),
small_sessions AS (
    SELECT session_key FROM session_items GROUP BY session_key HAVING count(*) BETWEEN 2 AND {max_session_items}
),
pair_items AS (
    SELECT i.session_key, i.product_id
    FROM session_items i
    JOIN small_sessions s ON s.session_key = i.session_key
),
pairs AS (
    SELECT a.product_id, b.product_id AS other_product_id, count(*) AS cooccurrence_sessions
    FROM pair_items a
    JOIN pair_items b ON a.session_key = b.session_key AND a.product_id <> b.product_id
    GROUP BY a.product_id, b.product_id
)
SELECT
    coalesce(p.product_id, s.product_id) AS product_id,
    coalesce(p.other_product_id, s.other_product_id) AS other_product_id,
    {from} AS window_start,
    {to} AS as_of_time,
    coalesce(s.successor_count, 0) AS successor_count,
    coalesce(p.cooccurrence_sessions, 0) AS cooccurrence_sessions
FROM pairs p
FULL OUTER JOIN successors s ON s.product_id = p.product_id AND s.other_product_id = p.other_product_id
ORDER BY product_id, other_product_id
