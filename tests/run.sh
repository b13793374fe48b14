#!/usr/bin/env bash
# run.sh -- trident's test runner: every Python script in every mode, the C unit tests, and the
# big-input checks of gen_big.sh. Compares against outputs CPython 3.11 produced (tests/expect.sh).
#
# Usage: tests/run.sh [FILTER]      FILTER: substring of a test path; only matching tests run.
# Environment: BUILD (build dir, default build), MODES (default "interp jit aot"), CC, CFLAGS, JOBS (4),
#              TIMEOUT (seconds per test; default 10, 30 when BUILD names an ASan build).
#
# Conventions for tests/py/**:
#   name.py      a test, run with cwd = a private copy of its own folder, by its bare file name,
#                so that paths in tracebacks are the same as CPython's and files it writes vanish
#   name.out     expected stdout (byte for byte)
#   name.status  expected exit status (0 when absent)
#   name.err     expected stderr; only its LAST line is compared (tracebacks differ in detail)
#   name.in      stdin (otherwise /dev/null)
#   name.args    command-line arguments, one per line (sys.argv[1:])
#   helper modules are NOT tests: files named *_mod.py and anything under a folder named lib/
#   The private copy holds the script, the helper modules, sub-folders and data files of its folder
#   (anything not *.py/.out/.err/.status/.in/.args), not the other tests.
# A mode is a shell function run_<mode> SCRIPT ARGS..., run in the script's folder: add one per mode
# (a later one may build first, then run) and list it in MODES.
# C unit tests: tests/unit/test_*.c, compiled with -Isrc -Itests/unit and linked with the runtime
# library and the compiler objects; they pass when they exit 0. tests/unit/*_main.c are developer
# tools, not tests. tests/gen_big.sh (huge generated inputs) runs once per mode, tests/cli.sh
# (the trident command line), tests/bench_check.sh (`trident bench` on a tiny program) and
# tests/repl.sh (the interactive prompt, driven through a pty) once; tests/aot/check.sh (the
# `trident build` command) once when MODES has aot.
# Output: one line per failure (with a short diff below it), and last `N passed, M failed`.

set -u
START=$PWD # a --mode worker runs the script from where it was started
cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
MODES=${MODES:-interp jit aot}
CC=${CC:-gcc}
CFLAGS=${CFLAGS:--O2 -g}
LDLIBS=${LDLIBS:--lgc -lgmp -lm -ledit -lpcre2-8} # make passes its own
JOBS=${JOBS:-4}
case $BUILD in *asan*) TIMEOUT=${TIMEOUT:-30} ;; *) TIMEOUT=${TIMEOUT:-10} ;; esac
export ROOT BUILD MODES CC CFLAGS LDLIBS TIMEOUT
# A sanitizer report must not pass for an expected "exit 1": make it exit 66 instead.
SAN_STATUS=66
case ${ASAN_OPTIONS:-} in *exitcode=*) ;; *)
    ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=$SAN_STATUS ;;
esac
case ${UBSAN_OPTIONS:-} in *exitcode=*) ;; *)
    UBSAN_OPTIONS=${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}exitcode=$SAN_STATUS:print_stacktrace=1 ;;
esac
export ASAN_OPTIONS UBSAN_OPTIONS

# --- Modes ------------------------------------------------------------------------------------

run_interp() {
    exec "$BUILD/trident" run "$@"
}

# JIT, compile-everything: every function is compiled to machine code before it first runs
# (those the compiler cannot handle yet run in the interpreter).
run_jit() {
    exec "$BUILD/trident" --jit=always run "$@"
}

# AOT: `trident build` makes an executable (in a private folder, removed afterwards), which runs
# with the same arguments and stdin. A failed build (a SyntaxError in the script) gives the
# build's stderr and status, which is what `trident run` gives too. The executable runs with
# argv[0] set to the script's name (exec -a), as if it had been named after the script: otherwise
# sys.argv[0] would be the temporary path, while every other difference must show.
run_aot() {
    local script=$1 dir status
    shift
    dir=$(mktemp -d "$WORK/aot.XXXXXX")
    if "$BUILD/trident" build "$script" -o "$dir/prog" 2>"$dir/build.err"; then
        (exec -a "$script" "$dir/prog" "$@")
        status=$?
    else
        status=$?
        cat "$dir/build.err" >&2
    fi
    rm -rf "$dir"
    return $status
}

# Not a trident mode: MODES=cpython checks the suite itself (expected outputs reproduce, runner
# works) against the CPython 3.11 that tests/expect.sh uses.
run_cpython() {
    local py=/usr/bin/python3
    [ -x $py ] || py=python3.11
    PYTHONDONTWRITEBYTECODE=1 PYTHONIOENCODING=utf-8 exec $py "$@"
}

# --- Staging: the private copy of a test's folder ---------------------------------------------
# Copies what a test may use: the script itself, helper modules (*_mod.py), sub-folders (lib/,
# packages) and data files; not the other tests of the folder nor their expected outputs.

stage() { # stage SRC_DIR SCRIPT_BASENAME DEST_DIR
    local src=$1 base=$2 dst=$3 f
    cp "$src/$base" "$dst/"
    for f in "$src"/* "$src"/.[!.]*; do
        [ -e "$f" ] || continue
        case $f in
        */"$base") ;;
        *_mod.py) cp "$f" "$dst/" ;;
        *.py | *.out | *.err | *.status | *.in | *.args) ;;
        *) cp -r "$f" "$dst/" ;;
        esac
    done
}

# The lines of a sanitizer report worth reading (the error, the first frames of ours, the
# summary); false when there is none.
san_report() {
    grep -qE 'ERROR: [A-Za-z]+Sanitizer|runtime error:' "$1" || return 1
    grep -E 'ERROR: [A-Za-z]+Sanitizer|runtime error:|SUMMARY:|#[0-9]+ .* (src|tests)/' "$1" |
        head -n 5 | cut -c1-160 | sed 's/^/    /'
}

# --- One Python test in one mode ---------------------------------------------------------------
# Prints "PASS" or "FAIL <why>" plus diff lines to the result file $3.

one_py() {
    local mode=$1 test=$2 res=$3
    local dir base stem
    dir=$(dirname "$test")
    base=$(basename "$test")
    stem=${test%.py}
    local out err
    out=$(mktemp "$WORK/out.XXXXXX")
    err=$(mktemp "$WORK/err.XXXXXX")
    local in=/dev/null
    [ -f "$stem.in" ] && in=$ROOT/$stem.in
    local args=()
    [ -f "$stem.args" ] && mapfile -t args <"$stem.args"
    # The script runs in a private copy of its folder: files it writes never clash with another
    # mode's run of it nor land in the tree; names in tracebacks stay the bare file name.
    local jobdir
    jobdir=$(mktemp -d "$WORK/dir.XXXXXX")
    stage "$dir" "$base" "$jobdir"
    (
        cd "$jobdir" && timeout -k 2 "$TIMEOUT" "$ROOT/tests/run.sh" --mode "$mode" "$base" \
            "${args[@]}" <"$in" >"$out" 2>"$err"
    )
    local status=$? want=0
    [ -f "$stem.status" ] && want=$(cat "$stem.status")
    local why=""
    if [ "$status" = 124 ] || [ "$status" = 137 ]; then
        why="timeout after ${TIMEOUT}s"
    elif [ "$status" -ge 128 ] && [ "$want" -lt 128 ]; then
        why="crashed (status $status)"
    elif [ "$status" = "$SAN_STATUS" ] && [ "$want" != "$SAN_STATUS" ]; then
        why="sanitizer error"
    elif ! cmp -s "$out" "$stem.out" 2>/dev/null; then
        why="stdout differs"
    elif [ "$status" != "$want" ]; then
        why="exit status $status, expected $want"
    elif [ -f "$stem.err" ] && [ "$(tail -n 1 "$err")" != "$(tail -n 1 "$stem.err")" ]; then
        why="last line of stderr differs"
    fi
    {
        if [ -z "$why" ]; then
            echo PASS
        else
            echo "FAIL [$mode] $test: $why"
            case $why in
            "stdout differs")
                if [ -f "$stem.out" ]; then
                    diff "$stem.out" "$out" | head -n 6 | cut -c1-160 | sed 's/^/    /'
                else
                    echo "    (no $stem.out: run tests/expect.sh $test)"
                fi
                ;;
            "last line of stderr"*)
                echo "    expected: $(tail -n 1 "$stem.err" | cut -c1-150)"
                echo "    got:      $(tail -n 1 "$err" | cut -c1-150)"
                ;;
            esac
            # a failure with an unexpected status is easier to read with the end of stderr
            if [ "$status" != "$want" ]; then
                echo "    exit status $status, expected $want"
                san_report "$err" || tail -n 3 "$err" | cut -c1-160 | sed 's/^/    stderr: /'
            fi
        fi
    } >"$res"
    rm -rf "$out" "$err" "$jobdir"
}

# --- One C unit test ---------------------------------------------------------------------------

one_unit() {
    local src=$1 res=$2
    local name exe log
    name=$(basename "$src" .c)
    exe=$WORK/unit_$name
    log=$WORK/unit_$name.log
    # The compiler objects come as an archive (made once by the main process), so a test pulls in
    # only what it uses and a half-written compiler does not break runtime tests.
    local libs=()
    [ -f "$WORK/libcompiler.a" ] && libs+=("$WORK/libcompiler.a")
    # shellcheck disable=SC2086
    if ! $CC -std=gnu11 $CFLAGS -Isrc -Itests/unit -o "$exe" "$src" "${libs[@]}" \
        "$BUILD/libtrident_rt.a" $LDLIBS >"$log" 2>&1; then
        { echo "FAIL [unit] $src: does not compile/link"; grep -v 'warning:' "$log" | head -n 6 |
            cut -c1-160 | sed 's/^/    /'; } >"$res"
        return
    fi
    timeout -k 2 "$TIMEOUT" "$exe" </dev/null >"$log" 2>&1
    local status=$?
    if [ $status = 0 ]; then
        echo PASS >"$res"
    else
        {
            echo "FAIL [unit] $src: exit status $status"
            san_report "$log" || tail -n 6 "$log" | cut -c1-160 | sed 's/^/    /'
        } >"$res"
    fi
    rm -f "$exe"
}

# --- Check scripts: gen_big.sh (huge generated inputs, per mode), cli.sh (the command line) ------
# They print "ok NAME" or "FAIL NAME: why" per check; each line counts as one test.

one_check() {
    local script=$1 mode=$2 res=$3
    bash "$ROOT/tests/$script" "$mode" 2>&1 |
        sed -e 's/^ok .*/PASS/' -e "s|^FAIL |FAIL [$mode] tests/$script: |" >"$res"
}

# --- Internal entry points used by the parallel workers ---------------------------------------

if [ "${1:-}" = "--mode" ]; then # --mode MODE SCRIPT ARGS...: run one script (under timeout)
    mode=$2
    shift 2
    cd "$START" || exit 2
    "run_$mode" "$@"
    exit $?
fi
if [ "${1:-}" = "--job" ]; then # --job LINE: fields separated by tabs, the first is the kind
    IFS=$'\t' read -r -a f <<<"$2"
    case ${f[0]} in
    py) one_py "${f[@]:1}" ;;
    unit) one_unit "${f[@]:1}" ;;
    check) one_check "${f[@]:1}" ;;
    esac
    exit 0
fi

# --- Main --------------------------------------------------------------------------------------

FILTER=${1:-}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/trident-tests.XXXXXX")
export WORK
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT

for mode in $MODES; do
    if ! declare -F "run_$mode" >/dev/null; then
        echo "run.sh: unknown mode '$mode' (no function run_$mode)" >&2
        exit 2
    fi
done
if [[ " $MODES " == *" interp "* ]] && [ ! -x "$BUILD/trident" ]; then
    echo "run.sh: warning: $BUILD/trident does not exist" >&2
fi

n=0
jobs_file=$WORK/jobs
: >"$jobs_file"
add_job() { # KIND ARGS...; the worker writes its result to res.<n>, the job's number
    n=$((n + 1))
    local IFS=$'\t'
    echo "$*"$'\t'"$WORK/res.$n" >>"$jobs_file"
}

while IFS= read -r t; do
    case $t in *"$FILTER"*) ;; *) continue ;; esac
    for mode in $MODES; do add_job py "$mode" "$t"; done
done < <(find tests/py -name '*.py' ! -name '*_mod.py' ! -path '*/lib/*' | LC_ALL=C sort)

while IFS= read -r t; do
    case $t in *"$FILTER"*) ;; *) continue ;; esac
    add_job unit "$t"
done < <(find tests/unit -maxdepth 1 -name 'test_*.c' ! -name '*_main.c' 2>/dev/null |
    LC_ALL=C sort)

if [ -f tests/gen_big.sh ] && [[ tests/gen_big.sh == *"$FILTER"* ]]; then
    for mode in $MODES; do add_job check gen_big.sh "$mode"; done
fi
if [ -f tests/cli.sh ] && [[ tests/cli.sh == *"$FILTER"* ]] && [[ " $MODES " == *" interp "* ]]; then
    add_job check cli.sh interp
fi
[ -f tests/ir/run.sh ] && [[ tests/ir/run.sh == *"$FILTER"* ]] && add_job check ir/run.sh interp
if [[ tests/backend/check_x64.sh == *"$FILTER"* ]]; then # the x86-64 encoder against GNU as
    add_job check backend/check_x64.sh x64
fi
if [ -f tests/aot/check.sh ] && [[ tests/aot/check.sh == *"$FILTER"* ]] &&
    [[ " $MODES " == *" aot "* ]]; then
    add_job check aot/check.sh aot
fi
if [ -f tests/repl.sh ] && [[ tests/repl.sh == *"$FILTER"* ]] && [[ " $MODES " == *" interp "* ]]; then
    add_job check repl.sh interp
fi
if [ -f tests/bench_check.sh ] && [[ tests/bench_check.sh == *"$FILTER"* ]] &&
    [[ " $MODES " == *" interp "* ]]; then
    add_job check bench_check.sh interp
fi

if grep -q '^unit' "$jobs_file"; then
    comp_objs=$(find "$BUILD/src/front" "$BUILD/src/bytecode" "$BUILD/src/vm" "$BUILD/src/ir" \
        "$BUILD/src/backend" "$BUILD/src/aot" -name '*.o' 2>/dev/null)
    # shellcheck disable=SC2086
    [ -n "$comp_objs" ] && ar rcs "$WORK/libcompiler.a" $comp_objs
fi

xargs -d '\n' -P "$JOBS" -n 1 "$ROOT/tests/run.sh" --job <"$jobs_file"

passed=0
failed=0
declare -A areas=()
for ((i = 1; i <= n; i++)); do
    r=$WORK/res.$i
    if [ ! -s "$r" ]; then
        echo "FAIL (job $i produced no result)"
        failed=$((failed + 1))
        continue
    fi
    while IFS= read -r l; do
        case $l in
        PASS) passed=$((passed + 1)) ;;
        FAIL*)
            failed=$((failed + 1))
            echo "$l"
            area=${l#*] }
            area=${area%%:*}
            case $area in
            tests/py/*) area=${area#tests/py/} area=${area%%/*} ;;
            tests/unit/*) area=unit ;;
            tests/*.sh) area=${area#tests/} area=${area%.sh} ;;
            esac
            areas[$area]=$((${areas[$area]:-0} + 1))
            ;;
        *) echo "$l" ;;
        esac
    done <"$r"
done

if [ "$failed" != 0 ]; then
    summary=$(for a in "${!areas[@]}"; do echo "${areas[$a]} $a"; done | sort -k1,1nr -k2 |
        awk '{printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1}')
    echo "failures by area: $summary"
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
