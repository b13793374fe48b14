/*
 * x64_ops.c -- lowering of the unboxed operations (int64 and double arithmetic, compares, list
 * and tuple access, tagging) straight on the registers the allocator gave their values: operands
 * are used where they live (register, immediate or home slot), and results are computed in
 * their own register, going through the scratch rax/rcx/xmm0/xmm1 only when they must.
 */
#include "backend/x86_64/x64_gen_internal.h"

#include "backend/rt_symbols.h"

/* The register holding v (of v's class), or -1. */
static int greg(Gen *g, IrInstr *v)
{
    return x64g_in_reg(g, v) && v->type != IT_F ? v->reg : -1;
}

static int xreg(Gen *g, IrInstr *v)
{
    return x64g_in_reg(g, v) && v->type == IT_F ? v->reg : -1;
}

/* Whether v is a constant whose word fits a sign-extended imm32 (*k). */
static bool imm32(IrInstr *v, int64_t *k)
{
    if (v->reg != RA_REMAT)
        return false;
    if (v->op == IR_const_i64 || v->op == IR_const_bool)
        *k = v->imm;
    else if (v->op == IR_const && !tr_is_ptr(v->cval))
        *k = (int64_t)v->cval;
    else
        return false;
    return *k == (int32_t)*k;
}

/* The register v is in, or scratch loaded with it. */
static X64Reg use_reg(Gen *g, IrInstr *v, X64Reg scratch)
{
    int r = greg(g, v);
    if (r >= 0)
        return (X64Reg)r;
    x64g_load(g, scratch, v);
    return scratch;
}

static X64Xmm use_xmm(Gen *g, IrInstr *v, X64Xmm scratch)
{
    int r = xreg(g, v);
    if (r >= 0)
        return (X64Xmm)r;
    x64g_loadx(g, scratch, v);
    return scratch;
}

/* Whether v is read from its home slot. */
static bool spilled(Gen *g, IrInstr *v)
{
    return v->reg == RA_SPILLED || (v->reg >= 0 && g->in_exit);
}

/* The register i's result is computed in: its own, or scratch. */
static X64Reg def_reg(IrInstr *i, X64Reg scratch)
{
    return i->reg >= 0 && i->type != IT_F ? (X64Reg)i->reg : scratch;
}

static X64Xmm def_xmm(IrInstr *i, X64Xmm scratch)
{
    return i->reg >= 0 && i->type == IT_F ? (X64Xmm)i->reg : scratch;
}

static void def_done(Gen *g, IrInstr *i, X64Reg r)
{
    if (i->reg != (int)r)
        x64g_store(g, i, r);
}

/* op dst, v with v an immediate, a register or a home slot (else loaded into rcx). */
static void alu_operand(Gen *g, X64Op op, X64Reg dst, IrInstr *v)
{
    X64Asm *a = &g->a;
    int64_t k;
    int r = greg(g, v);
    if (imm32(v, &k)) {
        if (op == X64_IMUL)
            x64_rri(a, X64_IMUL, X64_Q, dst, dst, (int32_t)k);
        else
            x64_ri(a, op, X64_Q, dst, k);
    } else if (r >= 0) {
        x64_rr(a, op, X64_Q, dst, (X64Reg)r);
    } else if (spilled(g, v)) {
        x64_rm(a, op, X64_Q, dst, x64g_val_mem(g, v));
    } else {
        x64g_load(g, X64_RCX, v);
        x64_rr(a, op, X64_Q, dst, X64_RCX);
    }
}

static void sse_operand(Gen *g, X64Op op, X64Xmm dst, IrInstr *v)
{
    int r = xreg(g, v);
    if (r >= 0)
        x64_xx(&g->a, op, dst, (X64Xmm)r);
    else if (spilled(g, v))
        x64_xm(&g->a, op, dst, x64g_val_mem(g, v));
    else {
        x64g_loadx(g, X64_XMM1, v);
        x64_xx(&g->a, op, dst, X64_XMM1);
    }
}

/* Whether v is known to fit a small int (62 bits), so that v * 4 does not overflow. */
static bool known_small(IrInstr *v, int depth)
{
    int64_t k;
    switch (v->op) {
    case IR_untag_int: case IR_add_i64_ov: case IR_sub_i64_ov: case IR_mul_i64_ov:
    case IR_list_len: case IR_tuple_len:
        return true;
    case IR_const_i64:
        k = v->imm;
        return k >= -((int64_t)1 << 60) && k < ((int64_t)1 << 60);
    case IR_phi:
        if (depth > 3)
            return false;
        for (int j = 0; j < v->nargs; j++)
            if (v->args[j] != v && !known_small(v->args[j], depth + 1))
                return false;
        return true;
    default:
        return false;
    }
}

/* add sub mul and or xor (with the _ov forms) of int64 values. */
static void int_binop(Gen *g, IrInstr *i)
{
    static const uint8_t xop[] = {
        [IR_add_i64] = X64_ADD, [IR_sub_i64] = X64_SUB, [IR_mul_i64] = X64_IMUL,
        [IR_and_i64] = X64_AND, [IR_or_i64] = X64_OR, [IR_xor_i64] = X64_XOR,
        [IR_add_i64_ov] = X64_ADD, [IR_sub_i64_ov] = X64_SUB, [IR_mul_i64_ov] = X64_IMUL};
    X64Asm *a = &g->a;
    X64Op op = (X64Op)xop[i->op];
    bool ov = i->op == IR_add_i64_ov || i->op == IR_sub_i64_ov || i->op == IR_mul_i64_ov;
    IrInstr *x = i->args[0], *y = i->args[1];
    X64Reg d = def_reg(i, X64_RAX);
    if (greg(g, y) == (int)d && greg(g, x) != (int)d) {
        if (op != X64_SUB) {
            IrInstr *t = x;
            x = y;
            y = t;
        } else {
            d = X64_RAX;
        }
    }
    int64_t k;
    /* both known small: one overflow check in the shifted domain (x * 4 op y * 4 overflows
       64 bits exactly when x op y leaves the 62 bits of a small int) */
    if (ov && known_small(x, 0) && known_small(y, 0) &&
        (op == X64_IMUL || !imm32(y, &k) || k * 4 == (int32_t)(k * 4))) {
        X64Label ex = x64g_exit_for(g, i, false);
        if (greg(g, y) == (int)d) /* x is y: keep y as it is */
            d = X64_RAX;
        x64g_load(g, d, x);
        x64_ri(a, X64_SHL, X64_Q, d, 2);
        if (op == X64_IMUL || imm32(y, &k)) {
            if (op != X64_IMUL && imm32(y, &k))
                x64_ri(a, op, X64_Q, d, k * 4);
            else
                alu_operand(g, op, d, y);
        } else {
            x64g_load(g, X64_RCX, y);
            x64_ri(a, X64_SHL, X64_Q, X64_RCX, 2);
            x64_rr(a, op, X64_Q, d, X64_RCX);
        }
        x64_jcc(a, X64_CC_O, ex);
        x64_ri(a, X64_SAR, X64_Q, d, 2);
        def_done(g, i, d);
        return;
    }
    x64g_load(g, d, x);
    alu_operand(g, op, d, y);
    if (ov) {
        X64Label ex = x64g_exit_for(g, i, false);
        x64_jcc(a, X64_CC_O, ex);
        x64_rr(a, X64_MOV, X64_Q, X64_RCX, d);
        x64_ri(a, X64_SHL, X64_Q, X64_RCX, 2);
        x64_ri(a, X64_SAR, X64_Q, X64_RCX, 2);
        x64_rr(a, X64_CMP, X64_Q, X64_RCX, d);
        x64_jcc(a, X64_CC_NE, ex);
    }
    def_done(g, i, d);
}

static void sse_binop(Gen *g, IrInstr *i)
{
    static const uint8_t xop[] = {[IR_add_f64] = X64_ADDSD, [IR_sub_f64] = X64_SUBSD,
                                  [IR_mul_f64] = X64_MULSD, [IR_div_f64] = X64_DIVSD};
    X64Asm *a = &g->a;
    X64Op op = (X64Op)xop[i->op];
    IrInstr *x = i->args[0], *y = i->args[1];
    X64Xmm d = def_xmm(i, X64_XMM0);
    if (xreg(g, y) == (int)d && xreg(g, x) != (int)d) {
        if (op == X64_ADDSD || op == X64_MULSD) {
            IrInstr *t = x;
            x = y;
            y = t;
        } else {
            d = X64_XMM0;
        }
    }
    if (op == X64_DIVSD) { /* zero (or NaN: also deopts) */
        X64Xmm r = use_xmm(g, y, X64_XMM1);
        x64_xx(a, X64_XORPD, X64_XMM2, X64_XMM2);
        x64_xx(a, X64_UCOMISD, r, X64_XMM2);
        x64_jcc(a, X64_CC_E, x64g_exit_for(g, i, false));
    }
    x64g_loadx(g, d, x);
    sse_operand(g, op, d, y);
    if (i->reg != (int)d)
        x64g_storex(g, i, d);
}

static int64_t swap_cond(int64_t op)
{
    switch (op) {
    case TR_LT: return TR_GT;
    case TR_LE: return TR_GE;
    case TR_GT: return TR_LT;
    case TR_GE: return TR_LE;
    default: return op;
    }
}

bool x64g_direct_flags(Gen *g, IrInstr *c, X64Cond *cc)
{
    X64Asm *a = &g->a;
    IrInstr *x = c->args[0], *y = c->nargs > 1 ? c->args[1] : NULL;
    int64_t k;
    switch (c->op) {
    case IR_cmp_i64: case IR_eq_word: {
        int64_t op = c->op == IR_eq_word ? TR_EQ : c->imm;
        if (x->reg == RA_REMAT && y->reg != RA_REMAT) { /* cmp reg, imm */
            IrInstr *t = x;
            x = y;
            y = t;
            op = swap_cond(op);
        }
        X64Reg r = use_reg(g, x, X64_RAX);
        if (imm32(y, &k) && k == 0) /* test sets ZF and SF as cmp 0 does, and clears OF */
            x64_rr(a, X64_TEST, X64_Q, r, r);
        else
            alu_operand(g, X64_CMP, r, y);
        *cc = x64g_int_cond((int)op);
        return true;
    }
    case IR_is_small: case IR_is_flonum:
        x64_ri(a, X64_TEST, X64_B, use_reg(g, x, X64_RAX), c->op == IR_is_small ? 1 : 2);
        *cc = X64_CC_NE; /* tag 11 is never a value */
        return true;
    case IR_is_stop:
        x64_ri(a, X64_CMP, X64_Q, use_reg(g, x, X64_RAX), TR_STOP);
        *cc = X64_CC_E;
        return true;
    case IR_cmp_f64: {
        if (c->imm == TR_EQ || c->imm == TR_NE)
            return false;
        bool swap = c->imm == TR_LT || c->imm == TR_LE;
        X64Xmm l = use_xmm(g, swap ? y : x, X64_XMM0);
        sse_operand(g, X64_UCOMISD, l, swap ? x : y);
        *cc = c->imm == TR_LT || c->imm == TR_GT ? X64_CC_A : X64_CC_AE;
        return true;
    }
    default:
        return false;
    }
}

void x64g_check_type(X64Asm *a, X64Reg r, const char *type_sym, X64Label fail)
{
    x64_ri(a, X64_TEST, X64_B, r, 7);
    x64_jcc(a, X64_CC_NE, fail);
    x64_rr(a, X64_TEST, X64_Q, r, r);
    x64_jcc(a, X64_CC_E, fail);
    x64_mov_abs(a, X64_RCX, type_sym, 0);
    x64_rm(a, X64_CMP, X64_Q, X64_RCX, x64_mem(r, 0));
    x64_jcc(a, X64_CC_NE, fail);
}

bool x64g_type_guard(Gen *g, IrInstr *c, X64Label fail)
{
    X64Asm *a = &g->a;
    const void *type = c->op == IR_is_type ? (const void *)(uintptr_t)c->imm
                       : c->op == IR_is_float ? (const void *)&tr_float_type
                       : c->op == IR_func_code_is ? (const void *)&tr_function_type
                       : c->op == IR_is_cfunc ? (const void *)&tr_builtin_type : NULL;
    const char *sym = type ? x64g_static_symbol(type) : NULL;
    bool by_code = c->op == IR_func_code_is && !c->imm; /* the JIT: imm2 is the CodeObj */
    const char *want = by_code                  ? ""
                       : c->op == IR_func_code_is ? (const char *)(uintptr_t)c->imm
                       : c->op == IR_is_cfunc ? rt_symbol_name((const void *)(uintptr_t)c->imm)
                                              : "";
    if (!sym || !want)
        return false;
    X64Reg r = use_reg(g, c->args[0], X64_RAX);
    X64Label ok = x64_label_new(a);
    if (c->op == IR_is_float) { /* a flonum (tag 10; 11 is never a value) */
        x64_ri(a, X64_TEST, X64_B, r, 2);
        x64_jcc(a, X64_CC_NE, ok);
    }
    x64g_check_type(a, r, sym, fail);
    if (c->op == IR_func_code_is) { /* its code's machine code is the symbol imm */
        x64_rm(a, X64_MOV, X64_Q, X64_RAX, x64_mem(r, (int32_t)offsetof(TrFunction, code)));
        if (!by_code)
            x64_rm(a, X64_MOV, X64_Q, X64_RAX,
                   x64_mem(X64_RAX, (int32_t)offsetof(CodeObj, mcode)));
    } else if (c->op == IR_is_cfunc) { /* its C function is imm */
        x64_rm(a, X64_MOV, X64_Q, X64_RAX, x64_mem(r, (int32_t)offsetof(TrBuiltin, fn)));
    }
    if (c->op == IR_func_code_is || c->op == IR_is_cfunc) {
        if (by_code)
            x64_ri(a, X64_MOV, X64_Q, X64_RCX, c->imm2);
        else
            x64_mov_abs(a, X64_RCX, want, 0);
        x64_rr(a, X64_CMP, X64_Q, X64_RAX, X64_RCX);
        x64_jcc(a, X64_CC_NE, fail);
    }
    x64_label_bind(a, ok);
    return true;
}

bool x64g_gen_direct(Gen *g, IrInstr *i)
{
    X64Asm *a = &g->a;
    IrInstr **v = i->args;
    X64Cond cc;
    switch (i->op) {
    case IR_copy:
        if (i->type == IT_F) {
            x64g_loadx(g, def_xmm(i, X64_XMM0), v[0]);
            x64g_storex(g, i, def_xmm(i, X64_XMM0));
        } else {
            x64g_load(g, def_reg(i, X64_RAX), v[0]);
            def_done(g, i, def_reg(i, X64_RAX));
        }
        return true;
    case IR_entry_local: case IR_stack_slot: {
        int k = i->op == IR_entry_local ? (int)i->imm : g->co->nlocalsplus + (int)i->imm;
        X64Reg d = def_reg(i, X64_RAX);
        x64_rm(a, X64_MOV, X64_Q, d, x64g_lp_mem(k));
        def_done(g, i, d);
        return true;
    }
    case IR_add_i64: case IR_sub_i64: case IR_mul_i64: case IR_and_i64: case IR_or_i64:
    case IR_xor_i64: case IR_add_i64_ov: case IR_sub_i64_ov: case IR_mul_i64_ov:
        int_binop(g, i);
        return true;
    case IR_add_f64: case IR_sub_f64: case IR_mul_f64: case IR_div_f64:
        sse_binop(g, i);
        return true;
    case IR_sqrt_f64: {
        X64Xmm d = def_xmm(i, X64_XMM0);
        sse_operand(g, X64_SQRTSD, d, v[0]);
        if (i->reg != (int)d)
            x64g_storex(g, i, d);
        return true;
    }
    case IR_i64_to_f64: {
        X64Xmm d = def_xmm(i, X64_XMM0);
        X64Reg r = use_reg(g, v[0], X64_RAX);
        x64_xx(a, X64_XORPD, d, d); /* no dependence on d's old value */
        x64_xr(a, X64_CVTSI2SD, X64_Q, d, r);
        if (i->reg != (int)d)
            x64g_storex(g, i, d);
        return true;
    }
    case IR_cmp_f64:
        if (i->imm == TR_EQ || i->imm == TR_NE) { /* PF: NaN is unequal to everything */
            X64Reg d = def_reg(i, X64_RAX);
            sse_operand(g, X64_UCOMISD, use_xmm(g, v[0], X64_XMM0), v[1]);
            x64_setcc(a, i->imm == TR_EQ ? X64_CC_E : X64_CC_NE, X64_RAX);
            x64_setcc(a, i->imm == TR_EQ ? X64_CC_NP : X64_CC_P, X64_RCX);
            x64_rr(a, i->imm == TR_EQ ? X64_AND : X64_OR, X64_D, X64_RAX, X64_RCX);
            x64_rr(a, X64_MOVZX8, X64_D, d, X64_RAX);
            def_done(g, i, d);
            return true;
        }
        /* fall through */
    case IR_cmp_i64: case IR_eq_word: case IR_is_small: case IR_is_flonum: case IR_is_stop: {
        if (!x64g_direct_flags(g, i, &cc))
            return false;
        X64Reg d = def_reg(i, X64_RAX);
        x64_setcc(a, cc, d);
        x64_rr(a, X64_MOVZX8, X64_D, d, d);
        def_done(g, i, d);
        return true;
    }
    case IR_shl_i64: case IR_sar_i64: {
        X64Op op = i->op == IR_shl_i64 ? X64_SHL : X64_SAR;
        X64Reg d = def_reg(i, X64_RAX);
        int64_t k;
        if (imm32(v[1], &k) && k >= 0 && k < 64) {
            x64g_load(g, d, v[0]);
            x64_ri(a, op, X64_Q, d, k);
        } else { /* the count in cl first: d may be the count's register */
            x64g_load(g, X64_RCX, v[1]);
            x64g_load(g, d, v[0]);
            x64_r_cl(a, op, X64_Q, d);
        }
        def_done(g, i, d);
        return true;
    }
    case IR_neg_i64: case IR_not_b: {
        X64Reg d = def_reg(i, X64_RAX);
        x64g_load(g, d, v[0]);
        if (i->op == IR_neg_i64)
            x64_r(a, X64_NEG, X64_Q, d);
        else
            x64_ri(a, X64_XOR, X64_D, d, 1);
        def_done(g, i, d);
        return true;
    }
    case IR_untag_int: {
        X64Reg d = def_reg(i, X64_RAX);
        x64g_load(g, d, v[0]);
        x64_ri(a, X64_SAR, X64_Q, d, 2);
        def_done(g, i, d);
        return true;
    }
    case IR_tag_int: {
        X64Reg d = def_reg(i, X64_RAX);
        X64Reg r = use_reg(g, v[0], X64_RAX);
        x64_rm(a, X64_LEA, X64_Q, d, x64_mem_idx(X64_NOREG, r, 4, 1));
        def_done(g, i, d);
        return true;
    }
    case IR_list_len: case IR_tuple_len: {
        X64Reg d = def_reg(i, X64_RAX);
        X64Reg r = use_reg(g, v[0], X64_RAX);
        x64_rm(a, X64_MOV, X64_Q, d,
               x64_mem(r, i->op == IR_list_len ? (int32_t)offsetof(TrList, len)
                                               : (int32_t)offsetof(TrTuple, len)));
        def_done(g, i, d);
        return true;
    }
    case IR_list_item: case IR_tuple_item: {
        X64Reg d = def_reg(i, X64_RAX);
        X64Reg base = use_reg(g, v[0], X64_RAX);
        int32_t off = 0;
        if (i->op == IR_list_item) {
            x64_rm(a, X64_MOV, X64_Q, X64_RAX, x64_mem(base, (int32_t)offsetof(TrList, items)));
            base = X64_RAX;
        } else {
            off = (int32_t)offsetof(TrTuple, items);
        }
        int64_t k;
        if (imm32(v[1], &k) && k >= 0 && k < (1 << 24))
            x64_rm(a, X64_MOV, X64_Q, d, x64_mem(base, off + 8 * (int32_t)k));
        else
            x64_rm(a, X64_MOV, X64_Q, d,
                   x64_mem_idx(base, use_reg(g, v[1], X64_RCX), 8, off));
        def_done(g, i, d);
        return true;
    }
    case IR_list_set: {
        if (v[2]->type != IT_T)
            return false;
        X64Reg val = use_reg(g, v[2], X64_RDX);
        X64Reg base = use_reg(g, v[0], X64_RAX);
        x64_rm(a, X64_MOV, X64_Q, X64_RAX, x64_mem(base, (int32_t)offsetof(TrList, items)));
        int64_t k;
        if (imm32(v[1], &k) && k >= 0 && k < (1 << 24))
            x64_mr(a, X64_MOV, X64_Q, x64_mem(X64_RAX, 8 * (int32_t)k), val);
        else
            x64_mr(a, X64_MOV, X64_Q, x64_mem_idx(X64_RAX, use_reg(g, v[1], X64_RCX), 8, 0),
                   val);
        return true;
    }
    default:
        return false;
    }
}
