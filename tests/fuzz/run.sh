#!/usr/bin/env bash
# run.sh -- one fuzzing session (what `make fuzz` runs after building): the libFuzzer harness
# over the front-end and compiler (build-fuzz/fuzz_compile, seeded with every .py of tests/ and
# lib/), the mutation fuzzer of test scripts on build-asan/trident (mutate.py), and the
# pathological inputs (patho.py). FUZZ_TIME seconds for each fuzzer (default 60).
# tests/fuzz/crashes holds inputs that once failed; they are replayed first.
# Findings: build-fuzz/artifacts/ (libFuzzer crash-*, timeout-*, oom-*) and
# build-fuzz/mutate-findings/. The corpus grows in build-fuzz/corpus between sessions.
# Exit status: 0 when nothing was found, 1 otherwise. Environment: FUZZ_TIME, FUZZ_JOBS (2),
# FUZZ_ONLY (libfuzzer|mutate|patho: run that part only).

set -u
cd "$(dirname "$0")/../.." || exit 2
ROOT=$PWD
FUZZ_TIME=${FUZZ_TIME:-60}
FUZZ_JOBS=${FUZZ_JOBS:-2}
FUZZ_ONLY=${FUZZ_ONLY:-}
OUT=$ROOT/build-fuzz
PY=/usr/bin/python3
[ -x $PY ] || PY=python3
export ASAN_OPTIONS=detect_leaks=0:detect_stack_use_after_return=0
export UBSAN_OPTIONS=print_stacktrace=1
status=0

want() { [ -z "$FUZZ_ONLY" ] || [ "$FUZZ_ONLY" = "$1" ]; }

if want libfuzzer; then
    echo "== libFuzzer: parse_module + bc_compile_module, ${FUZZ_TIME}s"
    mkdir -p "$OUT/corpus" "$OUT/seeds" "$OUT/artifacts"
    # libFuzzer reads seed folders flat: copy the scripts under unique names
    i=0
    while IFS= read -r f; do
        i=$((i + 1))
        cp "$f" "$OUT/seeds/$i.py"
    done < <(find tests lib -name '*.py' | LC_ALL=C sort)
    # first the inputs that once crashed or hung it (tests/fuzz/crashes)
    if ! "$OUT/fuzz_compile" -timeout=10 tests/fuzz/crashes/* >"$OUT/replay.log" 2>&1; then
        echo "libFuzzer: a tests/fuzz/crashes input fails again (build-fuzz/replay.log)"
        status=1
    fi
    before=$(ls "$OUT/artifacts" | wc -l)
    # -fork: crashes, timeouts and OOMs are saved and fuzzing goes on
    (cd "$OUT/artifacts" && "$OUT/fuzz_compile" -fork="$FUZZ_JOBS" -ignore_crashes=1 \
        -ignore_timeouts=1 -ignore_ooms=1 -max_total_time="$FUZZ_TIME" -timeout=10 \
        -rss_limit_mb=4096 -max_len=8192 -dict="$ROOT/tests/fuzz/python.dict" \
        -artifact_prefix="$OUT/artifacts/" "$OUT/corpus" "$OUT/seeds") >"$OUT/libfuzzer.log" 2>&1
    grep -E '^(INFO: (fuzzed|exiting)|#[0-9]+: cov)' "$OUT/libfuzzer.log" | tail -n 2
    after=$(ls "$OUT/artifacts" | wc -l)
    if [ "$after" != "$before" ]; then
        echo "libFuzzer: $((after - before)) new findings in build-fuzz/artifacts (log:" \
            "build-fuzz/libfuzzer.log); reproduce with build-fuzz/fuzz_compile FILE"
        status=1
    else
        echo "libFuzzer: nothing found"
    fi
fi

if want mutate; then
    echo "== mutation fuzzer: build-asan/trident on mutated tests/py scripts, ${FUZZ_TIME}s"
    $PY tests/fuzz/mutate.py --time "$FUZZ_TIME" --jobs "$FUZZ_JOBS" \
        --trident build-asan/trident --out "$OUT/mutate-findings" || status=1
fi

if want patho; then
    echo "== pathological inputs: build-asan/trident against CPython"
    $PY tests/fuzz/patho.py --trident build-asan/trident >"$OUT/patho.log" 2>&1 || status=1
    # the FAILs with their details, and the summary; the DIFFs stay in the log
    awk '/^(FAIL|patho)/ { p = 1 } /^(DIFF|ok)/ { p = 0 } p' "$OUT/patho.log"
fi
exit $status
