#!/usr/bin/env bash
# cli.sh -- checks the trident command line itself (issue: run, bare script, -c, dis, --version,
# --help; unknown options and missing files give a short error and exit 2, like python3).
# Called by tests/run.sh once when MODES has interp; prints "ok NAME" or "FAIL NAME: why".

set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
T=$BUILD/trident
case $BUILD in *asan*) LIMIT=30 ;; *) LIMIT=10 ;; esac
DIR=$(mktemp -d "${TMPDIR:-/tmp}/trident-cli.XXXXXX")
trap 'rm -rf "$DIR"' EXIT
cd "$DIR" || exit 2

# expect NAME WANT_STATUS WANT_STDOUT|'*' STDERR_LINE_COUNT|'*' -- COMMAND...
expect() {
    local name=$1 want=$2 wout=$3 werr=$4
    shift 5
    timeout -k 2 "$LIMIT" "$@" </dev/null >out 2>err
    local st=$? nerr
    nerr=$(wc -l <err)
    if [ $st -ge 124 ]; then
        echo "FAIL cli $name: crashed or timed out (status $st): $(tail -n 1 err | cut -c1-120)"
    elif [ $st != "$want" ]; then
        echo "FAIL cli $name: exit status $st, expected $want: $(tail -n 1 err | cut -c1-120)"
    elif [ "$wout" != '*' ] && [ "$(cat out)" != "$wout" ]; then
        echo "FAIL cli $name: stdout '$(head -c 120 out)', expected '$wout'"
    elif [ "$werr" != '*' ] && [ "$nerr" != "$werr" ]; then
        echo "FAIL cli $name: $nerr lines on stderr, expected $werr: $(head -n 2 err | cut -c1-120)"
    else
        echo "ok cli $name"
    fi
}

printf 'import sys\nprint("hello", sys.argv[1:])\n' >hello.py
printf 'def foo(x):\n    y = x + 5\n    return y\n' >foo.py

expect run 0 "hello ['a', 'b c']" 0 -- "$T" run hello.py a "b c"
expect bare_script 0 "hello ['x']" 0 -- "$T" hello.py x
expect dash_c 0 "4" 0 -- "$T" -c 'print(2 + 2)'
expect dash_c_error 1 "" '*' -- "$T" -c '1 / 0'
expect syntax_error_exit 1 "" '*' -- "$T" -c 'x = (1,'
expect version 0 '*' '*' -- "$T" --version
expect help 0 '*' '*' -- "$T" --help
expect missing_file 2 "" 1 -- "$T" run no_such_file.py
expect missing_file_bare 2 "" 1 -- "$T" no_such_file.py
# python3 prints three lines here (the error, usage, a hint): the count is not checked.
expect unknown_option 2 "" '*' -- "$T" --no-such-option
grep -q -- '--no-such-option' err || echo "FAIL cli unknown_option_named: the error does not name it"

# `trident dis` on the issue's example names the same instructions as CPython's dis.
if timeout -k 2 "$LIMIT" "$T" dis foo.py >dis.out 2>dis.err; then
    missing=""
    for op in RESUME "LOAD_FAST +[0-9]+ \(x\)" "LOAD_CONST +[0-9]+ \(5\)" "BINARY_OP +0 \(\+\)" \
        "STORE_FAST +[0-9]+ \(y\)" "LOAD_FAST +[0-9]+ \(y\)" RETURN_VALUE; do
        grep -qE "$op" dis.out || missing="$missing '$op'"
    done
    if [ -z "$missing" ]; then echo "ok cli dis"; else echo "FAIL cli dis: missing$missing"; fi
else
    echo "FAIL cli dis: exit status $?: $(tail -n 1 dis.err | cut -c1-120)"
fi

# `trident ir` and `trident asm`: the optimized IR of foo has an unboxed or generic add and a
# return; the machine code ends in ret; unknown names and passes are errors.
expect ir_unknown_func 1 "" 1 -- "$T" ir foo.py --func nope
expect ir_unknown_pass 2 "" 1 -- "$T" ir foo.py --after nope
expect asm_unknown_func 1 "" 1 -- "$T" asm foo.py --func nope
expect jit_unknown_mode 2 "" '*' -- "$T" --jit=sometimes foo.py
expect jit_always_run 0 "hello ['z']" 0 -- "$T" --jit=always run hello.py z
if timeout -k 2 "$LIMIT" "$T" ir foo.py --func foo >ir.out 2>ir.err &&
    grep -q -- '--- optimized' ir.out && grep -qE '^  ret v[0-9]+' ir.out &&
    grep -qE 'add|binop' ir.out; then
    echo "ok cli ir"
else
    echo "FAIL cli ir: $(head -n 3 ir.out ir.err | tr '\n' ' ' | cut -c1-160)"
fi
if timeout -k 2 "$LIMIT" "$T" asm foo.py --func foo >asm.out 2>asm.err &&
    grep -qE '^function foo .*: [0-9]+ bytes' asm.out && grep -qE ':  ret' asm.out; then
    echo "ok cli asm"
else
    echo "FAIL cli asm: $(head -n 3 asm.out asm.err | tr '\n' ' ' | cut -c1-160)"
fi
