#!/usr/bin/env bash
# check.sh -- checks the `trident build` command itself (tests/py runs every script through it in
# the aot mode): usage errors, unwritable outputs, no file left behind by a failed build, the
# script's SyntaxError as `trident run` prints it, eval/exec refused, sys.argv, an executable
# that is statically linked and needs no file at run time. Called by tests/run.sh once when
# MODES has aot; prints "ok NAME" or "FAIL NAME: why".

set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
T=$BUILD/trident
LIMIT=30
DIR=$(mktemp -d "${TMPDIR:-/tmp}/trident-aot.XXXXXX")
trap 'chmod -R u+w "$DIR" 2>/dev/null; rm -rf "$DIR"' EXIT
cd "$DIR" || exit 2

ok() { echo "ok aot $1"; }
fail() { echo "FAIL aot $1: $2"; }

# build NAME ARGS...: runs trident build, output in out/err, status in $st
build() {
    timeout -k 2 "$LIMIT" "$T" build "$@" </dev/null >out 2>err
    st=$?
}

# no_leftovers NAME DIR: DIR holds nothing but the sources (*.py) and the folders made here
no_leftovers() {
    local extra
    extra=$(find "$2" -maxdepth 1 -mindepth 1 ! -name '*.py' ! -name 'out' ! -name 'err' \
        ! -name sub ! -name ro ! -name pkg ! -name expected | head -n 3)
    if [ -n "$extra" ]; then fail "$1" "left behind: $extra"; else ok "$1"; fi
}

mkdir -p sub pkg
printf 'import sys\nimport greet_mod\nfrom pkg import sub as s\n' >hello.py
printf 'print(greet_mod.hi(), s.X, sys.argv)\n' >>hello.py
printf 'def hi():\n    return "hi"\n' >greet_mod.py
printf '' >pkg/__init__.py
printf 'X = 42\n' >pkg/sub.py
printf 'print("start")\nx = (1,\n' >bad.py
printf 'x = 1\ny = eval("x + 1")\n' >uses_eval.py
printf 'def compile(s):\n    return s\nprint(compile("ok"))\n' >own_compile.py

# --- usage ---------------------------------------------------------------------------------
build hello.py
if [ $st = 2 ] && grep -q -- '-o' err && [ ! -e a.out ]; then ok missing_output; else
    fail missing_output "status $st: $(head -n 1 err)"; fi
build
if [ $st = 2 ]; then ok missing_file_name; else fail missing_file_name "status $st"; fi
build hello.py -o x --no-such-option
if [ $st = 2 ] && grep -q -- '--no-such-option' err; then ok unknown_option; else
    fail unknown_option "status $st: $(head -n 1 err)"; fi
build no_such.py -o x
if [ $st = 1 ] && grep -q "no_such.py" err && [ ! -e x ]; then ok missing_script; else
    fail missing_script "status $st: $(head -n 1 err)"; fi

# --- outputs that cannot be written --------------------------------------------------------
build hello.py -o nodir/prog
want="trident build: cannot write 'nodir/prog': No such file or directory"
if [ $st = 1 ] && [ "$(cat err)" = "$want" ]; then ok output_no_such_folder; else fail output_no_such_folder "status $st: $(head -n 1 err)"; fi
if [ "$(id -u)" = 0 ]; then
    target=/sys/trident_prog # root may write anywhere but here
else
    mkdir ro && chmod 555 ro
    target=ro/prog
fi
build hello.py -o "$target"
if [ $st = 1 ] && [ "$(cat err)" = "trident build: cannot write '$target': Permission denied" ]
then ok output_permission_denied; else
    fail output_permission_denied "status $st: $(head -n 1 err)"; fi
build hello.py -o sub
if [ $st = 1 ] && grep -q "cannot write 'sub': Is a directory" err; then ok output_is_folder; else
    fail output_is_folder "status $st: $(head -n 1 err)"; fi
no_leftovers no_leftovers_after_errors .

# A failing link (the linker replaced by `false`) leaves neither output nor temporary files.
n_tmp=$(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'trident-build.*' 2>/dev/null | wc -l)
TRIDENT_CC=false build hello.py -o prog
n_tmp2=$(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'trident-build.*' 2>/dev/null | wc -l)
if [ $st = 1 ] && [ ! -e prog ] && [ "$n_tmp2" -le "$n_tmp" ]; then ok link_failure_cleans_up
else fail link_failure_cleans_up "status $st, prog exists: $([ -e prog ] && echo yes)"; fi
no_leftovers no_leftovers_after_link_failure .

# --- the script's errors -------------------------------------------------------------------
timeout -k 2 "$LIMIT" "$T" run bad.py >run.out 2>run.err
run_st=$?
build bad.py -o prog
if [ $st = 1 ] && [ $run_st = 1 ] && cmp -s err run.err && [ ! -s out ] && [ ! -e prog ]; then
    ok syntax_error_as_run
else
    fail syntax_error_as_run "status $st: $(diff run.err err | head -n 3 | tr '\n' ' ')"
fi
rm -f run.out run.err
build uses_eval.py -o prog
if [ $st = 1 ] && grep -q "uses_eval.py:2" err && grep -q "eval" err && [ ! -e prog ]; then
    ok eval_refused; else fail eval_refused "status $st: $(head -n 1 err)"; fi
build own_compile.py -o prog
if [ $st = 0 ] && [ "$(./prog)" = ok ]; then ok own_function_named_compile; else
    fail own_function_named_compile "status $st: $(head -n 1 err)"; fi
rm -f prog

# --- a working build -----------------------------------------------------------------------
build hello.py -o prog -v
if [ $st = 0 ] && [ -x prog ] && [ ! -s out ]; then ok build; else
    fail build "status $st: $(head -n 1 err)"; fi
if grep -q "hello.py:1 <module>" err && grep -q "greet_mod.py:1 hi" err; then ok verbose; else
    fail verbose "-v does not list the code objects: $(head -n 2 err | tr '\n' ' ')"; fi
if file prog | grep -q 'statically linked'; then ok statically_linked; else
    fail statically_linked "$(file prog)"; fi
want="hi 42 ['./prog', 'a', 'b c']"
got=$(timeout -k 2 "$LIMIT" ./prog a "b c" 2>&1)
if [ "$got" = "$want" ]; then ok argv; else fail argv "got '$got', expected '$want'"; fi
# No file needed at run time: the sources gone, run from elsewhere by another name.
mkdir -p sub && mv prog sub/renamed && rm -f greet_mod.py pkg/sub.py
got=$(cd / && timeout -k 2 "$LIMIT" "$DIR/sub/renamed" 2>&1)
want="hi 42 ['$DIR/sub/renamed']"
if [ "$got" = "$want" ]; then ok runs_without_sources; else
    fail runs_without_sources "got '$got', expected '$want'"; fi
