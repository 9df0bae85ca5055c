-- TrailTriage query rule 0e000000-0000-4000-8000-000000000002: Edge: percent and underscore in an exact value, quotes and backslashes
WITH matches AS (
  SELECT *, CASE WHEN eventid IS NOT NULL AND eventid <> '' THEN eventid ELSE concat('sha256:', sha2(record, 256)) END AS tt_event_key, unix_millis(try_to_timestamp(eventtime)) AS tt_time
  FROM cloudtrail_logs
  WHERE (coalesce((CASE WHEN eventname IN ('', '-', 'none') THEN NULL ELSE eventname END) = 'PutObject', false) AND (coalesce(exists(filter(flatten(transform(array(requestparameters), j0 -> CASE WHEN get_json_object(j0, '$.bucketName') IS NULL THEN CAST(array() AS array<string>) WHEN startswith(get_json_object(j0, '$.bucketName'), '[') THEN coalesce(from_json(get_json_object(j0, '$.bucketName'), 'array<string>'), array(get_json_object(j0, '$.bucketName'))) ELSE array(get_json_object(j0, '$.bucketName')) END)), v -> v IS NOT NULL AND NOT startswith(v, '{') AND v NOT IN ('', '-', 'none')), x -> x = 'a_b%c'), false) OR coalesce(exists(filter(flatten(transform(array(requestparameters), j0 -> CASE WHEN get_json_object(j0, '$.bucketName') IS NULL THEN CAST(array() AS array<string>) WHEN startswith(get_json_object(j0, '$.bucketName'), '[') THEN coalesce(from_json(get_json_object(j0, '$.bucketName'), 'array<string>'), array(get_json_object(j0, '$.bucketName'))) ELSE array(get_json_object(j0, '$.bucketName')) END)), v -> v IS NOT NULL AND NOT startswith(v, '{') AND v NOT IN ('', '-', 'none')), x -> x = 'it\'s'), false) OR coalesce(exists(filter(flatten(transform(array(requestparameters), j0 -> CASE WHEN get_json_object(j0, '$.bucketName') IS NULL THEN CAST(array() AS array<string>) WHEN startswith(get_json_object(j0, '$.bucketName'), '[') THEN coalesce(from_json(get_json_object(j0, '$.bucketName'), 'array<string>'), array(get_json_object(j0, '$.bucketName'))) ELSE array(get_json_object(j0, '$.bucketName')) END)), v -> v IS NOT NULL AND NOT startswith(v, '{') AND v NOT IN ('', '-', 'none')), x -> x = 'back\\\\slash'), false)))
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
  sha2(concat_ws(chr(31), 'trailtriage-alert-v1', '0e000000-0000-4000-8000-000000000002', m.tt_identity), 256) AS alert_uuid,
  CAST(array() AS array<string>) AS new_terms,
  m.record AS record
FROM unique_matches m
