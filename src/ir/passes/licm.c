/*
 * licm.c -- loop-invariant code motion. Finds natural loops (a back edge b -> h where h
 * dominates b), gives each header a preheader (its only predecessor from outside the loop,
 * ending in a jump; phis split between it and the header), then moves every pure instruction
 * whose operands are defined outside the loop to the preheader, inner loops first. Sets
 * block->loop_depth for the back-end. Runs after cse (fewer copies to move); dce may follow.
 */
#include "ir/passes/passes.h"
#include "ir/passes/pass_util.h"

#include <stdlib.h>

typedef struct Loop {
    IrBlock *header;
    bool *body; /* by block id */
    int size;
} Loop;

/* Pure ops that read memory valid only once a guard has passed (a list, a boxed float):
   moved above that guard, they could fault. */
static bool speculatable(const IrInstr *i)
{
    if (!(ir_info(i)->flags & IRF_PURE))
        return false;
    switch (i->op) {
    case IR_unbox_float: case IR_list_len: case IR_tuple_len: case IR_tuple_item:
        return false;
    default:
        return true;
    }
}

/* The loop headed by h: h and every block reaching one of its back edges without passing h.
   size 0 when h heads no loop. */
static Loop find_loop(IrFunc *fn, const PuDom *d, IrBlock *h)
{
    Loop l = {h, NULL, 0};
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

static void hoist(IrFunc *fn, Loop *l)
{
    IrBlock *h = l->header, *ph = NULL;
    for (int p = 0; p < h->npreds; p++)
        if (!l->body[h->preds[p]->id])
            ph = h->preds[p];
    TR_ASSERT(ph && ph->nsucc == 1);
    for (int b = h->id; b < fn->nblocks; b++) { /* reverse post-order: definitions first */
        if (!l->body[b])
            continue;
        IrInstr *next;
        for (IrInstr *i = fn->blocks[b]->first; i; i = next) {
            next = i->next;
            if (i->op == IR_phi || !speculatable(i) || !invariant(l, i))
                continue;
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
    qsort(loops, (size_t)n, sizeof *loops, by_size); /* inner loops first */
    for (int k = 0; k < n; k++) {
        hoist(fn, &loops[k]);
        for (int b = 0; b < fn->nblocks; b++)
            fn->blocks[b]->loop_depth += loops[k].body[b];
    }
}
