-- TrailTriage new_terms rule 0e000000-0000-4000-8000-000000000006: Edge: new terms with ties, the window boundary and re-deliveries
WITH matches AS (
  SELECT *, CASE WHEN eventid IS NOT NULL AND eventid <> '' THEN eventid ELSE concat('sha256:', sha2(record, 256)) END AS tt_event_key, unix_millis(try_to_timestamp(eventtime)) AS tt_time
  FROM cloudtrail_logs
  WHERE (coalesce((CASE WHEN eventname IN ('', '-', 'none') THEN NULL ELSE eventname END) = 'CreateAccessKey', false) AND coalesce((CASE WHEN eventname = 'ConsoleLogin' AND CASE WHEN get_json_object(responseelements, '$.ConsoleLogin') IN ('', '-', 'none') THEN NULL ELSE get_json_object(responseelements, '$.ConsoleLogin') END IS NOT NULL THEN lower(CASE WHEN get_json_object(responseelements, '$.ConsoleLogin') IN ('', '-', 'none') THEN NULL ELSE get_json_object(responseelements, '$.ConsoleLogin') END) WHEN CASE WHEN errorcode IN ('', '-', 'none') THEN NULL ELSE errorcode END IS NOT NULL OR CASE WHEN errormessage IN ('', '-', 'none') THEN NULL ELSE errormessage END IS NOT NULL THEN 'failure' ELSE 'success' END) = 'success', false))
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
  SELECT m.tt_identity, m.tt_time, term_1
  FROM unique_matches m
  LATERAL VIEW explode(filter(array(CASE WHEN (coalesce(CASE WHEN useridentity.type IN ('', '-', 'none') THEN NULL ELSE useridentity.type END = 'AWSService', false) OR (coalesce(CASE WHEN useridentity.type IN ('', '-', 'none') THEN NULL ELSE useridentity.type END = 'AssumedRole', false) AND coalesce(CASE WHEN useridentity.sessioncontext.sessionissuer.arn IN ('', '-', 'none') THEN NULL ELSE useridentity.sessioncontext.sessionissuer.arn END LIKE '%:role/aws-service-role/%', false))) THEN NULL WHEN useridentity.type IN ('AssumedRole', 'FederatedUser') AND CASE WHEN useridentity.sessioncontext.sessionissuer.username IN ('', '-', 'none') THEN NULL ELSE useridentity.sessioncontext.sessionissuer.username END IS NOT NULL THEN CASE WHEN useridentity.sessioncontext.sessionissuer.username IN ('', '-', 'none') THEN NULL ELSE useridentity.sessioncontext.sessionissuer.username END ELSE CASE WHEN useridentity.username IN ('', '-', 'none') THEN NULL ELSE useridentity.username END END), v -> v IS NOT NULL)) unnest_1 AS term_1
),
instants AS (
  SELECT term_1, tt_time, min(tt_identity) AS tt_identity
  FROM combinations
  GROUP BY term_1, tt_time
),
firsts AS (
  SELECT *, lag(tt_time) OVER (PARTITION BY term_1 ORDER BY tt_time) AS tt_previous
  FROM instants
)
SELECT
  '0e000000-0000-4000-8000-000000000006' AS rule_id,
  m.eventid AS event_id,
  m.tt_event_key AS event_key,
  f.tt_time AS event_time_ms,
  sha2(concat_ws(chr(31), 'trailtriage-alert-v1', '0e000000-0000-4000-8000-000000000006', f.tt_identity, f.term_1), 256) AS alert_uuid,
  array(f.term_1) AS new_terms,
  m.record AS record
FROM firsts f
JOIN unique_matches m ON m.tt_identity = f.tt_identity
WHERE f.tt_previous IS NULL OR f.tt_previous < f.tt_time - 86400000
