/*
 * x64_gen.c -- lowering of optimized IR to x86-64 machine code (System V ABI). The generated
 * function is TrValue fn(Frame *f): rbx holds f for the whole body; every IR value lives in the
 * register the allocator gave it (IrInstr.reg) or in its stack slot. Generic operations become
 * calls of the helper ir_ops.def names, with arguments built from the op's signature; every
 * exit (error or failed guard) jumps to out-of-line code that stores the frame state into f and
 * hands it to the interpreter (vm/native.h).
 */
#include "backend/x86_64/x64_gen.h"

#include "backend/x86_64/x64_arith.h"
#include "backend/x86_64/x64_gen_internal.h"
#include "backend/rt_symbols.h"

#include <stdlib.h>
#include <string.h>


/* --- Register allocation ------------------------------------------------------------------ */

/* Allocatable registers: the callee-saved r12-r15 and the caller-saved rsi rdi r8-r11 (for
   values not live across a call); xmm3-xmm15. Scratch registers of the code generator (never
   allocated): rax rcx rdx, xmm0-xmm2 (and r8 r9 in // and %); rbx holds the frame. */
static const int8_t gprs[] = {X64_R12, X64_R13, X64_R14, X64_R15, X64_RSI, X64_RDI,
                              X64_R8,  X64_R9,  X64_R10, X64_R11};
static const bool gprs_saved[] = {true, true, true, true, false, false, false, false, false, false};
static const int8_t fprs[] = {X64_XMM3, X64_XMM4, X64_XMM5, X64_XMM6, X64_XMM7, X64_XMM8,
                              X64_XMM9, X64_XMM10, X64_XMM11, X64_XMM12, X64_XMM13, X64_XMM14,
                              X64_XMM15};
static const bool fprs_saved[13] = {false};

#define BIT(r) (1u << (r))
#define CALLER_SAVED                                                                          \
    (BIT(X64_RAX) | BIT(X64_RCX) | BIT(X64_RDX) | BIT(X64_RSI) | BIT(X64_RDI) | BIT(X64_R8) | \
     BIT(X64_R9) | BIT(X64_R10) | BIT(X64_R11))

static bool arith_inline(IrInstr *i);
static bool truth_inline(IrInstr *t);

/* Instructions whose code calls out: helpers, but not the inline fast paths and boxing, whose
   out-of-line calls keep the registers (x64g_save_regs). */
static bool x64_is_call(const IrInstr *i)
{
    switch (i->op) {
    case IR_ret:
        return true;
    case IR_box_int: case IR_box_float: case IR_bool_to_obj: case IR_list_set:
        return false;
    case IR_binop: case IR_compare:
        return !arith_inline((IrInstr *)i);
    case IR_truth:
        return !truth_inline((IrInstr *)i);
    default:
        return ir_info(i)->helper != NULL;
    }
}

static void x64_clobbers(const IrInstr *i, uint32_t *gpr, uint32_t *fpr, uint32_t *early)
{
    if (x64_is_call(i)) {
        *gpr = CALLER_SAVED;
        *fpr = 0xffff;
        return;
    }
    *gpr = BIT(X64_RAX) | BIT(X64_RCX) | BIT(X64_RDX);
    *fpr = BIT(X64_XMM0) | BIT(X64_XMM1) | BIT(X64_XMM2);
    switch (i->op) {
    case IR_floordiv_i64: case IR_mod_i64:
        *gpr |= BIT(X64_R8) | BIT(X64_R9);
        break;
    case IR_binop: case IR_compare: case IR_truth: /* x64_arith.c; slow paths reread operands */
        *gpr |= BIT(X64_R8) | BIT(X64_R9) | BIT(X64_R11);
        *early = BIT(X64_R8) | BIT(X64_R9) | BIT(X64_R11);
        break;
    default:
        break;
    }
}

static const RaDesc x64_ra = {
    {(int)TR_ARRAY_LEN(gprs), gprs, gprs_saved},
    {(int)TR_ARRAY_LEN(fprs), fprs, fprs_saved},
    x64_clobbers,
};

/* --- Inline operations --------------------------------------------------------------------- */

static void set_bool(Gen *g, IrInstr *i, X64Cond cc)
{
    x64_setcc(&g->a, cc, X64_RAX);
    x64_rr(&g->a, X64_MOVZX8, X64_D, X64_RAX, X64_RAX);
    x64g_store(g, i, X64_RAX);
}

/* xmm0 <- the double of a float value in rax (flonum or boxed) */
static void unbox_float_rax(Gen *g)
{
    X64Asm *a = &g->a;
    X64Label boxed = x64_label_new(a), zero = x64_label_new(a), done = x64_label_new(a);
    x64_rr(a, X64_MOV, X64_D, X64_RCX, X64_RAX);
    x64_ri(a, X64_AND, X64_D, X64_RCX, 3);
    x64_ri(a, X64_CMP, X64_D, X64_RCX, 2);
    x64_jcc(a, X64_CC_NE, boxed);
    x64_ri(a, X64_CMP, X64_Q, X64_RAX, TR_FLONUM_ZERO);
    x64_jcc(a, X64_CC_E, zero);
    x64_ri(a, X64_ROR, X64_Q, X64_RAX, 3);
    x64_ri(a, X64_MOV, X64_Q, X64_RCX, (int64_t)TR_FLONUM_BIAS);
    x64_rr(a, X64_SUB, X64_Q, X64_RAX, X64_RCX);
    x64_xr(a, X64_MOVQ, X64_Q, X64_XMM0, X64_RAX);
    x64_jmp(a, done);
    x64_label_bind(a, zero);
    x64_xx(a, X64_XORPD, X64_XMM0, X64_XMM0);
    x64_jmp(a, done);
    x64_label_bind(a, boxed);
    x64_xm(a, X64_MOVSD, X64_XMM0, x64_mem(X64_RAX, (int32_t)offsetof(TrFloat, d)));
    x64_label_bind(a, done);
}

/* rax <- tagged value of the double in xmm0 (a flonum when it has one, else boxed) */
static X64Label cold_at(Gen *g, IrInstr *i, ColdKind kind, X64Label resume);

/* rax <- tagged value of the double in xmm0 (a flonum when it has one, else boxed out of line
   for i) */
static void box_float_xmm0(Gen *g, IrInstr *i)
{
    X64Asm *a = &g->a;
    X64Label done = x64_label_new(a), slow = cold_at(g, i, COLD_BOXF, done);
    x64_rx(a, X64_MOVQ, X64_Q, X64_RAX, X64_XMM0);
    x64_ri(a, X64_MOV, X64_Q, X64_RCX, (int64_t)TR_FLONUM_BIAS);
    x64_rr(a, X64_ADD, X64_Q, X64_RAX, X64_RCX);
    x64_ri(a, X64_ROL, X64_Q, X64_RAX, 3);
    x64_rm(a, X64_LEA, X64_D, X64_RCX, x64_mem(X64_RAX, -2)); /* tag 10: low bits of -2 clear */
    x64_ri(a, X64_TEST, X64_B, X64_RCX, 3);
    x64_jcc(a, X64_CC_NE, slow);
    x64_ri(a, X64_CMP, X64_Q, X64_RAX, TR_FLONUM_ZERO);
    x64_jcc(a, X64_CC_E, slow);
    x64_label_bind(a, done);
}

/* Checks that rax holds a 62-bit small-int value; jumps to the exit otherwise. */
static void check_small_range(Gen *g, X64Label exit)
{
    x64_rr(&g->a, X64_MOV, X64_Q, X64_RCX, X64_RAX);
    x64_ri(&g->a, X64_SHL, X64_Q, X64_RCX, 2);
    x64_ri(&g->a, X64_SAR, X64_Q, X64_RCX, 2);
    x64_rr(&g->a, X64_CMP, X64_Q, X64_RCX, X64_RAX);
    x64_jcc(&g->a, X64_CC_NE, exit);
}

/* --- Generic arithmetic: inline fast paths (x64_arith.c), slow paths out of line ---------- */

#define NO_FAST_PATH (~0u)

/* A slow path of i entered at the label returned, going on at resume. */
static X64Label cold_at(Gen *g, IrInstr *i, ColdKind kind, X64Label resume)
{
    if (g->ncolds == g->colds_cap) {
        g->colds_cap = g->colds_cap ? 2 * g->colds_cap : 32;
        g->colds = realloc(g->colds, sizeof(Cold) * (size_t)g->colds_cap);
        if (!g->colds)
            abort();
    }
    Cold *c = &g->colds[g->ncolds++];
    c->i = i;
    c->kind = kind;
    c->entry = x64_label_new(&g->a);
    c->resume = resume;
    return c->entry;
}

/* The X64A_* kinds of a binop or compare's operands (from what type inference knows), or
   NO_FAST_PATH. */
static unsigned arith_kinds(IrInstr *i)
{
    unsigned kinds = 0;
    uint32_t pts[2];
    for (int k = 0; k < 2; k++) {
        IrInstr *v = i->args[k];
        if (v->type != IT_T)
            return NO_FAST_PATH;
        uint32_t pt = pts[k] = v->ptypes;
        if (pt && !(pt & PT_INT))
            kinds |= X64A_NO_INT;
        if (pt && !(pt & (PT_INT | PT_FLOAT)))
            kinds |= X64A_NO_FLT;
    }
    if (pts[0] && pts[1] && !((pts[0] | pts[1]) & PT_FLOAT))
        kinds |= X64A_NO_FLT;
    return kinds;
}

static bool arith_inline(IrInstr *i)
{
    unsigned kinds = arith_kinds(i);
    if (kinds == NO_FAST_PATH)
        return false;
    return i->op == IR_binop ? x64_arith_has_binop((int)i->imm, kinds)
                             : x64_arith_has_compare((int)i->imm, kinds);
}

static bool truth_inline(IrInstr *t)
{
    IrInstr *v = t->args[0];
    uint32_t pt = v->ptypes;
    return v->type == IT_T && (!pt || (pt & (PT_INT | PT_FLOAT | PT_BOOL | PT_NONE)));
}

/* rax/rcx <- the operands */
static void load_operands(Gen *g, IrInstr *i)
{
    x64g_load(g, X64_RAX, i->args[0]);
    x64g_load(g, X64_RCX, i->args[1]);
}

/* Calls the helper of a binop or compare; rax <- its result (errors leave through i's exit). */
static void cold_call(Gen *g, IrInstr *i)
{
    Loc dst[2] = {{LOC_GPR, X64_RDI, NULL}, {LOC_GPR, X64_RSI, NULL}};
    Loc src[2] = {x64g_loc_of(i->args[0]), x64g_loc_of(i->args[1])};
    x64g_save_regs(g);
    x64g_parallel_move(g, dst, src, 2);
    x64_ri(&g->a, X64_MOV, X64_Q, X64_RDX, i->imm);
    x64_call(&g->a, ir_info(i)->helper);
    x64g_restore_regs(g);
    x64_rr(&g->a, X64_TEST, X64_Q, X64_RAX, X64_RAX);
    x64_jcc(&g->a, X64_CC_E, x64g_exit_for(g, i, true));
}

/* rt_truth of rdi, the registers saved; eax <- 0 or 1 (an error leaves through i's exit). */
static void cold_truth_call(Gen *g, IrInstr *i)
{
    x64_call(&g->a, "rt_truth");
    x64g_restore_regs(g);
    x64_rr(&g->a, X64_TEST, X64_D, X64_RAX, X64_RAX);
    x64_jcc(&g->a, X64_CC_S, x64g_exit_for(g, i, true));
    x64_rr(&g->a, X64_MOVZX8, X64_D, X64_RAX, X64_RAX);
}

static void emit_cold(Gen *g, Cold c)
{
    X64Asm *a = &g->a;
    g->cur = c.i;
    x64_label_bind(a, c.entry);
    switch (c.kind) {
    case COLD_BOXF:
        x64g_save_regs(g);
        x64_call(a, "tr_float_new"); /* xmm0 holds the double */
        x64g_restore_regs(g);
        break;
    case COLD_BOXI:
        x64g_save_regs(g);
        x64_rr(a, X64_MOV, X64_Q, X64_RDI, X64_RAX);
        x64_call(a, "tr_int_from_i64");
        x64g_restore_regs(g);
        break;
    case COLD_CALL:
        cold_call(g, c.i);
        break;
    case COLD_TRUTH: /* rdi is loaded after the registers are saved: it may hold a value */
        x64g_save_regs(g);
        x64g_load(g, X64_RDI, c.i->args[0]);
        cold_truth_call(g, c.i);
        break;
    case COLD_CMPTRUTH:
        cold_call(g, c.i->args[0]);
        x64g_save_regs(g);
        x64_rr(a, X64_MOV, X64_Q, X64_RDI, X64_RAX);
        cold_truth_call(g, c.i);
        break;
    }
    x64_jmp(a, c.resume);
}

static void gen_binop(Gen *g, IrInstr *i)
{
    X64Label done = x64_label_new(&g->a);
    unsigned kinds = arith_kinds(i);
    load_operands(g, i);
    X64Label slow = cold_at(g, i, COLD_CALL, done), boxf = cold_at(g, i, COLD_BOXF, done);
    x64_arith_binop(&g->a, (int)i->imm, kinds, slow, boxf);
    x64_label_bind(&g->a, done);
    x64g_store(g, i, X64_RAX);
}

static void gen_compare(Gen *g, IrInstr *i)
{
    X64Asm *a = &g->a;
    X64Label done = x64_label_new(a);
    unsigned kinds = arith_kinds(i);
    load_operands(g, i);
    x64_arith_compare(a, (int)i->imm, kinds, cold_at(g, i, COLD_CALL, done));
    x64_rr(a, X64_TEST, X64_D, X64_RAX, X64_RAX);
    x64_mov_abs(a, X64_RAX, "tr_false_obj", 0);
    x64_mov_abs(a, X64_RDX, "tr_true_obj", 0);
    x64_cmov(a, X64_CC_NE, X64_Q, X64_RAX, X64_RDX);
    x64_label_bind(a, done);
    x64g_store(g, i, X64_RAX);
}

/* eax <- bool(t's operand); with the compare t fuses when that one was left to it. Stores the
   result unless a branch or guard consumes it as flags. */
static void gen_truth(Gen *g, IrInstr *t, bool fused)
{
    X64Asm *a = &g->a;
    X64Label done = x64_label_new(a);
    IrInstr *c = t->args[0];
    if (c->aux == AUX_IN_TRUTH) {
        unsigned kinds = arith_kinds(c);
        load_operands(g, c);
        x64_arith_compare(a, (int)c->imm, kinds, cold_at(g, t, COLD_CMPTRUTH, done));
    } else {
        x64g_load(g, X64_RAX, c);
        x64_arith_truth(a, cold_at(g, t, COLD_TRUTH, done));
    }
    x64_label_bind(a, done);
    if (!fused)
        x64g_store(g, t, X64_RAX);
}

/* --- Conditions: a bool consumed only by the branch or guard right after it sets flags ---- */

static bool fusable(Gen *g, IrInstr *c, IrInstr *user)
{
    if (c->next != user || g->uses[c->id] != 1 || c->reg == RA_REMAT)
        return false;
    switch (c->op) {
    case IR_cmp_i64: case IR_eq_word: case IR_is_stop: case IR_is_small: case IR_is_flonum:
    case IR_is_true_obj:
        return true;
    case IR_cmp_f64:
        return c->imm != TR_EQ && c->imm != TR_NE;
    case IR_truth:
        return truth_inline(c);
    case IR_is_type: case IR_is_float: case IR_func_code_is: case IR_is_cfunc:
        return user->op == IR_guard; /* jumps to the guard's exit */
    default:
        return false;
    }
}

/* Sets the flags for c and returns the condition under which c is true. */
static X64Cond emit_flags(Gen *g, IrInstr *c)
{
    X64Asm *a = &g->a;
    IrInstr **v = c->args;
    X64Cond cc;
    if (x64g_direct_flags(g, c, &cc))
        return cc;
    switch (c->op) {
    case IR_is_true_obj:
        x64g_load(g, X64_RAX, v[0]);
        x64_mov_abs(a, X64_RCX, "tr_true_obj", 0);
        x64_rr(a, X64_CMP, X64_Q, X64_RAX, X64_RCX);
        return X64_CC_E;
    case IR_truth:
        gen_truth(g, c, true);
        x64_rr(a, X64_TEST, X64_D, X64_RAX, X64_RAX);
        return X64_CC_NE;
    default:
        x64g_load(g, X64_RAX, c);
        x64_rr(a, X64_TEST, X64_D, X64_RAX, X64_RAX);
        return X64_CC_NE;
    }
}

static X64Cond cond_of(Gen *g, IrInstr *user)
{
    IrInstr *c = user->args[0];
    if (c->aux == AUX_FUSED) /* fused: its code is emitted here */
        return emit_flags(g, c);
    x64g_load(g, X64_RAX, c);
    x64_rr(&g->a, X64_TEST, X64_D, X64_RAX, X64_RAX);
    return X64_CC_NE;
}

static void gen_instr(Gen *g, IrInstr *i)
{
    X64Asm *a = &g->a;
    IrInstr **v = i->args;
    if (i->reg == RA_REMAT) {
        if (i->op == IR_const && !x64g_const_ok(g, i->cval))
            x64g_fail(g, "a constant that is not in the code object");
        return;
    }
    if (i->next && (i->next->op == IR_branch || i->next->op == IR_guard) &&
        i->next->args[0] == i && fusable(g, i, i->next)) {
        i->aux = AUX_FUSED; /* emitted by the branch or guard */
        return;
    }
    if (x64g_gen_direct(g, i))
        return;
    switch (i->op) {
    case IR_const:
        x64g_load_const(g, X64_RAX, i->cval);
        x64g_store(g, i, X64_RAX);
        return;
    case IR_const_i64: case IR_const_bool:
        x64_ri(a, X64_MOV, X64_Q, X64_RAX, i->imm);
        x64g_store(g, i, X64_RAX);
        return;
    case IR_const_f64: {
        uint64_t bits;
        memcpy(&bits, &i->fval, 8);
        x64_ri(a, X64_MOV, X64_Q, X64_RAX, (int64_t)bits);
        x64g_store(g, i, X64_RAX);
        return;
    }
    case IR_phi:
        return; /* moved in by the predecessors */
    case IR_jump:
        x64g_gen_edge(g, i->block, i->block->succ[0]);
        return;
    case IR_branch: {
        IrBlock *t = i->block->succ[0], *e = i->block->succ[1];
        X64Cond cc = cond_of(g, i);
        bool tm = x64g_edge_moves(i->block, t), em = x64g_edge_moves(i->block, e);
        if (!em && (tm || t->id == i->block->id + 1)) {
            x64_jcc(a, x64_cc_not(cc), g->block_label[e->id]);
            x64g_gen_edge(g, i->block, t);
            return;
        }
        if (!tm) {
            x64_jcc(a, cc, g->block_label[t->id]);
            x64g_gen_edge(g, i->block, e);
            return;
        }
        X64Label f = x64_label_new(a);
        x64_jcc(a, x64_cc_not(cc), f);
        x64g_gen_phi_moves(g, i->block, t);
        x64_jmp(a, g->block_label[t->id]);
        x64_label_bind(a, f);
        x64g_gen_edge(g, i->block, e);
        return;
    }
    case IR_ret:
        x64g_load_tagged(g, X64_RAX, v[0]);
        x64_jmp(a, g->epilogue);
        return;
    case IR_deopt:
        x64_jmp(a, x64g_exit_for(g, i, false));
        return;
    case IR_guard: {
        IrInstr *c = v[0];
        if (c->aux == AUX_FUSED &&
            (c->op == IR_is_type || c->op == IR_is_float || c->op == IR_func_code_is ||
             c->op == IR_is_cfunc)) {
            if (!x64g_type_guard(g, c, x64g_exit_for(g, i, false)))
                x64g_fail(g, "a type test of a type without a symbol");
            return;
        }
        X64Cond cc = cond_of(g, i);
        x64_jcc(a, x64_cc_not(cc), x64g_exit_for(g, i, false));
        return;
    }
    case IR_select: {
        x64g_load(g, X64_RCX, v[0]);
        x64g_load(g, X64_RAX, v[2]);
        x64g_load(g, X64_RDX, v[1]);
        x64_rr(a, X64_TEST, X64_D, X64_RCX, X64_RCX);
        x64_cmov(a, X64_CC_NE, X64_Q, X64_RAX, X64_RDX);
        x64g_store(g, i, X64_RAX);
        return;
    }
    case IR_is_type: case IR_is_float: case IR_func_code_is: case IR_is_cfunc: {
        /* the test a fused guard makes (x64g_type_guard), as a value: 0 where it would exit */
        X64Label no = x64_label_new(a), done = x64_label_new(a);
        if (!x64g_type_guard(g, i, no)) {
            x64g_fail(g, "a type test of a type or function without a symbol");
            return;
        }
        x64_ri(a, X64_MOV, X64_D, X64_RAX, 1);
        x64_jmp(a, done);
        x64_label_bind(a, no);
        x64_ri(a, X64_MOV, X64_D, X64_RAX, 0);
        x64_label_bind(a, done);
        x64g_store(g, i, X64_RAX);
        return;
    }
    case IR_box_int: {
        X64Label done = x64_label_new(a), slow = cold_at(g, i, COLD_BOXI, done);
        x64g_load(g, X64_RAX, v[0]);
        check_small_range(g, slow);
        x64_rm(a, X64_LEA, X64_Q, X64_RAX, x64_mem_idx(X64_NOREG, X64_RAX, 4, 1));
        x64_label_bind(a, done);
        x64g_store(g, i, X64_RAX);
        return;
    }
    case IR_unbox_float:
        x64g_load(g, X64_RAX, v[0]);
        unbox_float_rax(g);
        x64g_storex(g, i, X64_XMM0);
        return;
    case IR_box_float:
        x64g_loadx(g, X64_XMM0, v[0]);
        box_float_xmm0(g, i);
        x64g_store(g, i, X64_RAX);
        return;
    case IR_num_to_f64: {
        X64Label notint = x64_label_new(a), isfloat = x64_label_new(a), done = x64_label_new(a);
        X64Label ex = x64g_exit_for(g, i, false);
        x64g_load(g, X64_RAX, v[0]);
        x64_rr(a, X64_MOV, X64_D, X64_RCX, X64_RAX);
        x64_ri(a, X64_AND, X64_D, X64_RCX, 3);
        x64_ri(a, X64_CMP, X64_D, X64_RCX, 1);
        x64_jcc(a, X64_CC_NE, notint);
        x64_ri(a, X64_SAR, X64_Q, X64_RAX, 2);
        x64_xr(a, X64_CVTSI2SD, X64_Q, X64_XMM0, X64_RAX);
        x64_jmp(a, done);
        x64_label_bind(a, notint);
        x64_ri(a, X64_CMP, X64_D, X64_RCX, 2);
        x64_jcc(a, X64_CC_E, isfloat);
        x64g_check_type(a, X64_RAX, "tr_float_type", ex);
        x64_label_bind(a, isfloat);
        unbox_float_rax(g);
        x64_label_bind(a, done);
        x64g_storex(g, i, X64_XMM0);
        return;
    }
    case IR_bool_to_obj:
        x64g_load_tagged(g, X64_RAX, v[0]);
        x64g_store(g, i, X64_RAX);
        return;
    case IR_is_true_obj:
        x64g_load(g, X64_RAX, v[0]);
        x64_mov_abs(a, X64_RCX, "tr_true_obj", 0);
        x64_rr(a, X64_CMP, X64_Q, X64_RAX, X64_RCX);
        set_bool(g, i, X64_CC_E);
        return;
    case IR_lm_slot0: /* r has bit 2: the method (r & ~7); else NULL */
        x64g_load(g, X64_RCX, v[0]);
        x64_ri(a, X64_MOV, X64_D, X64_RAX, 0);
        x64_rr(a, X64_MOV, X64_Q, X64_RDX, X64_RCX);
        x64_ri(a, X64_AND, X64_Q, X64_RDX, -8);
        x64_ri(a, X64_TEST, X64_B, X64_RCX, 4);
        x64_cmov(a, X64_CC_NE, X64_Q, X64_RAX, X64_RDX);
        x64g_store(g, i, X64_RAX);
        return;
    case IR_lm_slot1: /* bit 2: obj; else the attribute r */
        x64g_load(g, X64_RAX, v[0]);
        x64g_load(g, X64_RDX, v[1]);
        x64_ri(a, X64_TEST, X64_B, X64_RAX, 4);
        x64_cmov(a, X64_CC_NE, X64_Q, X64_RAX, X64_RDX);
        x64g_store(g, i, X64_RAX);
        return;
    case IR_floordiv_i64: case IR_mod_i64:
        x64g_load(g, X64_RAX, v[0]);
        x64g_load(g, X64_RCX, v[1]);
        x64_rr(a, X64_TEST, X64_Q, X64_RCX, X64_RCX);
        x64_jcc(a, X64_CC_E, x64g_exit_for(g, i, false));
        x64_floordiv_mod(a, i->op == IR_mod_i64);
        x64g_store(g, i, X64_RAX);
        return;
    case IR_neg_f64:
        x64g_load(g, X64_RAX, v[0]);
        x64_ri(a, X64_MOV, X64_Q, X64_RCX, INT64_MIN);
        x64_rr(a, X64_XOR, X64_Q, X64_RAX, X64_RCX);
        x64g_store(g, i, X64_RAX);
        return;
    case IR_range_iter_virtual: /* only exits build it (x64g_load_tagged) */
        return;
    case IR_range_next: { /* the items of a range of small ints are small ints */
        X64Label stop = x64_label_new(a), done = x64_label_new(a);
        X64Reg it = X64_RCX;
        if (x64g_in_reg(g, v[0]))
            it = (X64Reg)v[0]->reg;
        else
            x64g_load(g, X64_RCX, v[0]);
        x64_rm(a, X64_MOV, X64_Q, X64_RAX,
               x64_mem(it, (int32_t)offsetof(TrRangeIter, remaining)));
        x64_rr(a, X64_TEST, X64_Q, X64_RAX, X64_RAX);
        x64_jcc(a, X64_CC_E, stop);
        x64_r(a, X64_DEC, X64_Q, X64_RAX);
        x64_mr(a, X64_MOV, X64_Q, x64_mem(it, (int32_t)offsetof(TrRangeIter, remaining)),
               X64_RAX);
        x64_rm(a, X64_MOV, X64_Q, X64_RAX, x64_mem(it, (int32_t)offsetof(TrRangeIter, cur)));
        x64_rm(a, X64_MOV, X64_Q, X64_RDX,
               x64_mem(it, (int32_t)offsetof(TrRangeIter, step)));
        x64_rr(a, X64_ADD, X64_Q, X64_RDX, X64_RAX);
        x64_mr(a, X64_MOV, X64_Q, x64_mem(it, (int32_t)offsetof(TrRangeIter, cur)), X64_RDX);
        x64_rm(a, X64_LEA, X64_Q, X64_RAX, x64_mem_idx(X64_NOREG, X64_RAX, 4, 1));
        x64_jmp(a, done);
        x64_label_bind(a, stop);
        x64_ri(a, X64_MOV, X64_D, X64_RAX, TR_STOP);
        x64_label_bind(a, done);
        x64g_store(g, i, X64_RAX);
        return;
    }
    case IR_list_set:
        x64g_load_tagged(g, X64_RDX, v[2]);
        x64g_load(g, X64_RAX, v[0]);
        x64g_load(g, X64_RCX, v[1]);
        x64_rm(a, X64_MOV, X64_Q, X64_RAX, x64_mem(X64_RAX, (int32_t)offsetof(TrList, items)));
        x64_mr(a, X64_MOV, X64_Q, x64_mem_idx(X64_RAX, X64_RCX, 8, 0), X64_RDX);
        return;
    case IR_binop:
        if (!arith_inline(i))
            break;
        gen_binop(g, i);
        return;
    case IR_compare: {
        if (!arith_inline(i))
            break;
        IrInstr *t = i->next; /* compare, truth, branch: one fused test */
        if (t && t->op == IR_truth && t->args[0] == i && g->uses[i->id] == 1 && t->next &&
            (t->next->op == IR_branch || t->next->op == IR_guard) && t->next->args[0] == t &&
            fusable(g, t, t->next)) {
            i->aux = AUX_IN_TRUTH;
            return;
        }
        gen_compare(g, i);
        return;
    }
    case IR_truth:
        if (!truth_inline(i))
            break;
        gen_truth(g, i, false);
        return;
    default:
        break;
    }
    if (ir_info(i)->helper) {
        x64g_gen_helper_call(g, i);
        return;
    }
    x64g_fail(g, "an IR operation the x86-64 back-end does not lower");
}

bool x64_gen(IrFunc *fn, const char *sym, McCode *out, const char **why)
{
    Gen gg = {0}, *g = &gg;
    g->fn = fn;
    g->co = fn->co;
    x64_asm_init(&g->a, out);
    X64Asm *a = &g->a;
    /* registers; one home slot per value, plus the scratch slot of phi moves */
    g->park = ra_allocate(fn, &x64_ra, &g->across);
    g->save_base = g->park + 1;
    for (int b = 0; b < fn->nblocks; b++)
        for (IrInstr *i = fn->blocks[b]->first; i; i = i->next)
            if (i->reg >= 0) {
                if (i->type == IT_F)
                    g->save_xmms |= BIT(i->reg);
                else if (CALLER_SAVED & BIT(i->reg))
                    g->save_gprs |= BIT(i->reg);
            }
    g->nslots = g->save_base + __builtin_popcount(g->save_gprs) +
                __builtin_popcount(g->save_xmms);
    g->uses = calloc((size_t)fn->nvalues + 1, sizeof(int));
    if (!g->uses)
        abort();
    for (int b = 0; b < fn->nblocks; b++)
        for (IrInstr *i = fn->blocks[b]->first; i; i = i->next) {
            i->aux = NULL;
            for (int k = 0; k < i->nargs; k++)
                g->uses[i->args[k]->id]++;
            if (i->fs)
                for (int k = 0; k < i->fs->nlocals + i->fs->nstack; k++)
                    if (i->fs->vals[k])
                        g->uses[i->fs->vals[k]->id]++;
        }
    int frame = 8 * g->nslots;
    frame += (frame + SAVED + 16) % 16 ? 8 : 0; /* rsp 16-aligned at calls: ret + rbp + saved */
    g->block_label = calloc((size_t)fn->nblocks + 1, sizeof(X64Label));
    if (!g->block_label)
        abort();
    for (int b = 0; b < fn->nblocks; b++)
        g->block_label[b] = x64_label_new(a);
    g->epilogue = x64_label_new(a);

    x64_r(a, X64_PUSH, X64_Q, X64_RBP);
    x64_rr(a, X64_MOV, X64_Q, X64_RBP, X64_RSP);
    x64_r(a, X64_PUSH, X64_Q, X64_RBX);
    x64_r(a, X64_PUSH, X64_Q, X64_R12);
    x64_r(a, X64_PUSH, X64_Q, X64_R13);
    x64_r(a, X64_PUSH, X64_Q, X64_R14);
    x64_r(a, X64_PUSH, X64_Q, X64_R15);
    if (frame)
        x64_ri(a, X64_SUB, X64_Q, X64_RSP, frame);
    x64_rr(a, X64_MOV, X64_Q, X64_RBX, X64_RDI);

    for (int b = 0; b < fn->nblocks && !g->why; b++) {
        IrBlock *bb = fn->blocks[b];
        TR_ASSERT(bb->id == b);
        x64_label_bind(a, g->block_label[b]);
        for (IrInstr *i = bb->first; i && !g->why; i = i->next) {
            g->cur = i;
            gen_instr(g, i);
        }
    }
    for (int k = 0; k < g->ncolds && !g->why; k++)
        emit_cold(g, g->colds[k]);
    for (int k = 0; k < g->nexits && !g->why; k++)
        x64g_emit_exit(g, &g->exits[k]);

    x64_label_bind(a, g->epilogue);
    x64_rm(a, X64_LEA, X64_Q, X64_RSP, x64_mem(X64_RBP, -SAVED));
    x64_r(a, X64_POP, X64_Q, X64_R15);
    x64_r(a, X64_POP, X64_Q, X64_R14);
    x64_r(a, X64_POP, X64_Q, X64_R13);
    x64_r(a, X64_POP, X64_Q, X64_R12);
    x64_r(a, X64_POP, X64_Q, X64_RBX);
    x64_r(a, X64_POP, X64_Q, X64_RBP);
    x64_op(a, X64_RET);
    TR_UNUSED(sym);
    if (g->why) {
        /* labels may be left unbound after a failure: bind them so the assembler is happy */
        for (int b = 0; b < fn->nblocks; b++)
            if (!x64_label_is_bound(a, g->block_label[b]))
                x64_label_bind(a, g->block_label[b]);
        for (int k = 0; k < g->nexits; k++)
            if (!x64_label_is_bound(a, g->exits[k].label))
                x64_label_bind(a, g->exits[k].label);
        for (int k = 0; k < g->ncolds; k++) {
            if (!x64_label_is_bound(a, g->colds[k].entry))
                x64_label_bind(a, g->colds[k].entry);
            if (!x64_label_is_bound(a, g->colds[k].resume))
                x64_label_bind(a, g->colds[k].resume);
        }
    }
    x64_asm_done(a);
    free(g->block_label);
    free(g->exits);
    free(g->colds);
    free(g->uses);
    free(g->across);
    if (g->why) {
        *why = g->why;
        return false;
    }
    return true;
}
