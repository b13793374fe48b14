/*
 * code_walk.c -- what `trident ir` and `trident asm` share: compile a file and visit its code
 * objects in pre-order (module, then each function as it appears), optionally only those named.
 */
#include "cli/cli.h"
#include "runtime/runtime.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#include <stdio.h>
#include <string.h>

typedef struct Walk {
    const char *func;
    CliCodeFn fn;
    void *ctx;
    int shown;
} Walk;

static void walk(CodeObj *co, Walk *w)
{
    if (!w->func || !strcmp(w->func, tr_str_utf8(co->name)) ||
        !strcmp(w->func, tr_str_utf8(co->qualname))) {
        w->shown++;
        w->fn(co, w->ctx);
    }
    TrTuple *c = tr_as_tuple(co->consts);
    for (int64_t k = 0; k < c->len; k++)
        if (bc_is_code(c->items[k]))
            walk(bc_as_code(c->items[k]), w);
}

int cli_each_code(const char *cmd, const char *file, const char *func, CliCodeFn fn, void *ctx)
{
    size_t len;
    char *src = cli_read_file(file, &len);
    if (!src)
        return CLI_USAGE;
    Arena arena;
    arena_init(&arena);
    CodeObj *co = cli_compile(&arena, file, src, len);
    Walk w = {func, fn, ctx, 0};
    if (co)
        walk(co, &w);
    fflush(stdout);
    arena_free(&arena);
    if (!co)
        return CLI_ERROR;
    if (func && !w.shown) {
        fprintf(stderr, "trident %s: no function named '%s' in %s\n", cmd, func, file);
        return CLI_ERROR;
    }
    return CLI_OK;
}
