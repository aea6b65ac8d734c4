-- quarantine's columns, for the view when the layer holds no file yet.
SELECT CAST(NULL AS VARCHAR) AS source_file, CAST(NULL AS VARCHAR) AS source_name, CAST(NULL AS BIGINT) AS source_line,
       CAST(NULL AS VARCHAR) AS reason, CAST(NULL AS VARCHAR) AS message, CAST(NULL AS INTEGER) AS column_count,
       CAST(NULL AS VARCHAR) AS event_time, CAST(NULL AS VARCHAR) AS event_type, CAST(NULL AS VARCHAR) AS product_id,
       CAST(NULL AS VARCHAR) AS category_id, CAST(NULL AS VARCHAR) AS category_code, CAST(NULL AS VARCHAR) AS brand,
       CAST(NULL AS VARCHAR) AS price, CAST(NULL AS VARCHAR) AS user_id, CAST(NULL AS VARCHAR) AS user_session,
       CAST(NULL AS VARCHAR) AS key_id
WHERE 1 = 0
