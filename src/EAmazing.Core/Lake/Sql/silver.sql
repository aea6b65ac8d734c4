-- silver: Parquet files per month and user bucket, rebuilt from every bronze file of the month; this
-- statement builds one bucket, the users whose pseudonym lies in ['{user_from}', '{user_to}').
-- Exact duplicates removed (first copy kept); events re-sessionised per user: a gap longer than
-- {gap_seconds} seconds starts a new session. The source session's pseudonym is not kept: bronze holds it, and a
-- silver row leads to its bronze row by source_file and source_line (it was a quarter of a month's silver bytes).
-- A session is stored as its number within the user's month (session_number), not as text repeating the user's
-- pseudonym: the views and gold name it user_id || '-' || session_number (silver_view.sql), so the 32-character
-- pseudonym is not stored twice.
-- user_number is the user's number in the month, from silver_users (silver_users.sql, made for the month first).
COPY (
    WITH ranked AS (
        SELECT *,
               row_number() OVER (
                   PARTITION BY event_time, event_type, product_id, category_id, category_code, brand, price, user_id, user_session
                   ORDER BY source_file, source_line) AS copy_number
        FROM read_parquet({sources}, hive_partitioning = false)
        WHERE user_id >= '{user_from}' AND user_id < '{user_to}'
    ),
    unique_events AS (
        SELECT event_time, event_type, product_id, category_id, category_code, brand, price, user_id, user_session, source_file, source_line, key_id
        FROM ranked
        WHERE copy_number = 1
    ),
    gaps AS (
        SELECT *,
               CASE WHEN lag(event_time) OVER by_user IS NULL
                         OR event_time - lag(event_time) OVER by_user > INTERVAL '{gap_seconds} seconds'
                    THEN 1 ELSE 0 END AS starts_session
        FROM unique_events
        WINDOW by_user AS (PARTITION BY user_id ORDER BY event_time, source_file, source_line)
    ),
    numbered AS (
        SELECT *,
               sum(starts_session) OVER (
                   PARTITION BY user_id ORDER BY event_time, source_file, source_line
                   ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session_number
        FROM gaps
    )
    SELECT
        event_time, event_type, product_id, category_id, category_code, brand, price, user_id, u.user_number,
        CAST(session_number AS INTEGER) AS session_number,
        source_file, source_line, key_id
    FROM numbered
    JOIN silver_users u USING (user_id)
    ORDER BY event_time, user_id, source_file, source_line
) TO '{target}' ({layer_parquet})
