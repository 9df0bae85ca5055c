"""TrailTriage's Spark job: runs rules compiled by `trailtriage compile --dialect spark` over
CloudTrail in the S3 layout (`.json.gz` files holding {"Records": [...]}), local or s3a://.

`trailtriage spark` starts it; it can also be given to spark-submit. It exposes the records as a
view shaped like AWS's Athena table `cloudtrail_logs` plus `record` (each record's JSON text),
runs every rule in one job, and writes to --out:

  engine-alerts.ndjson   one line per alert: rule_id, event_id, event_key, event_time_ms,
                         alert_uuid, new_terms, source_file, record_index, record
  engine-context.ndjson  the records of each alerted actor within +/- the context window
  engine-report.json     files read, records, and every file that could not be used, with why
"""

import argparse
import json
import os
import sys
import time

# The record fields as CloudTrail spells them (JSON field matching is case-sensitive); the view
# renames them to the lower-case column names of AWS's Athena table.
RECORD_SCHEMA = """
eventVersion string,
userIdentity struct<
  type: string, principalId: string, arn: string, accountId: string, invokedBy: string,
  accessKeyId: string, userName: string,
  onBehalfOf: struct<userId: string, identityStoreArn: string>,
  sessionContext: struct<
    attributes: struct<mfaAuthenticated: string, creationDate: string>,
    sessionIssuer: struct<type: string, principalId: string, arn: string, accountId: string, userName: string>,
    ec2RoleDelivery: string, sourceIdentity: string>>,
eventTime string, eventSource string, eventName string, awsRegion string, sourceIPAddress string,
userAgent string, errorCode string, errorMessage string,
requestParameters string, responseElements string, additionalEventData string,
requestID string, eventID string, readOnly string,
resources array<map<string, string>>,
eventType string, apiVersion string, managementEvent string, recipientAccountId string,
serviceEventDetails string, sharedEventID string, vpcEndpointId string, vpcEndpointAccountId string,
eventCategory string, sessionCredentialFromConsole string,
tlsDetails struct<tlsVersion: string, cipherSuite: string, clientProvidedHostHeader: string>
"""

ATHENA_COLUMNS = [
    ("eventVersion", "eventversion"), ("userIdentity", "useridentity"), ("eventTime", "eventtime"),
    ("eventSource", "eventsource"), ("eventName", "eventname"), ("awsRegion", "awsregion"),
    ("sourceIPAddress", "sourceipaddress"), ("userAgent", "useragent"), ("errorCode", "errorcode"),
    ("errorMessage", "errormessage"), ("requestParameters", "requestparameters"),
    ("responseElements", "responseelements"), ("additionalEventData", "additionaleventdata"),
    ("requestID", "requestid"), ("eventID", "eventid"), ("readOnly", "readonly"),
    ("resources", "resources"), ("eventType", "eventtype"), ("apiVersion", "apiversion"),
    ("managementEvent", "managementevent"), ("recipientAccountId", "recipientaccountid"),
    ("serviceEventDetails", "serviceeventdetails"), ("sharedEventID", "sharedeventid"),
    ("vpcEndpointId", "vpcendpointid"), ("vpcEndpointAccountId", "vpcendpointaccountid"),
    ("eventCategory", "eventcategory"), ("sessionCredentialFromConsole", "sessioncredentialfromconsole"),
    ("tlsDetails", "tlsdetails"),
]

INPUT_SUFFIXES = (".json.gz", ".json")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description="Run compiled TrailTriage rules on Spark.")
    parser.add_argument("--rules", required=True, help="JSON file: [{rule_id, sql}, ...]")
    parser.add_argument("--out", required=True, help="local directory for the results")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--context-hours", type=int, default=24)
    parser.add_argument(
        "--batch", type=int, default=16, metavar="N",
        help="rules per Spark query (UNION ALL); a batch plans once and scans the cached records once")
    parser.add_argument(
        "--dataset", action="append", default=[], metavar="NAME=PATH",
        help="run the rules separately on PATH, writing to OUT/NAME (repeatable; one Spark start for all)")
    parser.add_argument("paths", nargs="*")
    arguments = parser.parse_args(argv)
    if not arguments.paths and not arguments.dataset:
        parser.error("give input paths or --dataset NAME=PATH")
    return arguments


def start_spark(master):
    from pyspark.sql import SparkSession

    builder = (
        SparkSession.builder.appName("trailtriage")
        .master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        # A corrupt .gz would fail the whole job; Spark skips it instead and the job reports it.
        .config("spark.sql.files.ignoreCorruptFiles", "true")
    )
    if master.startswith("local"):
        # A local run's data is small and its cores few: a shuffle partition per core, and no
        # adaptive re-planning, whose extra stages cost more than they save here.
        cores = master[len("local["):-1] if master.startswith("local[") else "1"
        partitions = cores if cores.isdigit() else "2"
        builder = builder.config("spark.sql.shuffle.partitions", partitions).config(
            "spark.sql.adaptive.enabled", "false")
    else:
        builder = builder.config("spark.sql.shuffle.partitions", "64")
    if master.startswith("local"):
        builder = builder.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def list_inputs(spark, paths):
    """Every .json.gz / .json file under the paths (Hadoop file systems: local, s3a, hdfs)."""
    jvm = spark._jvm
    configuration = spark._jsc.hadoopConfiguration()
    files, roots, problems = [], [], []
    for given in paths:
        path = jvm.org.apache.hadoop.fs.Path(given if "://" in given else os.path.abspath(given))
        try:
            fs = path.getFileSystem(configuration)
            if not fs.exists(path):
                problems.append({"file": given, "problem": "does not exist"})
                continue
            listing = fs.listFiles(path, True)
            found = 0
            while listing.hasNext():
                name = listing.next().getPath().toString()
                if name.endswith(INPUT_SUFFIXES):
                    files.append(name)
                    found += 1
            if found:
                roots.append(path.toString())
            else:
                problems.append({"file": given, "problem": "holds no .json.gz or .json files"})
        except Exception as error:  # a file system error names the path; the rest goes on
            problems.append({"file": given, "problem": "cannot be listed: %s" % str(error).splitlines()[0]})
    return sorted(set(files)), roots, problems


def load_events(spark, roots):
    from pyspark.sql import functions as F

    # Reading the given roots (not the listed files one by one) keeps Spark's own listing on the
    # driver; the glob keeps the same files list_inputs found.
    reader = (
        spark.read.option("wholetext", "true").option("recursiveFileLookup", "true")
        .option("pathGlobFilter", "*.{json,json.gz}")
    )
    raw = reader.text(roots).withColumn("source_file", F.input_file_name())
    documents = raw.select(
        "source_file", F.from_json("value", "struct<Records: array<string>>").alias("document")
    ).cache()
    records = documents.where(F.col("document.Records").isNotNull()).select(
        "source_file", F.posexplode("document.Records").alias("record_index", "record")
    )
    parsed = records.select(
        "source_file", "record_index", "record", F.from_json("record", RECORD_SCHEMA).alias("r")
    )
    # CloudTrail spells a resource's ARN both "ARN" (as AWS documents) and "arn"; the mapper takes
    # either, "ARN" first, and so does the view. JSON field matching is case-sensitive, hence the map.
    resources = F.expr(
        "transform(r.resources, x -> named_struct("
        "'arn', coalesce(nullif(x['ARN'], ''), x['arn']), 'accountid', x['accountId'], 'type', x['type']))")
    columns = [
        (resources if source == "resources" else F.col("r." + source)).alias(column)
        for source, column in ATHENA_COLUMNS
    ]
    # One text partition per file would make every rule's query a task per file; the parsed
    # records are few enough per core to keep in as many partitions as there are cores.
    parallelism = spark.sparkContext.defaultParallelism
    events = parsed.select(*columns, "record", "source_file", "record_index").coalesce(parallelism).cache()
    return documents, events


def with_content_keys(spark, events, rules):
    """Adds `tt_content`: for a record whose eventID other content also uses, among the records some
    rule matches, the content key scan gives it (so each content counts as its own event, as in
    scan); NULL for every other record. CloudTrail re-delivers byte for byte, so only ids seen with
    different bytes are read on the driver, and usually there are none."""
    from pyspark.sql import functions as F

    hashed = events.withColumn("tt_bytes", F.sha2("record", 256))
    suspects = [row["eventid"] for row in hashed.where("eventid IS NOT NULL AND eventid <> ''")
                .groupBy("eventid").agg(F.countDistinct("tt_bytes").alias("n")).where("n > 1").collect()]
    empty = F.lit(None).cast("string").alias("tt_content")
    if not suspects or not rules:
        return events.select("*", empty)
    candidates = hashed.where(F.col("eventid").isin(suspects))
    candidates.createOrReplaceTempView("cloudtrail_logs")
    matched = " OR ".join("(%s)" % rule["condition"] for rule in rules if rule.get("condition"))
    rows = spark.sql("SELECT DISTINCT eventid, tt_bytes, record FROM cloudtrail_logs WHERE " + (matched or "false"))
    contents, by_id = {}, {}
    for row in rows.collect():
        contents[row["tt_bytes"]] = (row["eventid"], content_key(row["record"]))
        by_id.setdefault(row["eventid"], set()).add(contents[row["tt_bytes"]][1])
    keys = [(digest, key) for digest, (event_id, key) in contents.items() if len(by_id[event_id]) > 1]
    if not keys:
        return events.select("*", empty)
    frame = spark.createDataFrame(keys, "tt_bytes string, tt_content string")
    return hashed.join(F.broadcast(frame), "tt_bytes", "left").drop("tt_bytes").cache()


def content_key(text):
    """`AlertIdentity.contentKey`: SHA-256 of the record as canonical JSON (members sorted by key,
    repeated keys in written order, no whitespace, numbers as written, TrailTriage's escapes), of
    the CloudTrail event inside an EventBridge envelope."""
    import hashlib

    value = json.loads(text, object_pairs_hook=Members, parse_int=Number, parse_float=Number,
                       parse_constant=Number)
    if isinstance(value, Members):
        members = dict(value)
        detail = members.get("detail")
        if ("eventName" not in members and isinstance(members.get("detail-type"), str)
                and isinstance(detail, Members) and "eventName" in dict(detail)):
            value = detail
    out = []
    canonical(value, out)
    return "sha256:" + hashlib.sha256("".join(out).encode("utf-8", "surrogatepass")).hexdigest()


class Number(str):
    """A JSON number as written."""


class Members(list):
    """A JSON object's members, (key, value) pairs in written order."""


def canonical(value, out):
    if value is None:
        out.append("null")
    elif value is True or value is False:
        out.append("true" if value else "false")
    elif isinstance(value, Number):
        out.append(str.__str__(value))
    elif isinstance(value, str):
        out.append(json_string(value))
    elif isinstance(value, Members):
        out.append("{")
        for index, (key, member) in enumerate(sorted(value, key=lambda pair: pair[0])):
            out.append(("," if index else "") + json_string(key) + ":")
            canonical(member, out)
        out.append("}")
    elif isinstance(value, list):
        out.append("[")
        for index, element in enumerate(value):
            if index:
                out.append(",")
            canonical(element, out)
        out.append("]")


INVISIBLE = [(0x061C, 0x061C), (0x115F, 0x1160), (0x180E, 0x180E), (0x200B, 0x200F), (0x2028, 0x202E),
             (0x2060, 0x2064), (0x2066, 0x206F), (0x3164, 0x3164), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB),
             (0xE0000, 0xE007F)]
SHORT_ESCAPES = {0x22: '\\"', 0x5C: "\\\\", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}


def json_string(text):
    """A JSON string exactly as `JSONWriter.writeString` writes it."""
    out = ['"']
    for character in text:
        code = ord(character)
        if code in SHORT_ESCAPES:
            out.append(SHORT_ESCAPES[code])
        elif code < 0x20 or 0x7F <= code < 0xA0 or any(low <= code <= high for low, high in INVISIBLE):
            if code > 0xFFFF:
                offset = code - 0x10000
                out.append("\\u%04X\\u%04X" % (0xD800 + (offset >> 10), 0xDC00 + (offset & 0x3FF)))
            else:
                out.append("\\u%04X" % code)
        else:
            out.append(character)
    out.append('"')
    return "".join(out)


def local_path(uri):
    """A local file's path without the scheme Spark and Hadoop put in front (file:/ or file:///)."""
    if uri.startswith("file://"):
        return uri[len("file://"):]
    if uri.startswith("file:"):
        return uri[len("file:"):]
    return uri


def main(argv):
    arguments = parse_arguments(argv)
    with open(arguments.rules, encoding="utf-8") as handle:
        rules = json.load(handle)
    spark = start_spark(arguments.master)
    datasets = [(arguments.out, arguments.paths)] if arguments.paths else []
    for given in arguments.dataset:
        name, _, path = given.partition("=")
        if not name or not path or "/" in name:
            sys.exit("--dataset wants NAME=PATH with a plain NAME, not %r" % given)
        datasets.append((os.path.join(arguments.out, name), [path]))
    for out, paths in datasets:
        run_dataset(spark, rules, paths, out, arguments.context_hours, max(arguments.batch, 1))
    spark.stop()
    return 0


def run_dataset(spark, rules, paths, out, context_hours, batch):
    """Runs every rule over one input set and writes its three result files to `out`."""
    from pyspark.sql import functions as F

    os.makedirs(out, exist_ok=True)
    started = time.time()
    files, roots, problems = list_inputs(spark, paths)
    report = {"files_listed": len(files), "files_read": 0, "records": 0, "alerts": 0, "problems": problems}
    alerts, context = [], []
    if files:
        documents, events = load_events(spark, roots)
        parsed_events = events
        events = with_content_keys(spark, events, rules)
        events.createOrReplaceTempView("cloudtrail_logs")
        seen = {local_path(row["source_file"]): row["ok"] for row in documents.select(
            "source_file", F.col("document.Records").isNotNull().alias("ok")).collect()}
        for name in map(local_path, files):
            if name not in seen:
                problems.append({"file": name, "problem": "unreadable (corrupt or not gzip); skipped"})
            elif not seen[name]:
                problems.append({"file": name, "problem": 'not CloudTrail JSON ({"Records": [...]})'})
        report["files_read"] = sum(1 for ok in seen.values() if ok)
        report["records"] = events.count()
        if rules:
            by_identity = {}
            for statement in batched(rules, batch):
                for row in spark.sql(statement).collect():
                    by_identity[(row["rule_id"], row["alert_uuid"])] = row.asDict(recursive=True)
            alerts = list(by_identity.values())
            context = actor_context(events, alerts, context_hours)
        documents.unpersist()
        events.unpersist()
        parsed_events.unpersist()
    report["alerts"] = len(alerts)
    report["seconds"] = round(time.time() - started, 3)
    with open(os.path.join(out, "engine-alerts.ndjson"), "w", encoding="utf-8") as handle:
        for alert in sorted(alerts, key=lambda a: (a["event_time_ms"] or 0, a["alert_uuid"])):
            alert["source_file"] = local_path(alert["source_file"] or "")
            handle.write(json.dumps(alert, ensure_ascii=False) + "\n")
    with open(os.path.join(out, "engine-context.ndjson"), "w", encoding="utf-8") as handle:
        for line in context:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    with open(os.path.join(out, "engine-report.json"), "w", encoding="utf-8") as handle:
        json.dump(report, handle, ensure_ascii=False, indent=1)


def batched(rules, size):
    """The rules' statements joined `size` at a time with UNION ALL, threshold rules (which return
    more columns) apart from the others. One query per rule pays Spark's per-query planning and
    scheduling a hundred times; a union of a hundred windowed statements plans slowly; batches of
    a dozen or so cost least (README, "When one machine is not enough")."""
    shapes = {}
    for rule in rules:
        shapes.setdefault(rule.get("type") == "threshold", []).append(rule["sql"])
    for statements in shapes.values():
        for start in range(0, len(statements), size):
            chunk = statements[start:start + size]
            yield "\nUNION ALL\n".join(
                "SELECT * FROM (\n%s\n) rule_%d" % (sql, index) for index, sql in enumerate(chunk))


def actor_context(events, alerts, hours):
    """Records of each alerted actor (same ARN or access key) within +/- `hours` of its alert."""
    from pyspark.sql import functions as F

    anchors = []
    for alert in alerts:
        identity = json.loads(alert["record"]).get("userIdentity") or {}
        if not isinstance(identity, dict):
            continue
        arn, key = identity.get("arn"), identity.get("accessKeyId")
        if (arn or key) and alert["event_time_ms"] is not None:
            anchors.append((arn, key, int(alert["event_time_ms"])))
    if not anchors:
        return []
    spark = events.sparkSession
    frame = spark.createDataFrame(anchors, "arn string, access_key string, time_ms long")
    window = hours * 3600 * 1000
    timed = events.withColumn("time_ms", F.expr("unix_millis(try_to_timestamp(eventtime))"))
    same_actor = (F.col("e.useridentity.arn") == F.col("a.arn")) | (
        F.col("e.useridentity.accesskeyid") == F.col("a.access_key"))
    near = F.abs(F.col("e.time_ms") - F.col("a.time_ms")) <= window
    rows = timed.alias("e").join(frame.alias("a"), same_actor & near).select(
        "e.record", "e.source_file", "e.record_index", "e.time_ms").dropDuplicates(["source_file", "record_index"])
    ordered = sorted(rows.collect(), key=lambda row: (row["time_ms"] or 0, row["source_file"], row["record_index"]))
    return [{"source_file": local_path(row["source_file"]), "record_index": row["record_index"],
             "record": row["record"]} for row in ordered]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
