-- gold item_first_days: per month, each item's first day with an event in that month. An item's first day over all
-- history (the age in `items`) is the least of these over the months up to its own: `items` reads the earlier months'
-- rows ({earlier_item_first_days}) instead of every earlier month's events, which made its month grow with the history
-- (seven full-scale months: 47 s for October, 93 s for April). as_of_time = the end of the month: a row is known then.
-- No label column.
SELECT product_id, CAST(min(event_time) AS DATE) AS first_day, {to} AS as_of_time
FROM ({events}) AS events
WHERE event_time >= {from} AND event_time < {to}
GROUP BY product_id
ORDER BY product_id
