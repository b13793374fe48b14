#!/usr/bin/env bash
# repl.sh -- checks trident's interactive prompt through a pseudo-terminal (python3's pty module
# drives it): prompts, expression results, `_`, blocks, tracebacks that do not end the session,
# exit status of exit(n) and of EOF. Called by tests/run.sh once when MODES has interp; prints
# "ok NAME" or "FAIL NAME: why".

set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
T=$BUILD/trident
case $BUILD in *asan*) LIMIT=30 ;; *) LIMIT=10 ;; esac
PY=/usr/bin/python3
[ -x $PY ] || PY=python3
DIR=$(mktemp -d "${TMPDIR:-/tmp}/trident-repl.XXXXXX")
trap 'rm -rf "$DIR"' EXIT
cd "$DIR" || exit 2
printf 'WHO = "repl_helper"\n' >repl_helper.py

# session OUTFILE LINE...: types the lines into the prompt (one every 0.1 s), then waits for the
# exit; OUTFILE gets the transcript (\r\n made \n), OUTFILE.status the exit status.
session() {
    local out=$1
    shift
    HOME=$DIR timeout -k 2 "$LIMIT" "$PY" - "$T" "$out" "$@" <<'PYEOF'
import os, pty, select, sys, time
exe, out, lines = sys.argv[1], sys.argv[2], sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.execv(exe, [exe])
buf = b""
def drain(t):
    global buf
    end = time.time() + t
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.02)
        if r:
            try:
                d = os.read(fd, 65536)
            except OSError:
                return
            if not d:
                return
            buf += d
drain(0.3)
for l in lines:
    os.write(fd, l.encode().decode("unicode_escape").encode())
    drain(0.1)
drain(0.3)
_, st = os.waitpid(pid, 0)
drain(0.1)
open(out, "w").write(buf.decode("utf-8", "replace").replace("\r\n", "\n"))
open(out + ".status", "w").write(str(os.waitstatus_to_exitcode(st)))
PYEOF
}

# check NAME FILE WANT_STATUS TEXT...: each TEXT (a fixed string, may hold \n) is in the transcript
check() {
    local name=$1 file=$2 want=$3
    shift 3
    local st
    st=$(cat "$file.status" 2>/dev/null || echo none)
    if [ "$st" != "$want" ]; then
        echo "FAIL repl $name: exit status $st, expected $want:" \
            "$(tail -c 200 "$file" | tr '\n' '|')"
        return
    fi
    local t
    for t in "$@"; do
        if ! "$PY" -c 'import sys
want = sys.argv[2].encode().decode("unicode_escape")
sys.exit(want not in open(sys.argv[1]).read())' "$file" "$t"; then
            echo "FAIL repl $name: '$t' not in the transcript:" \
                "$(tail -c 300 "$file" | tr '\n' '|')"
            return
        fi
    done
    echo "ok repl $name"
}

session s1 '1 + 2\n' 'x = 6\n' 'x * 7\n' '_ + 1\n' 'None\n' 'def f(a):\n' '    return a * 3\n' \
    '\n' \
    'f(5)\n' 'for i in range(2):\n' '    print("i", i)\n' '\n' '1/0\n' 'print("still here")\n' \
    '(1,\n' '2)\n' 'def g(:\n' 'import repl_helper\n' 'repl_helper.WHO\n' \
    'for k in "ab": k\n' '\n' '\x04'
check banner s1 0 'trident ' '>>> '
check expression_repr s1 0 '>>> 1 + 2\n3\n>>> x = 6\n>>> x * 7\n42\n'
check underscore s1 0 '>>> _ + 1\n43\n'
check none_not_shown s1 0 '>>> None\n>>> def f'
check block s1 0 '>>> def f(a):\n...     return a * 3\n... \n>>> f(5)\n15\n'
check for_block s1 0 '...     print("i", i)\n... \ni 0\ni 1\n'
check traceback_continues s1 0 \
    'ZeroDivisionError: division by zero\n>>> print("still here")\nstill here\n'
check brackets_continue s1 0 '>>> (1,\n... 2)\n(1, 2)\n'
check syntax_error_continues s1 0 'SyntaxError: invalid syntax\n>>> import repl_helper'
check import_from_cwd s1 0 "'repl_helper'\n"
check nested_expression s1 0 "... \n'a'\n'b'\n>>> "

session s2 'print("bye")\n' 'exit(3)\n'
check exit_status s2 3 'bye'
session s3 'raise SystemExit\n'
check system_exit s3 0 '>>> raise SystemExit'

# not a terminal: stdin is the program, no prompt
out=$(printf 'print(6 * 7)\n' | timeout -k 2 "$LIMIT" "$T" 2>&1)
if [ "$out" = 42 ]; then echo "ok repl piped_stdin"; else echo "FAIL repl piped_stdin: '$out'"; fi
