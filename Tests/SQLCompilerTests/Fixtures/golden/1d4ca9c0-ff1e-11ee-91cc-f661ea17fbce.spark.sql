-- TrailTriage query rule 1d4ca9c0-ff1e-11ee-91cc-f661ea17fbce: AWS IAM Roles Anywhere Profile Creation
WITH matches AS (
  SELECT *, CASE WHEN eventid IS NOT NULL AND eventid <> '' THEN eventid ELSE concat('sha256:', sha2(record, 256)) END AS tt_event_key, unix_millis(try_to_timestamp(eventtime)) AS tt_time
  FROM cloudtrail_logs
  WHERE (coalesce(('aws.cloudtrail') = 'aws.cloudtrail', false) AND coalesce((CASE WHEN eventsource IN ('', '-', 'none') THEN NULL ELSE eventsource END) = 'rolesanywhere.amazonaws.com', false) AND coalesce((CASE WHEN eventname IN ('', '-', 'none') THEN NULL ELSE eventname END) = 'CreateProfile', false) AND coalesce((CASE WHEN eventname = 'ConsoleLogin' AND CASE WHEN get_json_object(responseelements, '$.ConsoleLogin') IN ('', '-', 'none') THEN NULL ELSE get_json_object(responseelements, '$.ConsoleLogin') END IS NOT NULL THEN lower(CASE WHEN get_json_object(responseelements, '$.ConsoleLogin') IN ('', '-', 'none') THEN NULL ELSE get_json_object(responseelements, '$.ConsoleLogin') END) WHEN CASE WHEN errorcode IN ('', '-', 'none') THEN NULL ELSE errorcode END IS NOT NULL OR CASE WHEN errormessage IN ('', '-', 'none') THEN NULL ELSE errormessage END IS NOT NULL THEN 'failure' ELSE 'success' END) = 'success', false))
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
  '1d4ca9c0-ff1e-11ee-91cc-f661ea17fbce' AS rule_id,
  m.eventid AS event_id,
  m.tt_event_key AS event_key,
  m.tt_time AS event_time_ms,
  sha2(concat_ws(chr(31), 'trailtriage-alert-v1', '1d4ca9c0-ff1e-11ee-91cc-f661ea17fbce', m.tt_identity), 256) AS alert_uuid,
  CAST(array() AS array<string>) AS new_terms,
  m.record AS record
FROM unique_matches m
