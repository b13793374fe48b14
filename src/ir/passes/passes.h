/*
 * passes.h -- the optimizer: each pass takes an IR function and improves it in place; the
 * pipeline (passes.def) runs them in order.
 */
#ifndef TR_PASSES_H
#define TR_PASSES_H

#include "ir/ir.h"

#define PASS(name, fn, summary) void fn(IrFunc *f);
#include "ir/passes/passes.def"
#undef PASS

typedef struct IrPassInfo {
    const char *name, *summary;
    void (*run)(IrFunc *f);
} IrPassInfo;
extern const IrPassInfo ir_passes[];
extern const int ir_npasses;

/* Called after each pass with its name (for `trident ir --after`); may be NULL. */
typedef void (*IrPassHook)(IrFunc *f, const char *pass, void *ctx);
/* Runs the pipeline. With verify, checks the IR after each pass and stops at the first broken
   invariant, returning its message (NULL when all is well). */
const char *ir_optimize(IrFunc *f, bool verify, IrPassHook hook, void *ctx);

#endif
