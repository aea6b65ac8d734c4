-- Exact duplicate rows of one staged file: rows beyond the first copy of identical content.
SELECT count(*) - (
    SELECT count(*) FROM (
        SELECT DISTINCT event_time, event_type, product_id, category_id, category_code, brand, price_cents, user_id, user_session
        FROM staged_events) AS distinct_events)
FROM staged_events
