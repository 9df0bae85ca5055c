-- TrailTriage threshold rule 0e000000-0000-4000-8000-000000000008: Edge: threshold over an array field across overlapping runs
WITH matches AS (
  SELECT *, CASE WHEN eventid IS NOT NULL AND eventid <> '' THEN eventid ELSE concat('sha256:', lower(to_hex(sha256(to_utf8(record))))) END AS tt_event_key, CAST(floor(to_unixtime(try(from_iso8601_timestamp(eventtime))) * 1000) AS bigint) AS tt_time
  FROM cloudtrail_logs
  WHERE coalesce((CASE WHEN eventname IN ('', '-', 'none') THEN NULL ELSE eventname END) = 'ListAttachedRolePolicies', false)
),
identified AS (
  SELECT *, tt_event_key AS tt_identity FROM matches
),
unique_matches AS (
  SELECT * FROM (
    SELECT *, row_number() OVER (PARTITION BY tt_identity ORDER BY tt_time) AS tt_copy
    FROM identified
    WHERE tt_time IS NOT NULL
  ) numbered
  WHERE tt_copy = 1
),
grouped AS (
  SELECT m.*, term_1
  FROM unique_matches m
  CROSS JOIN UNNEST(array_distinct(filter(transform(coalesce(resources, CAST(ARRAY[] AS array(row(arn varchar, accountid varchar, type varchar)))), r -> CASE WHEN r.arn IN ('', '-', 'none') THEN NULL ELSE r.arn END), v -> v IS NOT NULL))) AS unnest_term_1 (term_1)
),
in_runs AS (
  SELECT g.*, tt_run
  FROM grouped g
  CROSS JOIN UNNEST(sequence(CAST(ceil(CAST(tt_time AS double) / 300000) AS bigint), CAST(floor(CAST(tt_time + 360000 AS double) / 300000) AS bigint))) AS unnest_tt_run (tt_run)
),
per_run AS (
  SELECT term_1, tt_run, count(*) AS tt_all_count,
    count(CASE WHEN tt_time > (tt_run - 1) * 300000 THEN 1 END) AS tt_fresh_count
  FROM in_runs
  GROUP BY term_1, tt_run
),
decided AS (
  SELECT *, tt_all_count >= 2 AS tt_full,
    tt_fresh_count >= 2 AS tt_fresh,
    lag(tt_run) OVER (PARTITION BY term_1 ORDER BY tt_run) AS tt_previous_run
  FROM per_run
),
anchored AS (
  SELECT *,
    max(CASE WHEN (tt_fresh OR NOT tt_full) THEN tt_run WHEN tt_previous_run IS NULL OR tt_previous_run < tt_run - 1
      THEN tt_run - 1 END) OVER (PARTITION BY term_1 ORDER BY tt_run ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS tt_anchor_run,
    max(CASE WHEN (tt_fresh OR NOT tt_full) THEN 2 * tt_run + CASE WHEN tt_fresh THEN 1 ELSE 0 END
      WHEN tt_previous_run IS NULL OR tt_previous_run < tt_run - 1 THEN 2 * (tt_run - 1) END)
      OVER (PARTITION BY term_1 ORDER BY tt_run ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS tt_anchor
  FROM decided
),
outcomes AS (
  SELECT *, CASE WHEN (tt_fresh OR NOT tt_full) THEN tt_fresh
    ELSE mod(mod(tt_anchor, 2) + tt_run - tt_anchor_run, 2) = 1 END AS tt_alerts
  FROM anchored
),
alerting AS (
  SELECT term_1, tt_run, coalesce(tt_previous_run = tt_run - 1 AND tt_previous_alerts, false)
    AS tt_after_alert
  FROM (
    SELECT *, lag(tt_alerts) OVER (PARTITION BY term_1 ORDER BY tt_run) AS tt_previous_alerts
    FROM outcomes
  ) chained
  WHERE tt_alerts
),
members AS (
  SELECT i.*,
    row_number() OVER (PARTITION BY i.term_1, i.tt_run ORDER BY i.tt_time DESC, i.tt_identity DESC) AS tt_rank,
    count(*) OVER (PARTITION BY i.term_1, i.tt_run) AS tt_count,
    min(i.tt_time) OVER (PARTITION BY i.term_1, i.tt_run) AS tt_from,
    array_agg(i.tt_identity) OVER (PARTITION BY i.term_1, i.tt_run) AS tt_members
  FROM in_runs i
  JOIN alerting a ON i.term_1 = a.term_1
    AND i.tt_run = a.tt_run
  WHERE NOT a.tt_after_alert OR i.tt_time > (i.tt_run - 1) * 300000
)
SELECT
  '0e000000-0000-4000-8000-000000000008' AS rule_id,
  CAST(NULL AS varchar) AS event_id,
  g.tt_event_key AS event_key,
  g.tt_time AS event_time_ms,
  lower(to_hex(sha256(to_utf8(concat(concat_ws(chr(31), 'trailtriage-group-alert-v1', '0e000000-0000-4000-8000-000000000008', 'aws.cloudtrail.resources.arn', g.term_1), chr(29), array_join(transform(array_sort(g.tt_members), k -> concat(chr(30), k)), '')))))) AS alert_uuid,
  CAST(ARRAY[] AS array(varchar)) AS new_terms,
  ARRAY[g.term_1] AS threshold_terms,
  g.tt_count AS threshold_count,
  g.tt_from AS threshold_from_ms,
  CAST(NULL AS integer) AS threshold_cardinality,
  g.tt_members AS threshold_members,
  g.record AS record
FROM members g
WHERE g.tt_rank = 1
