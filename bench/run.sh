#!/usr/bin/env bash
# run.sh -- `make bench`: times every bench/py/*.py with `trident bench` (each trident mode,
# CPython, PyPy, and the C reference of bench/c/ when there is one), then writes bench/RESULTS.md
# (bench/report.sh) and bench/results.svg (bench/chart.sh). A program trident cannot run yet is
# recorded as failing, with its error, and the run goes on.
#
# Usage: bench/run.sh [FILTER]     FILTER: substring of a program name; only those run again,
#                                  and their rows replace theirs in the last results.
# Environment: BUILD (default build), BENCH_N (runs per mode, default 3), BENCH_TIMEOUT (seconds
#              per run, default 120), BENCH_OUT (folder for RESULTS.md/results.svg, default bench).

set -u
cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
N=${BENCH_N:-3}
TIMEOUT=${BENCH_TIMEOUT:-120}
OUT=${BENCH_OUT:-$ROOT/bench}
FILTER=${1:-}
if [ ! -x "$BUILD/trident" ]; then
    echo "bench/run.sh: $BUILD/trident does not exist (run make first)" >&2
    exit 2
fi
mkdir -p "$BUILD/bench" "$OUT"
# A copy: a `make` during the long run must not swap the binary under it.
T=$BUILD/bench/trident
cp "$BUILD/trident" "$T" || exit 2
# `trident build` links with the archive beside the binary
cp "$BUILD/libtrident_aot.a" "$BUILD/bench/" || exit 2
TSV=$BUILD/bench/results.tsv # bench, mode, status, seconds, max RSS kB, detail

progs=()
for f in bench/py/*.py; do
    case $(basename "$f" .py) in *"$FILTER"*) progs+=("$f") ;; esac
done
if [ -n "$FILTER" ] && [ -f "$TSV" ]; then
    awk -F'\t' -v f="$FILTER" 'index($1, f) == 0' "$TSV" >"$TSV.old"
    mv "$TSV.old" "$TSV"
else
    : >"$TSV"
fi
i=0
for f in "${progs[@]}"; do
    i=$((i + 1))
    name=$(basename "$f" .py)
    printf '[%d/%d] %s\n' "$i" "${#progs[@]}" "$name" >&2
    extra=()
    [ -x "$BUILD/bench/$name" ] && extra=(-x "C -O2=$BUILD/bench/$name")
    # each program runs from its own folder, by its bare name, as a user would run it
    (cd bench/py && "$T" bench --tsv -n "$N" -t "$TIMEOUT" "${extra[@]}" "$name.py") |
        awk -v b="$name" 'NF { print b "\t" $0 }' >>"$TSV"
done

# Start-up: a hello-world under each mode, and python3 doing nothing at all.
echo "[start-up] hello world" >&2
HELLO=$BUILD/bench/hello.py
echo 'print("hello, world")' >"$HELLO"
"$T" bench --tsv -n 20 -X "python3 -c pass=/usr/bin/python3 -c pass" "$HELLO" |
    awk 'NF { print "startup\t" $0 }' >"$BUILD/bench/startup.tsv"

LC_ALL=C sort -s -t "$(printf '\t')" -k1,1 "$TSV" -o "$TSV" # rows of a re-run among the others
sh bench/report.sh "$TSV" "$BUILD/bench/startup.tsv" "$T" "$N" >"$OUT/RESULTS.md"
sh bench/chart.sh "$TSV" >"$OUT/results.svg"
echo "wrote $OUT/RESULTS.md and $OUT/results.svg" >&2
