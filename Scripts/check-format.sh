#!/usr/bin/env bash
# Fails when a Swift file is not laid out as `swift format` (configured in .swift-format) lays it
# out; `swift format -i -r .` fixes that. Lines of Swift longer than 120 columns (string literals
# and comments the formatter leaves alone) are listed as warnings: a few test literals (a path, a
# regular expression) are still that long, and until they are wrapped this check does not fail on
# them.
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
  echo "warning: the lines above are longer than 120 columns" >&2
fi
echo "format: ${#files[@]} Swift files laid out as swift format does"
