#!/usr/bin/env bash
# gen_big.sh -- huge and pathological inputs, generated at test time into a temp dir (never
# committed): 100 000-deep nestings, 1 MB source lines, 100 000-line files. Each must give a clear
# error (exit status 1, an "...Error: ..." last line of stderr) or the right output: never a crash,
# a hang or a sanitizer report. Called by tests/run.sh once per mode; prints "ok NAME" or
# "FAIL NAME: why" per check. Usage: tests/gen_big.sh [MODE]   (default interp)

set -u
MODE=${1:-interp}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUN=$ROOT/tests/run.sh
case ${BUILD:-build} in *asan*) LIMIT=${TIMEOUT:-60} ;; *) LIMIT=${TIMEOUT:-20} ;; esac
DIR=$(mktemp -d "${TMPDIR:-/tmp}/trident-big.XXXXXX")
trap 'rm -rf "$DIR"' EXIT
cd "$DIR" || exit 2

rep() { # rep STRING COUNT: STRING repeated COUNT times, no newline
    head -c "$2" /dev/zero | tr '\0' '\n' | sed "s/^/$1/" | tr -d '\n'
}

# check NAME FILE WANT_STATUS WANT_LAST_LINE [ALT_STATUS ALT_STDOUT]
# WANT_LAST_LINE is the last line of stderr when WANT_STATUS is 1, else the expected stdout.
# ALT_*: a second acceptable outcome (CPython fails where doing better is fine, e.g. running it).
check() {
    local name=$1 file=$2 want=$3 line=$4 alt=${5:-} altout=${6:-}
    timeout -k 2 "$LIMIT" "$RUN" --mode "$MODE" "$file" </dev/null >out 2>err
    local st=$?
    local last
    last=$(tail -n 1 err | cut -c1-200)
    if [ $st = 124 ] || [ $st = 137 ]; then
        echo "FAIL $name: timeout after ${LIMIT}s"
    elif [ $st -ge 128 ]; then
        echo "FAIL $name: crashed (status $st): $last"
    elif [ -n "$alt" ] && [ $st = "$alt" ] && [ "$(cat out)" = "$altout" ]; then
        echo "ok $name"
    elif [ $st != "$want" ]; then
        echo "FAIL $name: exit status $st, expected $want: $last"
    elif [ "$want" = 1 ] && [ "$line" = "ANY_ERROR" ]; then
        if grep -qE '^[A-Za-z]*(Error|Exception)(: .*)?$' <<<"$last"; then
            echo "ok $name"
        else
            echo "FAIL $name: no clear error line, got: $last"
        fi
    elif [ "$want" = 1 ] && [ "$last" != "$line" ]; then
        echo "FAIL $name: expected '$line', got '$last'"
    elif [ "$want" = 0 ] && [ "$(cat out)" != "$line" ]; then
        echo "FAIL $name: expected output '$line', got '$(head -c 200 out)'"
    else
        echo "ok $name"
    fi
}

N=100000

# CPython 3.11: "SyntaxError: too many nested parentheses" (the tokenizer stops at 200 levels).
{ printf 'x = '; rep '(' $N; printf 1; rep ')' $N; printf '\nprint(x)\n'; } >parens.py
check nested_parens_100000 parens.py 1 "SyntaxError: too many nested parentheses"

{ printf 'x = '; rep '[' $N; printf '\n'; } >brackets.py
check nested_brackets_unclosed_100000 brackets.py 1 "SyntaxError: too many nested parentheses"

{ printf 'x = '; rep 'abs(' $N; printf 1; rep ')' $N; printf '\n'; } >calls.py
check nested_calls_100000 calls.py 1 "SyntaxError: too many nested parentheses"

# Within the limit: 150 levels of brackets run.
{ printf 'x = '; rep '[' 150; rep ']' 150; printf '\nprint(len(str(x)))\n'; } >nest150.py
check nested_brackets_150 nest150.py 0 "300"

# A 1 MB line: a list display of 333 334 ints.
{ printf 'x = ['; rep '1, ' 333333; printf '1]\nprint(len(x), sum(x))\n'; } >longline.py
check long_line_1mb longline.py 0 "333334 333334"

# A 1 MB string literal on one line.
{ printf 's = "'; rep 'ab' 500000; printf '"\nprint(len(s), s[-3:])\n'; } >longstr.py
check long_string_1mb longstr.py 0 "1000000 bab"

# 100 000 lines.
{ printf 'x = 0\n'; yes 'x = x + 1' | head -n $N; printf 'print(x)\n'; } >manylines.py
check many_lines_100000 manylines.py 0 "100000"

# 120 nested blocks: CPython 3.11 says "IndentationError: too many levels of indentation" (100).
for ((i = 0; i < 120; i++)); do printf '%*sif True:\n' $i ''; done >indent.py
printf '%*sprint(1)\n' 120 '' >>indent.py
check deep_indentation_120 indent.py 1 "IndentationError: too many levels of indentation"

# Deep operator chains: CPython fails (RecursionError during compilation / MemoryError); a clear
# error or the right answer are both fine, a crash is not.
{ printf 'x = 1'; rep '+1' $N; printf '\nprint(x)\n'; } >plus.py
check long_binop_chain_100000 plus.py 1 ANY_ERROR 0 "100001"

{ printf 'x = '; rep '-' $N; printf '1\nprint(x)\n'; } >unary.py
check deep_unary_100000 unary.py 1 ANY_ERROR 0 "1"

{ printf 'x = '; rep 'not ' $N; printf 'True\nprint(x)\n'; } >nots.py
check deep_not_100000 nots.py 1 ANY_ERROR 0 "True"

# Runtime depth: a deeply nested list built at run time, printed (repr recursion).
cat >deep_repr.py <<'EOF'
x = []
for i in range(100000):
    x = [x]
try:
    print(len(repr(x)))
except RecursionError:
    print("RecursionError")
EOF
check deep_repr_100000 deep_repr.py 0 "RecursionError"

cat >deep_compare.py <<'EOF'
a = []
b = []
for i in range(200000):
    a = [a]
    b = [b]
try:
    print(a == b)
except RecursionError:
    print("RecursionError")
EOF
check deep_compare_200000 deep_compare.py 0 "RecursionError"

# Binary junk is a clear error. A NUL byte: CPython 3.11 silently stops reading there (3.12 says
# "SyntaxError: source code cannot contain null bytes"); either is fine.
printf 'x = 1\n\0\n' >nul.py
check nul_byte nul.py 1 ANY_ERROR 0 ""
printf 'x = 1\n\xff\xfe junk \x81\x80\n' >junk.py
check binary_junk junk.py 1 ANY_ERROR
