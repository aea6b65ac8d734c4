-- quarantine: one Parquet file per source file; rejected rows with position, reason and content (ids pseudonymised or dropped).
COPY (
    SELECT
        '{file_id}' AS source_file,
        '{file_name}' AS source_name,
        source_line,
        reason,
        message,
        column_count,
        event_time,
        event_type,
        product_id,
        category_id,
        category_code,
        brand,
        price,
        user_id,
        user_session,
        '{key_id}' AS key_id
    FROM staged_quarantine
    ORDER BY source_line
) TO '{target}' (FORMAT parquet, COMPRESSION zstd)
