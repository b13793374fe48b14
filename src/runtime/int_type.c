/*
 * int_type.c -- the `int` type object: its slots (binop on int pairs, exact comparison with
 * ints and floats, unary ops, hash, format), the int(x, base) constructor and the methods and
 * attributes of CPython 3.11's int (bit_length, to_bytes, from_bytes, numerator...).
 */
#include "runtime/int.h"

#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/format.h"
#include "runtime/number.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#include <math.h>
#include <string.h>

/* --- Slots ------------------------------------------------------------------------------ */

/* The common case of tr_is_int, inline (tr_is_int is a call). */
static inline bool is_exact_int(TrValue v)
{
    return tr_is_small(v) || (tr_is_ptr(v) && tr_obj(v)->type == &tr_int_type);
}

TrValue tr_int_binop(TrValue a, TrValue b, int op)
{
    if (op >= TR_OP__COUNT)
        return TR_NOTIMPL; /* ints are immutable: in-place ops fall back to the plain ones */
    if ((!is_exact_int(a) && !tr_is_int(a)) || (!is_exact_int(b) && !tr_is_int(b)))
        return TR_NOTIMPL;
    switch (op) {
    case TR_OP_ADD: return tr_int_add(a, b);
    case TR_OP_SUB: return tr_int_sub(a, b);
    case TR_OP_MUL: return tr_int_mul(a, b);
    case TR_OP_FLOORDIV: return tr_int_floordiv(a, b);
    case TR_OP_MOD: return tr_int_mod(a, b);
    case TR_OP_TRUEDIV: return tr_int_truediv(a, b);
    case TR_OP_POW: return tr_int_pow(a, b);
    case TR_OP_LSHIFT: return tr_int_lshift(a, b);
    case TR_OP_RSHIFT: return tr_int_rshift(a, b);
    case TR_OP_AND: return tr_int_and(a, b);
    case TR_OP_OR: return tr_int_or(a, b);
    case TR_OP_XOR: return tr_int_xor(a, b);
    default: return TR_NOTIMPL;
    }
}

TrValue tr_int_richcmp(TrValue a, TrValue b, int op)
{
    double d;
    if (!tr_is_int(a))
        return TR_NOTIMPL;
    if (tr_is_int(b))
        return tr_bool(tr_cmp_holds(tr_int_cmp(a, b), op));
    if (tr_float_get(b, &d)) {
        if (isnan(d))
            return tr_bool(op == TR_NE);
        return tr_bool(tr_cmp_holds(tr_int_cmp_double(a, d), op));
    }
    return TR_NOTIMPL;
}

static TrValue int_unop(TrValue a, int op)
{
    switch (op) {
    case TR_UN_NEG: return tr_int_neg(a);
    case TR_UN_POS: return tr_int_exact(a);
    case TR_UN_INVERT: return tr_int_invert(a);
    default: return TR_NOTIMPL;
    }
}

static int64_t int_hash(TrValue v) { return tr_int_hash(v); }
static int int_truth(TrValue v) { return tr_int_sign(v) != 0; }

/* format(int, spec): float presentation types convert to float first, as CPython does. */
TrValue tr_int_format(TrValue v, TrValue spec)
{
    if (tr_as_str(spec)->len == 0)
        return tr_str(v);
    TrFormatSpec fs;
    if (tr_format_spec_parse(spec, &fs) < 0)
        return TR_ERR;
    if (fs.type && strchr("eEfFgG%", fs.type)) {
        double d = tr_int_to_double(v, NULL);
        if (d == -1.0 && tr_err_occurred())
            return TR_ERR;
        return tr_format_float(d, &fs);
    }
    return tr_format_int(tr_int_exact(v), &fs);
}

/* --- Constructor ------------------------------------------------------------------------ */

/* Calls type(x).name(x) into *out (TR_ERR on error); false when the type has no such method. */
static bool call_special(TrValue x, const char *name, TrValue *out)
{
    TrValue f = tr_type_lookup(tr_type_of(x), tr_str_intern_cstr(name));
    if (!f)
        return false;
    *out = tr_call(f, &x, 1, 0);
    return true;
}

static TrValue int_from_special(TrValue x)
{
    static const char *const names[] = {"__int__", "__index__", "__trunc__"};
    for (int i = 0; i < 3; i++) {
        TrValue r;
        if (!call_special(x, names[i], &r))
            continue;
        if (r == TR_ERR)
            return TR_ERR;
        if (!tr_is_int(r)) {
            if (i == 2) /* __trunc__ may return anything with __index__ */
                return tr_index(r);
            return tr_raise(&tr_TypeError, "%s returned non-int (type %s)", names[i],
                            tr_type_name(r));
        }
        return tr_int_exact(r);
    }
    return tr_raise(&tr_TypeError,
                    "int() argument must be a string, a bytes-like object or a real number, "
                    "not '%s'",
                    tr_type_name(x));
}

TrValue tr_int_from(TrValue x, TrValue base_obj)
{
    int64_t base = 10;
    if (base_obj) {
        TrValue bi = tr_index(base_obj);
        if (bi == TR_ERR)
            return TR_ERR;
        if (tr_int_to_i64(bi, &base) < 0 || (base != 0 && (base < 2 || base > 36))) {
            tr_err_clear();
            return tr_raise(&tr_ValueError, "int() base must be >= 2 and <= 36, or 0");
        }
    }
    if (tr_is_str(x))
        return tr_int_from_strobj(x, (int)base);
    if (tr_is_ptr(x) && tr_obj(x)->type == &tr_bytes_type) {
        TrBytes *b = (TrBytes *)tr_obj(x);
        return tr_int_from_bytesobj(b->data, (size_t)b->len, (int)base);
    }
    if (tr_is_ptr(x) && tr_obj(x)->type == &tr_bytearray_type) {
        TrByteArray *b = (TrByteArray *)tr_obj(x);
        return tr_int_from_bytesobj(b->data, (size_t)b->len, (int)base);
    }
    if (base_obj)
        return tr_raise(&tr_TypeError, "int() can't convert non-string with explicit base");
    if (tr_is_int(x)) {
        if (tr_is_small(x) || tr_obj(x)->type == &tr_int_type || x == TR_TRUE || x == TR_FALSE)
            return tr_int_exact(x);
        return int_from_special(x); /* a subclass may define __int__ */
    }
    if (tr_is_float(x))
        return tr_int_from_double(tr_float_val(x));
    return int_from_special(x);
}

/* An instance of an int subclass holding the value of the int v. */
static TrValue int_subclass_new(TrType *type, TrValue v)
{
    size_t size = type->basicsize > sizeof(TrBigInt) ? type->basicsize : sizeof(TrBigInt);
    TrBigInt *b = tr_obj_new(size, type);
    mpz_init(b->z);
    tr_int_to_mpz(v, b->z);
    return tr_val(b);
}

static TrValue int_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    static const char *const names[] = {"", "base"};
    TrValue a[2];
    if (tr_parse_args("int", args, nargs, kwnames, names, 0, 2, 1, 2, a) < 0)
        return TR_ERR;
    TrValue r;
    if (!a[0]) {
        if (a[1])
            return tr_raise(&tr_TypeError, "int() missing string argument");
        r = tr_small_new(0);
    } else {
        r = tr_int_from(a[0], a[1]);
    }
    if (r == TR_ERR || type == &tr_int_type)
        return r;
    return int_subclass_new(type, r);
}

/* --- Methods ---------------------------------------------------------------------------- */

#define SELF tr_int_exact(self)

static TrValue m_bit_length(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_check_nargs("bit_length", nargs + tr_nkw(kw), 0, 0) < 0)
        return TR_ERR;
    return tr_int_from_i64(tr_int_bit_length(self));
}

static TrValue m_bit_count(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_check_nargs("bit_count", nargs + tr_nkw(kw), 0, 0) < 0)
        return TR_ERR;
    mpz_t t;
    mp_limb_t limb;
    mpz_srcptr z = tr_int_mpz_view(self, t, &limb);
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    return tr_int_from_u64(mpz_popcount(a));
}

static TrValue m_self(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return SELF;
}

static TrValue m_float(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    double d = tr_int_to_double(self, NULL);
    if (d == -1.0 && tr_err_occurred())
        return TR_ERR;
    return tr_float_new(d);
}

static TrValue m_abs(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return tr_int_abs(self);
}

static TrValue m_round(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_check_nargs("__round__", nargs, 0, 1) < 0)
        return TR_ERR;
    if (nargs && args[0] != TR_NONE) {
        TrValue n = tr_index(args[0]);
        if (n == TR_ERR)
            return TR_ERR;
        return tr_int_round(self, n);
    }
    return SELF;
}

static TrValue m_as_integer_ratio(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return tr_tuple_pack(2, SELF, tr_small_new(1));
}

static TrValue m_getnewargs(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return tr_tuple_pack(1, SELF);
}

static TrValue m_format(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_check_nargs("__format__", nargs, 1, 1) < 0)
        return TR_ERR;
    if (!tr_is_str(args[0]))
        return tr_raise(&tr_TypeError, "__format__() argument must be str, not %s",
                        tr_type_name(args[0]));
    return tr_int_format(self, args[0]);
}

/* 'little' -> 1, 'big' -> 0, else -1 with ValueError. */
static int parse_byteorder(TrValue v)
{
    if (!tr_is_str(v)) {
        tr_raise(&tr_TypeError, "to_bytes() argument 'byteorder' must be str, not %s",
                 tr_type_name(v));
        return -1;
    }
    if (tr_str_eq_cstr(v, "little"))
        return 1;
    if (tr_str_eq_cstr(v, "big"))
        return 0;
    tr_raise(&tr_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

static TrValue m_to_bytes(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const names[] = {"length", "byteorder", "signed"};
    TrValue a[3];
    if (tr_parse_args("to_bytes", args, nargs, kw, names, 0, 3, 0, 2, a) < 0)
        return TR_ERR;
    int64_t len = 1;
    if (a[0] && tr_index_i64(a[0], &len) < 0)
        return TR_ERR;
    int little = a[1] ? parse_byteorder(a[1]) : 0;
    if (little < 0)
        return TR_ERR;
    int sgn = a[2] ? tr_truth(a[2]) : 0;
    if (sgn < 0)
        return TR_ERR;
    if (len < 0)
        return tr_raise(&tr_ValueError, "length argument must be non-negative");
    mpz_t t, v, lim;
    mp_limb_t limb;
    mpz_srcptr z = tr_int_mpz_view(self, t, &limb);
    if (!sgn && mpz_sgn(z) < 0)
        return tr_raise(&tr_OverflowError, "can't convert negative int to unsigned");
    mpz_init(v);
    mpz_init(lim);
    /* fits when -2**(8n-1) <= z < 2**(8n-1) (signed) or z < 2**(8n) (unsigned) */
    size_t bits = (size_t)len * 8;
    if (sgn && bits == 0) {
        if (mpz_sgn(z) != 0)
            return tr_raise(&tr_OverflowError, "int too big to convert");
    } else {
        mpz_setbit(lim, sgn ? bits - 1 : bits);
        mpz_neg(v, lim);
        if (mpz_cmp(z, lim) >= 0 || (sgn && mpz_cmp(z, v) < 0))
            return tr_raise(&tr_OverflowError, "int too big to convert");
    }
    mpz_set_ui(lim, 0);
    mpz_setbit(lim, bits);
    mpz_mod(v, z, lim); /* two's complement */
    uint8_t *buf = tr_alloc_atomic((size_t)len + 1);
    memset(buf, 0, (size_t)len);
    size_t count = 0;
    if (mpz_sgn(v) != 0) {
        size_t need = (mpz_sizeinbase(v, 2) + 7) / 8;
        mpz_export(buf + (little ? 0 : (size_t)len - need), &count, little ? -1 : 1, 1, 0, 0, v);
    }
    return tr_bytes_new(buf, (size_t)len);
}

static TrValue m_from_bytes(TrValue cls, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const names[] = {"bytes", "byteorder", "signed"};
    TrValue a[3];
    if (tr_parse_args("from_bytes", args, nargs, kw, names, 1, 3, 0, 2, a) < 0)
        return TR_ERR;
    int little = a[1] ? parse_byteorder(a[1]) : 0;
    if (little < 0)
        return TR_ERR;
    int sgn = a[2] ? tr_truth(a[2]) : 0;
    if (sgn < 0)
        return TR_ERR;
    TrValue b = a[0];
    if (!tr_is_bytes(b)) {
        b = tr_call1(tr_val(&tr_bytes_type), b);
        if (b == TR_ERR)
            return TR_ERR;
    }
    TrBytes *by = (TrBytes *)tr_obj(b);
    mpz_t z;
    mpz_init(z);
    if (by->len)
        mpz_import(z, (size_t)by->len, little ? -1 : 1, 1, 0, 0, by->data);
    if (sgn && by->len && (by->data[little ? by->len - 1 : 0] & 0x80)) {
        mpz_t p;
        mpz_init(p);
        mpz_setbit(p, (mp_bitcnt_t)by->len * 8);
        mpz_sub(z, z, p);
    }
    TrValue r = tr_int_take_mpz(z);
    if (cls != tr_val(&tr_int_type))
        return tr_call1(cls, r);
    return r;
}

static TrValue g_self(TrValue self) { return tr_int_exact(self); }
static TrValue g_zero(TrValue self) { return tr_small_new(0); }
static TrValue g_one(TrValue self) { return tr_small_new(1); }

TR_NUM_DUNDERS(int_d, tr_int_binop, tr_int_richcmp)

static const TrMethodDef int_methods[] = {
    {"conjugate", m_self, 0},
    {"bit_length", m_bit_length, 0},
    {"bit_count", m_bit_count, 0},
    {"to_bytes", m_to_bytes, 0},
    {"from_bytes", m_from_bytes, TR_METH_CLASS},
    {"as_integer_ratio", m_as_integer_ratio, 0},
    {"__trunc__", m_self, 0},
    {"__floor__", m_self, 0},
    {"__ceil__", m_self, 0},
    {"__round__", m_round, 0},
    {"__index__", m_self, 0},
    {"__int__", m_self, 0},
    {"__float__", m_float, 0},
    {"__abs__", m_abs, 0},
    {"__getnewargs__", m_getnewargs, 0},
    {"__format__", m_format, 0},
    TR_NUM_DUNDER_ROWS(int_d),
    {"__divmod__", tr_num_m_divmod, 0},
    {"__rdivmod__", tr_num_m_rdivmod, 0},
    {NULL, NULL, 0},
};

static const TrGetSetDef int_getsets[] = {
    {"real", g_self, NULL},
    {"imag", g_zero, NULL},
    {"numerator", g_self, NULL},
    {"denominator", g_one, NULL},
    {NULL, NULL, NULL},
};

TrType tr_int_type = {
    .ob = {&tr_type_type},
    .name = "int",
    .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE | TR_TYPE_INT_SUB,
    .basicsize = sizeof(TrBigInt),
    .repr = tr_int_repr,
    .hash = int_hash,
    .richcmp = tr_int_richcmp,
    .binop = tr_int_binop,
    .unop = int_unop,
    .truth = int_truth,
    .new = int_new,
    .format = tr_int_format,
    .methods = int_methods,
    .getsets = int_getsets,
};
