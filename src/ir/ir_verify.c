/*
 * ir_verify.c -- checks the invariants every pass must keep: blocks end in exactly one
 * terminator whose successors match the edges, phis lead their block with one operand per
 * predecessor, operand counts follow ir_ops.def, exits carry frame states, and every operand is
 * defined in a live block and dominates its use (dominators: Cooper, Harvey and Kennedy's
 * iterative algorithm over reverse post-order).
 */
#include "ir/ir.h"

#include <stdio.h>
#include <string.h>

static const char *fail(IrFunc *fn, const char *fmt, int a, int b)
{
    char buf[160];
    snprintf(buf, sizeof buf, fmt, a, b);
    return arena_strndup(fn->arena, buf, strlen(buf));
}

typedef struct {
    int *rpo;     /* block id -> reverse post-order number, -1 unreachable */
    int *idom;    /* by rpo number */
    IrBlock **by; /* rpo number -> block */
    int n;
} Dom;

static void compute_rpo(IrFunc *fn, Dom *d, int maxid)
{
    d->rpo = ARENA_ARRAY(fn->arena, int, maxid + 1);
    for (int i = 0; i <= maxid; i++)
        d->rpo[i] = -1;
    IrBlock **post = ARENA_ARRAY(fn->arena, IrBlock *, fn->nblocks + 1);
    IrBlock **stack = ARENA_ARRAY(fn->arena, IrBlock *, fn->nblocks + 1);
    int *next = ARENA_ARRAY(fn->arena, int, fn->nblocks + 1);
    int *seen = ARENA_ARRAY(fn->arena, int, maxid + 1);
    int sp = 0, n = 0;
    stack[sp] = fn->blocks[0];
    next[sp++] = 0;
    seen[fn->blocks[0]->id] = 1;
    while (sp) {
        IrBlock *b = stack[sp - 1];
        if (next[sp - 1] < b->nsucc) {
            IrBlock *s = b->succ[next[sp - 1]++];
            if (!seen[s->id]) {
                seen[s->id] = 1;
                stack[sp] = s;
                next[sp++] = 0;
            }
        } else {
            post[n++] = b;
            sp--;
        }
    }
    d->n = n;
    d->by = ARENA_ARRAY(fn->arena, IrBlock *, n);
    for (int i = 0; i < n; i++) {
        d->by[i] = post[n - 1 - i];
        d->rpo[d->by[i]->id] = i;
    }
}

static int intersect(Dom *d, int a, int b)
{
    while (a != b) {
        while (a > b)
            a = d->idom[a];
        while (b > a)
            b = d->idom[b];
    }
    return a;
}

static void compute_idom(IrFunc *fn, Dom *d)
{
    d->idom = ARENA_ARRAY(fn->arena, int, d->n);
    for (int i = 0; i < d->n; i++)
        d->idom[i] = -1;
    d->idom[0] = 0;
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = 1; i < d->n; i++) {
            IrBlock *b = d->by[i];
            int nd = -1;
            for (int p = 0; p < b->npreds; p++) {
                int q = d->rpo[b->preds[p]->id];
                if (q < 0 || d->idom[q] < 0)
                    continue;
                nd = nd < 0 ? q : intersect(d, q, nd);
            }
            if (nd != d->idom[i]) {
                d->idom[i] = nd;
                changed = true;
            }
        }
    }
}

static bool dominates(Dom *d, int a, int b) /* rpo numbers */
{
    while (b != a && b != 0)
        b = d->idom[b];
    return a == b;
}

/* Position of each instruction in its block (by value id), for same-block dominance. */
static int *positions;

static int position(IrInstr *i) { return positions[i->id]; }

static const char *check_def(IrFunc *fn, Dom *d, IrInstr *use, IrInstr *def, IrBlock *at_end)
{
    if (def->dead || !def->block || def->block->dead)
        return fail(fn, "v%d uses v%d, which is not in a live block", use->id, def->id);
    int db = d->rpo[def->block->id];
    if (at_end) { /* phi operand: must dominate the end of the predecessor */
        int pb = d->rpo[at_end->id];
        if (pb >= 0 && !dominates(d, db, pb))
            return fail(fn, "phi v%d: operand v%d does not dominate its predecessor", use->id,
                        def->id);
        return NULL;
    }
    int ub = d->rpo[use->block->id];
    if (ub < 0)
        return NULL;
    if (db == ub) {
        if (position(def) >= position(use))
            return fail(fn, "v%d used by v%d before its definition", def->id, use->id);
    } else if (!dominates(d, db, ub)) {
        return fail(fn, "v%d does not dominate its use in v%d", def->id, use->id);
    }
    return NULL;
}

const char *ir_verify(IrFunc *fn)
{
    if (!fn->nblocks)
        return "no blocks";
    int maxid = 0;
    for (int b = 0; b < fn->nblocks; b++)
        if (fn->blocks[b]->id > maxid)
            maxid = fn->blocks[b]->id;
    for (int b = 0; b < fn->nblocks; b++) {
        IrBlock *bb = fn->blocks[b];
        if (!bb->last || !ir_is_term(bb->last))
            return fail(fn, "b%d does not end in a terminator", bb->id, 0);
        int want = bb->last->op == IR_jump ? 1 : bb->last->op == IR_branch ? 2 : 0;
        if (bb->nsucc != want)
            return fail(fn, "b%d has %d successors for its terminator", bb->id, bb->nsucc);
        for (int s = 0; s < bb->nsucc; s++) {
            IrBlock *t = bb->succ[s];
            int found = 0;
            for (int p = 0; p < t->npreds; p++)
                found += t->preds[p] == bb;
            if (!found || t->dead)
                return fail(fn, "edge b%d -> b%d missing from the predecessors", bb->id, t->id);
        }
        for (int p = 0; p < bb->npreds; p++) {
            IrBlock *q = bb->preds[p];
            bool ok = false;
            for (int s = 0; s < q->nsucc; s++)
                ok |= q->succ[s] == bb;
            if (!ok || q->dead)
                return fail(fn, "b%d lists b%d as predecessor without an edge", bb->id, q->id);
        }
        bool phis = true;
        for (IrInstr *i = bb->first; i; i = i->next) {
            if (i->block != bb)
                return fail(fn, "v%d is linked into b%d but not owned by it", i->id, bb->id);
            if (ir_is_term(i) && i != bb->last)
                return fail(fn, "terminator v%d in the middle of b%d", i->id, bb->id);
            if (i->op == IR_phi) {
                if (!phis)
                    return fail(fn, "phi v%d after other instructions in b%d", i->id, bb->id);
                if (i->nargs != bb->npreds)
                    return fail(fn, "phi v%d has %d operands", i->id, i->nargs);
            } else {
                phis = false;
            }
            const IrOpInfo *info = ir_info(i);
            if (info->nargs >= 0 && i->nargs != info->nargs)
                return fail(fn, "v%d has %d operands", i->id, i->nargs);
            if ((info->flags & (IRF_RAISE | IRF_GUARD)) && !i->fs)
                return fail(fn, "v%d may leave the function but has no frame state", i->id, 0);
            if ((i->op == IR_branch || i->op == IR_guard) && i->args[0] &&
                i->args[0]->type != IT_B)
                return fail(fn, "v%d: condition v%d is not a bool", i->id, i->args[0]->id);
            for (int k = 0; k < i->nargs; k++)
                if (!i->args[k])
                    return fail(fn, "v%d: operand %d is missing", i->id, k);
        }
    }
    positions = ARENA_ARRAY(fn->arena, int, fn->nvalues + 1);
    for (int b = 0; b < fn->nblocks; b++) {
        int n = 0;
        for (IrInstr *i = fn->blocks[b]->first; i; i = i->next)
            if (i->id >= 0 && i->id < fn->nvalues)
                positions[i->id] = n++;
    }
    Dom d;
    compute_rpo(fn, &d, maxid);
    compute_idom(fn, &d);
    for (int b = 0; b < fn->nblocks; b++) {
        IrBlock *bb = fn->blocks[b];
        for (IrInstr *i = bb->first; i; i = i->next) {
            for (int k = 0; k < i->nargs; k++) {
                const char *e = check_def(fn, &d, i, i->args[k],
                                          i->op == IR_phi ? bb->preds[k] : NULL);
                if (e)
                    return e;
            }
            if (i->fs)
                for (int k = 0; k < i->fs->nlocals + i->fs->nstack; k++) {
                    if (!i->fs->vals[k])
                        continue;
                    const char *e = check_def(fn, &d, i, i->fs->vals[k], NULL);
                    if (e)
                        return e;
                }
        }
    }
    return NULL;
}
