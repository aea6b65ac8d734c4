-- silver: one bucket of several user digits from the digits' files written while the file was read (see
-- RowStream.StartSilver): each is in source order, so merged by time like silver_staged.sql merges the digits'
-- staged rows. Same rows and columns as silver_staged.sql writes.
COPY (
    SELECT *
    FROM read_parquet({sources}, hive_partitioning = false)
    ORDER BY event_time, source_line
) TO '{target}' ({layer_parquet})
