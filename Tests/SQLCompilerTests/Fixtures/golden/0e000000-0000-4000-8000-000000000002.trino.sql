-- TrailTriage query rule 0e000000-0000-4000-8000-000000000002: Edge: percent and underscore in an exact value, quotes and backslashes
WITH matches AS (
  SELECT *, CASE WHEN eventid IS NOT NULL AND eventid <> '' THEN eventid ELSE concat('sha256:', lower(to_hex(sha256(to_utf8(record))))) END AS tt_event_key, CAST(floor(to_unixtime(try(from_iso8601_timestamp(eventtime))) * 1000) AS bigint) AS tt_time
  FROM cloudtrail_logs
  WHERE (coalesce((CASE WHEN eventname IN ('', '-', 'none') THEN NULL ELSE eventname END) = 'PutObject', false) AND (coalesce(any_match(filter(transform(flatten(transform(ARRAY[try(json_parse(requestparameters))], j0 -> CASE WHEN json_extract(j0, '$["bucketName"]') IS NULL THEN CAST(ARRAY[] AS array(json)) WHEN json_array_length(json_extract(j0, '$["bucketName"]')) IS NOT NULL THEN CAST(json_extract(j0, '$["bucketName"]') AS array(json)) ELSE ARRAY[json_extract(j0, '$["bucketName"]')] END)), j -> json_extract_scalar(j, '$')), v -> v IS NOT NULL AND v NOT IN ('', '-', 'none')), x -> x = 'a_b%c'), false) OR coalesce(any_match(filter(transform(flatten(transform(ARRAY[try(json_parse(requestparameters))], j0 -> CASE WHEN json_extract(j0, '$["bucketName"]') IS NULL THEN CAST(ARRAY[] AS array(json)) WHEN json_array_length(json_extract(j0, '$["bucketName"]')) IS NOT NULL THEN CAST(json_extract(j0, '$["bucketName"]') AS array(json)) ELSE ARRAY[json_extract(j0, '$["bucketName"]')] END)), j -> json_extract_scalar(j, '$')), v -> v IS NOT NULL AND v NOT IN ('', '-', 'none')), x -> x = 'it''s'), false) OR coalesce(any_match(filter(transform(flatten(transform(ARRAY[try(json_parse(requestparameters))], j0 -> CASE WHEN json_extract(j0, '$["bucketName"]') IS NULL THEN CAST(ARRAY[] AS array(json)) WHEN json_array_length(json_extract(j0, '$["bucketName"]')) IS NOT NULL THEN CAST(json_extract(j0, '$["bucketName"]') AS array(json)) ELSE ARRAY[json_extract(j0, '$["bucketName"]')] END)), j -> json_extract_scalar(j, '$')), v -> v IS NOT NULL AND v NOT IN ('', '-', 'none')), x -> x = 'back\\slash'), false)))
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
  '0e000000-0000-4000-8000-000000000002' AS rule_id,
  m.eventid AS event_id,
  m.tt_event_key AS event_key,
  m.tt_time AS event_time_ms,
  lower(to_hex(sha256(to_utf8(concat_ws(chr(31), 'trailtriage-alert-v1', '0e000000-0000-4000-8000-000000000002', m.tt_identity))))) AS alert_uuid,
  CAST(ARRAY[] AS array(varchar)) AS new_terms,
  m.record AS record
FROM unique_matches m
