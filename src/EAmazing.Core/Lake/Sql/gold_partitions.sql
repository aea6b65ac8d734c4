-- The gold layer's metadata, in catalog.duckdb: one row per gold partition (table and month) with the
-- silver partitions and versions it was built from, so a build recomputes only what new data touches.
CREATE TABLE IF NOT EXISTS gold_partitions (
    table_name   VARCHAR   NOT NULL,
    month        VARCHAR   NOT NULL, -- yyyy-MM
    path         VARCHAR   NOT NULL, -- relative to the lake root
    row_count    BIGINT    NOT NULL,
    size_bytes   BIGINT    NOT NULL,
    inputs       VARCHAR   NOT NULL, -- silver partitions read: "path@rows/bytes/modified", one per line
    fingerprint  VARCHAR   NOT NULL, -- sha256 of inputs, the table's SQL and the feature options
    built_at     TIMESTAMP NOT NULL,
    build_ms     BIGINT    NOT NULL
);
