-- TrailTriage new_terms rule 0e000000-0000-4000-8000-000000000006: Edge: new terms with ties, the window boundary and re-deliveries
WITH matches AS (
  SELECT *, CASE WHEN eventid IS NOT NULL AND eventid <> '' THEN eventid ELSE concat('sha256:', lower(to_hex(sha256(to_utf8(record))))) END AS tt_event_key, CAST(floor(to_unixtime(try(from_iso8601_timestamp(eventtime))) * 1000) AS bigint) AS tt_time
  FROM cloudtrail_logs
  WHERE (coalesce((CASE WHEN eventname IN ('', '-', 'none') THEN NULL ELSE eventname END) = 'CreateAccessKey', false) AND coalesce((CASE WHEN eventname = 'ConsoleLogin' AND CASE WHEN json_extract_scalar(responseelements, '$["ConsoleLogin"]') IN ('', '-', 'none') THEN NULL ELSE json_extract_scalar(responseelements, '$["ConsoleLogin"]') END IS NOT NULL THEN lower(CASE WHEN json_extract_scalar(responseelements, '$["ConsoleLogin"]') IN ('', '-', 'none') THEN NULL ELSE json_extract_scalar(responseelements, '$["ConsoleLogin"]') END) WHEN CASE WHEN errorcode IN ('', '-', 'none') THEN NULL ELSE errorcode END IS NOT NULL OR CASE WHEN errormessage IN ('', '-', 'none') THEN NULL ELSE errormessage END IS NOT NULL THEN 'failure' ELSE 'success' END) = 'success', false))
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
  CROSS JOIN UNNEST(filter(ARRAY[CASE WHEN (coalesce(CASE WHEN useridentity.type IN ('', '-', 'none') THEN NULL ELSE useridentity.type END = 'AWSService', false) OR (coalesce(CASE WHEN useridentity.type IN ('', '-', 'none') THEN NULL ELSE useridentity.type END = 'AssumedRole', false) AND coalesce(CASE WHEN useridentity.sessioncontext.sessionissuer.arn IN ('', '-', 'none') THEN NULL ELSE useridentity.sessioncontext.sessionissuer.arn END LIKE '%:role/aws-service-role/%', false))) THEN NULL WHEN useridentity.type IN ('AssumedRole', 'FederatedUser') AND CASE WHEN useridentity.sessioncontext.sessionissuer.username IN ('', '-', 'none') THEN NULL ELSE useridentity.sessioncontext.sessionissuer.username END IS NOT NULL THEN CASE WHEN useridentity.sessioncontext.sessionissuer.username IN ('', '-', 'none') THEN NULL ELSE useridentity.sessioncontext.sessionissuer.username END ELSE CASE WHEN useridentity.username IN ('', '-', 'none') THEN NULL ELSE useridentity.username END END], v -> v IS NOT NULL)) AS unnest_1 (term_1)
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
  lower(to_hex(sha256(to_utf8(concat_ws(chr(31), 'trailtriage-alert-v1', '0e000000-0000-4000-8000-000000000006', f.tt_identity, f.term_1))))) AS alert_uuid,
  ARRAY[f.term_1] AS new_terms,
  m.record AS record
FROM firsts f
JOIN unique_matches m ON m.tt_identity = f.tt_identity
WHERE f.tt_previous IS NULL OR f.tt_previous < f.tt_time - 86400000
