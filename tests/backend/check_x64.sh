#!/usr/bin/env bash
# check_x64.sh -- the x86-64 encoder against GNU as: assembles the cases of
# tests/backend/x64/cases.c with `as`, diffs bytes and relocations with the encoder's (through
# tests/unit/x64_dump_main.c), and checks that tests/backend/x64/expected.inc, the unit test's copy
# of the assembler's answer, is current. Prints "ok NAME" or "FAIL NAME: why" (tests/run.sh runs
# it once). Usage: tests/backend/check_x64.sh [--update]   --update rewrites expected.inc.

set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CC=${CC:-gcc}
EXPECTED=$ROOT/tests/backend/x64/expected.inc
DIR=$(mktemp -d "${TMPDIR:-/tmp}/trident-x64.XXXXXX")
trap 'rm -rf "$DIR"' EXIT
cd "$DIR" || exit 2

for tool in as objcopy nm objdump; do
    if ! command -v $tool >/dev/null; then
        echo "FAIL x64: '$tool' not found (binutils)"
        exit 0
    fi
done
if ! $CC -std=gnu11 -O1 -I"$ROOT/src" -o dump "$ROOT/tests/unit/x64_dump_main.c" \
    "$ROOT/src/common/base.c" 2>err; then
    echo "FAIL x64 dump tool: does not compile: $(grep -m1 error err | cut -c1-120)"
    exit 0
fi
./dump asm >cases.s && ./dump ours >ours.txt || { echo "FAIL x64: encoder crashed"; exit 0; }
if ! as -o cases.o cases.s 2>err; then
    echo "FAIL x64 as: rejects the cases: $(head -n 2 err | tr '\n' ' ' | cut -c1-160)"
    exit 0
fi
objcopy -O binary -j .text cases.o cases.bin && nm cases.o >cases.nm &&
    objdump -r cases.o >cases.rel && ./dump theirs cases.bin cases.nm cases.rel >as.txt ||
    { echo "FAIL x64: could not read the assembler's output"; exit 0; }

if [ "${1:-}" = --update ]; then
    cp as.txt "$EXPECTED"
    echo "wrote $EXPECTED ($(wc -l <as.txt) cases)"
fi

# one FAIL per case where the encoder and as disagree (the first 20)
bad=$(diff ours.txt as.txt | grep -c '^<')
if [ "$bad" = 0 ]; then
    echo "ok x64 encoder matches as ($(wc -l <as.txt) cases)"
else
    paste -d '\n' <(diff ours.txt as.txt | grep '^<' | sed 's/^< X64_EXPECT/ours /') \
        <(diff ours.txt as.txt | grep '^>' | sed 's/^> X64_EXPECT/as   /') | head -n 40 |
        paste -d ' ' - - | sed 's/^/FAIL x64 encoding: /' | cut -c1-400
fi
if cmp -s as.txt "$EXPECTED"; then
    echo "ok x64 expected.inc is current"
else
    echo "FAIL x64 expected.inc: differs from as output: run tests/backend/check_x64.sh --update"
fi
