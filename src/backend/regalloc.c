/*
 * regalloc.c -- linear scan (Poletto and Sarkar) on one live range per value: positions are
 * instruction numbers in block order; block-level liveness (backward dataflow over bitsets)
 * stretches each range over the blocks where the value is live in or out, so loops keep their
 * values for the whole loop. A range avoids the registers that instructions inside it overwrite
 * (a call: every caller-saved one). Uses in a frame state count just after the instruction (an
 * error exit of a call reads them after the call returned); a virtual value there
 * (range_iter_virtual) uses its operands. A phi and its operands prefer one register, so that
 * edges need no moves. Home slots are shared by values whose ranges do not overlap.
 */
#include "backend/regalloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct Range {
    IrInstr *v;
    int start, end;
    bool fp;
    uint32_t forbidden; /* class register indexes overwritten inside the range */
    double weight;      /* uses, 8x deeper per loop level: what spilling it costs */
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

int ra_allocate(IrFunc *fn, const RaDesc *d, uint32_t **across)
{
    int nv = fn->nvalues, nb = fn->nblocks, words = (nv + WBITS - 1) / WBITS + 1;
    int *bstart = calloc((size_t)nb + 1, sizeof(int)), *bend = calloc((size_t)nb + 1, sizeof(int));
    Word *live_in = calloc((size_t)nb * (size_t)words, sizeof(Word));
    Word *live_out = calloc((size_t)nb * (size_t)words, sizeof(Word));
    Range *ranges = calloc((size_t)nv + 1, sizeof(Range));
    IrInstr **hint = calloc((size_t)nv + 1, sizeof(IrInstr *));
    if (!bstart || !bend || !live_in || !live_out || !ranges || !hint)
        abort();

    /* positions (instruction k at 2k) */
    int pos = 0;
    for (int b = 0; b < nb; b++) {
        bstart[b] = pos;
        for (IrInstr *i = fn->blocks[b]->first; i; i = i->next) {
            i->reg = RA_SPILLED;
            i->slot = -1;
            i->aux = (void *)(intptr_t)pos;
            pos += 2;
        }
        bend[b] = pos - 1;
    }
    /* clob[c][k]: how many instructions before k overwrite register c (the general class's
       registers first, then the floating-point class's); operands of an instruction that
       overwrites registers early may not be in them */
    int ninstr = pos / 2, nregs = d->gpr.n + d->fpr.n;
    int *clob = calloc((size_t)nregs * (size_t)(ninstr + 1), sizeof(int));
    if (!clob)
        abort();
    for (int k = 0; k < nv; k++)
        ranges[k].start = -1;
    {
        int k = 0;
        for (int b = 0; b < nb; b++)
            for (IrInstr *i = fn->blocks[b]->first; i; i = i->next, k++) {
                uint32_t gm = 0, fm = 0, early = 0;
                d->clobbers(i, &gm, &fm, &early);
                for (int a = 0; a < i->nargs && early && i->op != IR_phi; a++)
                    for (int c = 0; c < d->gpr.n && i->args[a]->type != IT_F; c++)
                        if ((early >> d->gpr.regs[c]) & 1)
                            ranges[i->args[a]->id].forbidden |= 1u << c;
                for (int c = 0; c < nregs; c++) {
                    bool hit = c < d->gpr.n ? (gm >> d->gpr.regs[c]) & 1
                                            : (fm >> d->fpr.regs[c - d->gpr.n]) & 1;
                    clob[(size_t)c * (size_t)(ninstr + 1) + (size_t)k + 1] =
                        clob[(size_t)c * (size_t)(ninstr + 1) + (size_t)k] + hit;
                }
            }
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
            double w = 1;
            for (int l = 0; l < bb->loop_depth && l < 5; l++)
                w *= 8;
            if (has_value(i) && !ra_is_remat(i))
                ranges[i->id].weight += w;
            for (int k = 0; k < i->nargs; k++)
                ranges[i->args[k]->id].weight += w;
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

    /* hints: a phi and its operands */
    for (int b = 0; b < nb; b++)
        for (IrInstr *i = fn->blocks[b]->first; i && i->op == IR_phi; i = i->next)
            for (int k = 0; k < i->nargs; k++) {
                IrInstr *x = i->args[k];
                if (ra_is_remat(x) || !has_value(x) || (x->type == IT_F) != (i->type == IT_F))
                    continue;
                if (!hint[x->id])
                    hint[x->id] = i;
                if (!hint[i->id])
                    hint[i->id] = x;
            }

    /* linear scan */
    Range **order = calloc((size_t)nv + 1, sizeof(Range *));
    int n = 0;
    for (int k = 0; k < nv; k++)
        if (ranges[k].v && ranges[k].start >= 0) {
            Range *r = &ranges[k];
            int lo = r->start / 2 + 1, hi = (r->end + 1) / 2; /* instructions inside */
            const RaClass *c = r->fp ? &d->fpr : &d->gpr;
            int base = r->fp ? d->gpr.n : 0;
            for (int j = 0; j < c->n && hi > lo; j++) {
                const int *cj = clob + (size_t)(base + j) * (size_t)(ninstr + 1);
                if (cj[hi] - cj[lo] > 0)
                    r->forbidden |= 1u << j;
            }
            order[n++] = r;
        }
    qsort(order, (size_t)n, sizeof(Range *), cmp_start);
    Range **active = calloc((size_t)n + 1, sizeof(Range *));
    int nactive = 0;
    for (int k = 0; k < n; k++) {
        Range *r = order[k];
        /* expire: a range ending where r starts is only read there, before r is written */
        int w = 0;
        for (int a = 0; a < nactive; a++)
            if (active[a]->end > r->start)
                active[w++] = active[a];
        nactive = w;
        const RaClass *c = r->fp ? &d->fpr : &d->gpr;
        int pick = -1;
        IrInstr *h = hint[r->v->id];
        /* the hinted register first; then a caller-saved register for ranges that may have
           one, keeping callee-saved ones for the ranges that need them */
        for (int pass = 0; pass < 3 && pick < 0; pass++)
            for (int j = 0; j < c->n && pick < 0; j++) {
                if ((r->forbidden >> j) & 1)
                    continue;
                int reg = c->regs[j];
                if (pass == 0 && (!h || h->reg != reg))
                    continue;
                if (pass == 1 && c->callee_saved[j])
                    continue;
                bool busy = false;
                for (int a = 0; a < nactive && !busy; a++)
                    busy = active[a]->fp == r->fp && active[a]->v->reg == reg;
                if (!busy)
                    pick = reg;
            }
        if (pick < 0) {
            /* spill the active range of this class that costs least to spill, if that costs
               less than spilling r and its register suits r (on a tie, the one that ends
               last, if it ends after r) */
            int victim = -1;
            for (int a = 0; a < nactive; a++) {
                Range *o = active[a];
                if (o->fp != r->fp || o->weight > r->weight ||
                    (o->weight == r->weight && o->end <= r->end))
                    continue;
                int j = 0;
                while (j < c->n && c->regs[j] != o->v->reg)
                    j++;
                if (j == c->n || ((r->forbidden >> j) & 1))
                    continue;
                if (victim < 0 || o->weight < active[victim]->weight ||
                    (o->weight == active[victim]->weight && o->end > active[victim]->end))
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
    if (across) {
        /* per register, +1 where a range holding it becomes live across instructions and -1
           where it stops; prefix sums give the registers live across each instruction */
        memset(clob, 0, sizeof(int) * (size_t)nregs * (size_t)(ninstr + 1));
        for (int k = 0; k < n; k++) {
            Range *r = order[k];
            int lo = r->start / 2 + 1, hi = (r->end + 1) / 2;
            if (r->v->reg < 0 || hi <= lo)
                continue;
            const RaClass *c = r->fp ? &d->fpr : &d->gpr;
            int j = 0;
            while (j < c->n && c->regs[j] != r->v->reg)
                j++;
            int *cj = clob + (size_t)((r->fp ? d->gpr.n : 0) + j) * (size_t)(ninstr + 1);
            cj[lo]++;
            cj[hi]--;
        }
        uint32_t *out = calloc(2 * (size_t)nv + 2, sizeof(uint32_t));
        if (!out)
            abort();
        for (int c = 0; c < nregs; c++) {
            int *cj = clob + (size_t)c * (size_t)(ninstr + 1), sum = 0, k = 0;
            int reg = c < d->gpr.n ? d->gpr.regs[c] : d->fpr.regs[c - d->gpr.n];
            for (int b = 0; b < nb; b++)
                for (IrInstr *i = fn->blocks[b]->first; i; i = i->next, k++) {
                    sum += cj[k];
                    if (sum > 0)
                        out[2 * (size_t)i->id + (c < d->gpr.n ? 0 : 1)] |= 1u << reg;
                }
        }
        *across = out;
    }

    /* home slots: a slot is free again once the range holding it has ended */
    int nslots = 0, nslot_active = 0;
    int *slot_end = calloc((size_t)n + 1, sizeof(int));
    int *slot_num = calloc((size_t)n + 1, sizeof(int));
    int *free_slots = calloc((size_t)n + 1, sizeof(int)), nfree = 0;
    if (!slot_end || !slot_num || !free_slots)
        abort();
    for (int k = 0; k < n; k++) {
        Range *r = order[k];
        int w = 0;
        for (int a = 0; a < nslot_active; a++) {
            if (slot_end[a] < r->start) {
                free_slots[nfree++] = slot_num[a];
            } else {
                slot_end[w] = slot_end[a];
                slot_num[w++] = slot_num[a];
            }
        }
        nslot_active = w;
        /* a phi and its operands share a slot when they can: their copy is then none */
        int s = -1;
        IrInstr *h = hint[r->v->id];
        for (int f = 0; h && h->slot >= 0 && f < nfree && s < 0; f++)
            if (free_slots[f] == h->slot) {
                s = h->slot;
                free_slots[f] = free_slots[--nfree];
            }
        if (s < 0)
            s = nfree ? free_slots[--nfree] : nslots++;
        r->v->slot = s;
        slot_end[nslot_active] = r->end;
        slot_num[nslot_active++] = s;
    }
    for (int b = 0; b < nb; b++)
        for (IrInstr *i = fn->blocks[b]->first; i; i = i->next) {
            i->aux = NULL;
            if (ra_is_remat(i))
                i->reg = RA_REMAT;
        }
    free(slot_end);
    free(slot_num);
    free(free_slots);
    free(active);
    free(order);
    free(bstart);
    free(bend);
    free(live_in);
    free(live_out);
    free(ranges);
    free(hint);
    free(clob);
    return nslots;
}
