#!/usr/bin/env bash
# bench_check.sh -- the one bench check of `make test`: `trident bench` runs a tiny program in
# every mode plus CPython, prints its table, and catches a mode whose output differs.
# Called by tests/run.sh once when MODES has interp; prints "ok NAME" or "FAIL NAME: why".

set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
T=$BUILD/trident
case $BUILD in *asan*) LIMIT=60 ;; *) LIMIT=20 ;; esac
DIR=$(mktemp -d "${TMPDIR:-/tmp}/trident-bench.XXXXXX")
trap 'rm -rf "$DIR"' EXIT
cd "$DIR" || exit 2

printf 'import sys\nn = int(sys.argv[1])\nprint(sum(i * i for i in range(n)))\n' >tiny.py
timeout -k 2 "$LIMIT" "$T" bench -n 2 tiny.py 1000 >out 2>err
st=$?
if [ $st != 0 ]; then
    echo "FAIL bench table: exit status $st: $(tail -n 1 err | cut -c1-120)"
elif ! grep -q '^trident interp .* ok (2 runs)' out || ! grep -q '^CPython .* ok (2 runs)' out; then
    echo "FAIL bench table: no 'ok (2 runs)' line for trident and CPython: $(head -c 300 out)"
else
    echo "ok bench table"
fi

# A "mode" that prints something else must be reported as wrong, with exit status 1.
printf '#!/bin/sh\necho 42\n' >liar
chmod +x liar
timeout -k 2 "$LIMIT" "$T" bench --tsv -q -n 1 -x "liar=./liar" tiny.py 1000 >out 2>err
st=$?
if [ $st != 1 ] || ! grep -q $'^liar\twrong\t' out; then
    echo "FAIL bench wrong_output: status $st, expected 1 and a 'wrong' line: $(head -c 300 out)"
else
    echo "ok bench wrong_output"
fi
