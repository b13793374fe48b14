#!/usr/bin/env bash
# expect.sh -- regenerates the expected outputs of tests/py scripts with CPython 3.11, run exactly
# as tests/run.sh runs trident: in a private copy of the script's folder, by its bare file name,
# with name.in (or /dev/null) as stdin and name.args as arguments. Writes name.out always,
# name.err when stderr is non-empty, name.status when the exit status is non-zero, and removes
# stale ones. Never edit those files by hand.
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

# The private copy of the folder, as tests/run.sh makes it (keep the two in step).
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

# run_py SEED SCRIPT OUT ERR -> exit status
run_py() {
    local seed=$1 t=$2 out=$3 err=$4 stem=${2%.py}
    local in=/dev/null args=()
    [ -f "$stem.in" ] && in=$ROOT/$stem.in
    [ -f "$stem.args" ] && mapfile -t args <"$stem.args"
    rm -rf "$tmp/dir" && mkdir "$tmp/dir" && stage "$(dirname "$t")" "$(basename "$t")" "$tmp/dir"
    (
        cd "$tmp/dir" &&
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
    if [ $status = 0 ] && grep -q 'Warning' "$tmp/err"; then
        echo "expect.sh: note: $t: CPython printed a warning: $(tail -n 1 "$tmp/err")" >&2
    fi
    cp "$tmp/out" "$stem.out"
    # CPython names the main script by its absolute path (here the private copy): keep the .err
    # files stable by reducing those paths to the bare file name.
    if [ -s "$tmp/err" ]; then
        sed "s#$tmp/dir/##g" "$tmp/err" >"$stem.err"
    else
        rm -f "$stem.err"
    fi
    if [ $status != 0 ]; then echo $status >"$stem.status"; else rm -f "$stem.status"; fi
    count=$((count + 1))
done < <(list_tests "$@")

echo "expect.sh: $count scripts with $("$PY" --version 2>&1), $bad problems" >&2
[ $bad = 0 ]
