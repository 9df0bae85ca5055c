"""Evaluates EQL queries with Elastic's Python `eql` package, as an oracle for EQLOracleTests.

Input (the JSON file named by the first argument): {"cases": [{"query": str, "events": [{"category": str, "time": int (ms),
"document": {nested fields}}]}]}. Output (stdout, JSON): {"results": [...]} with, per case,
"verdicts" (single-event queries: per event true, false, or null when the verdict depends on
case folding) or "sequences" (sequence queries: the completed sequences as event indices, with
"case_dependent" true when the two case modes disagree).

The package has one global case switch while Elasticsearch mixes case-sensitive and
case-insensitive operators, so every query runs in both modes; only verdicts that do not depend on
it are comparable.

The file name must not start with `eql_`: the package imports every such module on sys.path as an
extension, which would run this script a second time.
"""
import json
import sys

import eql
import eql.utils


def run(query_text, events, insensitive):
    eql.utils.CASE_INSENSITIVE = insensitive
    with eql.parser.elasticsearch_syntax, eql.parser.ignore_missing_functions:
        query = eql.parse_query(query_text)
    # time_unit 1000: event times are milliseconds, so maxspan converts to milliseconds.
    engine = eql.PythonEngine({"time_unit": 1000})
    engine.add_query(query)
    found = []
    engine.add_output_hook(lambda result: found.append([event.data["_index"] for event in result.events]))
    stream = []
    for index, event in enumerate(events):
        data = dict(event["document"])
        data["_index"] = index
        stream.append(eql.Event(event["category"], event["time"], data))
    engine.stream_events(stream)
    return found


def main():
    with open(sys.argv[1], encoding="utf-8") as source:
        cases = json.load(source)["cases"]
    results = []
    for case in cases:
        events = case["events"]
        sensitive = run(case["query"], events, False)
        insensitive = run(case["query"], events, True)
        if case["query"].lstrip().startswith("sequence"):
            results.append({"sequences": sensitive, "case_dependent": sensitive != insensitive})
            continue
        matched_sensitive = {found[0] for found in sensitive}
        matched_insensitive = {found[0] for found in insensitive}
        verdicts = []
        for index in range(len(events)):
            a, b = index in matched_sensitive, index in matched_insensitive
            verdicts.append(a if a == b else None)
        results.append({"verdicts": verdicts})
    json.dump({"results": results}, sys.stdout)


if __name__ == "__main__":
    main()
