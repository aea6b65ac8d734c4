-- The silver view: silver's files as queries see them. A file stores a session as its number within the user's
-- month (session_number, see silver.sql); the view also names it as before, user_id || '-' || session_number
-- (session_id), so queries and consumers keep one session key, and the pseudonym is stored once per row.
-- user_number is the user's number in the month (silver_users.sql), which the gold SQL groups a month on.
SELECT event_time, event_type, product_id, category_id, category_code, brand, price, user_id, user_number,
       user_id || '-' || CAST(session_number AS VARCHAR) AS session_id, session_number, source_file, source_line, key_id
FROM {source}
