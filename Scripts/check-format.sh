#!/usr/bin/env bash
# Fails when a Swift file is not laid out as `swift format` (configured in .swift-format) lays it
# out; `swift format -i -r .` fixes that. It also fails on any line of Swift longer than 120
# columns: the formatter leaves string literals and comments as they are, so those are listed here
# and must be wrapped by hand (split a literal with `+` or a multi-line literal, or move a long
# fixture into a local constant).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.swift')
swift format lint --strict --parallel "${files[@]}"
# Columns are characters, as swift format counts them, not bytes: awk here is often mawk, which
# counts bytes, so a line with a few non-ASCII characters would be listed while within the limit.
long=$(python3 - "${files[@]}" <<'PY'
import sys
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as source:
        for number, line in enumerate(source, 1):
            columns = len(line.rstrip("\n"))
            if columns > 120:
                print(f"{path}:{number}: {columns} columns")
PY
)
if [ -n "$long" ]; then
  echo "$long" >&2
  echo "error: the lines above are longer than 120 columns" >&2
  exit 1
fi
echo "format: ${#files[@]} Swift files laid out as swift format does"
