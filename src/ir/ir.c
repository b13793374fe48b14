/*
 * ir.c -- building and editing IR functions: blocks, instructions, edges, frame states, use
 * replacement and block ordering. All memory comes from the compilation's arena.
 */
#include "ir/ir.h"

#include <string.h>

const IrOpInfo ir_op_info[IR__COUNT] = {
#define IROP(name, type, nargs, flags, helper, sig)                                             \
    {#name, IT_##type, nargs, flags, IROP_HELPER_NAME(helper), sig},
#define IROP_HELPER_NAME(h) (#h[0] == 'N' && #h[1] == 'O' ? NULL : #h)
#include "ir/ir_ops.def"
#undef IROP
};

IrFunc *ir_func_new(Arena *a, CodeObj *co)
{
    IrFunc *fn = ARENA_NEW(a, IrFunc);
    fn->arena = a;
    fn->co = co;
    return fn;
}

IrBlock *ir_block_new(IrFunc *fn, int pc)
{
    IrBlock *b = ARENA_NEW(fn->arena, IrBlock);
    b->fn = fn;
    b->pc = pc;
    b->id = fn->next_block_id++;
    if (fn->nblocks == fn->blocks_cap) {
        int cap = fn->blocks_cap ? fn->blocks_cap * 2 : 16;
        IrBlock **nb = ARENA_ARRAY(fn->arena, IrBlock *, cap);
        if (fn->nblocks)
            memcpy(nb, fn->blocks, sizeof(IrBlock *) * (size_t)fn->nblocks);
        fn->blocks = nb;
        fn->blocks_cap = cap;
    }
    fn->blocks[fn->nblocks++] = b;
    return b;
}

IrInstr *ir_new(IrFunc *fn, IrOp op, int nargs, IrInstr *const *args)
{
    IrInstr *i = ARENA_NEW(fn->arena, IrInstr);
    i->op = (uint16_t)op;
    i->type = ir_op_info[op].type;
    i->id = fn->nvalues++;
    i->nargs = nargs;
    i->pc = -1;
    i->reg = i->slot = -1;
    if (nargs) {
        i->args = ARENA_ARRAY(fn->arena, IrInstr *, nargs);
        if (args)
            memcpy(i->args, args, sizeof(IrInstr *) * (size_t)nargs);
    }
    if ((op == IR_copy || op == IR_phi) && nargs && args && args[0])
        i->type = args[0]->type;
    if (op == IR_select && args && args[1])
        i->type = args[1]->type;
    return i;
}

void ir_set_arg(IrInstr *i, int k, IrInstr *v)
{
    TR_ASSERT(k >= 0 && k < i->nargs);
    i->args[k] = v;
}

void ir_phi_add(IrInstr *phi, IrInstr *v)
{
    IrFunc *fn = phi->block ? phi->block->fn : NULL;
    TR_ASSERT(fn);
    IrInstr **na = ARENA_ARRAY(fn->arena, IrInstr *, phi->nargs + 1);
    if (phi->nargs)
        memcpy(na, phi->args, sizeof(IrInstr *) * (size_t)phi->nargs);
    na[phi->nargs++] = v;
    phi->args = na;
}

void ir_append(IrBlock *b, IrInstr *i)
{
    i->block = b;
    i->dead = 0;
    i->next = NULL;
    i->prev = b->last;
    if (b->last)
        b->last->next = i;
    else
        b->first = i;
    b->last = i;
}

void ir_insert_before(IrInstr *at, IrInstr *i)
{
    IrBlock *b = at->block;
    i->block = b;
    i->dead = 0;
    i->next = at;
    i->prev = at->prev;
    if (at->prev)
        at->prev->next = i;
    else
        b->first = i;
    at->prev = i;
}

void ir_remove(IrInstr *i)
{
    IrBlock *b = i->block;
    if (!b)
        return;
    if (i->prev)
        i->prev->next = i->next;
    else
        b->first = i->next;
    if (i->next)
        i->next->prev = i->prev;
    else
        b->last = i->prev;
    i->prev = i->next = NULL;
    i->block = NULL;
    i->dead = 1;
}

void ir_add_edge(IrBlock *from, IrBlock *to)
{
    TR_ASSERT(from->nsucc < 2);
    from->succ[from->nsucc++] = to;
    if (to->npreds == to->preds_cap) {
        int cap = to->preds_cap ? to->preds_cap * 2 : 4;
        IrBlock **np = ARENA_ARRAY(from->fn->arena, IrBlock *, cap);
        if (to->npreds)
            memcpy(np, to->preds, sizeof(IrBlock *) * (size_t)to->npreds);
        to->preds = np;
        to->preds_cap = cap;
    }
    to->preds[to->npreds++] = from;
}

void ir_remove_pred(IrBlock *b, int index)
{
    TR_ASSERT(index >= 0 && index < b->npreds);
    for (IrInstr *i = b->first; i && i->op == IR_phi; i = i->next) {
        memmove(i->args + index, i->args + index + 1,
                sizeof(IrInstr *) * (size_t)(i->nargs - index - 1));
        i->nargs--;
    }
    memmove(b->preds + index, b->preds + index + 1,
            sizeof(IrBlock *) * (size_t)(b->npreds - index - 1));
    b->npreds--;
}

IrFrameState *ir_fs_new(IrFunc *fn, int pc, int nlocals, int nstack)
{
    IrFrameState *fs = ARENA_NEW(fn->arena, IrFrameState);
    fs->pc = pc;
    fs->nlocals = nlocals;
    fs->nstack = nstack;
    fs->vals = ARENA_ARRAY(fn->arena, IrInstr *, nlocals + nstack + 1);
    return fs;
}

void ir_replace_uses(IrFunc *fn, IrInstr *old, IrInstr *repl)
{
    for (int b = 0; b < fn->nblocks; b++)
        for (IrInstr *i = fn->blocks[b]->first; i; i = i->next) {
            for (int k = 0; k < i->nargs; k++)
                if (i->args[k] == old)
                    i->args[k] = repl;
            if (i->fs)
                for (int k = 0; k < i->fs->nlocals + i->fs->nstack; k++)
                    if (i->fs->vals[k] == old)
                        i->fs->vals[k] = repl;
        }
}

bool ir_is_term(const IrInstr *i) { return (ir_op_info[i->op].flags & IRF_TERM) != 0; }

static void postorder(IrBlock *b, IrBlock **out, int *n)
{
    /* iterative DFS: blocks marked through aux (1 = visited) */
    typedef struct { IrBlock *b; int next; } Item;
    int cap = b->fn->nblocks + 1;
    Item *stack = ARENA_ARRAY(b->fn->arena, Item, cap);
    int sp = 0;
    b->aux = (void *)1;
    stack[sp++] = (Item){b, 0};
    while (sp) {
        Item *it = &stack[sp - 1];
        if (it->next < it->b->nsucc) {
            IrBlock *s = it->b->succ[it->next++];
            if (!s->aux) {
                s->aux = (void *)1;
                stack[sp++] = (Item){s, 0};
            }
        } else {
            out[(*n)++] = it->b;
            sp--;
        }
    }
}

void ir_order(IrFunc *fn)
{
    if (!fn->nblocks)
        return;
    for (int i = 0; i < fn->nblocks; i++)
        fn->blocks[i]->aux = NULL;
    IrBlock **po = ARENA_ARRAY(fn->arena, IrBlock *, fn->nblocks);
    int n = 0;
    postorder(fn->blocks[0], po, &n);
    /* unreachable blocks: drop them and their edges into reachable blocks */
    for (int i = 0; i < fn->nblocks; i++) {
        IrBlock *b = fn->blocks[i];
        if (b->aux)
            continue;
        b->dead = true;
        for (int s = 0; s < b->nsucc; s++) {
            IrBlock *t = b->succ[s];
            for (int p = 0; p < t->npreds; p++)
                if (t->preds[p] == b) {
                    ir_remove_pred(t, p);
                    break;
                }
        }
    }
    for (int i = 0; i < n; i++) {
        fn->blocks[i] = po[n - 1 - i];
        fn->blocks[i]->id = i;
        fn->blocks[i]->aux = NULL;
    }
    fn->nblocks = n;
    fn->next_block_id = n;
}

void ir_clear_aux(IrFunc *fn)
{
    for (int b = 0; b < fn->nblocks; b++) {
        fn->blocks[b]->aux = NULL;
        for (IrInstr *i = fn->blocks[b]->first; i; i = i->next)
            i->aux = NULL;
    }
}
