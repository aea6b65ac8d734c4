-- The silver events every gold table reads. Silver numbers sessions per user and month (session_number), so a session
-- is its user and number within a month, and a table's session key is '<yyyy-MM>/<user_id>-<session_number>', built
-- once per session by the tables that write one (never per event here). Within a month a user is also their number,
-- user_number (silver_users.sql): the tables group a month's events on it, an integer, instead of the pseudonym.
-- {cutoff} is empty for a build, or "WHERE event_time <= TIMESTAMP '…'" when the leakage audit recomputes a row
-- from the events known at its as-of time.
SELECT
    event_time,
    event_type,
    product_id,
    category_id,
    coalesce(category_code, '') AS category_code,
    coalesce(brand, '') AS brand,
    price,
    user_id,
    user_number,
    session_number,
    source_file,
    source_line,
    file_row_number -- the row's position in its silver file: silver's own event order (see session_prefixes.sql)
FROM read_parquet({sources}, hive_partitioning = false, file_row_number = true)
{cutoff}
