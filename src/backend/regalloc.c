/*
 * regalloc.c -- linear scan (Poletto and Sarkar) on one live range per value: positions are
 * instruction numbers in block order; block-level liveness (backward dataflow over bitsets)
 * stretches each range over the blocks where the value is live in or out, so loops keep their
 * values for the whole loop. A range that spans a call gets a callee-saved register or a slot.
 * Uses in a frame state count just after the instruction (an error exit of a call reads them
 * after the call returned); a virtual value there (range_iter_virtual) uses its operands.
 */
#include "backend/regalloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct Range {
    IrInstr *v;
    int start, end;
    bool fp, crosses;
} Range;

bool ra_is_remat(const IrInstr *i)
{
    return i->op == IR_const || i->op == IR_const_i64 || i->op == IR_const_f64 ||
           i->op == IR_const_bool;
}

/* A virtual value (range_iter_virtual) has no location: exits build it from its operands. */
static bool is_virtual(const IrInstr *i) { return i->op == IR_range_iter_virtual; }

static bool has_value(const IrInstr *i) { return i->type != IT_V && !is_virtual(i); }

typedef uint64_t Word;
#define WBITS 64

static void set_bit(Word *s, int k) { s[k / WBITS] |= (Word)1 << (k % WBITS); }
static bool get_bit(const Word *s, int k) { return (s[k / WBITS] >> (k % WBITS)) & 1; }

/* Frame-state uses: a virtual value's operands are read by the exit instead. */
static void live_fs_use(Word *live, const IrInstr *v)
{
    if (!v || ra_is_remat(v))
        return;
    if (!is_virtual(v)) {
        set_bit(live, v->id);
        return;
    }
    for (int k = 0; k < v->nargs; k++)
        live_fs_use(live, v->args[k]);
}

static int cmp_start(const void *a, const void *b)
{
    const Range *x = *(Range *const *)a, *y = *(Range *const *)b;
    return x->start != y->start ? (x->start > y->start) - (x->start < y->start)
                                : (x->v->id > y->v->id) - (x->v->id < y->v->id);
}

int ra_allocate(IrFunc *fn, const RaDesc *d)
{
    int nv = fn->nvalues, nb = fn->nblocks, words = (nv + WBITS - 1) / WBITS + 1;
    int *bstart = calloc((size_t)nb + 1, sizeof(int)), *bend = calloc((size_t)nb + 1, sizeof(int));
    Word *live_in = calloc((size_t)nb * (size_t)words, sizeof(Word));
    Word *live_out = calloc((size_t)nb * (size_t)words, sizeof(Word));
    Range *ranges = calloc((size_t)nv + 1, sizeof(Range));
    int *calls = calloc(1, sizeof(int)), ncalls = 0, calls_cap = 1;
    if (!bstart || !bend || !live_in || !live_out || !ranges || !calls)
        abort();

    /* positions */
    int pos = 0;
    for (int b = 0; b < nb; b++) {
        bstart[b] = pos;
        for (IrInstr *i = fn->blocks[b]->first; i; i = i->next) {
            i->reg = RA_SPILLED;
            i->slot = i->id;
            i->aux = (void *)(intptr_t)pos;
            if (d->is_call(i)) {
                if (ncalls == calls_cap) {
                    calls_cap *= 2;
                    calls = realloc(calls, sizeof(int) * (size_t)calls_cap);
                    if (!calls)
                        abort();
                }
                calls[ncalls++] = pos;
            }
            pos += 2;
        }
        bend[b] = pos - 1;
    }

    /* block liveness, iterated to a fixed point */
    Word *tmp = calloc((size_t)words, sizeof(Word));
    if (!tmp)
        abort();
    for (bool changed = true; changed;) {
        changed = false;
        for (int b = nb - 1; b >= 0; b--) {
            IrBlock *bb = fn->blocks[b];
            memset(tmp, 0, sizeof(Word) * (size_t)words);
            for (int s = 0; s < bb->nsucc; s++) {
                IrBlock *sb = bb->succ[s];
                Word *in = live_in + (size_t)sb->id * (size_t)words;
                for (int w = 0; w < words; w++)
                    tmp[w] |= in[w];
                int p = 0;
                while (p < sb->npreds && sb->preds[p] != bb)
                    p++;
                /* phi defs are not live into the edge, their operands are (all defs first:
                   an operand may be another phi of the same block) */
                for (IrInstr *i = sb->first; i && i->op == IR_phi; i = i->next)
                    tmp[i->id / WBITS] &= ~((Word)1 << (i->id % WBITS));
                for (IrInstr *i = sb->first; i && i->op == IR_phi; i = i->next)
                    if (p < i->nargs && has_value(i->args[p]) && !ra_is_remat(i->args[p]))
                        set_bit(tmp, i->args[p]->id);
            }
            Word *out = live_out + (size_t)b * (size_t)words;
            memcpy(out, tmp, sizeof(Word) * (size_t)words);
            for (IrInstr *i = bb->last; i; i = i->prev) {
                if (has_value(i))
                    tmp[i->id / WBITS] &= ~((Word)1 << (i->id % WBITS));
                if (i->op == IR_phi)
                    continue;
                for (int k = 0; k < i->nargs; k++)
                    if (!ra_is_remat(i->args[k]))
                        set_bit(tmp, i->args[k]->id);
                if (i->fs)
                    for (int k = 0; k < i->fs->nlocals + i->fs->nstack; k++)
                        live_fs_use(tmp, i->fs->vals[k]);
            }
            Word *in = live_in + (size_t)b * (size_t)words;
            for (int w = 0; w < words; w++)
                if (in[w] != tmp[w]) {
                    in[w] = tmp[w];
                    changed = true;
                }
        }
    }
    free(tmp);

    /* ranges */
    for (int k = 0; k < nv; k++)
        ranges[k].start = -1;
    for (int b = 0; b < nb; b++) {
        IrBlock *bb = fn->blocks[b];
        for (IrInstr *i = bb->first; i; i = i->next) {
            int p = (int)(intptr_t)i->aux;
            if (has_value(i) && !ra_is_remat(i)) {
                Range *r = &ranges[i->id];
                r->v = i;
                r->fp = i->type == IT_F;
                if (r->start < 0 || p < r->start)
                    r->start = p;
                if (p > r->end)
                    r->end = p;
            }
            if (i->op != IR_phi)
                for (int k = 0; k < i->nargs; k++)
                    if (ranges[i->args[k]->id].end < p)
                        ranges[i->args[k]->id].end = p;
            if (i->fs)
                for (int k = 0; k < i->fs->nlocals + i->fs->nstack; k++) {
                    IrInstr *v = i->fs->vals[k];
                    int nu = v && is_virtual(v) ? v->nargs : 1;
                    for (int u = 0; u < nu; u++) {
                        IrInstr *x = v && is_virtual(v) ? v->args[u] : v;
                        if (x && ranges[x->id].end < p + 1)
                            ranges[x->id].end = p + 1;
                    }
                }
        }
        Word *in = live_in + (size_t)b * (size_t)words;
        Word *out = live_out + (size_t)b * (size_t)words;
        for (int k = 0; k < nv; k++) {
            if (get_bit(in, k) && (ranges[k].start < 0 || ranges[k].start > bstart[b]))
                ranges[k].start = bstart[b];
            if (get_bit(out, k) && ranges[k].end < bend[b])
                ranges[k].end = bend[b];
        }
    }

    /* linear scan */
    Range **order = calloc((size_t)nv + 1, sizeof(Range *));
    int n = 0;
    for (int k = 0; k < nv; k++)
        if (ranges[k].v && ranges[k].start >= 0) {
            Range *r = &ranges[k];
            int lo = 0, hi = ncalls; /* first call after start */
            while (lo < hi) {
                int mid = (lo + hi) / 2;
                if (calls[mid] <= r->start)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            r->crosses = lo < ncalls && calls[lo] < r->end;
            order[n++] = r;
        }
    qsort(order, (size_t)n, sizeof(Range *), cmp_start);
    Range **active = calloc((size_t)n + 1, sizeof(Range *));
    int nactive = 0;
    for (int k = 0; k < n; k++) {
        Range *r = order[k];
        /* expire */
        int w = 0;
        for (int a = 0; a < nactive; a++)
            if (active[a]->end >= r->start)
                active[w++] = active[a];
        nactive = w;
        const RaClass *c = r->fp ? &d->fpr : &d->gpr;
        int pick = -1;
        /* prefer a caller-saved register for ranges without calls, keeping callee-saved
           ones for the ranges that need them */
        for (int pass = 0; pass < 2 && pick < 0; pass++)
            for (int j = 0; j < c->n && pick < 0; j++) {
                bool cs = c->callee_saved[j];
                if (r->crosses ? !cs : (pass == 0 ? cs : false))
                    continue;
                int reg = c->regs[j];
                bool busy = false;
                for (int a = 0; a < nactive && !busy; a++)
                    busy = active[a]->fp == r->fp && active[a]->v->reg == reg;
                if (!busy)
                    pick = reg;
            }
        if (pick < 0) {
            /* spill the active range of this class that ends last, if it ends after r and
               its register suits r */
            int victim = -1;
            for (int a = 0; a < nactive; a++) {
                Range *o = active[a];
                if (o->fp != r->fp || o->end <= r->end)
                    continue;
                int j = 0;
                while (j < c->n && c->regs[j] != o->v->reg)
                    j++;
                if (j == c->n || (r->crosses && !c->callee_saved[j]))
                    continue;
                if (victim < 0 || o->end > active[victim]->end)
                    victim = a;
            }
            if (victim >= 0) {
                pick = active[victim]->v->reg;
                active[victim]->v->reg = RA_SPILLED;
                active[victim] = active[--nactive];
            }
        }
        if (pick >= 0) {
            r->v->reg = pick;
            active[nactive++] = r;
        }
    }
    for (int b = 0; b < nb; b++)
        for (IrInstr *i = fn->blocks[b]->first; i; i = i->next) {
            i->aux = NULL;
            if (ra_is_remat(i))
                i->reg = RA_REMAT;
        }
    free(active);
    free(order);
    free(bstart);
    free(bend);
    free(live_in);
    free(live_out);
    free(ranges);
    free(calls);
    return nv;
}
