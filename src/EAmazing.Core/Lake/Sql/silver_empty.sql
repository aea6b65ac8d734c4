-- silver's columns in their order: the view's when the layer holds no file yet, and what SilverFormatUpgrade writes.
SELECT CAST(NULL AS TIMESTAMP) AS event_time, CAST(NULL AS VARCHAR) AS event_type, CAST(NULL AS BIGINT) AS product_id,
       CAST(NULL AS BIGINT) AS category_id, CAST(NULL AS VARCHAR) AS category_code, CAST(NULL AS VARCHAR) AS brand,
       CAST(NULL AS DECIMAL(12, 2)) AS price, CAST(NULL AS VARCHAR) AS user_id, CAST(NULL AS INTEGER) AS user_number,
       CAST(NULL AS INTEGER) AS session_number, CAST(NULL AS VARCHAR) AS source_file, CAST(NULL AS BIGINT) AS source_line,
       CAST(NULL AS VARCHAR) AS key_id
WHERE 1 = 0
