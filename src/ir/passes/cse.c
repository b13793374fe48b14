/*
 * cse.c -- common-subexpression elimination over the dominator tree: an IRF_PURE instruction
 * equal to one that dominates it (same op, type, imm, imm2, constant and operands) is replaced
 * by it; so is a guard-only op (flags exactly IRF_GUARD: guard, the _ov ops, divisions), whose
 * only effect is to deoptimize: once the dominating twin passed, this one cannot fail. The table
 * is scoped: entries made in a block go when the walk leaves the block's dominator subtree.
 * list_len reads memory that effects change, so it is merged only within a block and with no
 * effect between. Runs after copyprop; leaves nothing for dce.
 */
#include "ir/passes/passes.h"
#include "ir/passes/pass_util.h"

#include <string.h>

typedef struct Entry {
    IrInstr *i;
    uint64_t epoch; /* for memory reads: the effect-free window they belong to */
    struct Entry *next;
} Entry;

typedef struct Table {
    Entry **bucket;
    uint32_t mask;
    uint32_t *undo; /* bucket indices, in insertion order */
    int nundo;
    uint64_t epoch;
} Table;

static bool reads_memory(const IrInstr *i) { return i->op == IR_list_len; }

static uint32_t hash(const IrInstr *i)
{
    uint64_t h = (uint64_t)i->op * 0x9E3779B97F4A7C15u ^ i->type;
    h = h * 31 + (uint64_t)i->imm;
    h = h * 31 + (uint64_t)i->imm2;
    h = h * 31 + (uint64_t)i->cval;
    uint64_t fb;
    memcpy(&fb, &i->fval, sizeof fb);
    h = h * 31 + fb;
    for (int k = 0; k < i->nargs; k++)
        h = h * 31 + (uint64_t)i->args[k]->id;
    return (uint32_t)(h ^ (h >> 29));
}

static bool same(const IrInstr *a, const IrInstr *b)
{
    if (a->op != b->op || a->type != b->type || a->imm != b->imm || a->imm2 != b->imm2 ||
        a->cval != b->cval || memcmp(&a->fval, &b->fval, sizeof a->fval) ||
        a->nargs != b->nargs)
        return false;
    for (int k = 0; k < a->nargs; k++)
        if (a->args[k] != b->args[k])
            return false;
    return true;
}

/* The dominating equal of i, or NULL after entering i in the table. */
static IrInstr *lookup(Arena *ar, Table *t, IrInstr *i)
{
    uint32_t h = hash(i) & t->mask;
    uint64_t epoch = reads_memory(i) ? t->epoch : 0;
    for (Entry *e = t->bucket[h]; e; e = e->next)
        if (e->epoch == epoch && same(e->i, i))
            return e->i;
    Entry *e = ARENA_NEW(ar, Entry);
    e->i = i;
    e->epoch = epoch;
    e->next = t->bucket[h];
    t->bucket[h] = e;
    t->undo[t->nundo++] = h;
    return NULL;
}

static void visit(IrBlock *b, Table *t, PuFwd *f)
{
    t->epoch++; /* a new block: memory reads start over */
    IrInstr *next;
    for (IrInstr *i = b->first; i; i = next) {
        next = i->next;
        if (i->op == IR_phi)
            continue;
        pu_resolve_args(f, i);
        if (ir_info(i)->flags & IRF_EFFECT)
            t->epoch++;
        int flags = ir_info(i)->flags;
        if (!(flags & IRF_PURE) && flags != IRF_GUARD)
            continue;
        IrInstr *e = lookup(b->fn->arena, t, i);
        if (e && i->type == IT_V)
            ir_remove(i); /* a guard already checked */
        else if (e)
            pu_forward(f, i, e);
    }
}

void pass_cse(IrFunc *fn)
{
    ir_order(fn);
    PuDom d;
    pu_dom(fn, &d);
    int ninstr = 0;
    for (int b = 0; b < fn->nblocks; b++)
        for (IrInstr *i = fn->blocks[b]->first; i; i = i->next)
            ninstr++;
    Table t = {0};
    uint32_t size = 64;
    while (size < (uint32_t)ninstr * 2)
        size *= 2;
    t.bucket = ARENA_ARRAY(fn->arena, Entry *, size);
    t.mask = size - 1;
    t.undo = ARENA_ARRAY(fn->arena, uint32_t, ninstr + 1);
    PuFwd f;
    pu_fwd_init(&f, fn);
    /* preorder walk of the dominator tree; a block's entries go when its subtree is done */
    int *stack = ARENA_ARRAY(fn->arena, int, fn->nblocks + 1);
    int *next_kid = ARENA_ARRAY(fn->arena, int, fn->nblocks + 1);
    int *mark = ARENA_ARRAY(fn->arena, int, fn->nblocks + 1);
    int sp = 0;
    stack[sp++] = 0;
    mark[0] = t.nundo;
    visit(fn->blocks[0], &t, &f);
    next_kid[0] = d.kid0[0];
    while (sp) {
        int b = stack[sp - 1];
        if (next_kid[b] < d.kid0[b + 1]) {
            int c = d.kids[next_kid[b]++];
            mark[c] = t.nundo;
            visit(fn->blocks[c], &t, &f);
            next_kid[c] = d.kid0[c];
            stack[sp++] = c;
            continue;
        }
        while (t.nundo > mark[b]) {
            uint32_t h = t.undo[--t.nundo];
            t.bucket[h] = t.bucket[h]->next;
        }
        sp--;
    }
    pu_fwd_apply(&f);
}
