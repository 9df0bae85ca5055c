-- TrailTriage new_terms rule 0e000000-0000-4000-8000-000000000007: Edge: new terms over an array field and a second field
WITH matches AS (
  SELECT *, CASE WHEN eventid IS NOT NULL AND eventid <> '' THEN eventid ELSE concat('sha256:', lower(to_hex(sha256(to_utf8(record))))) END AS tt_event_key, CAST(floor(to_unixtime(try(from_iso8601_timestamp(eventtime))) * 1000) AS bigint) AS tt_time
  FROM cloudtrail_logs
  WHERE coalesce((CASE WHEN eventname IN ('', '-', 'none') THEN NULL ELSE eventname END) = 'AssumeRole', false)
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
combinations AS (
  SELECT m.tt_identity, m.tt_time, term_1, term_2
  FROM unique_matches m
  CROSS JOIN UNNEST(array_distinct(filter(transform(coalesce(resources, CAST(ARRAY[] AS array(row(arn varchar, accountid varchar, type varchar)))), r -> CASE WHEN r.arn IN ('', '-', 'none') THEN NULL ELSE r.arn END), v -> v IS NOT NULL))) AS unnest_1 (term_1)
  CROSS JOIN UNNEST(filter(ARRAY[CASE WHEN awsregion IN ('', '-', 'none') THEN NULL ELSE awsregion END], v -> v IS NOT NULL)) AS unnest_2 (term_2)
),
instants AS (
  SELECT term_1, term_2, tt_time, min(tt_identity) AS tt_identity
  FROM combinations
  GROUP BY term_1, term_2, tt_time
),
firsts AS (
  SELECT *, lag(tt_time) OVER (PARTITION BY term_1, term_2 ORDER BY tt_time) AS tt_previous
  FROM instants
)
SELECT
  '0e000000-0000-4000-8000-000000000007' AS rule_id,
  m.eventid AS event_id,
  m.tt_event_key AS event_key,
  f.tt_time AS event_time_ms,
  lower(to_hex(sha256(to_utf8(concat_ws(chr(31), 'trailtriage-alert-v1', '0e000000-0000-4000-8000-000000000007', f.tt_identity, f.term_1, f.term_2))))) AS alert_uuid,
  ARRAY[f.term_1, f.term_2] AS new_terms,
  m.record AS record
FROM firsts f
JOIN unique_matches m ON m.tt_identity = f.tt_identity
WHERE f.tt_previous IS NULL OR f.tt_previous < f.tt_time - 7200000
