-- TrailTriage query rule 0e000000-0000-4000-8000-000000000001: Edge: percent and underscore in a wildcard value
WITH matches AS (
  SELECT *, CASE WHEN eventid IS NOT NULL AND eventid <> '' THEN eventid ELSE concat('sha256:', lower(to_hex(sha256(to_utf8(record))))) END AS tt_event_key, CAST(floor(to_unixtime(try(from_iso8601_timestamp(eventtime))) * 1000) AS bigint) AS tt_time
  FROM cloudtrail_logs
  WHERE (coalesce(('aws.cloudtrail') = 'aws.cloudtrail', false) AND coalesce((CASE WHEN eventname IN ('', '-', 'none') THEN NULL ELSE eventname END) = 'PutObject', false) AND coalesce(any_match(filter(transform(flatten(transform(ARRAY[try(json_parse(requestparameters))], j0 -> CASE WHEN json_extract(j0, '$["key"]') IS NULL THEN CAST(ARRAY[] AS array(json)) WHEN json_array_length(json_extract(j0, '$["key"]')) IS NOT NULL THEN CAST(json_extract(j0, '$["key"]') AS array(json)) ELSE ARRAY[json_extract(j0, '$["key"]')] END)), j -> json_extract_scalar(j, '$')), v -> v IS NOT NULL AND v NOT IN ('', '-', 'none')), x -> x LIKE '%50!%!_off%' ESCAPE '!'), false))
),
identified AS (
  SELECT *, tt_event_key AS tt_identity FROM matches
),
unique_matches AS (
  SELECT * FROM (
    SELECT *, row_number() OVER (PARTITION BY tt_identity ORDER BY tt_time) AS tt_copy
    FROM identified
  ) numbered
  WHERE tt_copy = 1
)
SELECT
  '0e000000-0000-4000-8000-000000000001' AS rule_id,
  m.eventid AS event_id,
  m.tt_event_key AS event_key,
  m.tt_time AS event_time_ms,
  lower(to_hex(sha256(to_utf8(concat_ws(chr(31), 'trailtriage-alert-v1', '0e000000-0000-4000-8000-000000000001', m.tt_identity))))) AS alert_uuid,
  CAST(ARRAY[] AS array(varchar)) AS new_terms,
  m.record AS record
FROM unique_matches m
