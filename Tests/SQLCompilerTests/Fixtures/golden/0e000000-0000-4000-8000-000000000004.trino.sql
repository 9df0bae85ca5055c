-- TrailTriage query rule 0e000000-0000-4000-8000-000000000004: Edge: array elements, not on a missing field
WITH matches AS (
  SELECT *, CASE WHEN eventid IS NOT NULL AND eventid <> '' THEN eventid ELSE concat('sha256:', lower(to_hex(sha256(to_utf8(record))))) END AS tt_event_key, CAST(floor(to_unixtime(try(from_iso8601_timestamp(eventtime))) * 1000) AS bigint) AS tt_time
  FROM cloudtrail_logs
  WHERE (coalesce((CASE WHEN eventname IN ('', '-', 'none') THEN NULL ELSE eventname END) = 'AuthorizeSecurityGroupIngress', false) AND (coalesce(any_match(filter(transform(flatten(transform(flatten(transform(flatten(transform(ARRAY[try(json_parse(requestparameters))], j0 -> CASE WHEN json_extract(j0, '$["ipPermissions"]') IS NULL THEN CAST(ARRAY[] AS array(json)) WHEN json_array_length(json_extract(j0, '$["ipPermissions"]')) IS NOT NULL THEN CAST(json_extract(j0, '$["ipPermissions"]') AS array(json)) ELSE ARRAY[json_extract(j0, '$["ipPermissions"]')] END)), j1 -> CASE WHEN json_extract(j1, '$["items"]') IS NULL THEN CAST(ARRAY[] AS array(json)) WHEN json_array_length(json_extract(j1, '$["items"]')) IS NOT NULL THEN CAST(json_extract(j1, '$["items"]') AS array(json)) ELSE ARRAY[json_extract(j1, '$["items"]')] END)), j2 -> CASE WHEN json_extract(j2, '$["fromPort"]') IS NULL THEN CAST(ARRAY[] AS array(json)) WHEN json_array_length(json_extract(j2, '$["fromPort"]')) IS NOT NULL THEN CAST(json_extract(j2, '$["fromPort"]') AS array(json)) ELSE ARRAY[json_extract(j2, '$["fromPort"]')] END)), j -> json_extract_scalar(j, '$')), v -> v IS NOT NULL AND v NOT IN ('', '-', 'none')), x -> x = '22'), false) OR coalesce(any_match(filter(transform(flatten(transform(flatten(transform(flatten(transform(ARRAY[try(json_parse(requestparameters))], j0 -> CASE WHEN json_extract(j0, '$["ipPermissions"]') IS NULL THEN CAST(ARRAY[] AS array(json)) WHEN json_array_length(json_extract(j0, '$["ipPermissions"]')) IS NOT NULL THEN CAST(json_extract(j0, '$["ipPermissions"]') AS array(json)) ELSE ARRAY[json_extract(j0, '$["ipPermissions"]')] END)), j1 -> CASE WHEN json_extract(j1, '$["items"]') IS NULL THEN CAST(ARRAY[] AS array(json)) WHEN json_array_length(json_extract(j1, '$["items"]')) IS NOT NULL THEN CAST(json_extract(j1, '$["items"]') AS array(json)) ELSE ARRAY[json_extract(j1, '$["items"]')] END)), j2 -> CASE WHEN json_extract(j2, '$["fromPort"]') IS NULL THEN CAST(ARRAY[] AS array(json)) WHEN json_array_length(json_extract(j2, '$["fromPort"]')) IS NOT NULL THEN CAST(json_extract(j2, '$["fromPort"]') AS array(json)) ELSE ARRAY[json_extract(j2, '$["fromPort"]')] END)), j -> json_extract_scalar(j, '$')), v -> v IS NOT NULL AND v NOT IN ('', '-', 'none')), x -> x = '3389'), false)) AND NOT (CASE WHEN useridentity.invokedby IN ('', '-', 'none') THEN NULL ELSE useridentity.invokedby END) IS NOT NULL AND (coalesce(any_match(filter(transform(coalesce(resources, CAST(ARRAY[] AS array(row(arn varchar, accountid varchar, type varchar)))), r -> CASE WHEN r.arn IN ('', '-', 'none') THEN NULL ELSE r.arn END), v -> v IS NOT NULL), x -> x LIKE '%sg-1%' ESCAPE '!'), false) AND coalesce(any_match(filter(transform(coalesce(resources, CAST(ARRAY[] AS array(row(arn varchar, accountid varchar, type varchar)))), r -> CASE WHEN r.arn IN ('', '-', 'none') THEN NULL ELSE r.arn END), v -> v IS NOT NULL), x -> x LIKE '%sg-2%' ESCAPE '!'), false)))
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
  lower(to_hex(sha256(to_utf8(concat_ws(chr(31), 'trailtriage-alert-v1', '0e000000-0000-4000-8000-000000000004', m.tt_identity))))) AS alert_uuid,
  CAST(ARRAY[] AS array(varchar)) AS new_terms,
  m.record AS record
FROM unique_matches m
