/*
 * x64_arith.c -- inline fast paths of the generic binop, compare and truth operations: small
 * ints (tagged arithmetic with an overflow check) and floats (flonums, boxed floats, and small
 * ints mixed with them: decoded, one SSE operation, encoded back). Anything else, and every
 * result these paths cannot produce exactly, jumps to the caller's slow path (the helper call).
 */
#include "backend/x86_64/x64_arith.h"
#include "backend/x86_64/x64_gen_internal.h"

#include "runtime/runtime.h"

#define A X64_RAX /* operand a (tagged) */
#define B X64_RCX /* operand b (tagged) */

static int base_op(int op) { return op >= TR_OP__COUNT ? op - TR_OP__COUNT : op; }

static bool int_op(int op)
{
    switch (base_op(op)) {
    case TR_OP_ADD: case TR_OP_SUB: case TR_OP_MUL: case TR_OP_FLOORDIV: case TR_OP_MOD:
    case TR_OP_AND: case TR_OP_OR: case TR_OP_XOR: case TR_OP_LSHIFT: case TR_OP_RSHIFT:
    case TR_OP_TRUEDIV:
        return true;
    default:
        return false;
    }
}

static bool float_op(int op)
{
    switch (base_op(op)) {
    case TR_OP_ADD: case TR_OP_SUB: case TR_OP_MUL: case TR_OP_TRUEDIV:
        return true;
    default:
        return false;
    }
}

static bool has_int_path(unsigned kinds)
{
    return !(kinds & (X64A_A_DBL | X64A_B_DBL | X64A_NO_INT));
}

bool x64_arith_has_binop(int op, unsigned kinds)
{
    return (has_int_path(kinds) && int_op(op)) || (!(kinds & X64A_NO_FLT) && float_op(op));
}

bool x64_arith_has_compare(int op, unsigned kinds)
{
    return op >= TR_LT && op <= TR_GE && (has_int_path(kinds) || !(kinds & X64A_NO_FLT));
}

/* Jumps to notint unless rax and rcx are both small ints (tag 01; 11 is never a value). */
static void both_small(X64Asm *a, X64Label notint)
{
    x64_rr(a, X64_MOV, X64_D, X64_RDX, A);
    x64_rr(a, X64_AND, X64_D, X64_RDX, B);
    x64_ri(a, X64_TEST, X64_B, X64_RDX, 1);
    x64_jcc(a, X64_CC_E, notint);
}

/* Jumps to slow unless the int64 in r fits a small int (62 bits). Clobbers rdx. */
static void fits_small(X64Asm *a, X64Reg r, X64Label slow)
{
    x64_rr(a, X64_MOV, X64_Q, X64_RDX, r);
    x64_ri(a, X64_SHL, X64_Q, X64_RDX, 2);
    x64_ri(a, X64_SAR, X64_Q, X64_RDX, 2);
    x64_rr(a, X64_CMP, X64_Q, X64_RDX, r);
    x64_jcc(a, X64_CC_NE, slow);
}

static void tag_rax(X64Asm *a)
{
    x64_rm(a, X64_LEA, X64_Q, X64_RAX, x64_mem_idx(X64_NOREG, X64_RAX, 4, 1));
}

/* x <- the double of the small int in src; when exact, jumps to slow unless the conversion
   is exact (comparisons must compare the int's exact value). Clobbers rdx, r8. */
static void small_to_double(X64Asm *a, X64Reg src, X64Xmm x, bool exact, X64Label slow)
{
    x64_rr(a, X64_MOV, X64_Q, X64_RDX, src);
    x64_ri(a, X64_SAR, X64_Q, X64_RDX, 2);
    x64_xr(a, X64_CVTSI2SD, X64_Q, x, X64_RDX);
    if (exact) {
        x64_rx(a, X64_CVTTSD2SI, X64_Q, X64_R8, x);
        x64_rr(a, X64_CMP, X64_Q, X64_R8, X64_RDX);
        x64_jcc(a, X64_CC_NE, slow);
    }
}

/* x <- the double of src: a flonum, a small int, or an exact float object; else jumps to slow.
   r11 holds TR_FLONUM_BIAS. Clobbers rdx, r8, r9. */
static void to_double(X64Asm *a, X64Reg src, X64Xmm x, bool exact, X64Label slow)
{
    X64Label notflo = x64_label_new(a), ptr = x64_label_new(a), done = x64_label_new(a);
    x64_rr(a, X64_MOV, X64_D, X64_RDX, src);
    x64_ri(a, X64_AND, X64_D, X64_RDX, 3);
    x64_ri(a, X64_CMP, X64_D, X64_RDX, 2);
    x64_jcc(a, X64_CC_NE, notflo);
    /* flonum: rotate right 3, subtract the bias; the word 2 is +0.0 */
    x64_rr(a, X64_MOV, X64_Q, X64_RDX, src);
    x64_ri(a, X64_ROR, X64_Q, X64_RDX, 3);
    x64_rr(a, X64_SUB, X64_Q, X64_RDX, X64_R11);
    x64_rr(a, X64_XOR, X64_D, X64_R9, X64_R9);
    x64_ri(a, X64_CMP, X64_Q, src, TR_FLONUM_ZERO);
    x64_cmov(a, X64_CC_E, X64_Q, X64_RDX, X64_R9);
    x64_xr(a, X64_MOVQ, X64_Q, x, X64_RDX);
    x64_jmp(a, done);
    x64_label_bind(a, notflo);
    x64_ri(a, X64_CMP, X64_D, X64_RDX, 1);
    x64_jcc(a, X64_CC_NE, ptr);
    small_to_double(a, src, x, exact, slow);
    x64_jmp(a, done);
    x64_label_bind(a, ptr);
    x64_rr(a, X64_TEST, X64_D, X64_RDX, X64_RDX);
    x64_jcc(a, X64_CC_NE, slow);
    x64_mov_abs(a, X64_RDX, "tr_float_type", 0);
    x64_rm(a, X64_CMP, X64_Q, X64_RDX, x64_mem(src, 0));
    x64_jcc(a, X64_CC_NE, slow);
    x64_xm(a, X64_MOVSD, x, x64_mem(src, (int32_t)offsetof(TrFloat, d)));
    x64_label_bind(a, done);
}

/* rax <- the flonum of xmm0, or a jump to boxf when it has none. r11 holds the bias. */
static void encode(X64Asm *a, X64Label boxf)
{
    x64_rx(a, X64_MOVQ, X64_Q, X64_RAX, X64_XMM0);
    x64_rr(a, X64_ADD, X64_Q, X64_RAX, X64_R11);
    x64_ri(a, X64_ROL, X64_Q, X64_RAX, 3);
    x64_rr(a, X64_MOV, X64_D, X64_RDX, X64_RAX);
    x64_ri(a, X64_AND, X64_D, X64_RDX, 3);
    x64_ri(a, X64_CMP, X64_D, X64_RDX, 2);
    x64_jcc(a, X64_CC_NE, boxf);
    x64_ri(a, X64_CMP, X64_Q, X64_RAX, TR_FLONUM_ZERO);
    x64_jcc(a, X64_CC_E, boxf);
}

/* Jumps to slow when xmm1 is zero (or NaN: the helper decides). */
static void nonzero_divisor(X64Asm *a, X64Label slow)
{
    x64_xx(a, X64_XORPD, X64_XMM2, X64_XMM2);
    x64_xx(a, X64_UCOMISD, X64_XMM1, X64_XMM2);
    x64_jcc(a, X64_CC_E, slow);
}

/* Python's // or % of rax by rcx (untagged, rcx != 0): result in rax. */
void x64_floordiv_mod(X64Asm *a, bool mod)
{
    X64Label done = x64_label_new(a);
    x64_rr(a, X64_MOV, X64_Q, X64_R8, X64_RCX);
    x64_op(a, X64_CQO);
    x64_r(a, X64_IDIV, X64_Q, X64_RCX); /* rax = q, rdx = r (truncated) */
    x64_rr(a, X64_TEST, X64_Q, X64_RDX, X64_RDX);
    x64_jcc(a, X64_CC_E, done);
    x64_rr(a, X64_MOV, X64_Q, X64_R9, X64_RDX);
    x64_rr(a, X64_XOR, X64_Q, X64_R9, X64_R8);
    x64_jcc(a, X64_CC_NS, done); /* same signs: truncation is the floor */
    x64_r(a, X64_DEC, X64_Q, X64_RAX);
    x64_rr(a, X64_ADD, X64_Q, X64_RDX, X64_R8);
    x64_label_bind(a, done);
    if (mod)
        x64_rr(a, X64_MOV, X64_Q, X64_RAX, X64_RDX);
}

/* Both operands small ints: rax <- the tagged result, or a jump to slow. */
static void int_binop(X64Asm *a, int op, X64Label slow, X64Label boxf)
{
    switch (base_op(op)) {
    case TR_OP_ADD: /* (a) + (b - 1): the tags add up to one tag */
        x64_rm(a, X64_LEA, X64_Q, X64_RDX, x64_mem(B, -1));
        x64_rr(a, X64_ADD, X64_Q, X64_RAX, X64_RDX);
        x64_jcc(a, X64_CC_O, slow);
        return;
    case TR_OP_SUB: /* a - b has tag 00; or 1 adds it back (no overflow past a - b's) */
        x64_rr(a, X64_SUB, X64_Q, X64_RAX, B);
        x64_jcc(a, X64_CC_O, slow);
        x64_ri(a, X64_OR, X64_Q, X64_RAX, 1);
        return;
    case TR_OP_MUL: /* value(a) * 4 value(b): overflows exactly when the product does */
        x64_rm(a, X64_LEA, X64_Q, X64_RDX, x64_mem(B, -1));
        x64_ri(a, X64_SAR, X64_Q, X64_RAX, 2);
        x64_rr(a, X64_IMUL, X64_Q, X64_RAX, X64_RDX);
        x64_jcc(a, X64_CC_O, slow);
        x64_ri(a, X64_OR, X64_Q, X64_RAX, 1);
        return;
    case TR_OP_AND:
        x64_rr(a, X64_AND, X64_Q, X64_RAX, B);
        return;
    case TR_OP_OR:
        x64_rr(a, X64_OR, X64_Q, X64_RAX, B);
        return;
    case TR_OP_XOR:
        x64_rr(a, X64_XOR, X64_Q, X64_RAX, B);
        x64_ri(a, X64_OR, X64_Q, X64_RAX, 1);
        return;
    case TR_OP_FLOORDIV: case TR_OP_MOD: {
        bool mod = base_op(op) == TR_OP_MOD;
        x64_ri(a, X64_SAR, X64_Q, X64_RAX, 2);
        x64_ri(a, X64_SAR, X64_Q, X64_RCX, 2);
        x64_rr(a, X64_TEST, X64_Q, X64_RCX, X64_RCX);
        x64_jcc(a, X64_CC_E, slow); /* ZeroDivisionError */
        x64_floordiv_mod(a, mod);
        if (!mod) /* MIN // -1 */
            fits_small(a, X64_RAX, slow);
        tag_rax(a);
        return;
    }
    case TR_OP_LSHIFT: /* count in [0, 63] and no bit lost, else the helper */
        x64_ri(a, X64_SAR, X64_Q, X64_RCX, 2);
        x64_ri(a, X64_CMP, X64_Q, X64_RCX, 63);
        x64_jcc(a, X64_CC_A, slow);
        x64_ri(a, X64_SAR, X64_Q, X64_RAX, 2);
        x64_rr(a, X64_MOV, X64_Q, X64_R8, X64_RAX);
        x64_r_cl(a, X64_SHL, X64_Q, X64_R8);
        x64_rr(a, X64_MOV, X64_Q, X64_R9, X64_R8);
        x64_r_cl(a, X64_SAR, X64_Q, X64_R9);
        x64_rr(a, X64_CMP, X64_Q, X64_R9, X64_RAX);
        x64_jcc(a, X64_CC_NE, slow);
        fits_small(a, X64_R8, slow);
        x64_rr(a, X64_MOV, X64_Q, X64_RAX, X64_R8);
        tag_rax(a);
        return;
    case TR_OP_RSHIFT: /* negative count: the helper raises; counts past 63 act as 63 */
        x64_ri(a, X64_SAR, X64_Q, X64_RCX, 2);
        x64_jcc(a, X64_CC_S, slow);
        x64_ri(a, X64_MOV, X64_D, X64_RDX, 63);
        x64_ri(a, X64_CMP, X64_Q, X64_RCX, 63);
        x64_cmov(a, X64_CC_A, X64_Q, X64_RCX, X64_RDX);
        x64_ri(a, X64_SAR, X64_Q, X64_RAX, 2);
        x64_r_cl(a, X64_SAR, X64_Q, X64_RAX);
        tag_rax(a);
        return;
    case TR_OP_TRUEDIV: /* exact when both ints convert exactly (then IEEE rounds once) */
        small_to_double(a, A, X64_XMM0, true, slow);
        small_to_double(a, B, X64_XMM1, true, slow);
        nonzero_divisor(a, slow);
        x64_xx(a, X64_DIVSD, X64_XMM0, X64_XMM1);
        x64_ri(a, X64_MOV, X64_Q, X64_R11, (int64_t)TR_FLONUM_BIAS);
        encode(a, boxf);
        return;
    default:
        TR_ASSERT(0);
    }
}

void x64_arith_binop(X64Asm *a, int op, unsigned kinds, X64Label slow, X64Label boxf)
{
    bool ints = has_int_path(kinds) && int_op(op);
    bool flts = !(kinds & X64A_NO_FLT) && float_op(op);
    TR_ASSERT(ints || flts);
    X64Label notint = flts ? x64_label_new(a) : slow, done = x64_label_new(a);
    if (ints) {
        both_small(a, notint);
        int_binop(a, op, slow, boxf);
        if (flts)
            x64_jmp(a, done);
    }
    if (flts) {
        if (ints)
            x64_label_bind(a, notint);
        x64_ri(a, X64_MOV, X64_Q, X64_R11, (int64_t)TR_FLONUM_BIAS);
        if (!(kinds & X64A_A_DBL))
            to_double(a, A, X64_XMM0, false, slow);
        if (!(kinds & X64A_B_DBL))
            to_double(a, B, X64_XMM1, false, slow);
        switch (base_op(op)) {
        case TR_OP_ADD: x64_xx(a, X64_ADDSD, X64_XMM0, X64_XMM1); break;
        case TR_OP_SUB: x64_xx(a, X64_SUBSD, X64_XMM0, X64_XMM1); break;
        case TR_OP_MUL: x64_xx(a, X64_MULSD, X64_XMM0, X64_XMM1); break;
        default:
            nonzero_divisor(a, slow);
            x64_xx(a, X64_DIVSD, X64_XMM0, X64_XMM1);
        }
        encode(a, boxf);
    }
    x64_label_bind(a, done);
}

X64Cond x64g_int_cond(int op)
{
    switch (op) {
    case TR_LT: return X64_CC_L;
    case TR_LE: return X64_CC_LE;
    case TR_EQ: return X64_CC_E;
    case TR_NE: return X64_CC_NE;
    case TR_GT: return X64_CC_G;
    default: return X64_CC_GE;
    }
}

void x64_arith_compare(X64Asm *a, int op, unsigned kinds, X64Label slow)
{
    bool ints = has_int_path(kinds), flts = !(kinds & X64A_NO_FLT);
    X64Label notint = flts ? x64_label_new(a) : slow, done = x64_label_new(a);
    if (ints) { /* the tagging keeps the order of small ints */
        both_small(a, notint);
        x64_rr(a, X64_CMP, X64_Q, A, B);
        x64_setcc(a, x64g_int_cond(op), X64_RAX);
        if (flts)
            x64_jmp(a, done);
    }
    if (flts) {
        if (ints)
            x64_label_bind(a, notint);
        x64_ri(a, X64_MOV, X64_Q, X64_R11, (int64_t)TR_FLONUM_BIAS);
        if (!(kinds & X64A_A_DBL))
            to_double(a, A, X64_XMM0, true, slow);
        if (!(kinds & X64A_B_DBL))
            to_double(a, B, X64_XMM1, true, slow);
        /* as cmp_f64: a > b forms, so NaN (CF=ZF=PF=1) gives false; == and != test PF */
        bool swap = op == TR_LT || op == TR_LE;
        x64_xx(a, X64_UCOMISD, swap ? X64_XMM1 : X64_XMM0, swap ? X64_XMM0 : X64_XMM1);
        switch (op) {
        case TR_LT: case TR_GT: x64_setcc(a, X64_CC_A, X64_RAX); break;
        case TR_LE: case TR_GE: x64_setcc(a, X64_CC_AE, X64_RAX); break;
        case TR_EQ:
            x64_setcc(a, X64_CC_E, X64_RAX);
            x64_setcc(a, X64_CC_NP, X64_RDX);
            x64_rr(a, X64_AND, X64_D, X64_RAX, X64_RDX);
            break;
        default:
            x64_setcc(a, X64_CC_NE, X64_RAX);
            x64_setcc(a, X64_CC_P, X64_RDX);
            x64_rr(a, X64_OR, X64_D, X64_RAX, X64_RDX);
        }
    }
    x64_label_bind(a, done);
    x64_rr(a, X64_MOVZX8, X64_D, X64_RAX, X64_RAX);
}

void x64_arith_truth(X64Asm *a, X64Label slow)
{
    X64Label obj = x64_label_new(a), no = x64_label_new(a), yes = x64_label_new(a);
    X64Label done = x64_label_new(a);
    /* a small int or a flonum is false exactly when it is its bare tag (0 is 1, +0.0 is 2) */
    x64_rr(a, X64_MOV, X64_D, X64_RDX, X64_RAX);
    x64_ri(a, X64_AND, X64_D, X64_RDX, 3);
    x64_jcc(a, X64_CC_E, obj);
    x64_rr(a, X64_CMP, X64_Q, X64_RAX, X64_RDX);
    x64_setcc(a, X64_CC_NE, X64_RAX);
    x64_rr(a, X64_MOVZX8, X64_D, X64_RAX, X64_RAX);
    x64_jmp(a, done);
    x64_label_bind(a, obj);
    x64_mov_abs(a, X64_RDX, "tr_true_obj", 0);
    x64_rr(a, X64_CMP, X64_Q, X64_RAX, X64_RDX);
    x64_jcc(a, X64_CC_E, yes);
    x64_mov_abs(a, X64_RDX, "tr_false_obj", 0);
    x64_rr(a, X64_CMP, X64_Q, X64_RAX, X64_RDX);
    x64_jcc(a, X64_CC_E, no);
    x64_mov_abs(a, X64_RDX, "tr_none_obj", 0);
    x64_rr(a, X64_CMP, X64_Q, X64_RAX, X64_RDX);
    x64_jcc(a, X64_CC_NE, slow);
    x64_label_bind(a, no);
    x64_rr(a, X64_XOR, X64_D, X64_RAX, X64_RAX);
    x64_jmp(a, done);
    x64_label_bind(a, yes);
    x64_ri(a, X64_MOV, X64_D, X64_RAX, 1);
    x64_label_bind(a, done);
}
