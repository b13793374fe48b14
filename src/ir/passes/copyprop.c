/*
 * copyprop.c -- copy propagation: every use of a `copy` becomes a use of its operand, and a phi
 * whose operands are all one value (besides itself) becomes that value, until no such phi is
 * left; a phi of equal constants becomes one constant at the head of its block. Uses in frame
 * states are rewritten too. Runs after constfold and simplify, whose removed edges leave phis
 * with a single operand.
 */
#include "ir/passes/passes.h"
#include "ir/passes/pass_util.h"

void pass_copyprop(IrFunc *fn)
{
    PuFwd f;
    pu_fwd_init(&f, fn);
    for (int bi = 0; bi < fn->nblocks; bi++) {
        IrInstr *next;
        for (IrInstr *i = fn->blocks[bi]->first; i; i = next) {
            next = i->next;
            if (i->op == IR_copy)
                pu_forward(&f, i, pu_resolve(&f, i->args[0]));
        }
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (int bi = 0; bi < fn->nblocks; bi++) {
            IrInstr *next;
            for (IrInstr *p = fn->blocks[bi]->first; p && p->op == IR_phi; p = next) {
                next = p->next;
                IrInstr *r = pu_trivial_phi(&f, p);
                if (r) {
                    pu_forward(&f, p, r);
                    changed = true;
                }
            }
        }
    }
    pu_fwd_apply(&f);
}
