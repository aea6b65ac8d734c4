-- Valid rows of one input file on their way to bronze: a view over the CSV the parser wrote (ids already
-- pseudonymised; empty fields are nulls). A view, not a table: each month's bronze file is one parallel scan.
-- {view} is staged_events (every row, in source order) or staged_users (silver's copy of the non-duplicate
-- rows of some users, one file per first hex digit of the pseudonym, written when the file is time-ordered).
CREATE OR REPLACE VIEW {view} AS
SELECT
    make_timestamp(event_second * 1000000) AS event_time,
    event_type,     -- EventType: 0 view, 1 cart, 2 purchase, 3 remove_from_cart
    product_id,
    category_id,
    category_code,
    brand,
    price_cents,
    user_id,        -- pseudonym
    user_session,   -- pseudonym; null when the source field was empty
    source_line,
    session_number, -- silver session of the user in the month, 0 for a duplicate (only when the file is time-ordered)
    user_number     -- silver number of the user in the month (SilverSessions), with the session
FROM read_csv({sources}, header = false, delim = ',', quote = '"', escape = '"', auto_detect = false,
    columns = {
        'event_second': 'BIGINT', 'event_type': 'UTINYINT', 'product_id': 'BIGINT', 'category_id': 'BIGINT',
        'category_code': 'VARCHAR', 'brand': 'VARCHAR', 'price_cents': 'BIGINT', 'user_id': 'VARCHAR',
        'user_session': 'VARCHAR', 'source_line': 'BIGINT',
        'session_number': 'INTEGER', 'user_number': 'INTEGER'})
