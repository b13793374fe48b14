/*
 * pass_util.c -- helpers shared by the optimizer passes (see pass_util.h): a forwarding table
 * for replacing many values in one sweep, constants, branch removal and dominators (Cooper,
 * Harvey and Kennedy's iterative algorithm over reverse post-order, as ir_verify.c).
 */
#include "ir/passes/pass_util.h"

#include <string.h>

/* --- Forwarding ------------------------------------------------------------------------------- */

void pu_fwd_init(PuFwd *f, IrFunc *fn)
{
    f->fn = fn;
    f->n = fn->nvalues;
    f->to = ARENA_ARRAY(fn->arena, IrInstr *, f->n + 1);
    f->any = false;
}

void pu_forward(PuFwd *f, IrInstr *old, IrInstr *repl)
{
    TR_ASSERT(old->id < f->n && old != repl);
    f->to[old->id] = repl;
    f->any = true;
    ir_remove(old);
}

IrInstr *pu_resolve(const PuFwd *f, IrInstr *v)
{
    while (v && v->id < f->n && f->to[v->id])
        v = f->to[v->id];
    return v;
}

void pu_resolve_args(const PuFwd *f, IrInstr *i)
{
    for (int k = 0; k < i->nargs; k++)
        i->args[k] = pu_resolve(f, i->args[k]);
}

void pu_fwd_apply(PuFwd *f)
{
    if (!f->any)
        return;
    IrFunc *fn = f->fn;
    for (int b = 0; b < fn->nblocks; b++)
        for (IrInstr *i = fn->blocks[b]->first; i; i = i->next) {
            pu_resolve_args(f, i);
            if (i->fs)
                for (int k = 0; k < i->fs->nlocals + i->fs->nstack; k++)
                    i->fs->vals[k] = pu_resolve(f, i->fs->vals[k]);
        }
    f->any = false;
}

IrInstr *pu_trivial_phi(const PuFwd *f, IrInstr *p)
{
    IrInstr *same = NULL;
    bool clone = false; /* equal constants from several instructions */
    for (int k = 0; k < p->nargs; k++) {
        IrInstr *a = pu_resolve(f, p->args[k]);
        if (a == p || a == same)
            continue;
        if (!same)
            same = a;
        else if (pu_same_const(a, same))
            clone = true;
        else
            return NULL;
    }
    if (!same || !clone)
        return same;
    /* none of the constants need dominate the phi: a new one at the head of its block does */
    IrInstr *at = p;
    while (at->op == IR_phi)
        at = at->next;
    return pu_clone_const(at, same);
}

/* --- Constants -------------------------------------------------------------------------------- */

bool pu_is_const(const IrInstr *v)
{
    return v->op == IR_const || v->op == IR_const_i64 || v->op == IR_const_f64 ||
           v->op == IR_const_bool;
}

bool pu_same_const(const IrInstr *a, const IrInstr *b)
{
    if (a->op != b->op || a->type != b->type || !pu_is_const(a))
        return false;
    switch (a->op) {
    case IR_const: return a->cval == b->cval;
    case IR_const_f64: return memcmp(&a->fval, &b->fval, sizeof(double)) == 0;
    default: return a->imm == b->imm;
    }
}

static IrInstr *new_before(IrInstr *at, IrOp op)
{
    IrInstr *c = ir_new(at->block->fn, op, 0, NULL);
    c->pc = at->pc;
    ir_insert_before(at, c);
    return c;
}

IrInstr *pu_const_i64(IrInstr *at, int64_t x)
{
    IrInstr *c = new_before(at, IR_const_i64);
    c->imm = x;
    return c;
}

IrInstr *pu_const_f64(IrInstr *at, double x)
{
    IrInstr *c = new_before(at, IR_const_f64);
    c->fval = x;
    return c;
}

IrInstr *pu_const_bool(IrInstr *at, bool x)
{
    IrInstr *c = new_before(at, IR_const_bool);
    c->imm = x;
    return c;
}

IrInstr *pu_const_val(IrInstr *at, TrValue v)
{
    IrInstr *c = new_before(at, IR_const);
    c->cval = v;
    return c;
}

IrInstr *pu_clone_const(IrInstr *at, const IrInstr *k)
{
    IrInstr *c = new_before(at, (IrOp)k->op);
    c->imm = k->imm;
    c->fval = k->fval;
    c->cval = k->cval;
    c->ptypes = k->ptypes;
    return c;
}

bool pu_fits_small(const IrInstr *v)
{
    switch (v->op) {
    case IR_const_i64: return tr_fits_small(v->imm);
    case IR_untag_int: case IR_add_i64_ov: case IR_sub_i64_ov: case IR_mul_i64_ov:
    case IR_list_len: case IR_tuple_len:
        return true;
    default:
        return false;
    }
}

/* --- Memory effects -------------------------------------------------------------------------- */

bool pu_runs_code(const IrInstr *i)
{
    if (!(ir_info(i)->flags & IRF_EFFECT))
        return false;
    return i->op != IR_list_set && i->op != IR_range_next && i->op != IR_load_global &&
           i->op != IR_load_global_q;
}

bool pu_may_resize(const IrInstr *i)
{
    if (!(ir_info(i)->flags & IRF_EFFECT))
        return false;
    return i->op != IR_list_set && i->op != IR_range_next;
}

/* --- Control flow ----------------------------------------------------------------------------- */

void pu_branch_to_jump(IrBlock *b, int keep)
{
    IrInstr *br = b->last;
    TR_ASSERT(br && br->op == IR_branch && b->nsucc == 2);
    IrBlock *gone = b->succ[1 - keep], *kept = b->succ[keep];
    /* The k-th edge b -> t in b->succ is the k-th occurrence of b in t->preds. */
    int nth = (keep == 0 && gone == kept) ? 1 : 0;
    for (int p = 0; p < gone->npreds; p++)
        if (gone->preds[p] == b && nth-- == 0) {
            ir_remove_pred(gone, p);
            break;
        }
    b->succ[0] = kept;
    b->succ[1] = NULL;
    b->nsucc = 1;
    IrInstr *j = ir_new(b->fn, IR_jump, 0, NULL);
    j->pc = br->pc;
    ir_remove(br);
    ir_append(b, j);
}

/* --- Dominators ------------------------------------------------------------------------------- */

static int intersect(const int *idom, int a, int b)
{
    while (a != b) {
        while (a > b)
            a = idom[a];
        while (b > a)
            b = idom[b];
    }
    return a;
}

void pu_dom(IrFunc *fn, PuDom *d)
{
    int n = fn->nblocks;
    Arena *a = fn->arena;
    d->n = n;
    d->idom = ARENA_ARRAY(a, int, n + 1);
    for (int i = 0; i < n; i++) {
        TR_ASSERT(fn->blocks[i]->id == i);
        d->idom[i] = -1;
    }
    d->idom[0] = 0;
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = 1; i < n; i++) {
            IrBlock *b = fn->blocks[i];
            int nd = -1;
            for (int p = 0; p < b->npreds; p++) {
                int q = b->preds[p]->id;
                if (d->idom[q] < 0)
                    continue;
                nd = nd < 0 ? q : intersect(d->idom, q, nd);
            }
            if (nd != d->idom[i]) {
                d->idom[i] = nd;
                changed = true;
            }
        }
    }
    /* children lists, by counting */
    d->kid0 = ARENA_ARRAY(a, int, n + 2);
    d->kids = ARENA_ARRAY(a, int, n + 1);
    for (int i = 1; i < n; i++)
        d->kid0[d->idom[i] + 1]++;
    for (int i = 0; i < n; i++)
        d->kid0[i + 1] += d->kid0[i];
    int *fill = ARENA_ARRAY(a, int, n + 1);
    memcpy(fill, d->kid0, sizeof(int) * (size_t)n);
    for (int i = 1; i < n; i++)
        d->kids[fill[d->idom[i]]++] = i;
}

bool pu_dominates(const PuDom *d, int a, int b)
{
    while (b != a && b != 0)
        b = d->idom[b];
    return a == b;
}
