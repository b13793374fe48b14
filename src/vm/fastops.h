/*
 * fastops.h -- the inline fast paths of arithmetic and comparison on small ints and flonums,
 * shared by the interpreter's loop and the helpers compiled code calls (native_rt.c).
 */
#ifndef TR_VM_FASTOPS_H
#define TR_VM_FASTOPS_H

#include "runtime/runtime.h"

/* Python's floor division and modulo on small ints; y != 0. */
static inline int64_t vm_floordiv_i64(int64_t x, int64_t y)
{
    int64_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0)))
        q--;
    return q;
}
static inline int64_t vm_mod_i64(int64_t x, int64_t y)
{
    int64_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0)))
        r += y;
    return r;
}

/* Inline arithmetic for small ints and floats; 0 means "not handled here". */
static inline TrValue vm_fast_binop(TrValue a, TrValue b, int op)
{
    if (op >= TR_OP__COUNT)
        op -= TR_OP__COUNT;
    if (tr_is_small(a) && tr_is_small(b)) {
        int64_t r;
        switch (op) {
        case TR_OP_ADD:
            if (!__builtin_add_overflow((int64_t)a, (int64_t)(b - 1), &r))
                return (TrValue)r;
            return 0;
        case TR_OP_SUB:
            if (!__builtin_sub_overflow((int64_t)a, (int64_t)(b - 1), &r))
                return (TrValue)r;
            return 0;
        case TR_OP_MUL:
            if (!__builtin_mul_overflow(tr_small_val(a), (int64_t)(b - 1), &r))
                return (TrValue)r | 1;
            return 0;
        case TR_OP_FLOORDIV:
            if (b == tr_small_new(0))
                return 0;
            return tr_int_from_i64(vm_floordiv_i64(tr_small_val(a), tr_small_val(b)));
        case TR_OP_MOD:
            if (b == tr_small_new(0))
                return 0;
            return tr_small_new(vm_mod_i64(tr_small_val(a), tr_small_val(b)));
        case TR_OP_AND: return a & b;
        case TR_OP_OR: return a | b;
        case TR_OP_XOR: return (a ^ b) | 1;
        case TR_OP_TRUEDIV: {
            int64_t x = tr_small_val(a), y = tr_small_val(b);
            const int64_t lim = INT64_C(1) << 53;
            if (y == 0 || x > lim || x < -lim || y > lim || y < -lim)
                return 0;
            return tr_float_new((double)x / (double)y);
        }
        default: return 0;
        }
    }
    if (tr_is_flonum(a) || tr_is_flonum(b)) {
        double x, y;
        if (tr_is_flonum(a))
            x = tr_flonum_val(a);
        else if (tr_is_small(a))
            x = (double)tr_small_val(a);
        else
            return 0;
        if (tr_is_flonum(b))
            y = tr_flonum_val(b);
        else if (tr_is_small(b))
            y = (double)tr_small_val(b);
        else
            return 0;
        switch (op) {
        case TR_OP_ADD: return tr_float_new(x + y);
        case TR_OP_SUB: return tr_float_new(x - y);
        case TR_OP_MUL: return tr_float_new(x * y);
        case TR_OP_TRUEDIV: return y == 0.0 ? 0 : tr_float_new(x / y);
        default: return 0;
        }
    }
    return 0;
}

/* Both exact str: their comparisons need no slot lookup (parsers compare characters a lot). */
static inline bool vm_both_str(TrValue a, TrValue b)
{
    return tr_is_ptr(a) && tr_is_ptr(b) && tr_obj(a)->type == &tr_str_type &&
           tr_obj(b)->type == &tr_str_type;
}

/* Comparison cmp (TR_LT..TR_GE) of two exact str, 0 or 1. */
static inline int vm_str_compare(TrValue a, TrValue b, int cmp)
{
    if (cmp == TR_EQ || cmp == TR_NE) {
        const TrStr *x = tr_as_str(a), *y = tr_as_str(b);
        bool eq;
        if (a == b)
            eq = true;
        else if (x->len != y->len)
            eq = false;
        else if (x->len == 1 && x->kind == 1 && y->kind == 1)
            eq = x->data[0] == y->data[0];
        else
            eq = tr_str_eq(a, b);
        return eq == (cmp == TR_EQ);
    }
    int c = tr_str_cmp(a, b);
    switch (cmp) {
    case TR_LT: return c < 0;
    case TR_LE: return c <= 0;
    case TR_GT: return c > 0;
    default: return c >= 0;
    }
}

/* a[b] for an exact list, tuple or str and a small int b in range; 0 when not handled. */
static inline TrValue vm_fast_getitem(TrValue a, TrValue b)
{
    if (!tr_is_small(b) || !tr_is_ptr(a))
        return 0;
    int64_t i = tr_small_val(b);
    TrType *t = tr_obj(a)->type;
    if (t == &tr_list_type) {
        TrList *l = tr_as_list(a);
        if (i < 0)
            i += l->len;
        return (uint64_t)i < (uint64_t)l->len ? l->items[i] : 0;
    }
    if (t == &tr_tuple_type) {
        TrTuple *tu = tr_as_tuple(a);
        if (i < 0)
            i += tu->len;
        return (uint64_t)i < (uint64_t)tu->len ? tu->items[i] : 0;
    }
    if (t == &tr_str_type) {
        TrStr *st = tr_as_str(a);
        if (i < 0)
            i += st->len;
        if ((uint64_t)i < (uint64_t)st->len) {
            TrValue c = tr_str_from_char(tr_str_char(st, i)); /* cached below 256 */
            return c == TR_ERR ? 0 : c;
        }
    }
    return 0;
}

static inline TrValue vm_fast_compare(TrValue a, TrValue b, int op)
{
    double x, y;
    if (tr_is_small(a) && tr_is_small(b)) {
        int64_t p = (int64_t)a, q = (int64_t)b; /* the tagging preserves order */
        switch (op) {
        case TR_LT: return tr_bool(p < q);
        case TR_LE: return tr_bool(p <= q);
        case TR_EQ: return tr_bool(p == q);
        case TR_NE: return tr_bool(p != q);
        case TR_GT: return tr_bool(p > q);
        default: return tr_bool(p >= q);
        }
    }
    if (tr_is_flonum(a) && tr_is_flonum(b)) {
        x = tr_flonum_val(a);
        y = tr_flonum_val(b);
        switch (op) {
        case TR_LT: return tr_bool(x < y);
        case TR_LE: return tr_bool(x <= y);
        case TR_EQ: return tr_bool(x == y);
        case TR_NE: return tr_bool(x != y);
        case TR_GT: return tr_bool(x > y);
        default: return tr_bool(x >= y);
        }
    }
    if (op <= TR_GE && vm_both_str(a, b))
        return tr_bool(vm_str_compare(a, b, op));
    return 0;
}

#endif
