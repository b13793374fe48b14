#!/usr/bin/env bash
# expect.sh -- regenerates the expected outputs of tests/py scripts by running CPython 3.11 exactly
# as tests/run.sh runs trident (cwd = the script's folder, bare file name, name.in or /dev/null as
# stdin, name.args as arguments). Writes name.out always, name.err when stderr is non-empty and
# name.status when the exit status is non-zero (stale ones are removed). Never edit those by hand.
#
# Usage: tests/expect.sh [FILE.py | DIR]...     (default: all of tests/py)
# Each script runs twice with different hash seeds; a difference means the test is not
# deterministic (set ordering of strings, id(), ...) and is reported.

set -u
cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD

PY=""
for cand in /usr/bin/python3 python3.11 python3; do
    if command -v "$cand" >/dev/null 2>&1 &&
        "$cand" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
        PY=$(command -v "$cand")
        break
    fi
done
if [ -z "$PY" ]; then
    echo "expect.sh: no CPython 3.11 found (tried /usr/bin/python3, python3.11, python3)" >&2
    exit 2
fi

# Helper modules (*_mod.py, lib/) are not tests; see tests/run.sh.
list_tests() {
    local a
    for a in "$@"; do
        a=${a#"$ROOT"/}
        if [ -d "$a" ]; then
            find "$a" -name '*.py' ! -name '*_mod.py' ! -path '*/lib/*'
        elif [ -f "$a" ]; then
            echo "$a"
        else
            echo "expect.sh: no such file: $a" >&2
        fi
    done | LC_ALL=C sort -u
}

# run_py SEED SCRIPT OUT ERR -> exit status
run_py() {
    local seed=$1 t=$2 out=$3 err=$4 stem=${2%.py}
    local in=/dev/null args=()
    [ -f "$stem.in" ] && in=$ROOT/$stem.in
    [ -f "$stem.args" ] && mapfile -t args <"$stem.args"
    (
        cd "$(dirname "$t")" &&
            PYTHONHASHSEED=$seed PYTHONDONTWRITEBYTECODE=1 PYTHONIOENCODING=utf-8 \
                timeout -k 2 30 "$PY" "$(basename "$t")" "${args[@]}" <"$in" >"$out" 2>"$err"
    )
}

[ $# = 0 ] && set -- tests/py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
count=0
bad=0
while IFS= read -r t; do
    stem=${t%.py}
    run_py 1 "$t" "$tmp/out" "$tmp/err"
    status=$?
    run_py 12345 "$t" "$tmp/out2" "$tmp/err2"
    status2=$?
    if ! cmp -s "$tmp/out" "$tmp/out2" || [ $status != $status2 ] ||
        [ "$(tail -n 1 "$tmp/err")" != "$(tail -n 1 "$tmp/err2")" ]; then
        echo "expect.sh: $t: output depends on the hash seed or is not deterministic" >&2
        bad=$((bad + 1))
    fi
    if [ $status = 124 ] || [ $status = 137 ]; then
        echo "expect.sh: $t: timed out under CPython" >&2
        bad=$((bad + 1))
    fi
    cp "$tmp/out" "$stem.out"
    if [ -s "$tmp/err" ]; then cp "$tmp/err" "$stem.err"; else rm -f "$stem.err"; fi
    if [ $status != 0 ]; then echo $status >"$stem.status"; else rm -f "$stem.status"; fi
    count=$((count + 1))
done < <(list_tests "$@")

echo "expect.sh: $count scripts with $("$PY" --version 2>&1), $bad problems" >&2
[ $bad = 0 ]
