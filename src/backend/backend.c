/*
 * backend.c -- the driver of backend.h: builds the IR of a code object, runs the passes and
 * hands the result to the host target's code generator.
 */
#include "backend/backend.h"

#include "backend/x86_64/x64_gen.h"
#include "ir/passes/passes.h"

bool backend_compile(CodeObj *co, const char *sym, const IrEnv *env, McCode *out,
                     const char **why)
{
    Arena a;
    arena_init(&a);
    bool ok = false;
    IrFunc *fn = ir_build(&a, co, why);
    if (fn) {
        fn->env = env;
        const char *err = ir_optimize(fn, true, NULL, NULL);
        if (err) {
            *why = "internal error: the optimizer broke an IR invariant";
        } else {
            size_t start = out->size;
            int nrel = out->nrelocs;
            ok = x64_gen(fn, sym, out, why);
            if (!ok) { /* drop the partial code */
                out->size = start;
                out->nrelocs = nrel;
            }
        }
    }
    arena_free(&a);
    return ok;
}
