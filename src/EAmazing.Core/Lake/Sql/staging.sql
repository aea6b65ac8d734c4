-- Rejected rows of one input file on their way to quarantine (a scratch database per file).
CREATE TABLE staged_quarantine (
    source_line   BIGINT  NOT NULL,
    reason        VARCHAR NOT NULL,
    message       VARCHAR NOT NULL,
    column_count  INTEGER NOT NULL,
    event_time    VARCHAR,
    event_type    VARCHAR,
    product_id    VARCHAR,
    category_id   VARCHAR,
    category_code VARCHAR,
    brand         VARCHAR,
    price         VARCHAR,
    user_id       VARCHAR, -- pseudonym when the raw value parsed, else null (never raw)
    user_session  VARCHAR  -- pseudonym when the raw value parsed, else null (never raw)
);
