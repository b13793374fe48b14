/*
 * licm.c -- loop-invariant code motion. Finds natural loops (a back edge b -> h where h
 * dominates b), gives each header a preheader (its only predecessor from outside the loop,
 * ending in a jump; phis split between it and the header), then moves to the preheader, inner
 * loops first: every pure instruction whose operands are defined outside the loop; memory reads
 * (list_len) too when nothing in the loop may resize a list and the type they need is
 * established at the preheader; and type guards on invariant values, which then exit with a
 * frame state valid at the preheader (that of the last exit before it with no effect between,
 * so the interpreter only redoes pure work). Sets block->loop_depth for the back-end. Runs
 * after cse (fewer copies to move); dce may follow.
 */
#include "ir/passes/passes.h"
#include "ir/passes/pass_util.h"
#include "runtime/list.h"
#include "runtime/tuple.h"

#include <stdlib.h>

typedef struct Loop {
    IrBlock *header;
    bool *body; /* by block id */
    int size;
    bool resizes; /* some instruction in the loop may change a list's length */
} Loop;

/* The loop headed by h: h and every block reaching one of its back edges without passing h.
   size 0 when h heads no loop. */
static Loop find_loop(IrFunc *fn, const PuDom *d, IrBlock *h)
{
    Loop l = {h, NULL, 0, false};
    IrBlock **work = NULL;
    int nw = 0;
    for (int p = 0; p < h->npreds; p++) {
        IrBlock *q = h->preds[p];
        if (!pu_dominates(d, h->id, q->id))
            continue;
        if (!l.body) {
            l.body = ARENA_ARRAY(fn->arena, bool, fn->nblocks + 1);
            work = ARENA_ARRAY(fn->arena, IrBlock *, fn->nblocks + 1);
            l.body[h->id] = true;
            l.size = 1;
        }
        if (!l.body[q->id]) {
            l.body[q->id] = true;
            l.size++;
            work[nw++] = q;
        }
    }
    while (nw) {
        IrBlock *b = work[--nw];
        for (int p = 0; p < b->npreds; p++) {
            IrBlock *q = b->preds[p];
            if (!l.body[q->id]) {
                l.body[q->id] = true;
                l.size++;
                work[nw++] = q;
            }
        }
    }
    return l;
}

static int find_loops(IrFunc *fn, Loop **out)
{
    PuDom d;
    pu_dom(fn, &d);
    Loop *loops = ARENA_ARRAY(fn->arena, Loop, fn->nblocks + 1);
    int n = 0;
    for (int b = 0; b < fn->nblocks; b++) {
        Loop l = find_loop(fn, &d, fn->blocks[b]);
        if (l.size)
            loops[n++] = l;
    }
    *out = loops;
    return n;
}

/* --- Preheaders ------------------------------------------------------------------------------- */

/* Makes the edges from outside the loop into h enter through one new block. */
static void add_preheader(IrFunc *fn, Loop *l)
{
    IrBlock *h = l->header, *out = NULL;
    int nout = 0;
    for (int p = 0; p < h->npreds; p++)
        if (!l->body[h->preds[p]->id]) {
            nout++;
            out = h->preds[p];
        }
    if (nout == 0 || (nout == 1 && out->nsucc == 1))
        return; /* the entry, or a preheader already */
    IrBlock *ph = ir_block_new(fn, -1);
    int nin = h->npreds - nout;
    IrBlock **hp = ARENA_ARRAY(fn->arena, IrBlock *, nin + 4);
    ph->preds = ARENA_ARRAY(fn->arena, IrBlock *, nout + 4);
    ph->preds_cap = nout + 4;
    int *outk = ARENA_ARRAY(fn->arena, int, h->npreds);
    int *ink = ARENA_ARRAY(fn->arena, int, h->npreds);
    int no = 0, ni = 0;
    hp[ni] = ph;
    for (int p = 0; p < h->npreds; p++) {
        IrBlock *q = h->preds[p];
        if (l->body[q->id]) {
            ink[ni++] = p;
            hp[ni] = q;
        } else {
            outk[no++] = p;
            ph->preds[ph->npreds++] = q;
            for (int s = 0; s < q->nsucc; s++)
                if (q->succ[s] == h)
                    q->succ[s] = ph;
        }
    }
    /* the header's phis: the outside operands merge in the preheader */
    for (IrInstr *phi = h->first; phi && phi->op == IR_phi; phi = phi->next) {
        IrInstr *in;
        if (no == 1) {
            in = phi->args[outk[0]];
        } else {
            in = ir_new(fn, IR_phi, no, NULL);
            for (int k = 0; k < no; k++)
                in->args[k] = phi->args[outk[k]];
            in->type = phi->type;
            in->pc = phi->pc;
            ir_append(ph, in);
        }
        IrInstr **na = ARENA_ARRAY(fn->arena, IrInstr *, ni + 1);
        na[0] = in;
        for (int k = 0; k < ni; k++)
            na[k + 1] = phi->args[ink[k]];
        phi->args = na;
        phi->nargs = ni + 1;
    }
    h->preds = hp;
    h->npreds = ni + 1;
    h->preds_cap = nin + 4;
    IrInstr *j = ir_new(fn, IR_jump, 0, NULL);
    j->pc = h->pc;
    ir_append(ph, j);
    ph->succ[0] = h;
    ph->nsucc = 1;
}

/* --- Hoisting --------------------------------------------------------------------------------- */

static bool invariant(const Loop *l, const IrInstr *i)
{
    for (int k = 0; k < i->nargs; k++)
        if (l->body[i->args[k]->block->id])
            return false;
    return true;
}

/* Whether a guard on `test`(v) (is_type with imm type, or is_float) passes before the end of
   block at: it lies in a block dominating at. */
static bool guarded(IrFunc *fn, const PuDom *d, const IrInstr *v, IrOp test, const void *type,
                    IrBlock *at)
{
    for (int b = at->id;; b = d->idom[b]) {
        for (IrInstr *g = fn->blocks[b]->first; g; g = g->next) {
            if (g->op != IR_guard)
                continue;
            const IrInstr *c = g->args[0];
            if (c->op == test && c->args[0] == v && (!type || c->imm == (int64_t)(uintptr_t)type))
                return true;
        }
        if (b == 0)
            return false;
    }
}

/* Whether instruction i, invariant in l, may run at the end of the preheader ph. Pure ops that
   read memory valid only once a guard has passed (a list, a boxed float) need that guard there;
   list_len also needs a loop that resizes no list. (tuple_item stays: its index guard too.) */
static bool speculatable(IrFunc *fn, const PuDom *d, const Loop *l, const IrInstr *i, IrBlock *ph)
{
    if (!(ir_info(i)->flags & IRF_PURE))
        return false;
    const IrInstr *v = i->nargs ? i->args[0] : NULL;
    switch (i->op) {
    case IR_list_len:
        return !l->resizes && (v->ptypes == PT_LIST || v->op == IR_build_list ||
                               guarded(fn, d, v, IR_is_type, &tr_list_type, ph));
    case IR_tuple_len:
        return v->ptypes == PT_TUPLE || v->op == IR_build_tuple ||
               guarded(fn, d, v, IR_is_type, &tr_tuple_type, ph);
    case IR_unbox_float:
        return guarded(fn, d, v, IR_is_float, NULL, ph);
    case IR_tuple_item:
        return false;
    default:
        return true;
    }
}

/* Guards worth hoisting: tests of a value's type or identity, which hold for a whole run of a
   loop far more often than not (a spurious failure, when the loop would not have reached the
   test, only resumes the interpreter early). Range and overflow checks stay where they are. */
static bool hoistable_guard(const IrInstr *i)
{
    if (i->op == IR_num_to_f64)
        return true;
    if (i->op != IR_guard)
        return false;
    const IrInstr *c = i->args[0];
    switch (c->op) {
    case IR_is_small: case IR_is_flonum: case IR_is_float: case IR_eq_word:
        return true;
    case IR_is_type: /* of built-in types only: code in the loop may assign other __class__es */
        return c->imm == (int64_t)(uintptr_t)&tr_list_type ||
               c->imm == (int64_t)(uintptr_t)&tr_tuple_type;
    default:
        return false;
    }
}

/* A frame state valid at the end of block b: that of the last guard before it when only
   instructions without effects lie between (resuming there redoes pure work only), looking
   back through blocks with a single predecessor. NULL if none. */
static IrFrameState *state_at_end(IrBlock *b)
{
    int budget = 400;
    for (IrInstr *i = b->last; budget-- > 0;) {
        if (!i) {
            if (b->npreds != 1)
                return NULL;
            b = b->preds[0];
            i = b->last;
            continue;
        }
        int flags = ir_info(i)->flags;
        if (flags & IRF_EFFECT)
            return NULL;
        if ((flags & IRF_GUARD) && i->fs && i->op != IR_deopt)
            return i->fs;
        i = i->prev;
    }
    return NULL;
}

static IrFrameState *copy_state(IrFunc *fn, const IrFrameState *fs)
{
    IrFrameState *c = ir_fs_new(fn, fs->pc, fs->nlocals, fs->nstack);
    c->in_try = fs->in_try;
    for (int k = 0; k < fs->nlocals + fs->nstack; k++)
        c->vals[k] = fs->vals[k];
    return c;
}

/* The guard on test t (its only use, right after it in its block), or NULL. */
static IrInstr *guard_of(IrInstr *t)
{
    IrInstr *g = t->next;
    return g && g->op == IR_guard && g->args[0] == t ? g : NULL;
}

/* A global read in a loop that runs no Python code holds the same value on every iteration:
   it is read once before the loop (load_global_q: 0 when missing), with the guards that test
   it (the function or built-in it must be, a constant it must equal), whose failure resumes
   the interpreter before the loop (which then raises NameError where the loop reads it).
   Only when every use is such a test, a call_direct behind one, or a frame state after one. */
static bool hoist_global(IrFunc *fn, const Loop *l, IrInstr *ld, IrBlock *ph)
{
    IrFrameState *fs = state_at_end(ph);
    if (!fs)
        return false;
    IrInstr *tests[8];
    int nt = 0;
    for (int b = 0; b < fn->nblocks; b++)
        for (IrInstr *u = fn->blocks[b]->first; u; u = u->next)
            for (int k = 0; k < u->nargs; k++) {
                if (u->args[k] != ld)
                    continue;
                bool test = u->op == IR_func_code_is || u->op == IR_is_cfunc ||
                            (u->op == IR_eq_word && u->args[1 - k]->op == IR_const);
                if (test && guard_of(u) && l->body[b] && nt < 8) {
                    tests[nt++] = u;
                } else if (u->op != IR_call_direct || k != 0 || !u->prev ||
                           u->prev->op != IR_guard || u->prev->args[0]->args[0] != ld) {
                    return false;
                }
            }
    if (!nt)
        return false;
    ir_remove(ld);
    ld->op = IR_load_global_q;
    ld->fs = NULL;
    ir_insert_before(ph->last, ld);
    for (int k = 0; k < nt; k++) {
        IrInstr *g = guard_of(tests[k]);
        ir_remove(tests[k]);
        ir_insert_before(ph->last, tests[k]);
        ir_remove(g);
        g->fs = copy_state(fn, fs);
        g->pc = fs->pc;
        ir_insert_before(ph->last, g);
    }
    return true;
}

static void hoist(IrFunc *fn, const PuDom *d, Loop *l)
{
    IrBlock *h = l->header, *ph = NULL;
    for (int p = 0; p < h->npreds; p++)
        if (!l->body[h->preds[p]->id])
            ph = h->preds[p];
    TR_ASSERT(ph && ph->nsucc == 1);
    l->resizes = false;
    bool runs_code = false;
    for (int b = h->id; b < fn->nblocks; b++)
        if (l->body[b])
            for (IrInstr *i = fn->blocks[b]->first; i; i = i->next) {
                l->resizes |= pu_may_resize(i);
                runs_code |= pu_runs_code(i);
            }
    for (int b = h->id; b < fn->nblocks; b++) { /* reverse post-order: definitions first */
        if (!l->body[b])
            continue;
        IrInstr *next;
        for (IrInstr *i = fn->blocks[b]->first; i; i = next) {
            next = i->next;
            if (i->op == IR_load_global && !runs_code) {
                if (hoist_global(fn, l, i, ph))
                    next = fn->blocks[b]->first; /* its tests and guards moved too */
                continue;
            }
            if (i->op == IR_phi || !invariant(l, i))
                continue;
            if (hoistable_guard(i)) {
                IrFrameState *fs = state_at_end(ph);
                if (!fs)
                    continue;
                i->fs = copy_state(fn, fs);
                i->pc = fs->pc;
            } else if (!speculatable(fn, d, l, i, ph)) {
                continue;
            }
            ir_remove(i);
            ir_insert_before(ph->last, i);
        }
    }
}

static int by_size(const void *a, const void *b)
{
    return ((const Loop *)a)->size - ((const Loop *)b)->size;
}

void pass_licm(IrFunc *fn)
{
    ir_order(fn);
    Loop *loops;
    int n = find_loops(fn, &loops);
    for (int b = 0; b < fn->nblocks; b++)
        fn->blocks[b]->loop_depth = 0;
    if (!n)
        return;
    for (int k = 0; k < n; k++)
        add_preheader(fn, &loops[k]);
    ir_order(fn);
    n = find_loops(fn, &loops);
    PuDom d;
    pu_dom(fn, &d);
    qsort(loops, (size_t)n, sizeof *loops, by_size); /* inner loops first */
    for (int k = 0; k < n; k++) {
        hoist(fn, &d, &loops[k]);
        for (int b = 0; b < fn->nblocks; b++)
            fn->blocks[b]->loop_depth += loops[k].body[b];
    }
}
