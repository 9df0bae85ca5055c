#!/usr/bin/env bash
# Installs the Debian packages TrailTriage builds, runs and tests with (libdeflate and zlib for
# gzip, SQLite for triage state, ncursesw for the console, tmux for the console's end-to-end tests,
# uap-core's user agent regexes, libmaxminddb for GeoIP/ASN lookups), and three PyPI packages the
# tests use: markdown-it-py, the CommonMark renderer the Markdown export tests check against, eql,
# Elastic's Python EQL, which the EQL tests compare verdicts with (tests only; it is AGPL-3.0 and
# never vendored), and mmdb-writer, with which the GeoIP tests build small MaxMind DB files; plus
# sqlglot (parses the compiled Trino SQL in the tests) and pyspark 4.x (the Spark job; needs Java 17).
# Safe to run again: it installs only what is missing.
set -euo pipefail
packages=(zlib1g-dev libdeflate-dev libsqlite3-dev libncurses-dev ncurses-base tmux gzip python3 time jq uap-core libmaxminddb-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
if ! python3 -c 'import markdown_it' >/dev/null 2>&1; then
  pip_install=(python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore markdown-it-py)
  # A Debian-managed Python refuses user installs unless told otherwise (PEP 668).
  "${pip_install[@]}" 2>/dev/null || "${pip_install[@]}" --break-system-packages \
    || echo "warning: could not install markdown-it-py; the Markdown rendering tests will be skipped" >&2
fi
if ! python3 -c 'import eql' >/dev/null 2>&1; then
  # The current release (1.0.1) installs and runs on Python 3.11; no pin needed.
  pip_install=(python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore eql)
  "${pip_install[@]}" 2>/dev/null || "${pip_install[@]}" --break-system-packages \
    || echo "warning: could not install eql; the EQL oracle tests will be skipped" >&2
fi
if ! python3 -c 'import mmdb_writer' >/dev/null 2>&1; then
  pip_install=(python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore mmdb-writer)
  "${pip_install[@]}" 2>/dev/null || "${pip_install[@]}" --break-system-packages \
    || echo "warning: could not install mmdb-writer; the GeoIP tests will be skipped" >&2
fi
if ! python3 -c 'import sqlglot' >/dev/null 2>&1; then
  # sqlglot: an independent SQL parser the SQL compiler's tests parse every Trino statement with.
  pip_install=(python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore sqlglot)
  "${pip_install[@]}" 2>/dev/null || "${pip_install[@]}" --break-system-packages \
    || echo "warning: could not install sqlglot; the Trino SQL parse tests will be skipped" >&2
fi
if ! python3 -c 'import pyspark' >/dev/null 2>&1; then
  # pyspark 4.x runs `trailtriage spark` and its tests (Spark in local mode; it needs Java 17).
  pip_install=(python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore 'pyspark>=4,<5')
  "${pip_install[@]}" 2>/dev/null || "${pip_install[@]}" --break-system-packages \
    || echo "warning: could not install pyspark; the Spark tests will be skipped" >&2
fi
if ! command -v java >/dev/null 2>&1; then
  echo "warning: no java on PATH; pyspark needs Java 17, so the Spark tests will be skipped" >&2
fi
