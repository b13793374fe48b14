#!/usr/bin/env bash
# run.sh -- the IR tests: each tests/ir/**/NAME.py opens with a line `# ir: ARGS` (the arguments
# of `trident ir NAME.py`, e.g. `--func f --after constfold`), and NAME.ir holds the expected
# output, made by `tests/ir/run.sh --update FILTER` and read line by line before it is kept.
# Then every pass runs, with the verifier, on every function of bench/py/*.py and tests/py/**.py:
# `trident ir` exits 1 and names the pass when one breaks an invariant.
# Prints "ok NAME" or "FAIL NAME: why" per check (tests/run.sh counts them). Environment: BUILD.
# Usage: tests/ir/run.sh [MODE] | tests/ir/run.sh --update [FILTER]   (MODE is ignored)

cd "$(dirname "$0")/../.." || exit 2
BUILD=${BUILD:-build}
TRIDENT=$BUILD/trident
case $TRIDENT in /*) ;; *) TRIDENT=$PWD/$TRIDENT ;; esac

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
update=
if [ "${1:-}" = "--update" ]; then
    update=1
    filter=${2:-}
fi

# Runs from the test's folder with a bare file name, so the printed path does not depend on
# where the runner was started.
ir_of() {
    local py=$1 args
    args=$(sed -n '1s/^# ir://p' "$py")
    (cd "$(dirname "$py")" && eval "\"$TRIDENT\" ir \"$(basename "$py")\" $args" 2>&1)
}

while IFS= read -r py; do
    exp=${py%.py}.ir
    if [ -n "$update" ]; then
        [[ $py == *"$filter"* ]] || continue
        ir_of "$py" >"$exp"
        echo "wrote $exp"
        continue
    fi
    if [ ! -f "$exp" ]; then
        echo "FAIL $py: no $exp (make it with tests/ir/run.sh --update $py, then read it)"
    elif ir_of "$py" >"$tmp" && diff "$tmp" "$exp" >/dev/null; then
        echo "ok $py"
    else
        echo "FAIL $py: IR differs from $exp (< now, > expected)"
        diff "$tmp" "$exp" | head -n 10 | sed 's/^/    /'
    fi
done < <(find tests/ir -name '*.py' | LC_ALL=C sort)
[ -n "$update" ] && exit 0

# Every pass on every function of many programs, verified after each pass. Status 1 alone is a
# program that does not compile (the SyntaxError tests); a crash or a timeout is a failure.
bad=0
while IFS= read -r py; do
    timeout 20 "$TRIDENT" ir "$py" >"$tmp" 2>&1
    status=$?
    if [ $status -gt 1 ] || grep -q 'invalid IR' "$tmp"; then
        echo "FAIL tests/ir/run.sh: $py: status $status $(grep -m1 'invalid IR' "$tmp")"
        bad=$((bad + 1))
    fi
done < <(find bench/py tests/py -name '*.py' 2>/dev/null | LC_ALL=C sort)
[ $bad = 0 ] && echo "ok every pass verified on bench/py and tests/py"
exit 0
