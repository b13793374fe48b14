#!/bin/sh
# check_ast.sh -- compares the front-end with CPython 3.11 on Python files: the AST dump must
# equal ast.dump(ast.parse(src)), and for bad files the SyntaxError text must equal what
# `python3 FILE` prints. Usage: tests/front/check_ast.sh [-v] DRIVER FILE...
# DRIVER is the ast_dump test driver (tests/unit/ast_dump_main.c) or `trident ast`.
verbose=0
if [ "$1" = "-v" ]; then verbose=1; shift; fi
drv=$1; shift
PY=${PYTHON:-python3}
tmp=$(mktemp -d)
pass=0; fail=0
for f in "$@"; do
    f=$(realpath "$f")
    if $PY -c "import ast,sys; print(ast.dump(ast.parse(open(sys.argv[1],'rb').read())))" "$f" \
            >"$tmp/want" 2>/dev/null; then
        :
    else
        # CPython rejects it: compare the error text of running it
        $PY "$f" >/dev/null 2>"$tmp/want"
    fi
    $drv "$f" >"$tmp/got" 2>&1
    if cmp -s "$tmp/want" "$tmp/got"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $f"
        if [ $verbose = 1 ]; then diff "$tmp/want" "$tmp/got" | head -20; fi
    fi
done
rm -rf "$tmp"
echo "check_ast: $pass passed, $fail failed"
[ $fail = 0 ]
