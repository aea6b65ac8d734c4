-- gold item_transitions (recommendation): per month, item pairs seen in that month's sessions.
-- successor_count: how often other_product_id was the next different item after product_id in a session
-- (consecutive repeats of one item collapsed); cooccurrence_sessions: sessions holding both items (sessions
-- with 2 to {max_session_items} distinct items). as_of_time = the end of the month: a recommender may use a
-- month's row only for requests after that month. No label column.
-- One month's events only, where a user's session number alone names a session and the user's number in the month the
-- user: grouped on the two numbers as silver stores them, not on the pseudonym and the session id text the view builds
-- (month scale: 51.8 -> 29.5 s for this table, same rows).
-- A session's events are in silver's own order, their position in its silver file (see session_prefixes.sql; month
-- scale: 38.0-38.8 -> 34.1-35.2 s, same rows). Silver never holds a NULL product, so "the next different item after a
-- run of one item" is simply the event whose previous event holds another item: one window, no second pass over the
-- collapsed runs. Co-occurring pairs are counted once per unordered pair (a < b) and mirrored, which halves the
-- self-join and its grouping.
-- A session lies in one silver file (one user bucket), so the window, each session's distinct items and the pairs
-- within a session run file by file (FeatureSql.PerFile), and only the pairs' counts over the month: each file's
-- grouping and join hold one bucket's sessions, not the month's (month scale, DuckDB harness: 60.4 + 16.5 -> 50.8 +
-- 12.1 s CPU for this statement, same rows; the CLI's wall time within the spread of five alternating pairs).
-- Rows are written in no particular order: consumers select by item, and the final sort of the month's ~49M pairs
-- was about 8 s of a month-scale build (45.4 -> 37.6 s for this statement alone).
WITH steps AS (
--<per silver file>
    SELECT lag(product_id) OVER (PARTITION BY user_number, session_number ORDER BY file_row_number) AS product_id,
           product_id AS next_product
    FROM {file_events}
    WHERE event_time >= {from} AND event_time < {to}
--</per silver file>
),
successors AS (
    SELECT product_id, next_product AS other_product_id, count(*) AS successor_count
    FROM steps
    WHERE product_id <> next_product
    GROUP BY product_id, next_product
),
-- each session's pairs of distinct items (a < b), for sessions with 2 to {max_session_items} distinct items
session_pairs AS (
--<per silver file>
    (
        WITH session_items AS (
            SELECT user_number, session_number, product_id
            FROM {file_events}
            WHERE event_time >= {from} AND event_time < {to}
            GROUP BY user_number, session_number, product_id
        ),
        pair_items AS (
            SELECT user_number, session_number, product_id
            FROM session_items
            QUALIFY count(*) OVER (PARTITION BY user_number, session_number) BETWEEN 2 AND {max_session_items}
        )
        SELECT a.product_id, b.product_id AS other_product_id
        FROM pair_items a
        JOIN pair_items b
            ON a.user_number = b.user_number AND a.session_number = b.session_number AND a.product_id < b.product_id
    )
--</per silver file>
),
half_pairs AS (
    SELECT product_id, other_product_id, count(*) AS cooccurrence_sessions
    FROM session_pairs
    GROUP BY product_id, other_product_id
),
pairs AS (
    SELECT product_id, other_product_id, cooccurrence_sessions FROM half_pairs
    UNION ALL
    SELECT other_product_id, product_id, cooccurrence_sessions FROM half_pairs
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
