/*
 * passes.c -- the pass pipeline of passes.def, with the verifier run after every pass.
 */
#include "ir/passes/passes.h"

#include <stdio.h>
#include <string.h>

const IrPassInfo ir_passes[] = {
#define PASS(name, fn, summary) {#name, summary, fn},
#include "ir/passes/passes.def"
#undef PASS
    {NULL, NULL, NULL}};
const int ir_npasses = (int)(sizeof ir_passes / sizeof ir_passes[0]) - 1;

const char *ir_optimize(IrFunc *f, bool verify, IrPassHook hook, void *ctx)
{
    for (int k = 0; k < ir_npasses; k++) {
        ir_passes[k].run(f);
        if (verify) {
            const char *e = ir_verify(f);
            if (e) {
                char buf[300];
                snprintf(buf, sizeof buf, "after pass %s: %s", ir_passes[k].name, e);
                return arena_strndup(f->arena, buf, strlen(buf));
            }
        }
        if (hook)
            hook(f, ir_passes[k].name, ctx);
    }
    return NULL;
}
