#!/usr/bin/env bash
# TrailTriage benchmark: scan speed against decompression itself and against a plain Python
# reference, on a generated corpus, all measured in one run on this machine.
#
#   Scripts/bench.sh [--events N] [--runs R] [--seed S] [--scaling] [--dir DIR] [--pack DIR]
#
# Builds a release binary, generates the corpus once (cached in DIR), then times each contender
# R times and prints medians, ratios to single-process zcat, peak RSS, records/s and MB/s.
# TrailTriage runs with three rule sets: the bundled rules, and, read from
# ../shared/corpus/elastic-detection-rules-aws (or --pack DIR) when that folder exists, the pack's
# query and new_terms rules (pack-kql) and Elastic's whole AWS pack of every type (pack). The pack
# is never copied into this tree; without it the pack's rows are skipped with a message. The pack
# query and new_terms rules also run with GeoIP/ASN stand-in databases (pack-kql-geoip, see below;
# scan only), and so does the whole pack (pack-geoip; --no-geoip-whole-pack leaves it out). The console's
# figures are measured for each other rule set. --scaling also generates a corpus of twice the
# size and reports the time ratio for each of those rule sets.
set -euo pipefail
cd "$(dirname "$0")/.."

events=500000
runs=5
seed=1
scaling=0
geoip_whole_pack=1
dir="${TMPDIR:-/tmp}/trailtriage-bench"
pack="$PWD/../shared/corpus/elastic-detection-rules-aws"
while [ $# -gt 0 ]; do
  case "$1" in
    --events) events="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --scaling) scaling=1; shift ;;
    --no-geoip-whole-pack) geoip_whole_pack=0; shift ;;
    --dir) dir="$2"; shift 2 ;;
    --pack) case "$2" in /*) pack="$2" ;; *) pack="$OLDPWD/$2" ;; esac; shift 2 ;;
    *) echo "usage: $0 [--events N] [--runs R] [--seed S] [--scaling] [--dir DIR] [--pack DIR] [--no-geoip-whole-pack]" >&2; exit 2 ;;
  esac
done

Scripts/install-deps.sh
swift build -c release --product trailtriage >&2
bin="$(swift build -c release --show-bin-path)/trailtriage"

rule_sets=(bundled)
pack_note=""
if [ -d "$pack" ]; then
  # pack-kql: the pack's query and new_terms rules alone (the figure before threshold, EQL and
  # ES|QL ran), linked into a scratch folder; pack: every rule of the pack.
  kql_pack="$dir/pack-kql"
  rm -rf "$kql_pack"
  mkdir -p "$kql_pack"
  grep -rlE '^type = "(query|new_terms)"' "$pack" --include='*.toml' | while read -r file; do
    ln -s "$file" "$kql_pack/$(basename "$file")"
  done
  rule_sets+=(pack-kql pack)
else
  pack_note="note: $pack is absent: Elastic's AWS rule pack is not measured"
fi
# rule_args SET: sets rule_args_of to the scan and console arguments that select rule set SET.
rule_args() {
  case "$1" in
    bundled) rule_args_of=() ;;
    pack) rule_args_of=(--rules "$pack") ;;
    pack-kql) rule_args_of=(--rules "$kql_pack") ;;
    pack-geoip) rule_args_of=(--rules "$pack" --geoip-dir "$geoip") ;;
    pack-kql-geoip) rule_args_of=(--rules "$kql_pack" --geoip-dir "$geoip") ;;
  esac
}

corpus() {  # corpus EVENTS -> directory
  local out="$dir/events-$1-seed-$seed"
  if [ ! -f "$out/.complete" ]; then
    rm -rf "$out"
    "$bin" generate --events "$1" --seed "$seed" --days 7 --accounts 3 "$out" >&2
    touch "$out/.complete"
  fi
  echo "$out"
}

# measure NAME COMMAND...: runs COMMAND $runs times; prints "NAME median_seconds peak_rss_kb".
measure() {
  local name="$1"; shift
  local times=() peak=0
  for _ in $(seq "$runs"); do
    local stats
    /usr/bin/time -f "%e %M" -o "$dir/.time" "$@" >/dev/null 2>/dev/null
    stats=$(tail -n 1 "$dir/.time")
    times+=("${stats% *}")
    local rss="${stats#* }"
    [ "$rss" -gt "$peak" ] && peak="$rss"
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
  echo "$name $median $peak"
}

main_corpus=$(corpus "$events")
find "$main_corpus/AWSLogs" -name '*.json.gz' | sort > "$dir/files-$events.txt"

# pack-kql-geoip: the query and new_terms rules again, with GeoIP/ASN databases, so the cost of
# the lookups shows. pack-geoip: the whole pack with them, where the broad ES|QL rules that find
# no rows without an ASN database read most events (about twice the whole pack's time without
# databases; --no-geoip-whole-pack leaves it out).
# The databases are stand-ins built once per corpus (Scripts/bench_geoip.py: every source /24 of
# the corpus plus 400,000 filler networks, GeoLite2-ASN's order of size) and cached in DIR.
geoip_note=""
if [ -d "$pack" ]; then
  if python3 -c 'import mmdb_writer, netaddr' 2>/dev/null; then
    geoip="$dir/geoip-events-$events-seed-$seed"
    if [ ! -f "$geoip/.complete" ]; then
      rm -rf "$geoip"
      python3 Scripts/bench_geoip.py "$main_corpus" "$geoip" >&2
      touch "$geoip/.complete"
    fi
    rule_sets+=(pack-kql-geoip)
    if [ "$geoip_whole_pack" = 1 ]; then rule_sets+=(pack-geoip); fi
  else
    geoip_note="note: python3 cannot import mmdb_writer (Scripts/install-deps.sh installs it): the pack with GeoIP is not measured"
  fi
fi
json_bytes=$(xargs zcat < "$dir/files-$events.txt" | wc -c)
gz_bytes=$(xargs cat < "$dir/files-$events.txt" | wc -c)
# Records as the scan counts them (the corpus holds a few planted records beyond --events).
records=$("$bin" scan "$main_corpus" 2>&1 >/dev/null | awk '$1 == "records:" { print $2 }')

if [ -n "$pack_note" ]; then echo "$pack_note"; fi
if [ -n "$geoip_note" ]; then echo "$geoip_note"; fi
echo "corpus: $events events ($records records), $(wc -l < "$dir/files-$events.txt") files, $((json_bytes / 1000000)) MB JSON, $((gz_bytes / 1000000)) MB gzipped; $runs runs each; $(nproc) cores"
results=$(
  measure zcat sh -c "xargs zcat < '$dir/files-$events.txt'"
  for set in "${rule_sets[@]}"; do
    rule_args "$set"
    measure "trailtriage-$set" "$bin" scan --quiet "${rule_args_of[@]}" "$main_corpus"
  done
  measure python3-reference python3 Scripts/reference_scan.py "$main_corpus"
  # What many responders reach for first: jq over the decompressed files (the query rule only).
  measure jq-query-rule sh -c "xargs zcat < '$dir/files-$events.txt' | jq -c '.Records[] | select(.eventSource == \"rolesanywhere.amazonaws.com\" and .eventName == \"CreateProfile\" and .errorCode == null and .errorMessage == null) | .eventID'"
)
zcat_median=$(echo "$results" | awk '$1 == "zcat" { print $2 }')
printf '%-20s %10s %12s %14s %13s %10s\n' contender median_s vs_zcat peak_rss_MB records_per_s MB_per_s
echo "$results" | while read -r name median peak; do
  awk -v n="$name" -v m="$median" -v z="$zcat_median" -v p="$peak" -v e="$records" -v b="$json_bytes" \
    'BEGIN { printf "%-20s %10.2f %11.2fx %14.1f %13.0f %10.0f\n", n, m, m / z, p / 1024, e / m, b / 1e6 / m }'
done

# The alerts must be the same whichever way they are found (the reference knows only the bundled rules).
for set in "${rule_sets[@]}"; do
  rule_args "$set"
  "$bin" scan --quiet "${rule_args_of[@]}" "$main_corpus" 2>/dev/null | wc -l | xargs echo "trailtriage alerts ($set rules):"
done
python3 Scripts/reference_scan.py "$main_corpus" | sed 's/^/python3 reference /'

# The console: opening the corpus (scan, event index of every event, alert records, saving them),
# then keypress redraw and search/filter latency with 100,000 alerts listed; once per rule set
# (pack-kql-geoip and pack-geoip are measured as scans only).
for set in "${rule_sets[@]}"; do
  case "$set" in pack-geoip | pack-kql-geoip) continue ;; esac
  rule_args "$set"
  /usr/bin/time -f "%e %M" -o "$dir/.time" "$bin" benchmark-console "${rule_args_of[@]}" "$main_corpus" \
    > "$dir/console-$set.txt" 2>/dev/null
  console_rss=$(awk '{ print $2 }' "$dir/.time")
  scan_median=$(echo "$results" | awk -v n="trailtriage-$set" '$1 == n { print $2 }')
  awk -v s="$scan_median" -v r="$console_rss" -v set="$set" '
    /^console-open/ { split($2, a, "="); printf "console open (%s rules): %.2f s, %.2fx the scan median; peak RSS %.1f MB (%s %s)\n", set, a[2], a[2] / s, r / 1024, $3, $4; next }
    /^keypress-redraw/ { split($2, m, "="); split($3, p, "="); printf "keypress redraw with 100000 alerts (%s rules): median %.2f ms, p95 %.2f ms\n", set, m[2], p[2]; next }
    /^search/ { split($2, q, "="); split($4, f, "="); printf "search over 100000 alerts (%s rules): slowest %.1f ms; filter or sort: slowest %.1f ms\n", set, q[2], f[2]; next }
    # Any other figure the console reports (its loading phases) is shown as it is.
    { printf "console (%s rules): %s\n", set, $0 }
  ' "$dir/console-$set.txt"
done

if [ "$scaling" = 1 ]; then
  double=$((events * 2))
  big_corpus=$(corpus "$double")
  for set in "${rule_sets[@]}"; do
    case "$set" in pack-geoip | pack-kql-geoip) continue ;; esac
    rule_args "$set"
    scaled=$(measure "trailtriage-$set-$double" "$bin" scan --quiet "${rule_args_of[@]}" "$big_corpus")
    base=$(echo "$results" | awk -v n="trailtriage-$set" '$1 == n { print $2 }')
    echo "$scaled" | awk -v b="$base" -v e="$events" '{ printf "scaling: %s events take %.2f s, %.2fx the %s-event time; peak RSS %.1f MB\n", $1, $2, $2 / b, e, $3 / 1024 }'
  done
fi
