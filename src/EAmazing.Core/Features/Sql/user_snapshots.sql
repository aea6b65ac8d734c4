-- gold user_snapshots (segmentation and churn): one row per user and weekly snapshot time D (00:00 UTC of the
-- snapshot weekday) for users with any event in the {history_days} days before D. as_of_time = D; every
-- feature uses whole days before D only.
-- Label label_churn: no purchase in [D, D + {horizon_days} days); NULL unless that window ends at or
-- before the last event of the data (a window still open is unknown, not "no purchase"). {data_end} is that last
-- event, known from the silver inputs' metadata (GoldQuery.DataEnd; a scan of the month less), or the cutoff when
-- the leakage audit recomputes a row from the past (labels are not part of that comparison).
-- Rows are written in user and as_of_time order: a user's weekly rows lie together and differ little, so the files are
-- 20-46% smaller (seven full-scale months: the table 6.7 -> 5.0 GB; April's user_id 517 -> 136 MB) for a sort of each
-- bucket's rows (one bucket of April: about 2.5 s of 45 s). The buckets are merged in pseudonym order, so the month is too.
-- A row comes from its user's events alone (GoldTable.PerUser): at scale the month is built one user bucket at a
-- time, the events relation then holding that bucket's users only.
WITH events AS NOT MATERIALIZED ({events}),
snapshots AS (
    SELECT CAST(snapshot_time AS TIMESTAMP) AS snapshot_time, CAST(snapshot_time AS DATE) AS snapshot_day
    FROM (VALUES {snapshots}) AS t(snapshot_time)
    WHERE snapshot_time >= {from} AND snapshot_time < {to}
),
-- a session is its user's session number within one month (silver numbers sessions per user and month): grouped on
-- those parts as stored (the user as their number in the month, an integer), not on a session key string built for
-- every event
-- sessions count only in the trailing windows, which start {history_days} days (30 if fewer: the 30-day sums) before
-- the month's first day at the earliest: whole months from the one holding that day (a session lies in one month, so
-- none is cut)
session_starts AS (
    SELECT user_id, CAST(min(event_time) AS DATE) AS day, count(*) AS sessions
    FROM (SELECT any_value(user_id) AS user_id, min(event_time) AS event_time FROM events
          WHERE event_time >= date_trunc('month', {from} - to_days(greatest({history_days}, 30)))
          GROUP BY user_number, session_number, date_trunc('month', event_time)) AS s
    GROUP BY user_id, CAST(event_time AS DATE)
),
-- a user's days from the earliest window start on (every snapshot's trailing windows and label window lie there),
-- one row per day; the days before that fold into one row per user (window_day NULL), dated at the user's first day:
-- no trailing window reaches it, so it adds only to the all-time features (tenure, recency, frequency, monetary), with
-- the same minimum, maxima and sums (counts and decimal prices: exact) as the days it stands for, which the snapshot
-- join then need not repeat
event_days AS (
    SELECT
        user_id,
        CASE WHEN event_time >= {from} - to_days(greatest({history_days}, 30)) THEN CAST(event_time AS DATE) END AS window_day,
        min(CAST(event_time AS DATE)) AS day,
        count(*) AS events,
        count(CASE WHEN event_type = 'view' THEN 1 END) AS views,
        count(CASE WHEN event_type = 'cart' THEN 1 END) AS carts,
        count(CASE WHEN event_type = 'purchase' THEN 1 END) AS purchases,
        sum(CASE WHEN event_type = 'purchase' THEN price ELSE 0 END) AS revenue,
        -- price bands of viewed items: under 50, 50 to 200, 200 to 800, 800 and over
        count(CASE WHEN event_type = 'view' AND price < 50 THEN 1 END) AS views_band_low,
        count(CASE WHEN event_type = 'view' AND price >= 50 AND price < 200 THEN 1 END) AS views_band_mid,
        count(CASE WHEN event_type = 'view' AND price >= 200 AND price < 800 THEN 1 END) AS views_band_high,
        count(CASE WHEN event_type = 'view' AND price >= 800 THEN 1 END) AS views_band_premium,
        max(event_time) AS last_event,
        max(CASE WHEN event_type = 'purchase' THEN event_time END) AS last_purchase
    FROM events
    GROUP BY user_id, window_day
),
-- each user day with the sessions that started on it (a session starts on a day of its user's events), so the
-- session counts of a snapshot come from the same join and aggregation as the other trailing counts (was a join and
-- aggregation of their own, and another join of the result)
-- (sessions before the windows are not read: the folded row matches none, and lies before every window anyway)
-- The folded rows of users without a day in the windows are dropped: such a user has no snapshot (none has an event
-- in its {history_days} days), and at seven full-scale months most users ever seen are such users, whose rows the
-- snapshot join multiplied by every snapshot of the month before the HAVING dropped them (April, one user bucket:
-- 54.5-57.7 -> 47.6-48.8 s CPU, the same 1,942,077 rows)
user_days AS (
    SELECT d.* EXCLUDE (window_day), coalesce(c.sessions, 0) AS sessions
    FROM (SELECT * FROM event_days
          WHERE window_day IS NOT NULL OR user_id IN (SELECT user_id FROM event_days WHERE window_day IS NOT NULL)) AS d
    LEFT JOIN session_starts c ON c.user_id = d.user_id AND c.day = d.window_day
),
history AS (
    SELECT
        s.snapshot_time,
        d.user_id,
        date_diff('second', max(d.last_event), s.snapshot_time) / 86400.0 AS recency_days,
        date_diff('second', max(d.last_purchase), s.snapshot_time) / 86400.0 AS days_since_last_purchase,
        date_diff('day', min(d.day), s.snapshot_day) AS tenure_days,
        CAST(sum(d.purchases) AS BIGINT) AS frequency_purchases,
        CAST(sum(d.revenue) AS DOUBLE) AS monetary,
        CAST(sum(CASE WHEN d.day >= s.snapshot_day - INTERVAL '30 days' THEN d.sessions ELSE 0 END) AS BIGINT) AS sessions_30d,
        CAST(sum(CASE WHEN d.day >= s.snapshot_day - INTERVAL '{history_days} days' THEN d.sessions ELSE 0 END) AS BIGINT) AS sessions_90d,
        CAST(sum(CASE WHEN d.day >= s.snapshot_day - INTERVAL '7 days' THEN d.events ELSE 0 END) AS BIGINT) AS events_7d,
        CAST(sum(CASE WHEN d.day >= s.snapshot_day - INTERVAL '30 days' THEN d.events ELSE 0 END) AS BIGINT) AS events_30d,
        CAST(sum(CASE WHEN d.day >= s.snapshot_day - INTERVAL '{history_days} days' THEN d.events ELSE 0 END) AS BIGINT) AS events_90d,
        CAST(sum(CASE WHEN d.day >= s.snapshot_day - INTERVAL '7 days' THEN d.purchases ELSE 0 END) AS BIGINT) AS purchases_7d,
        CAST(sum(CASE WHEN d.day >= s.snapshot_day - INTERVAL '30 days' THEN d.purchases ELSE 0 END) AS BIGINT) AS purchases_30d,
        CAST(sum(CASE WHEN d.day >= s.snapshot_day - INTERVAL '{history_days} days' THEN d.purchases ELSE 0 END) AS BIGINT) AS purchases_90d,
        CAST(sum(CASE WHEN d.day >= s.snapshot_day - INTERVAL '{history_days} days' THEN d.views ELSE 0 END) AS BIGINT) AS views_90d,
        CAST(sum(CASE WHEN d.day >= s.snapshot_day - INTERVAL '{history_days} days' THEN d.carts ELSE 0 END) AS BIGINT) AS carts_90d,
        CAST(sum(CASE WHEN d.day >= s.snapshot_day - INTERVAL '30 days' THEN d.revenue ELSE 0 END) AS DOUBLE) AS revenue_30d,
        CAST(sum(CASE WHEN d.day >= s.snapshot_day - INTERVAL '{history_days} days' THEN d.views_band_low ELSE 0 END) AS BIGINT) AS views_band_low,
        CAST(sum(CASE WHEN d.day >= s.snapshot_day - INTERVAL '{history_days} days' THEN d.views_band_mid ELSE 0 END) AS BIGINT) AS views_band_mid,
        CAST(sum(CASE WHEN d.day >= s.snapshot_day - INTERVAL '{history_days} days' THEN d.views_band_high ELSE 0 END) AS BIGINT) AS views_band_high,
        CAST(sum(CASE WHEN d.day >= s.snapshot_day - INTERVAL '{history_days} days' THEN d.views_band_premium ELSE 0 END) AS BIGINT) AS views_band_premium
    FROM snapshots s
    -- the user days in user order: the join then hands the grouping each user's rows for every snapshot together, so
    -- the few groups a batch of rows updates stay in the processor's caches (a group holds some twenty sums; in random
    -- order nearly every update missed them): four full-scale months, January, one user bucket, DuckDB harness beside a
    -- CI: this grouping 42.7 -> 20.7 s of operator time, the statement 59.5 -> 43.3 s CPU, the same rows in the same order
    JOIN (SELECT * FROM user_days ORDER BY user_id) d ON d.day < s.snapshot_day
    GROUP BY s.snapshot_time, s.snapshot_day, d.user_id
    HAVING sum(CASE WHEN d.day >= s.snapshot_day - INTERVAL '{history_days} days' THEN d.events ELSE 0 END) > 0
),
user_category_days AS (
    SELECT user_id, CAST(event_time AS DATE) AS day,
           CASE WHEN category_code = '' THEN 'unknown' ELSE split_part(category_code, '.', 1) END AS top_category,
           count(*) AS views
    FROM events
    WHERE event_type = 'view' AND event_time >= {from} - INTERVAL '{history_days} days' -- the windows' days only
    GROUP BY user_id, CAST(event_time AS DATE), CASE WHEN category_code = '' THEN 'unknown' ELSE split_part(category_code, '.', 1) END
),
category_views AS (
    SELECT s.snapshot_time, c.user_id, c.top_category, CAST(sum(c.views) AS BIGINT) AS views
    FROM snapshots s
    JOIN user_category_days c ON c.day < s.snapshot_day AND c.day >= s.snapshot_day - INTERVAL '{history_days} days'
    GROUP BY s.snapshot_time, c.user_id, c.top_category
),
-- the most viewed top-level category, ties to the first by name: the smallest (-views, name), by aggregation
-- (a row_number window sorted every snapshot × user × category row)
top_categories AS (
    SELECT snapshot_time, user_id, arg_min(top_category, (-views, top_category)) AS top_category, max(views) AS views
    FROM category_views
    GROUP BY snapshot_time, user_id
),
-- the buyers of each label window only: a user without a row there bought nothing (coalesce below), so the days
-- without a purchase need not be joined, and the final join holds the buyers, not every active user (less memory:
-- at four full-scale months the build of November ran out of its 6 GB)
future AS (
    SELECT s.snapshot_time, d.user_id, sum(d.purchases) AS purchases
    FROM snapshots s
    JOIN user_days d ON d.day >= s.snapshot_day AND d.day < s.snapshot_day + INTERVAL '{horizon_days} days'
    WHERE d.purchases > 0
    GROUP BY s.snapshot_time, d.user_id
)
SELECT
    h.user_id,
    h.snapshot_time AS as_of_time,
    h.recency_days,
    h.days_since_last_purchase,
    h.tenure_days,
    h.frequency_purchases,
    h.monetary,
    h.sessions_30d,
    h.sessions_90d,
    h.events_7d,
    h.events_30d,
    h.events_90d,
    h.purchases_7d,
    h.purchases_30d,
    h.purchases_90d,
    h.revenue_30d,
    h.views_90d,
    h.carts_90d,
    CAST(h.carts_90d AS DOUBLE) / nullif(h.views_90d, 0) AS cart_rate_90d,
    CAST(h.purchases_90d AS DOUBLE) / nullif(h.views_90d, 0) AS purchase_rate_90d,
    CAST(h.purchases_90d AS DOUBLE) / nullif(h.carts_90d, 0) AS cart_to_purchase_90d,
    t.top_category,
    CAST(t.views AS DOUBLE) / nullif(h.views_90d, 0) AS top_category_view_share,
    CAST(h.views_band_low AS DOUBLE) / nullif(h.views_90d, 0) AS view_share_under_50,
    CAST(h.views_band_mid AS DOUBLE) / nullif(h.views_90d, 0) AS view_share_50_200,
    CAST(h.views_band_high AS DOUBLE) / nullif(h.views_90d, 0) AS view_share_200_800,
    CAST(h.views_band_premium AS DOUBLE) / nullif(h.views_90d, 0) AS view_share_800_up,
    CASE WHEN h.snapshot_time + INTERVAL '{horizon_days} days' <= {data_end}
         THEN coalesce(f.purchases, 0) = 0 END AS label_churn
FROM history h
LEFT JOIN top_categories t ON t.snapshot_time = h.snapshot_time AND t.user_id = h.user_id
LEFT JOIN future f ON f.snapshot_time = h.snapshot_time AND f.user_id = h.user_id
ORDER BY h.user_id, h.snapshot_time
