#!/usr/bin/env python3
"""A straightforward reference for the benchmark: the two bundled seed rules in plain Python.

Reads every .json.gz under the given directory with the standard library only, evaluates
"AWS IAM Roles Anywhere Profile Creation" (query) and "AWS IAM Create User via Assumed Role on
EC2 Instance" (new_terms on the user identity ARN, 14-day history) and prints the alert counts.
This is what a responder would write by hand; the benchmark compares TrailTriage against it.
"""
import gzip
import json
import os
import sys
from datetime import datetime

WINDOW_SECONDS = 14 * 86400


def records(root):
    for directory, _, names in os.walk(root):
        for name in sorted(names):
            if name.endswith(".json.gz"):
                with gzip.open(os.path.join(directory, name), "rb") as handle:
                    yield from json.load(handle).get("Records", [])


def succeeded(record):
    return "errorCode" not in record and "errorMessage" not in record


def main(root):
    profile_alerts = 0
    create_user = []
    for record in records(root):
        source, name = record.get("eventSource"), record.get("eventName")
        if source == "rolesanywhere.amazonaws.com" and name == "CreateProfile" and succeeded(record):
            profile_alerts += 1
        elif source == "iam.amazonaws.com" and name == "CreateUser" and succeeded(record):
            identity = record.get("userIdentity") or {}
            arn = identity.get("arn") or ""
            if identity.get("type") == "AssumedRole" and "i-" in arn:
                when = datetime.strptime(record["eventTime"], "%Y-%m-%dT%H:%M:%SZ").timestamp()
                create_user.append((when, record.get("eventID", ""), arn))
    last_seen = {}
    user_alerts = 0
    for when, _, arn in sorted(create_user):
        previous = last_seen.get(arn)
        if previous is None or previous < when - WINDOW_SECONDS:
            user_alerts += 1
        last_seen[arn] = when
    print(f"alerts: {profile_alerts} roles-anywhere, {user_alerts} create-user")


if __name__ == "__main__":
    main(sys.argv[1])
