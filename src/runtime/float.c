/*
 * float.c -- the `float` type: boxing, arithmetic with CPython's signs, zero-division and
 * overflow rules (float_pow's special cases, negative base to a fractional power -> complex),
 * exact comparison with ints, CPython's hash, float(x), and the methods of 3.11's float
 * (hex/fromhex, as_integer_ratio, is_integer, __round__...). Text conversion: float_repr.c.
 */
#include "runtime/float.h"

#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/exc.h"
#include "runtime/format.h"
#include "runtime/int.h"
#include "runtime/number.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* --- Values ----------------------------------------------------------------------------- */

TrValue tr_float_new(double d)
{
    TrValue v = tr_flonum_try(d);
    if (v)
        return v;
    TrFloat *f = TR_NEW(TrFloat, &tr_float_type);
    f->d = d;
    return tr_val(f);
}

bool tr_float_get(TrValue v, double *out)
{
    if (tr_is_flonum(v)) {
        *out = tr_flonum_val(v);
        return true;
    }
    if (!tr_is_ptr(v))
        return false;
    TrType *t = tr_obj(v)->type;
    if (t == &tr_float_type ||
        ((t->flags & TR_TYPE_HEAP) && tr_type_is_subtype(t, &tr_float_type))) {
        *out = ((TrFloat *)tr_obj(v))->d;
        return true;
    }
    return false;
}

/* 1 with *d for an int or float, 0 for other types, -1 when an int is too large. */
static int real_value(TrValue v, double *d)
{
    if (tr_float_get(v, d))
        return 1;
    if (tr_is_int(v)) {
        int ovf = 0;
        *d = tr_int_to_double(v, &ovf);
        return ovf ? -1 : 1;
    }
    return 0;
}

int tr_to_double(TrValue v, double *out)
{
    int r = real_value(v, out);
    if (r == 0) {
        tr_raise(&tr_TypeError, "must be real number, not %s", tr_type_name(v));
        return -1;
    }
    return r < 0 ? -1 : 0;
}

/* --- Arithmetic (CPython's float_rem, float_divmod, float_pow) --------------------------- */

static void divmod_parts(double vx, double wx, double *floordiv, double *mod)
{
    double m = fmod(vx, wx);
    double div = (vx - m) / wx;
    if (m) {
        if ((wx < 0) != (m < 0)) { /* the remainder takes the divisor's sign */
            m += wx;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, wx);
    }
    if (div) {
        double f = floor(div);
        if (div - f > 0.5) /* snap to the nearest integral value */
            f += 1.0;
        div = f;
    } else {
        div = copysign(0.0, vx / wx);
    }
    *floordiv = div;
    *mod = m;
}

TrValue tr_float_floordiv(double a, double b)
{
    if (b == 0.0)
        return tr_raise(&tr_ZeroDivisionError, "float floor division by zero");
    double q, m;
    divmod_parts(a, b, &q, &m);
    return tr_float_new(q);
}

TrValue tr_float_mod(double a, double b)
{
    if (b == 0.0)
        return tr_raise(&tr_ZeroDivisionError, "float modulo");
    double m = fmod(a, b);
    if (m) {
        if ((b < 0) != (m < 0))
            m += b;
    } else {
        m = copysign(0.0, b);
    }
    return tr_float_new(m);
}

TrValue tr_float_divmod(double a, double b)
{
    if (b == 0.0)
        return tr_raise(&tr_ZeroDivisionError, "float divmod()");
    double q, m;
    divmod_parts(a, b, &q, &m);
    return tr_tuple_pack(2, tr_float_new(q), tr_float_new(m));
}

static bool is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

/* OverflowError(34, 'Numerical result out of range'), as PyErr_SetFromErrno makes it. */
static TrValue errno_error(TrType *type, int err)
{
    TrValue args[2] = {tr_small_new(err), tr_str_from_cstr(strerror(err))};
    TrValue exc = tr_exc_new(type, args, 2);
    if (exc == TR_ERR)
        return TR_ERR;
    return tr_raise_value(exc);
}

TrValue tr_float_pow(double iv, double iw)
{
    bool negate = false;
    if (iw == 0)
        return tr_float_new(1.0);
    if (isnan(iv))
        return tr_float_new(iv);
    if (isnan(iw))
        return tr_float_new(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0)
            return tr_float_new(1.0);
        if ((iw > 0.0) == (iv > 1.0))
            return tr_float_new(fabs(iw));
        return tr_float_new(0.0);
    }
    if (isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0)
            return tr_float_new(odd ? iv : fabs(iv));
        return tr_float_new(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        bool odd = is_odd_integer(iw);
        if (iw < 0.0)
            return tr_raise(&tr_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return tr_float_new(odd ? iv : 0.0);
    }
    if (iv < 0.0) {
        if (iw != floor(iw))
            return tr_complex_pow_parts(iv, 0.0, iw, 0.0);
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0)
        return tr_float_new(negate ? -1.0 : 1.0);
    errno = 0;
    double ix = pow(iv, iw);
    if (errno == 0 && isinf(ix))
        errno = ERANGE;
    else if (errno == ERANGE && ix == 0.0)
        errno = 0; /* underflow is not an error */
    if (negate)
        ix = -ix;
    if (errno)
        return errno_error(errno == ERANGE ? &tr_OverflowError : &tr_ValueError, errno);
    return tr_float_new(ix);
}

/* --- Slots ------------------------------------------------------------------------------ */

static TrValue float_binop(TrValue a, TrValue b, int op)
{
    double x = 0, y = 0;
    if (op >= TR_OP__COUNT)
        return TR_NOTIMPL;
    int ra = real_value(a, &x);
    if (ra <= 0)
        return ra < 0 ? TR_ERR : TR_NOTIMPL;
    int rb = real_value(b, &y);
    if (rb <= 0)
        return rb < 0 ? TR_ERR : TR_NOTIMPL;
    switch (op) {
    case TR_OP_ADD: return tr_float_new(x + y);
    case TR_OP_SUB: return tr_float_new(x - y);
    case TR_OP_MUL: return tr_float_new(x * y);
    case TR_OP_TRUEDIV:
        if (y == 0.0)
            return tr_raise(&tr_ZeroDivisionError, "float division by zero");
        return tr_float_new(x / y);
    case TR_OP_FLOORDIV: return tr_float_floordiv(x, y);
    case TR_OP_MOD: return tr_float_mod(x, y);
    case TR_OP_POW: return tr_float_pow(x, y);
    default: return TR_NOTIMPL;
    }
}

static TrValue float_richcmp(TrValue a, TrValue b, int op)
{
    double x = 0, y = 0;
    if (!tr_float_get(a, &x))
        return TR_NOTIMPL;
    if (tr_float_get(b, &y)) {
        switch (op) { /* C's comparisons already treat nans as Python does */
        case TR_LT: return tr_bool(x < y);
        case TR_LE: return tr_bool(x <= y);
        case TR_EQ: return tr_bool(x == y);
        case TR_NE: return tr_bool(x != y);
        case TR_GT: return tr_bool(x > y);
        default: return tr_bool(x >= y);
        }
    }
    if (tr_is_int(b)) {
        if (isnan(x))
            return tr_bool(op == TR_NE);
        return tr_bool(tr_cmp_holds(-tr_int_cmp_double(b, x), op));
    }
    return TR_NOTIMPL;
}

static TrValue float_unop(TrValue a, int op)
{
    double x = 0;
    tr_float_get(a, &x);
    switch (op) {
    case TR_UN_NEG: return tr_float_new(-x);
    case TR_UN_POS: return tr_float_new(x);
    default: return TR_NOTIMPL;
    }
}

static int float_truth(TrValue v)
{
    double x = 0;
    tr_float_get(v, &x);
    return x != 0.0;
}

#define HASH_BITS 61
#define HASH_MODULUS ((UINT64_C(1) << HASH_BITS) - 1)
#define HASH_INF 314159

/* CPython's _Py_HashDouble for finite and infinite values; nans hash by identity in 3.11,
   which only the float object can do (tr_float_hash of a value returns 0 for them). */
int64_t tr_hash_double(double v)
{
    if (!isfinite(v))
        return isinf(v) ? (v > 0 ? HASH_INF : -HASH_INF) : 0;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0; /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    x = x * (uint64_t)(int64_t)sign;
    if (x == (uint64_t)-1)
        x = (uint64_t)-2;
    return (int64_t)x;
}

int64_t tr_float_hash(double d) { return tr_hash_double(d); }

static int64_t float_hash_slot(TrValue v)
{
    double d = 0;
    tr_float_get(v, &d);
    if (isnan(d))
        return tr_hash_pointer(tr_obj(v)); /* nans are never flonums */
    return tr_hash_double(d);
}

static TrValue float_format(TrValue v, TrValue spec)
{
    if (tr_as_str(spec)->len == 0)
        return tr_str(v);
    TrFormatSpec fs;
    if (tr_format_spec_parse(spec, &fs) < 0)
        return TR_ERR;
    double d = 0;
    tr_float_get(v, &d);
    return tr_format_float(d, &fs);
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

TrValue tr_float_from(TrValue v)
{
    double d = 0;
    if (tr_is_float(v))
        return v;
    if (tr_is_small(v))
        return tr_float_new((double)tr_small_val(v));
    if (tr_is_str(v))
        return tr_float_from_strobj(v);
    if (tr_is_ptr(v) && tr_obj(v)->type == &tr_bytes_type) {
        TrBytes *b = (TrBytes *)tr_obj(v);
        return tr_float_from_bytesobj(b->data, (size_t)b->len);
    }
    if (tr_is_ptr(v) && tr_obj(v)->type == &tr_bytearray_type) {
        TrByteArray *b = (TrByteArray *)tr_obj(v);
        return tr_float_from_bytesobj(b->data, (size_t)b->len);
    }
    TrValue r;
    if (call_special(v, "__float__", &r)) {
        if (r == TR_ERR)
            return TR_ERR;
        if (!tr_float_get(r, &d))
            return tr_raise(&tr_TypeError, "%s.__float__ returned non-float (type %s)",
                            tr_type_name(v), tr_type_name(r));
        return tr_float_new(d);
    }
    if (call_special(v, "__index__", &r)) {
        if (r == TR_ERR)
            return TR_ERR;
        if (!tr_is_int(r))
            return tr_raise(&tr_TypeError, "__index__ returned non-int (type %s)",
                            tr_type_name(r));
        d = tr_int_to_double(r, NULL);
        return d == -1.0 && tr_err_occurred() ? TR_ERR : tr_float_new(d);
    }
    if (tr_float_get(v, &d))
        return tr_float_new(d);
    if (tr_is_int(v)) {
        d = tr_int_to_double(v, NULL);
        return d == -1.0 && tr_err_occurred() ? TR_ERR : tr_float_new(d);
    }
    return tr_raise(&tr_TypeError, "float() argument must be a string or a real number, not '%s'",
                    tr_type_name(v));
}

static TrValue float_subclass_new(TrType *type, double d)
{
    size_t size = type->basicsize > sizeof(TrFloat) ? type->basicsize : sizeof(TrFloat);
    TrFloat *f = tr_obj_new(size, type);
    f->d = d;
    return tr_val(f);
}

static TrValue float_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (tr_nkw(kwnames))
        return tr_raise(&tr_TypeError, "float() takes no keyword arguments");
    if (nargs > 1)
        return tr_raise(&tr_TypeError, "float expected at most 1 argument, got %zu", nargs);
    TrValue r = nargs ? tr_float_from(args[0]) : TR_FLONUM_ZERO;
    if (r == TR_ERR || type == &tr_float_type)
        return r;
    return float_subclass_new(type, tr_float_val(r));
}

/* --- Methods ---------------------------------------------------------------------------- */

static double self_val(TrValue self)
{
    double d = 0;
    tr_float_get(self, &d);
    return d;
}

static TrValue m_conjugate(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return tr_float_new(self_val(self));
}

static TrValue m_trunc(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return tr_int_from_double(self_val(self));
}

static TrValue m_floor(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return tr_int_from_double(floor(self_val(self)));
}

static TrValue m_ceil(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return tr_int_from_double(ceil(self_val(self)));
}

static TrValue m_abs(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return tr_float_new(fabs(self_val(self)));
}

static TrValue m_round(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_check_nargs("__round__", nargs, 0, 1) < 0)
        return TR_ERR;
    return tr_float_round(self_val(self), nargs ? args[0] : 0);
}

static TrValue m_is_integer(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    double d = self_val(self);
    return tr_bool(isfinite(d) && floor(d) == d);
}

static TrValue m_as_integer_ratio(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    double d = self_val(self);
    if (isinf(d))
        return tr_raise(&tr_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(d))
        return tr_raise(&tr_ValueError, "cannot convert NaN to integer ratio");
    mpq_t q;
    mpq_init(q);
    mpq_set_d(q, d); /* exact and canonical */
    mpz_t n, m;
    mpz_init_set(n, mpq_numref(q));
    mpz_init_set(m, mpq_denref(q));
    return tr_tuple_pack(2, tr_int_take_mpz(n), tr_int_take_mpz(m));
}

static TrValue m_getnewargs(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return tr_tuple_pack(1, tr_float_new(self_val(self)));
}

static TrValue m_format(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_check_nargs("__format__", nargs, 1, 1) < 0)
        return TR_ERR;
    if (!tr_is_str(args[0]))
        return tr_raise(&tr_TypeError, "__format__() argument must be str, not %s",
                        tr_type_name(args[0]));
    return float_format(self, args[0]);
}

static TrValue m_getformat(TrValue cls, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_check_nargs("__getformat__", nargs, 1, 1) < 0)
        return TR_ERR;
    if (!tr_is_str(args[0]))
        return tr_raise(&tr_TypeError, "__getformat__() argument must be str, not %s",
                        tr_type_name(args[0]));
    if (!tr_str_eq_cstr(args[0], "double") && !tr_str_eq_cstr(args[0], "float"))
        return tr_raise(&tr_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
    return tr_str_from_cstr("IEEE, little-endian");
}

/* CPython's float.hex: 13 hex digits after the point, exponent in decimal. */
static TrValue m_hex(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    double x = self_val(self);
    if (isnan(x) || isinf(x))
        return tr_float_repr(tr_float_new(x));
    if (x == 0.0)
        return tr_str_from_cstr(signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char s[32];
    int si = 0;
    static const char hexd[] = "0123456789abcdef";
    s[si++] = hexd[(int)m];
    m -= (int)m;
    s[si++] = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        s[si++] = hexd[(int)m];
        m -= (int)m;
    }
    s[si] = 0;
    return tr_str_fmt("%s0x%sp%c%d", x < 0.0 ? "-" : "", s, e < 0 ? '-' : '+', e < 0 ? -e : e);
}

static bool hexdigit(char c) { return isxdigit((unsigned char)c) != 0; }

static TrValue fromhex_str(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && isspace((unsigned char)s[i]))
        i++;
    while (n > i && isspace((unsigned char)s[n - 1]))
        n--;
    char *buf = tr_alloc_atomic(n + 40);
    size_t k = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        buf[k++] = s[i++];
    static const char *const words[] = {"inf", "infinity", "nan"};
    for (int w = 0; w < 3; w++)
        if (n - i == strlen(words[w]) && strncasecmp(s + i, words[w], n - i) == 0) {
            memcpy(buf + k, s + i, n - i);
            buf[k + n - i] = 0;
            return tr_float_new(strtod(buf, NULL));
        }
    if (i + 1 < n && s[i] == '0' && (s[i + 1] | 0x20) == 'x')
        i += 2;
    buf[k++] = '0';
    buf[k++] = 'x';
    size_t nd = 0;
    while (i < n && hexdigit(s[i]))
        buf[k++] = s[i++], nd++;
    if (i < n && s[i] == '.') {
        buf[k++] = s[i++];
        while (i < n && hexdigit(s[i]))
            buf[k++] = s[i++], nd++;
    }
    if (nd == 0)
        goto invalid;
    long exp = 0;
    if (i < n && (s[i] | 0x20) == 'p') {
        i++;
        bool eneg = false;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            eneg = s[i++] == '-';
        if (!(i < n && isdigit((unsigned char)s[i])))
            goto invalid;
        while (i < n && isdigit((unsigned char)s[i])) {
            if (exp < 100000000)
                exp = exp * 10 + (s[i] - '0');
            i++;
        }
        if (eneg)
            exp = -exp;
    }
    if (i != n)
        goto invalid;
    snprintf(buf + k, 32, "p%ld", exp);
    errno = 0;
    double d = strtod(buf, NULL);
    if (isinf(d))
        return tr_raise(&tr_OverflowError, "hexadecimal value too large to represent as a float");
    return tr_float_new(d);
invalid:
    return tr_raise(&tr_ValueError, "invalid hexadecimal floating-point string");
}

static TrValue m_fromhex(TrValue cls, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_check_nargs("fromhex", nargs, 1, 1) < 0)
        return TR_ERR;
    if (!tr_is_str(args[0]))
        return tr_raise(&tr_TypeError, "fromhex() argument must be str, not %s",
                        tr_type_name(args[0]));
    size_t n;
    const char *s = tr_str_utf8_len(args[0], &n);
    TrValue r = fromhex_str(s, n);
    if (r == TR_ERR || cls == tr_val(&tr_float_type))
        return r;
    return tr_call1(cls, r);
}

static TrValue m_int(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return tr_int_from_double(self_val(self));
}

static TrValue g_real(TrValue self) { return tr_float_new(self_val(self)); }
static TrValue g_imag(TrValue self) { return TR_FLONUM_ZERO; }

TR_NUM_DUNDERS(float_d, float_binop, float_richcmp)

static const TrMethodDef float_methods[] = {
    {"conjugate", m_conjugate, 0},
    {"__trunc__", m_trunc, 0},
    {"__floor__", m_floor, 0},
    {"__ceil__", m_ceil, 0},
    {"__round__", m_round, 0},
    {"__int__", m_int, 0},
    {"__float__", m_conjugate, 0},
    {"__abs__", m_abs, 0},
    {"as_integer_ratio", m_as_integer_ratio, 0},
    {"fromhex", m_fromhex, TR_METH_CLASS},
    {"hex", m_hex, 0},
    {"is_integer", m_is_integer, 0},
    {"__getnewargs__", m_getnewargs, 0},
    {"__getformat__", m_getformat, TR_METH_CLASS},
    {"__format__", m_format, 0},
    TR_NUM_DUNDER_ROWS(float_d),
    {"__divmod__", tr_num_m_divmod, 0},
    {"__rdivmod__", tr_num_m_rdivmod, 0},
    {NULL, NULL, 0},
};

static const TrGetSetDef float_getsets[] = {
    {"real", g_real, NULL},
    {"imag", g_imag, NULL},
    {NULL, NULL, NULL},
};

TrType tr_float_type = {
    .ob = {&tr_type_type},
    .name = "float",
    .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE,
    .basicsize = sizeof(TrFloat),
    .repr = tr_float_repr,
    .hash = float_hash_slot,
    .richcmp = float_richcmp,
    .binop = float_binop,
    .unop = float_unop,
    .truth = float_truth,
    .new = float_new,
    .format = float_format,
    .methods = float_methods,
    .getsets = float_getsets,
};
