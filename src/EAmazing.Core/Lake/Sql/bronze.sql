-- bronze: one Parquet file per source file and month; typed, pseudonymised, time-ordered, every valid row.
-- {order_by} is ORDER BY event_time, source_line, or empty when the file was already in time order
-- (insertion order is preserved, and skipping the sort is most of this step's time). {in_month} is a range on
-- event_time (cheaper per row than formatting each time as a month). {source} is staged_events, or a RowStream's
-- table function (the same columns, handed over while the file is parsed).
-- {layer_parquet}: the Parquet options of bronze and silver (LakeSql.LayerParquet).
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
        user_session,
        '{file_id}' AS source_file,
        source_line,
        '{key_id}' AS key_id
    FROM {source}
    WHERE {in_month}
    {order_by}
) TO '{target}' ({layer_parquet})
