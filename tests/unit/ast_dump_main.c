/*
 * ast_dump_main.c -- test driver for the front-end: `ast_dump FILE` prints the module's AST as
 * CPython's ast.dump(ast.parse(src)) does, or the SyntaxError as `python3 FILE` prints it
 * (exit status 1). tests/front/check_ast.sh diffs it against python3.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "front/parse.h"
#include "runtime/runtime.h"

static void out(const char *s, void *ctx)
{
    fputs(s, (FILE *)ctx);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: ast_dump FILE [indent]\n");
        return 2;
    }
    tr_runtime_init(argc, argv);
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while ((n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    Arena a;
    arena_init(&a);
    Diag d;
    Node *mod = parse_module(&a, argv[1], buf, len, &d);
    if (!mod) {
        diag_print(&d);
        return 1;
    }
    ast_dump(mod, argc > 2 ? atoi(argv[2]) : 0, out, stdout);
    fputc('\n', stdout);
    arena_free(&a);
    return 0;
}
