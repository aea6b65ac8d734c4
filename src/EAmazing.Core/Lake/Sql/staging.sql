-- Rows of one input file on their way to bronze and quarantine (a scratch database per file).
CREATE TABLE staged_events (
    event_time    TIMESTAMP NOT NULL,
    event_type    UTINYINT  NOT NULL, -- EventType: 0 view, 1 cart, 2 purchase, 3 remove_from_cart
    product_id    BIGINT    NOT NULL,
    category_id   BIGINT    NOT NULL,
    category_code VARCHAR,
    brand         VARCHAR,
    price_cents   BIGINT    NOT NULL,
    user_id       VARCHAR   NOT NULL, -- pseudonym
    user_session  VARCHAR,            -- pseudonym; null when the source field was empty
    source_line   BIGINT    NOT NULL
);

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
