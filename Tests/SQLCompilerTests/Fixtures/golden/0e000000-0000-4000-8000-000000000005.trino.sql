-- TrailTriage query rule 0e000000-0000-4000-8000-000000000005: Edge: placeholder values are missing
WITH matches AS (
  SELECT *, CASE WHEN eventid IS NOT NULL AND eventid <> '' THEN eventid ELSE concat('sha256:', lower(to_hex(sha256(to_utf8(record))))) END AS tt_event_key, CAST(floor(to_unixtime(try(from_iso8601_timestamp(eventtime))) * 1000) AS bigint) AS tt_time
  FROM cloudtrail_logs
  WHERE (coalesce((CASE WHEN eventname IN ('', '-', 'none') THEN NULL ELSE eventname END) = 'GetObject', false) AND coalesce((CASE WHEN eventname = 'ConsoleLogin' AND CASE WHEN json_extract_scalar(responseelements, '$["ConsoleLogin"]') IN ('', '-', 'none') THEN NULL ELSE json_extract_scalar(responseelements, '$["ConsoleLogin"]') END IS NOT NULL THEN lower(CASE WHEN json_extract_scalar(responseelements, '$["ConsoleLogin"]') IN ('', '-', 'none') THEN NULL ELSE json_extract_scalar(responseelements, '$["ConsoleLogin"]') END) WHEN CASE WHEN errorcode IN ('', '-', 'none') THEN NULL ELSE errorcode END IS NOT NULL OR CASE WHEN errormessage IN ('', '-', 'none') THEN NULL ELSE errormessage END IS NOT NULL THEN 'failure' ELSE 'success' END) = 'success', false) AND NOT (CASE WHEN errorcode IN ('', '-', 'none') THEN NULL ELSE errorcode END) IS NOT NULL AND NOT (CASE WHEN coalesce(regexp_like(sourceipaddress, '^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])){3}|([0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|([0-9A-Fa-f]{1,4}:){6}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])){3}|(([0-9A-Fa-f]{1,4}:){0,6}[0-9A-Fa-f]{1,4})?::(([0-9A-Fa-f]{1,4}:){0,6}([0-9A-Fa-f]{1,4}|(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])){3}))?)$'), false) THEN sourceipaddress END) IS NOT NULL AND (CASE WHEN sourceipaddress IN ('', '-', 'none') THEN NULL ELSE sourceipaddress END) IS NOT NULL)
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
  '0e000000-0000-4000-8000-000000000005' AS rule_id,
  m.eventid AS event_id,
  m.tt_event_key AS event_key,
  m.tt_time AS event_time_ms,
  lower(to_hex(sha256(to_utf8(concat_ws(chr(31), 'trailtriage-alert-v1', '0e000000-0000-4000-8000-000000000005', m.tt_identity))))) AS alert_uuid,
  CAST(ARRAY[] AS array(varchar)) AS new_terms,
  m.record AS record
FROM unique_matches m
