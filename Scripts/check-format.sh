#!/usr/bin/env bash
# Fails when a Swift file is not laid out as `swift format` (configured in .swift-format) lays it
# out, or when a line of Swift is longer than 120 columns: the formatter leaves long string
# literals and comments as they are, so those are checked here. `swift format -i -r .` fixes the
# first kind; the second needs a hand.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.swift')
swift format lint --strict --parallel "${files[@]}"
long=$(awk 'length > 120 { print FILENAME ":" FNR ": " length " columns" }' "${files[@]}")
if [ -n "$long" ]; then
  echo "$long" >&2
  echo "error: the lines above are longer than 120 columns" >&2
  exit 1
fi
echo "format: ${#files[@]} Swift files laid out as swift format does, no line over 120 columns"
