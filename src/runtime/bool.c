/*
 * bool.c -- the `bool` type: a subclass of int whose only instances are the True and False
 * singletons (value.h). & | ^ of two bools give a bool; all other arithmetic is int's.
 */
#include "runtime/args.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/number.h"
#include "runtime/str.h"

static TrValue bool_repr(TrValue v) { return tr_str_from_cstr(v == TR_TRUE ? "True" : "False"); }

static bool is_bool(TrValue v) { return v == TR_TRUE || v == TR_FALSE; }

static TrValue bool_binop(TrValue a, TrValue b, int op)
{
    if (is_bool(a) && is_bool(b)) {
        bool x = a == TR_TRUE, y = b == TR_TRUE;
        switch (op) {
        case TR_OP_AND: return tr_bool(x & y);
        case TR_OP_OR: return tr_bool(x | y);
        case TR_OP_XOR: return tr_bool(x ^ y);
        default: break;
        }
    }
    return tr_int_binop(a, b, op);
}

static TrValue bool_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (tr_nkw(kwnames))
        return tr_raise(&tr_TypeError, "bool() takes no keyword arguments");
    if (nargs > 1)
        return tr_raise(&tr_TypeError, "bool expected at most 1 argument, got %zu", nargs);
    if (nargs == 0)
        return TR_FALSE;
    int t = tr_truth(args[0]);
    return t < 0 ? TR_ERR : tr_bool(t);
}

static TrValue bool_dunder(TrValue self, const TrValue *args, size_t nargs, TrValue kw, int op,
                           bool reflected)
{
    return tr_num_dunder_bin(bool_binop, self, args, nargs, kw, op, reflected);
}

#define BOOL_OP(name, OP)                                                                          \
    static TrValue b_##name(TrValue s, const TrValue *a, size_t n, TrValue kw)                     \
    {                                                                                              \
        return bool_dunder(s, a, n, kw, TR_OP_##OP, false);                                        \
    }                                                                                              \
    static TrValue b_r##name(TrValue s, const TrValue *a, size_t n, TrValue kw)                    \
    {                                                                                              \
        return bool_dunder(s, a, n, kw, TR_OP_##OP, true);                                         \
    }
BOOL_OP(and, AND)
BOOL_OP(or, OR)
BOOL_OP(xor, XOR)
#undef BOOL_OP

static const TrMethodDef bool_methods[] = {
    {"__and__", b_and, 0}, {"__rand__", b_rand, 0}, {"__or__", b_or, 0},
    {"__ror__", b_ror, 0}, {"__xor__", b_xor, 0},   {"__rxor__", b_rxor, 0},
    {NULL, NULL, 0},
};

TrType tr_bool_type = {
    .ob = {&tr_type_type},
    .name = "bool",
    .base = &tr_int_type,
    .flags = TR_TYPE_INT_SUB,
    .basicsize = sizeof(TrObject),
    .repr = bool_repr,
    .binop = bool_binop,
    .new = bool_new,
    .methods = bool_methods,
};
