/*
 * specialize_types.c -- type inference for the specialize pass: a forward fixed point over PT_*
 * sets (phis start from nothing and only grow, so loop counters come out as inline ints), and
 * the plans that decide how each generic op is specialized. A fact on a result assumes the op
 * is rewritten as planned (an int add becomes add_i64_ov, which deopts past 62 bits), which is
 * why the rewriting must follow exactly these plans.
 */
#include "ir/passes/specialize.h"

#include "bytecode/opcodes.h"

#include "runtime/float.h"
#include "runtime/object.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#include <string.h>

#define F64_EXACT (INT64_C(1) << 53) /* ints up to this compare exactly as doubles */

bool spec_is_small_const(const IrInstr *v, int64_t *out)
{
    if (v->op != IR_const || !tr_is_small(v->cval))
        return false;
    if (out)
        *out = tr_small_val(v->cval);
    return true;
}

static uint32_t const_fact(TrValue v)
{
    if (v == 0)
        return PT_NULL;
    if (tr_is_small(v))
        return PT_SMALLINT;
    if (tr_is_float(v))
        return PT_FLOAT;
    if (v == TR_TRUE || v == TR_FALSE)
        return PT_BOOL;
    if (v == TR_NONE)
        return PT_NONE;
    TrType *t = tr_type_of(v);
    if (t == &tr_int_type)
        return PT_INT;
    if (t == &tr_str_type)
        return PT_STR;
    if (t == &tr_tuple_type)
        return PT_TUPLE;
    return PT_OTHER;
}

uint32_t spec_fact(SpecCtx *s, const IrInstr *v)
{
    if (v->type != IT_T)
        return PT_ANY;
    if (v->id < s->nty && s->ty[v->id])
        return s->ty[v->id];
    if (v->op == IR_const)
        return const_fact(v->cval);
    return v->ptypes ? v->ptypes : PT_ANY;
}

NumClass spec_class(uint32_t t)
{
    if (t == PT_SMALLINT)
        return C_INT;
    if (t == PT_FLOAT)
        return C_FLOAT;
    if (!(t & (PT_INT | PT_FLOAT)))
        return C_OTHER;
    if ((t & PT_INT) && !(t & PT_SMALL) && !(t & ~(PT_INT | PT_FLOAT | PT_BOOL)))
        return C_BIG; /* numbers, ints among them maybe big (2 ** k): guarding would fail */
    return C_UNKNOWN;
}

/* An operand's class; what an unspecialized ** or << made is taken for a big int (a guard that
   it is inline would fail every time), though the fact alone cannot say so. */
static NumClass operand(SpecCtx *s, const IrInstr *v)
{
    NumClass c = spec_class(spec_fact(s, v));
    int op = v->op == IR_binop ? (int)(v->imm % TR_OP__COUNT) : -1;
    if (c == C_UNKNOWN && (op == TR_OP_POW || op == TR_OP_LSHIFT))
        return C_BIG;
    return c;
}

static bool int_op(int op, const IrInstr *rhs)
{
    int64_t c;
    switch (op) {
    case TR_OP_ADD: case TR_OP_SUB: case TR_OP_MUL: case TR_OP_FLOORDIV: case TR_OP_MOD:
    case TR_OP_AND: case TR_OP_OR: case TR_OP_XOR:
        return true;
    case TR_OP_LSHIFT: /* as a multiplication by 2**c, overflow-checked */
        return spec_is_small_const(rhs, &c) && c >= 0 && c <= 61;
    case TR_OP_RSHIFT:
        return spec_is_small_const(rhs, &c) && c >= 0;
    default:
        return false;
    }
}

static bool float_op(int op)
{
    return op == TR_OP_ADD || op == TR_OP_SUB || op == TR_OP_MUL || op == TR_OP_TRUEDIV;
}

SpecKind spec_plan_binop(SpecCtx *s, const IrInstr *ins)
{
    int op = (int)(ins->imm % TR_OP__COUNT);
    NumClass a = operand(s, ins->args[0]), b = operand(s, ins->args[1]);
    if (int_op(op, ins->args[1]) && (a == C_INT || a == C_UNKNOWN) &&
        (b == C_INT || b == C_UNKNOWN) && (a == C_INT || b == C_INT))
        return K_INT;
    if (float_op(op) && (a == C_FLOAT || b == C_FLOAT) &&
        (a == C_FLOAT || a == C_INT || a == C_UNKNOWN) &&
        (b == C_FLOAT || b == C_INT || b == C_UNKNOWN))
        return K_FLOAT;
    if (s->guess_floats && float_op(op) && a == C_UNKNOWN && b == C_UNKNOWN)
        return K_FLOAT_GUESS;
    return K_GENERIC;
}

/* An int operand compared with a float must convert exactly: a small constant. */
static bool exact_in_f64(const IrInstr *v)
{
    int64_t c;
    return spec_is_small_const(v, &c) && c >= -F64_EXACT && c <= F64_EXACT;
}

SpecKind spec_plan_compare(SpecCtx *s, const IrInstr *ins)
{
    NumClass a = operand(s, ins->args[0]), b = operand(s, ins->args[1]);
    if ((a == C_INT || a == C_UNKNOWN) && (b == C_INT || b == C_UNKNOWN) &&
        (a == C_INT || b == C_INT))
        return K_INT;
    if ((a == C_FLOAT && (b == C_FLOAT || b == C_UNKNOWN)) ||
        (b == C_FLOAT && (a == C_FLOAT || a == C_UNKNOWN)))
        return K_FLOAT;
    if ((a == C_FLOAT && b == C_INT && exact_in_f64(ins->args[1])) ||
        (b == C_FLOAT && a == C_INT && exact_in_f64(ins->args[0])))
        return K_FLOAT;
    return K_GENERIC;
}

SpecKind spec_plan_unop(SpecCtx *s, const IrInstr *ins)
{
    NumClass a = operand(s, ins->args[0]);
    if (a == C_INT)
        return K_INT;
    if (a == C_FLOAT && ins->imm != TR_UN_INVERT)
        return K_FLOAT;
    return K_GENERIC;
}

/* --- Builtin calls ---------------------------------------------------------------------- */

static bool global_named(const IrInstr *g, const char *name)
{
    if (g->op != IR_load_global || !g->block)
        return false;
    TrTuple *names = tr_as_tuple(g->block->fn->co->names);
    if (g->imm < 0 || g->imm >= names->len)
        return false;
    return !strcmp(tr_str_utf8(names->items[g->imm]), name);
}

TrValue spec_call_builtin(SpecCtx *s, const IrInstr *call)
{
    /* (NULL, callable, args...) without keywords: a plain call of a global */
    if (call->op != IR_call || call->nargs < 3 || call->imm != -1)
        return 0;
    const IrInstr *n = call->args[0], *g = call->args[1];
    if (n->op != IR_const || n->cval != 0)
        return 0;
    if (s->range_obj && global_named(g, "range"))
        return s->range_obj;
    if (s->len_obj && global_named(g, "len"))
        return s->len_obj;
    return 0;
}

bool spec_range_ok(SpecCtx *s, const IrInstr *call)
{
    if (!s->range_obj || spec_call_builtin(s, call) != s->range_obj || call->nargs > 5)
        return false;
    for (int k = 2; k < call->nargs; k++) {
        NumClass c = spec_class(spec_fact(s, call->args[k]));
        if (c != C_INT && c != C_UNKNOWN)
            return false;
    }
    return true;
}

/* math.sqrt(x) of a number: (NULL, load_attr(load_global math, sqrt), x); the callee is guarded
   to be the built-in whose C function is tr_math_sqrt. */
bool spec_sqrt_ok(SpecCtx *s, const IrInstr *call)
{
    if (call->op != IR_call || call->nargs != 3 || call->imm != -1)
        return false;
    const IrInstr *n = call->args[0], *at = call->args[1];
    if (n->op != IR_const || n->cval != 0 || at->op != IR_load_attr || !at->block ||
        !global_named(at->args[0], "math"))
        return false;
    CodeObj *co = at->block->fn->co;
    if (at->pc < 0 || at->pc >= co->ncode)
        return false;
    TrTuple *names = tr_as_tuple(co->names);
    uint32_t k = BC_ARG(co->code[at->pc]);
    if (k >= (uint32_t)names->len || !tr_str_eq_cstr(names->items[k], "sqrt"))
        return false;
    NumClass c = spec_class(spec_fact(s, call->args[2]));
    return c == C_FLOAT || c == C_INT || c == C_UNKNOWN;
}

bool spec_len_ok(SpecCtx *s, const IrInstr *call)
{
    if (!s->len_obj || spec_call_builtin(s, call) != s->len_obj || call->nargs != 3)
        return false;
    uint32_t t = spec_fact(s, call->args[2]);
    return t == PT_LIST || t == PT_TUPLE;
}

/* for_next over iter(range(ints)): every item is an inline int between two inline ints. */
bool spec_range_loop(SpecCtx *s, const IrInstr *fornext)
{
    const IrInstr *it = fornext->args[0];
    return it->op == IR_get_iter && spec_range_ok(s, it->args[0]);
}

/* What is known of a tagged argument's type (PT_*; 0: nothing). */
uint32_t spec_arg_fact(const IrInstr *v)
{
    if (v->ptypes)
        return v->ptypes;
    switch (v->op) {
    case IR_tag_int: return PT_SMALLINT;
    case IR_box_int: return PT_INT;
    case IR_box_float: return PT_FLOAT;
    case IR_bool_to_obj: return PT_BOOL;
    case IR_build_list: return PT_LIST;
    case IR_const:
        if (tr_is_small(v->cval))
            return PT_SMALLINT;
        if (tr_is_flonum(v->cval))
            return PT_FLOAT;
        return 0;
    default: return 0;
    }
}

/* --- Results ----------------------------------------------------------------------------- */

static uint32_t binop_result(SpecCtx *s, const IrInstr *ins)
{
    int op = (int)(ins->imm % TR_OP__COUNT);
    switch (spec_plan_binop(s, ins)) {
    case K_INT: {
        int64_t c;
        if (op == TR_OP_FLOORDIV && !(spec_is_small_const(ins->args[1], &c) && c != -1))
            return PT_INT; /* min // -1 leaves the inline range: boxed */
        return PT_SMALLINT;
    }
    case K_FLOAT: case K_FLOAT_GUESS:
        return PT_FLOAT;
    default:
        break;
    }
    uint32_t a = spec_fact(s, ins->args[0]), b = spec_fact(s, ins->args[1]);
    uint32_t ints = PT_INT | PT_SMALL | PT_BOOL;
    if (!(a & ~ints) && !(b & ~ints) && op == TR_OP_POW)
        return PT_INT | PT_FLOAT; /* 2 ** -1 is a float */
    if (!(a & ~ints) && !(b & ~ints) && op != TR_OP_TRUEDIV && op != TR_OP_MATMUL)
        return (op == TR_OP_AND || op == TR_OP_OR || op == TR_OP_XOR) ? PT_INT | PT_BOOL
                                                                        : PT_INT;
    if (a == PT_STR && b == PT_STR && op == TR_OP_ADD)
        return PT_STR;
    return PT_ANY;
}

/* The least fact covering a and b: PT_SMALL is a refinement of PT_INT, kept only when every
   side that may be an int is known inline. */
static uint32_t join(uint32_t a, uint32_t b)
{
    uint32_t t = a | b;
    if (((a & PT_INT) && !(a & PT_SMALL)) || ((b & PT_INT) && !(b & PT_SMALL)))
        t &= ~(uint32_t)PT_SMALL;
    return t;
}

uint32_t spec_result(SpecCtx *s, const IrInstr *ins)
{
    switch (ins->op) {
    case IR_const: return const_fact(ins->cval);
    case IR_phi: {
        uint32_t t = 0;
        for (int k = 0; k < ins->nargs; k++)
            t = join(t, ins->args[k]->id < s->nty ? s->ty[ins->args[k]->id]
                                                   : spec_fact(s, ins->args[k]));
        return t;
    }
    case IR_copy: return spec_fact(s, ins->args[0]);
    case IR_check_bound: return spec_fact(s, ins->args[0]) & ~PT_NULL;
    case IR_binop: return binop_result(s, ins);
    case IR_compare:
        if (spec_plan_compare(s, ins) != K_GENERIC)
            return PT_BOOL;
        return PT_ANY;
    case IR_unop:
        switch (spec_plan_unop(s, ins)) {
        case K_INT: return PT_SMALLINT;
        case K_FLOAT: return PT_FLOAT;
        default: return PT_ANY;
        }
    case IR_not_obj: case IR_contains: case IR_bool_to_obj: return PT_BOOL;
    case IR_tag_int: return PT_SMALLINT;
    case IR_box_int: case IR_get_len: return PT_INT;
    case IR_box_float: return PT_FLOAT;
    case IR_build_list: return PT_LIST;
    case IR_build_tuple: case IR_list_to_tuple: return PT_TUPLE;
    case IR_build_map: case IR_build_const_key_map: return PT_DICT;
    case IR_build_string: return PT_STR;
    case IR_make_function: return PT_FUNC;
    case IR_lm_slot0: return PT_ANY | PT_NULL;
    case IR_for_next: return spec_range_loop(s, ins) ? PT_SMALLINT : PT_ANY;
    case IR_call:
        return spec_len_ok(s, ins) ? PT_SMALLINT : spec_sqrt_ok(s, ins) ? PT_FLOAT : PT_ANY;
    default:
        return ins->ptypes ? ins->ptypes : PT_ANY; /* facts a caller proved, or anything */
    }
}

void spec_infer(SpecCtx *s)
{
    IrFunc *fn = s->fn;
    s->nty = fn->nvalues;
    s->ty = ARENA_ARRAY(fn->arena, uint32_t, s->nty + 1);
    for (bool changed = true; changed;) {
        changed = false;
        for (int b = 0; b < fn->nblocks; b++)
            for (IrInstr *i = fn->blocks[b]->first; i; i = i->next) {
                if (i->type != IT_T)
                    continue;
                uint32_t t = join(s->ty[i->id], spec_result(s, i));
                if (t != s->ty[i->id]) {
                    s->ty[i->id] = t;
                    changed = true;
                }
            }
    }
}
