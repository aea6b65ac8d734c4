-- silver's user numbers for one month, for the buckets silver.sql then builds: the month's users numbered 1, 2, ... in
-- the order of their first event (time, then source file and line), as SilverSessions numbers them while a
-- time-ordered file is read. Duplicates need no removing here: a copy is never its user's first event, since the
-- copy kept (the first by source file and line) comes before it. A temporary table of the lake engine's scratch
-- connection, made once per month and joined by each bucket (DuckDbLake.BuildSilver); {table} names it.
CREATE OR REPLACE TEMP TABLE {table} AS
SELECT user_id, CAST(row_number() OVER (ORDER BY first_event) AS INTEGER) AS user_number
FROM (
    SELECT user_id, min(struct_pack(t := event_time, f := source_file, l := source_line)) AS first_event
    FROM read_parquet({sources}, hive_partitioning = false)
    GROUP BY user_id
)
