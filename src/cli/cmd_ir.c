/*
 * cmd_ir.c -- `trident ir prog.py [--func NAME] [--after PASS]`: the SSA IR of each function of
 * the program, as built from bytecode and after the optimizer (or after the pass named), with
 * the verifier run after every pass.
 */
#include "cli/cli.h"
#include "ir/ir.h"
#include "ir/passes/passes.h"
#include "runtime/runtime.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#include <stdio.h>
#include <string.h>

typedef struct IrOpts {
    const char *func, *after;
    int shown;
    bool failed;
} IrOpts;

static void put_sb(StrBuf *sb)
{
    fwrite(sb->data, 1, sb->len, stdout);
    sb->len = 0;
}

static void after_hook(IrFunc *f, const char *pass, void *ctx)
{
    IrOpts *o = ctx;
    if (!o->after || strcmp(o->after, pass))
        return;
    StrBuf sb;
    sb_init(&sb);
    sb_printf(&sb, "--- after %s\n", pass);
    ir_print(&sb, f);
    put_sb(&sb);
}

static void show(CodeObj *co, IrOpts *o)
{
    const char *name = tr_str_utf8(co->name), *qual = tr_str_utf8(co->qualname);
    if (o->func && strcmp(o->func, name) && strcmp(o->func, qual))
        return;
    o->shown++;
    Arena a;
    arena_init(&a);
    const char *why = NULL;
    IrFunc *f = ir_build(&a, co, &why);
    StrBuf sb;
    sb_init(&sb);
    if (!f) {
        sb_printf(&sb, "function %s (%s:%d): not compiled: %s\n\n", qual,
                  tr_str_utf8(co->filename), co->firstlineno, why);
        put_sb(&sb);
        arena_free(&a);
        return;
    }
    const char *err = ir_verify(f);
    if (!o->after) {
        sb_puts(&sb, "--- built\n");
        ir_print(&sb, f);
        put_sb(&sb);
    }
    if (!err)
        err = ir_optimize(f, true, after_hook, o);
    if (!o->after && !err) {
        sb_puts(&sb, "--- optimized\n");
        ir_print(&sb, f);
    }
    if (err) {
        sb_printf(&sb, "trident ir: invalid IR in %s: %s\n", qual, err);
        o->failed = true;
    }
    sb_putc(&sb, '\n');
    put_sb(&sb);
    arena_free(&a);
}

static void walk(CodeObj *co, IrOpts *o)
{
    show(co, o);
    TrTuple *c = tr_as_tuple(co->consts);
    for (int64_t k = 0; k < c->len; k++)
        if (bc_is_code(c->items[k]))
            walk(bc_as_code(c->items[k]), o);
}

int cli_cmd_ir(int argc, char **argv)
{
    IrOpts o = {0};
    const char *file = NULL;
    for (int k = 0; k < argc; k++) {
        if (!strcmp(argv[k], "--func") && k + 1 < argc) {
            o.func = argv[++k];
        } else if (!strcmp(argv[k], "--after") && k + 1 < argc) {
            o.after = argv[++k];
            bool known = false;
            for (int p = 0; p < ir_npasses; p++)
                known |= !strcmp(ir_passes[p].name, o.after);
            if (!known) {
                fprintf(stderr, "trident ir: unknown pass '%s' (passes:", o.after);
                for (int p = 0; p < ir_npasses; p++)
                    fprintf(stderr, " %s", ir_passes[p].name);
                fprintf(stderr, ")\n");
                return CLI_USAGE;
            }
        } else if (!file && argv[k][0] != '-') {
            file = argv[k];
        } else {
            fprintf(stderr, "usage: trident ir FILE [--func NAME] [--after PASS]\n");
            return CLI_USAGE;
        }
    }
    if (!file) {
        fprintf(stderr, "usage: trident ir FILE [--func NAME] [--after PASS]\n");
        return CLI_USAGE;
    }
    size_t len;
    char *src = cli_read_file(file, &len);
    if (!src)
        return CLI_USAGE;
    Arena arena;
    arena_init(&arena);
    CodeObj *co = cli_compile(&arena, file, src, len);
    if (co)
        walk(co, &o);
    fflush(stdout);
    arena_free(&arena);
    if (co && o.func && !o.shown) {
        fprintf(stderr, "trident ir: no function named '%s' in %s\n", o.func, file);
        return CLI_ERROR;
    }
    return !co || o.failed ? CLI_ERROR : CLI_OK;
}
