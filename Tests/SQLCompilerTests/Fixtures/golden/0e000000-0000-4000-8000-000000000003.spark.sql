-- TrailTriage query rule 0e000000-0000-4000-8000-000000000003: Edge: instance session ids are case-sensitive
WITH matches AS (
  SELECT *, CASE WHEN eventid IS NOT NULL AND eventid <> '' THEN eventid ELSE concat('sha256:', sha2(record, 256)) END AS tt_event_key, unix_millis(try_to_timestamp(eventtime)) AS tt_time
  FROM cloudtrail_logs
  WHERE (coalesce((CASE WHEN eventsource IN ('', '-', 'none') THEN NULL ELSE eventsource END) = 'iam.amazonaws.com', false) AND coalesce((CASE WHEN eventname IN ('', '-', 'none') THEN NULL ELSE eventname END) = 'CreateUser', false) AND coalesce((CASE WHEN (coalesce(CASE WHEN useridentity.type IN ('', '-', 'none') THEN NULL ELSE useridentity.type END = 'AWSService', false) OR (coalesce(CASE WHEN useridentity.type IN ('', '-', 'none') THEN NULL ELSE useridentity.type END = 'AssumedRole', false) AND coalesce(CASE WHEN useridentity.sessioncontext.sessionissuer.arn IN ('', '-', 'none') THEN NULL ELSE useridentity.sessioncontext.sessionissuer.arn END LIKE '%:role/aws-service-role/%', false))) THEN NULL ELSE coalesce(CASE WHEN useridentity.principalid IN ('', '-', 'none') THEN NULL ELSE useridentity.principalid END, CASE WHEN useridentity.onbehalfof.userid IN ('', '-', 'none') THEN NULL ELSE useridentity.onbehalfof.userid END) END) LIKE '%:i-%' ESCAPE '!', false))
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
  '0e000000-0000-4000-8000-000000000003' AS rule_id,
  m.eventid AS event_id,
  m.tt_event_key AS event_key,
  m.tt_time AS event_time_ms,
  sha2(concat_ws(chr(31), 'trailtriage-alert-v1', '0e000000-0000-4000-8000-000000000003', m.tt_identity), 256) AS alert_uuid,
  CAST(array() AS array<string>) AS new_terms,
  m.record AS record
FROM unique_matches m
