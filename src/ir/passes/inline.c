/*
 * inline.c -- inlining of small functions called directly (call_direct, see program.h): the
 * callee's IR is built and optimized for the facts known about the arguments, and spliced in
 * place of the call when it is free of side effects: nothing but pure operations and guards,
 * no loop, no call. Such a body may be abandoned at any point, so every exit in it resumes the
 * interpreter at the call itself (the caller's state before the call), which runs the call
 * again in full. The caller is then specialized again, now that the results have known types.
 */
#include "ir/passes/passes.h"
#include "ir/passes/specialize.h"
#include "ir/program.h"

#include <string.h>

enum {
    INLINE_MAX_INSTRS = 60, /* of the callee after its own optimization */
    INLINE_MAX_ARGS = 8,
};

/* The callee's operations that may be abandoned midway: no effect on memory or the world. */
static bool abandonable(const IrInstr *i)
{
    const IrOpInfo *info = ir_info(i);
    switch (i->op) {
    case IR_entry_local: case IR_phi: case IR_jump: case IR_branch: case IR_ret: case IR_deopt:
    case IR_list_item: case IR_list_len: case IR_tuple_len:
        return true;
    case IR_func_code_is: case IR_call_direct: case IR_range_iter_virtual:
        return false;
    default:
        return !(info->flags & (IRF_RAISE | IRF_EFFECT)) && info->nargs >= 0;
    }
}

/* The optimized IR of callee for the argument facts of call, or NULL when it cannot be
   inlined. */
static IrFunc *callee_ir(IrFunc *fn, IrInstr *call, CodeObj *callee)
{
    const char *why;
    IrFunc *g = ir_build(fn->arena, callee, &why);
    if (!g)
        return NULL;
    for (int b = 0; b < g->nblocks; b++)
        for (IrInstr *i = g->blocks[b]->first; i; i = i->next)
            if (i->op == IR_entry_local) {
                if (i->imm >= callee->argcount)
                    return NULL;
                i->ptypes = spec_arg_fact(call->args[1 + i->imm]); /* what the caller proved */
            }
    if (ir_optimize(g, false, NULL, NULL))
        return NULL;
    int n = 0;
    for (int b = 0; b < g->nblocks; b++) {
        IrBlock *blk = g->blocks[b];
        for (int s = 0; s < blk->nsucc; s++)
            if (blk->succ[s]->id <= blk->id) /* a back edge (blocks are in reverse post-order) */
                return NULL;
        for (IrInstr *i = blk->first; i; i = i->next, n++)
            if (!abandonable(i) || n > INLINE_MAX_INSTRS)
                return NULL;
    }
    return g;
}

static void add_block(IrFunc *fn, IrBlock *b)
{
    if (fn->nblocks == fn->blocks_cap) {
        int cap = fn->blocks_cap ? fn->blocks_cap * 2 : 16;
        IrBlock **nb = ARENA_ARRAY(fn->arena, IrBlock *, cap);
        memcpy(nb, fn->blocks, sizeof(IrBlock *) * (size_t)fn->nblocks);
        fn->blocks = nb;
        fn->blocks_cap = cap;
    }
    fn->blocks[fn->nblocks++] = b;
    b->fn = fn;
    b->id = fn->next_block_id++;
    b->pc = -1;
}

/* The instructions after `at` move to a new block that takes over at's successors. */
static IrBlock *split_after(IrFunc *fn, IrInstr *at)
{
    IrBlock *b = at->block, *rest = ir_block_new(fn, -1);
    for (IrInstr *i = at->next, *next; i; i = next) {
        next = i->next;
        ir_remove(i);
        ir_append(rest, i);
    }
    for (int s = 0; s < b->nsucc; s++) {
        IrBlock *t = b->succ[s];
        rest->succ[s] = t;
        for (int p = 0; p < t->npreds; p++)
            if (t->preds[p] == b)
                t->preds[p] = rest;
    }
    rest->nsucc = b->nsucc;
    b->nsucc = 0;
    rest->loop_depth = b->loop_depth;
    return rest;
}

static IrInstr *jump_to(IrFunc *fn, IrBlock *from, IrBlock *to, int pc)
{
    IrInstr *j = ir_new(fn, IR_jump, 0, NULL);
    j->pc = pc;
    ir_append(from, j);
    ir_add_edge(from, to);
    return j;
}

/* Replaces call (preceded by the guard of its callee, whose state is the one before the call)
   by g's blocks. */
static void splice(IrFunc *fn, IrInstr *call, IrFunc *g, const IrFrameState *before)
{
    IrBlock *head = call->block, *rest = split_after(fn, call);
    IrBlock **gb = g->blocks;
    int ng = g->nblocks;
    IrInstr *rets[64];
    int nrets = 0;
    for (int b = 0; b < ng; b++) {
        add_block(fn, gb[b]);
        gb[b]->loop_depth += head->loop_depth;
        for (IrInstr *i = gb[b]->first; i; i = i->next) {
            i->id = fn->nvalues++;
            i->pc = call->pc;
            if (i->fs) {
                IrFrameState *fs = ir_fs_new(fn, before->pc, before->nlocals, before->nstack);
                fs->in_try = before->in_try;
                memcpy(fs->vals, before->vals,
                       sizeof(IrInstr *) * (size_t)(before->nlocals + before->nstack));
                i->fs = fs;
            }
        }
    }
    for (int b = 0; b < ng; b++)
        for (IrInstr *i = gb[b]->first, *next; i; i = next) {
            next = i->next;
            if (i->op == IR_entry_local) {
                ir_replace_uses(fn, i, call->args[1 + i->imm]);
                ir_remove(i);
            } else if (i->op == IR_ret) {
                rets[nrets++] = i->args[0];
                IrBlock *rb = i->block;
                ir_remove(i);
                jump_to(fn, rb, rest, call->pc);
            }
        }
    jump_to(fn, head, gb[0], call->pc);
    IrInstr *result = rets[0];
    if (nrets > 1) {
        result = ir_new(fn, IR_phi, nrets, rets);
        result->type = IT_T;
        result->pc = call->pc;
        if (rest->first)
            ir_insert_before(rest->first, result);
        else
            ir_append(rest, result);
    }
    ir_replace_uses(fn, call, result);
    ir_remove(call);
}

void pass_inline(IrFunc *fn)
{
    if (!fn->env || fn->env->generic)
        return;
    const IrEnv *env = fn->env;
    bool any = false;
    for (int b = 0; b < fn->nblocks; b++)
        for (IrInstr *i = fn->blocks[b]->first, *next; i; i = next) {
            next = i->next;
            if (i->op != IR_call_direct || !i->prev || i->prev->op != IR_guard ||
                !i->prev->fs || i->nargs - 1 > INLINE_MAX_ARGS)
                continue;
            CodeObj *callee = (CodeObj *)(uintptr_t)i->imm;
            if (!callee || callee == fn->co)
                continue;
            IrFunc *g = callee_ir(fn, i, callee);
            int nrets = 0;
            for (int k = 0; g && k < g->nblocks; k++)
                nrets += g->blocks[k]->last && g->blocks[k]->last->op == IR_ret;
            if (!g || nrets == 0 || nrets > 64)
                continue;
            splice(fn, i, g, i->prev->fs);
            any = true;
            next = NULL; /* the rest of this block moved: go on with the next blocks */
        }
    if (any) {
        ir_order(fn);
        fn->env = NULL; /* no direct calls are made twice; states are shrunk at the end */
        pass_specialize(fn);
        fn->env = env;
    }
    spec_shrink_states(fn);
}
