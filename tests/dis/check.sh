#!/usr/bin/env bash
# check.sh -- compares `trident dis` with `python3 -m dis` (CPython 3.11) on tests/dis/cases/*.py,
# or on the files given, after masking code-object addresses. PYTHONHASHSEED=0 keeps CPython's
# frozenset constants in a fixed order. Prints a short diff per mismatch and `N passed, M failed`.
# Usage: tests/dis/check.sh [FILE...]     Environment: TRIDENT (default build/trident), PYTHON.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TRIDENT=${TRIDENT:-$ROOT/build/trident}
PYTHON=${PYTHON:-python3}
[ $# -gt 0 ] || set -- "$ROOT"/tests/dis/cases/*.py
TMP=$(mktemp -d "${TMPDIR:-/tmp}/trident-dis.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
for f in "$@"; do
    PYTHONHASHSEED=0 "$PYTHON" -m dis "$f" 2>&1 | sed 's/0x[0-9a-f]*/0xADDR/g' >"$TMP/want"
    "$TRIDENT" dis "$f" 2>&1 | sed 's/0x[0-9a-f]*/0xADDR/g' >"$TMP/got"
    if cmp -s "$TMP/want" "$TMP/got"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $f"
        diff "$TMP/want" "$TMP/got" | head -n 12
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
