/*
 * code_walk.c -- what `trident ir` and `trident asm` share: compile a file and visit its code
 * objects in pre-order (module, then each function as it appears), optionally only those named.
 */
#include "cli/cli.h"
#include "ir/program.h"
#include "runtime/runtime.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#include <stdio.h>
#include <string.h>

typedef struct Walk {
    const IrEnv *env;
    const char *func;
    CliCodeFn fn;
    void *ctx;
    int shown;
} Walk;

/* Functions are named by their qualified names in the IR and machine code shown. */
static const char *qualname_sym(void *ctx, CodeObj *co) { return tr_str_utf8(co->qualname); }

static void walk(CodeObj *co, Walk *w)
{
    if (!w->func || !strcmp(w->func, tr_str_utf8(co->name)) ||
        !strcmp(w->func, tr_str_utf8(co->qualname))) {
        w->shown++;
        w->fn(co, w->env, w->ctx);
    }
    TrTuple *c = tr_as_tuple(co->consts);
    for (int64_t k = 0; k < c->len; k++)
        if (bc_is_code(c->items[k]))
            walk(bc_as_code(c->items[k]), w);
}

int cli_each_code(const char *cmd, const char *file, const char *func, bool speculate,
                  CliCodeFn fn, void *ctx)
{
    size_t len;
    char *src = cli_read_file(file, &len);
    if (!src)
        return CLI_USAGE;
    Arena arena;
    arena_init(&arena);
    CodeObj *co = cli_compile(&arena, file, src, len);
    IrEnv env;
    Walk w = {&env, func, fn, ctx, 0};
    if (co) {
        ir_env_module(&env, &arena, co, qualname_sym, NULL);
        bool speculated;
        if (speculate) {
            ir_env_learn(&env, co);
            env.speculate = true;
            env.speculated = &speculated;
        }
        walk(co, &w);
    }
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
