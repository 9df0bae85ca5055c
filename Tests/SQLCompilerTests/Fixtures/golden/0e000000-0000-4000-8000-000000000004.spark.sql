-- TrailTriage query rule 0e000000-0000-4000-8000-000000000004: Edge: array elements, not on a missing field
WITH matches AS (
  SELECT *, CASE WHEN eventid IS NOT NULL AND eventid <> '' THEN eventid ELSE concat('sha256:', sha2(record, 256)) END AS tt_event_key, unix_millis(try_to_timestamp(eventtime)) AS tt_time
  FROM cloudtrail_logs
  WHERE (coalesce((CASE WHEN eventname IN ('', '-', 'none') THEN NULL ELSE eventname END) = 'AuthorizeSecurityGroupIngress', false) AND (coalesce(exists(filter(flatten(transform(flatten(transform(flatten(transform(array(requestparameters), j0 -> CASE WHEN get_json_object(j0, '$.ipPermissions') IS NULL THEN CAST(array() AS array<string>) WHEN startswith(get_json_object(j0, '$.ipPermissions'), '[') THEN coalesce(from_json(get_json_object(j0, '$.ipPermissions'), 'array<string>'), array(get_json_object(j0, '$.ipPermissions'))) ELSE array(get_json_object(j0, '$.ipPermissions')) END)), j1 -> CASE WHEN get_json_object(j1, '$.items') IS NULL THEN CAST(array() AS array<string>) WHEN startswith(get_json_object(j1, '$.items'), '[') THEN coalesce(from_json(get_json_object(j1, '$.items'), 'array<string>'), array(get_json_object(j1, '$.items'))) ELSE array(get_json_object(j1, '$.items')) END)), j2 -> CASE WHEN get_json_object(j2, '$.fromPort') IS NULL THEN CAST(array() AS array<string>) WHEN startswith(get_json_object(j2, '$.fromPort'), '[') THEN coalesce(from_json(get_json_object(j2, '$.fromPort'), 'array<string>'), array(get_json_object(j2, '$.fromPort'))) ELSE array(get_json_object(j2, '$.fromPort')) END)), v -> v IS NOT NULL AND NOT startswith(v, '{') AND v NOT IN ('', '-', 'none')), x -> x = '22'), false) OR coalesce(exists(filter(flatten(transform(flatten(transform(flatten(transform(array(requestparameters), j0 -> CASE WHEN get_json_object(j0, '$.ipPermissions') IS NULL THEN CAST(array() AS array<string>) WHEN startswith(get_json_object(j0, '$.ipPermissions'), '[') THEN coalesce(from_json(get_json_object(j0, '$.ipPermissions'), 'array<string>'), array(get_json_object(j0, '$.ipPermissions'))) ELSE array(get_json_object(j0, '$.ipPermissions')) END)), j1 -> CASE WHEN get_json_object(j1, '$.items') IS NULL THEN CAST(array() AS array<string>) WHEN startswith(get_json_object(j1, '$.items'), '[') THEN coalesce(from_json(get_json_object(j1, '$.items'), 'array<string>'), array(get_json_object(j1, '$.items'))) ELSE array(get_json_object(j1, '$.items')) END)), j2 -> CASE WHEN get_json_object(j2, '$.fromPort') IS NULL THEN CAST(array() AS array<string>) WHEN startswith(get_json_object(j2, '$.fromPort'), '[') THEN coalesce(from_json(get_json_object(j2, '$.fromPort'), 'array<string>'), array(get_json_object(j2, '$.fromPort'))) ELSE array(get_json_object(j2, '$.fromPort')) END)), v -> v IS NOT NULL AND NOT startswith(v, '{') AND v NOT IN ('', '-', 'none')), x -> x = '3389'), false)) AND NOT (CASE WHEN useridentity.invokedby IN ('', '-', 'none') THEN NULL ELSE useridentity.invokedby END) IS NOT NULL AND (coalesce(exists(filter(transform(coalesce(resources, array()), r -> CASE WHEN r.arn IN ('', '-', 'none') THEN NULL ELSE r.arn END), v -> v IS NOT NULL), x -> x LIKE '%sg-1%' ESCAPE '!'), false) AND coalesce(exists(filter(transform(coalesce(resources, array()), r -> CASE WHEN r.arn IN ('', '-', 'none') THEN NULL ELSE r.arn END), v -> v IS NOT NULL), x -> x LIKE '%sg-2%' ESCAPE '!'), false)))
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
  '0e000000-0000-4000-8000-000000000004' AS rule_id,
  m.eventid AS event_id,
  m.tt_event_key AS event_key,
  m.tt_time AS event_time_ms,
  sha2(concat_ws(chr(31), 'trailtriage-alert-v1', '0e000000-0000-4000-8000-000000000004', m.tt_identity), 256) AS alert_uuid,
  CAST(array() AS array<string>) AS new_terms,
  m.record AS record
FROM unique_matches m
