-- The lake's own metadata, in catalog.duckdb. Paths are relative to the lake root, so a lake can move.
CREATE TABLE IF NOT EXISTS ingested_files (
    file_id          VARCHAR   NOT NULL, -- first 16 hex digits of sha256: names the file's partitions
    path             VARCHAR   NOT NULL, -- absolute path the file was read from
    size_bytes       BIGINT    NOT NULL,
    sha256           VARCHAR   NOT NULL,
    rows_read        BIGINT    NOT NULL, -- = rows_accepted + rows_duplicate + rows_quarantined + rows_suppressed
    rows_accepted    BIGINT    NOT NULL,
    rows_duplicate   BIGINT    NOT NULL,
    rows_quarantined BIGINT    NOT NULL,
    empty_sessions   BIGINT    NOT NULL, -- accepted rows whose user_session was empty (a real quirk)
    status           VARCHAR   NOT NULL, -- Complete, Incomplete, Empty, Rejected
    problem          VARCHAR,
    key_id           VARCHAR   NOT NULL, -- pseudonym key that made this file's partitions
    started_at       TIMESTAMP NOT NULL,
    finished_at      TIMESTAMP NOT NULL,
    hash_ms          BIGINT    NOT NULL, -- phase timings
    read_ms          BIGINT    NOT NULL,
    bronze_ms        BIGINT    NOT NULL,
    silver_ms        BIGINT    NOT NULL
);

-- Rows of erased subjects dropped at ingest (suppressed_subjects): they reach no layer. Added after the first
-- lakes were made, hence ALTER (an existing lake opens and reads 0).
ALTER TABLE ingested_files ADD COLUMN IF NOT EXISTS rows_suppressed BIGINT DEFAULT 0;

CREATE TABLE IF NOT EXISTS lake_partitions (
    layer         VARCHAR NOT NULL, -- bronze, silver, quarantine
    partition_key VARCHAR NOT NULL, -- month (yyyy-MM) for bronze and silver, file id for quarantine
    path          VARCHAR NOT NULL, -- relative to the lake root
    file_id       VARCHAR,          -- source file (bronze, quarantine); null for silver (all files of the month)
    row_count     BIGINT  NOT NULL,
    size_bytes    BIGINT  NOT NULL,
    key_id        VARCHAR NOT NULL
);

-- The file's content hash (SHA-256, hex) taken by its commit, checked by `lake verify`. Added after the first lakes
-- were made, hence ALTER (their files read null: counted, not hashed, until a commit rewrites them).
ALTER TABLE lake_partitions ADD COLUMN IF NOT EXISTS sha256 VARCHAR;

-- Rows removed from a layer after their file was ingested (erasure of a person, retention of a month),
-- so every file still balances: bronze rows + removed = accepted + duplicates, quarantine likewise.
CREATE TABLE IF NOT EXISTS row_removals (
    file_id    VARCHAR   NOT NULL, -- the ingested file the rows came from
    layer      VARCHAR   NOT NULL, -- bronze or quarantine (silver and gold are derived, not accounted per file)
    reason     VARCHAR   NOT NULL, -- erasure, retention
    reference  VARCHAR   NOT NULL, -- the erasure id or the retention run; with file_id, layer and reason, the row's key
    row_count  BIGINT    NOT NULL,
    removed_at TIMESTAMP NOT NULL
);

-- Subjects whose rows must never come back (right to erasure): ingest drops rows of these digests.
-- subject_digest is SubjectDigest.Of(user pseudonym under key_id); key rotation rewrites both.
CREATE TABLE IF NOT EXISTS suppressed_subjects (
    subject_digest VARCHAR   NOT NULL,
    key_id         VARCHAR   NOT NULL,
    since          TIMESTAMP NOT NULL
);

-- One row per subject and erasure (eamazing gdpr erase): what was removed, never the raw id. rows_removed is a
-- JSON object of rows per table (bronze, silver, quarantine, gold.<table>, predictions); event_months the months
-- that held the person's events (so a later model registry can tell which training windows included them);
-- models_flagged the model versions marked "retrain due" by this erasure.
CREATE TABLE IF NOT EXISTS erasure_log (
    erasure_id     VARCHAR   NOT NULL,
    subject_digest VARCHAR   NOT NULL, -- SubjectDigest.Of(user pseudonym under key_id)
    key_id         VARCHAR   NOT NULL,
    erased_at      TIMESTAMP NOT NULL,
    rows_removed   VARCHAR   NOT NULL,
    event_months   VARCHAR   NOT NULL,
    models_flagged VARCHAR   NOT NULL
);
