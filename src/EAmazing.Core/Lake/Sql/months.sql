-- Months (bronze partitions) a staged file spans.
SELECT DISTINCT strftime(event_time, '%Y-%m') AS month FROM staged_events ORDER BY month
