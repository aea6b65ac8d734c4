-- silver written straight from a time-ordered file's staged rows (the fast path: the month has no other
-- bronze file): duplicates were marked and sessions numbered while the file was read, so no window and,
-- for one bucket or one digit, no sort is needed. Same rows and columns as silver.sql builds.
-- {source} is staged_events or staged_users (the bucket's users only); {order_by} is empty when the rows
-- are already in time order.
COPY (
    SELECT
        event_time,
        CASE event_type WHEN 0 THEN 'view' WHEN 1 THEN 'cart' WHEN 2 THEN 'purchase' WHEN 3 THEN 'remove_from_cart' END AS event_type,
        product_id,
        category_id,
        category_code,
        brand,
        CAST(CAST(price_cents AS DECIMAL(18, 0)) * 0.01 AS DECIMAL(12, 2)) AS price,
        user_id,
        user_number,
        session_number,
        '{file_id}' AS source_file,
        source_line,
        '{key_id}' AS key_id
    FROM {source}
    WHERE {in_month}
      AND session_number > 0
      AND user_id >= '{user_from}' AND user_id < '{user_to}'
    {order_by}
) TO '{target}' ({layer_parquet})
