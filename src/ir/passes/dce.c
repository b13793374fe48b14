/*
 * dce.c -- dead-code elimination: drops unreachable blocks (ir_order), then every instruction
 * that neither has an effect (IRF_EFFECT, RAISE, GUARD, TERM) nor feeds one, through operands
 * or frame states. Liveness is marked from those roots, so phis that only feed each other go
 * too. May run anywhere in the pipeline; the last pass, it clears what the others leave.
 */
#include "ir/passes/passes.h"
#include "ir/passes/pass_util.h"

enum { ROOTS = IRF_EFFECT | IRF_RAISE | IRF_GUARD | IRF_TERM };

static void mark(IrInstr *v, bool *live, IrInstr **work, int *nw)
{
    if (v && !live[v->id]) {
        live[v->id] = true;
        work[(*nw)++] = v;
    }
}

void pass_dce(IrFunc *fn)
{
    ir_order(fn);
    int n = fn->nvalues;
    bool *live = ARENA_ARRAY(fn->arena, bool, n + 1);
    IrInstr **work = ARENA_ARRAY(fn->arena, IrInstr *, n + 1);
    int nw = 0;
    for (int b = 0; b < fn->nblocks; b++)
        for (IrInstr *i = fn->blocks[b]->first; i; i = i->next)
            if (ir_info(i)->flags & ROOTS)
                mark(i, live, work, &nw);
    while (nw) {
        IrInstr *i = work[--nw];
        for (int k = 0; k < i->nargs; k++)
            mark(i->args[k], live, work, &nw);
        if (i->fs)
            for (int k = 0; k < i->fs->nlocals + i->fs->nstack; k++)
                mark(i->fs->vals[k], live, work, &nw);
    }
    for (int b = 0; b < fn->nblocks; b++) {
        IrInstr *next;
        for (IrInstr *i = fn->blocks[b]->first; i; i = next) {
            next = i->next;
            if (!live[i->id])
                ir_remove(i);
        }
    }
}
