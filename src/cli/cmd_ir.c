/*
 * cmd_ir.c -- `trident ir prog.py [--func NAME] [--after PASS]`: the SSA IR of each function of
 * the program, as built from bytecode and after the optimizer (or after the pass named), with
 * the verifier run after every pass.
 */
#include "cli/cli.h"
#include "ir/ir.h"
#include "ir/program.h"
#include "ir/passes/passes.h"
#include "runtime/runtime.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#include <stdio.h>
#include <string.h>

typedef struct IrOpts {
    const char *func, *after;
    bool speculate;
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

static void show(CodeObj *co, const IrEnv *env, void *ctx)
{
    IrOpts *o = ctx;
    const char *qual = tr_str_utf8(co->qualname);
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
    f->env = env;
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

int cli_cmd_ir(int argc, char **argv)
{
    IrOpts o = {0};
    const char *file = NULL;
    for (int k = 0; k < argc; k++) {
        if (!strcmp(argv[k], "--func") && k + 1 < argc) {
            o.func = argv[++k];
        } else if (!strcmp(argv[k], "--speculate")) {
            o.speculate = true;
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
            fprintf(stderr, "usage: trident ir FILE [--func NAME] [--after PASS] [--speculate]\n");
            return CLI_USAGE;
        }
    }
    if (!file) {
        fprintf(stderr, "usage: trident ir FILE [--func NAME] [--after PASS] [--speculate]\n");
        return CLI_USAGE;
    }
    int st = cli_each_code("ir", file, o.func, o.speculate, show, &o);
    return st == CLI_OK && o.failed ? CLI_ERROR : st;
}
