/*
 * complex.c -- the `complex` type: CPython's arithmetic (Smith's division, c_powi for small
 * integral exponents), comparison (== and != only), hash, repr ('(1+2j)', '1j', '(-0-1j)'),
 * complex(x, y) / complex('1+2j') parsing, and format().
 */
#include "runtime/complex.h"

#include "common/strbuf.h"
#include "runtime/args.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/format.h"
#include "runtime/int.h"
#include "runtime/number.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/unicode.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct Cx {
    double re, im;
} Cx;

TrValue tr_complex_new(double re, double im)
{
    TrComplex *c = TR_NEW(TrComplex, &tr_complex_type);
    c->re = re;
    c->im = im;
    return tr_val(c);
}

bool tr_complex_get(TrValue v, double *re, double *im)
{
    if (!tr_is_ptr(v))
        return false;
    TrType *t = tr_obj(v)->type;
    if (t == &tr_complex_type ||
        ((t->flags & TR_TYPE_HEAP) && tr_type_is_subtype(t, &tr_complex_type))) {
        *re = ((TrComplex *)tr_obj(v))->re;
        *im = ((TrComplex *)tr_obj(v))->im;
        return true;
    }
    return false;
}

/* The parts of a complex (or complex-subclass instance) known to be one. */
static Cx cx_of(TrValue v)
{
    Cx c = {0.0, 0.0};
    tr_complex_get(v, &c.re, &c.im);
    return c;
}

static TrValue cx_new(Cx c) { return tr_complex_new(c.re, c.im); }

/* --- CPython's elementary operations ---------------------------------------------------- */

static Cx c_prod(Cx a, Cx b)
{
    return (Cx){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}

static Cx c_quot(Cx a, Cx b)
{
    Cx r;
    double abs_br = b.re < 0 ? -b.re : b.re, abs_bi = b.im < 0 ? -b.im : b.im;
    if (abs_br >= abs_bi) {
        if (abs_br == 0.0) {
            errno = EDOM;
            r.re = r.im = 0.0;
        } else {
            double ratio = b.im / b.re, denom = b.re + b.im * ratio;
            r.re = (a.re + a.im * ratio) / denom;
            r.im = (a.im - a.re * ratio) / denom;
        }
    } else if (abs_bi >= abs_br) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        r.re = (a.re * ratio + a.im) / denom;
        r.im = (a.im * ratio - a.re) / denom;
    } else {
        r.re = r.im = NAN; /* a nan in b */
    }
    return r;
}

static Cx c_pow(Cx a, Cx b)
{
    Cx r;
    if (b.re == 0. && b.im == 0.) {
        r.re = 1.;
        r.im = 0.;
    } else if (a.re == 0. && a.im == 0.) {
        if (b.im != 0. || b.re < 0.)
            errno = EDOM;
        r.re = 0.;
        r.im = 0.;
    } else {
        double vabs = hypot(a.re, a.im), len = pow(vabs, b.re), at = atan2(a.im, a.re);
        double phase = at * b.re;
        if (b.im != 0.0) {
            len /= exp(at * b.im);
            phase += b.im * log(vabs);
        }
        r.re = len * cos(phase);
        r.im = len * sin(phase);
    }
    return r;
}

static Cx c_powu(Cx x, long n)
{
    Cx r = {1., 0.}, p = x;
    long mask = 1;
    while (mask > 0 && n >= mask) {
        if (n & mask)
            r = c_prod(r, p);
        mask <<= 1;
        p = c_prod(p, p);
    }
    return r;
}

static Cx c_powi(Cx x, long n)
{
    if (n > 0)
        return c_powu(x, n);
    return c_quot((Cx){1., 0.}, c_powu(x, -n));
}

TrValue tr_complex_pow_parts(double ar, double ai, double br, double bi)
{
    Cx a = {ar, ai}, b = {br, bi}, p;
    errno = 0;
    if (b.im == 0.0 && b.re == floor(b.re) && fabs(b.re) <= 100.0)
        p = c_powi(a, (long)b.re);
    else
        p = c_pow(a, b);
    if (isinf(p.re) || isinf(p.im)) {
        if (errno == 0)
            errno = ERANGE;
    } else if (errno == ERANGE) {
        errno = 0; /* underflow inside libm is not an error */
    }
    if (errno == EDOM)
        return tr_raise(&tr_ZeroDivisionError, "0.0 to a negative or complex power");
    if (errno == ERANGE)
        return tr_raise(&tr_OverflowError, "complex exponentiation");
    return cx_new(p);
}

/* abs(): C99 rules for infinities; OverflowError when finite parts overflow. */
TrValue tr_complex_abs(double re, double im)
{
    if (!isfinite(re) || !isfinite(im)) {
        if (isinf(re))
            return tr_float_new(fabs(re));
        if (isinf(im))
            return tr_float_new(fabs(im));
        return tr_float_new(NAN);
    }
    double r = hypot(re, im);
    if (!isfinite(r))
        return tr_raise(&tr_OverflowError, "absolute value too large");
    return tr_float_new(r);
}

/* --- Slots ------------------------------------------------------------------------------ */

/* 1 with the value for complex, float and int; 0 for other types; -1 on int overflow. */
static int to_cx(TrValue v, Cx *c)
{
    c->im = 0.0;
    if (tr_complex_get(v, &c->re, &c->im))
        return 1;
    if (tr_float_get(v, &c->re))
        return 1;
    if (tr_is_int(v)) {
        int ovf = 0;
        c->re = tr_int_to_double(v, &ovf);
        return ovf ? -1 : 1;
    }
    return 0;
}

static TrValue complex_binop(TrValue a, TrValue b, int op)
{
    Cx x, y;
    if (op >= TR_OP__COUNT)
        return TR_NOTIMPL;
    int ra = to_cx(a, &x);
    if (ra <= 0)
        return ra < 0 ? TR_ERR : TR_NOTIMPL;
    int rb = to_cx(b, &y);
    if (rb <= 0)
        return rb < 0 ? TR_ERR : TR_NOTIMPL;
    switch (op) {
    case TR_OP_ADD: return tr_complex_new(x.re + y.re, x.im + y.im);
    case TR_OP_SUB: return tr_complex_new(x.re - y.re, x.im - y.im);
    case TR_OP_MUL: return cx_new(c_prod(x, y));
    case TR_OP_TRUEDIV: {
        errno = 0;
        Cx q = c_quot(x, y);
        if (errno == EDOM)
            return tr_raise(&tr_ZeroDivisionError, "complex division by zero");
        return cx_new(q);
    }
    case TR_OP_POW: return tr_complex_pow_parts(x.re, x.im, y.re, y.im);
    default: return TR_NOTIMPL;
    }
}

static TrValue complex_richcmp(TrValue a, TrValue b, int op)
{
    Cx x, y;
    if ((op != TR_EQ && op != TR_NE) || !tr_complex_get(a, &x.re, &x.im))
        return TR_NOTIMPL;
    bool equal;
    if (tr_is_int(b)) {
        if (x.im != 0.0)
            equal = false;
        else if (isnan(x.re))
            equal = false;
        else
            equal = tr_int_cmp_double(b, x.re) == 0; /* exact, as float == int */
    } else if (tr_float_get(b, &y.re)) {
        equal = x.re == y.re && x.im == 0.0;
    } else if (tr_complex_get(b, &y.re, &y.im)) {
        equal = x.re == y.re && x.im == y.im;
    } else {
        return TR_NOTIMPL;
    }
    return tr_bool(equal == (op == TR_EQ));
}

static TrValue complex_unop(TrValue a, int op)
{
    Cx x = cx_of(a);
    switch (op) {
    case TR_UN_NEG: return tr_complex_new(-x.re, -x.im);
    case TR_UN_POS: return tr_complex_new(x.re, x.im);
    default: return TR_NOTIMPL;
    }
}

static int complex_truth(TrValue v)
{
    Cx x = cx_of(v);
    return x.re != 0.0 || x.im != 0.0;
}

static int64_t complex_hash(TrValue v)
{
    Cx x = cx_of(v);
    uint64_t hr = isnan(x.re) ? (uint64_t)tr_hash_pointer(tr_obj(v))
                              : (uint64_t)tr_hash_double(x.re);
    uint64_t hi = isnan(x.im) ? (uint64_t)tr_hash_pointer(tr_obj(v))
                              : (uint64_t)tr_hash_double(x.im);
    uint64_t combined = hr + 1000003u * hi;
    if (combined == (uint64_t)-1)
        combined = (uint64_t)-2;
    return (int64_t)combined;
}

static TrValue complex_repr(TrValue v)
{
    Cx x = cx_of(v);
    StrBuf sb;
    sb_init(&sb);
    if (x.re == 0.0 && !signbit(x.re)) {
        tr_double_append(&sb, x.im, false);
        sb_putc(&sb, 'j');
    } else {
        sb_putc(&sb, '(');
        tr_double_append(&sb, x.re, false);
        tr_double_append(&sb, x.im, true);
        sb_puts(&sb, "j)");
    }
    return tr_str_from_utf8(sb.data, sb.len);
}

/* format(complex, spec): CPython's format_complex_internal without locale grouping. */
static TrValue complex_format(TrValue v, TrValue spec)
{
    if (tr_as_str(spec)->len == 0)
        return tr_str(v);
    TrFormatSpec fs;
    if (tr_format_spec_parse(spec, &fs) < 0)
        return TR_ERR;
    if (fs.zero && fs.fill == '0' && !fs.align)
        return tr_raise(&tr_ValueError, "Zero padding is not allowed in complex format specifier");
    if (fs.align == '=')
        return tr_raise(&tr_ValueError,
                        "Alignment flag is not allowed in complex format specifier");
    if (fs.type && !strchr("eEfFgGn", fs.type))
        return tr_raise(&tr_ValueError, "Unknown format code '%c' for object of type 'complex'",
                        fs.type);
    Cx x = cx_of(v);
    char code = fs.type == 'n' ? 'g' : fs.type;
    int prec = (int)fs.prec;
    bool skip_re = false, parens = false;
    if (!code) {
        if (x.re == 0.0 && !signbit(x.re))
            skip_re = true;
        else
            parens = true;
        code = prec < 0 ? 'r' : 'g';
    }
    if (prec < 0)
        prec = code == 'r' ? 0 : 6;
    TrValue re = tr_double_to_string(x.re, code, prec, fs.alt, false, false);
    TrValue im = tr_double_to_string(x.im, code, prec, fs.alt, false, false);
    TrStrBuilder sb;
    tr_sbuild_init(&sb);
    if (parens)
        tr_sbuild_char(&sb, '(');
    if (!skip_re) {
        if (tr_str_utf8(re)[0] != '-' && (fs.sign == '+' || fs.sign == ' '))
            tr_sbuild_char(&sb, (uint32_t)fs.sign);
        tr_sbuild_str(&sb, re);
    }
    if (tr_str_utf8(im)[0] != '-') {
        if (!skip_re)
            tr_sbuild_char(&sb, '+');
        else if (fs.sign == '+' || fs.sign == ' ')
            tr_sbuild_char(&sb, (uint32_t)fs.sign);
    }
    tr_sbuild_str(&sb, im);
    tr_sbuild_char(&sb, 'j');
    if (parens)
        tr_sbuild_char(&sb, ')');
    return tr_format_pad(tr_sbuild_finish(&sb), &fs, '>');
}

/* --- complex(...) ----------------------------------------------------------------------- */

/* Length of the longest prefix of s that reads as a float (dtoa's strtod syntax: digits with
   optional point and exponent, or inf/infinity/nan, after an optional sign); 0 if none. */
static size_t float_prefix(const char *s, double *out)
{
    size_t i = 0;
    if (s[i] == '+' || s[i] == '-')
        i++;
    static const char *const words[] = {"infinity", "inf", "nan"};
    for (int w = 0; w < 3; w++) {
        size_t n = strlen(words[w]);
        if (strncasecmp(s + i, words[w], n) == 0) {
            char buf[16];
            memcpy(buf, s, i + n);
            buf[i + n] = 0;
            *out = strtod(buf, NULL);
            return i + n;
        }
    }
    size_t digits = 0;
    while (s[i] >= '0' && s[i] <= '9')
        i++, digits++;
    if (s[i] == '.') {
        i++;
        while (s[i] >= '0' && s[i] <= '9')
            i++, digits++;
    }
    if (digits == 0)
        return 0;
    if (s[i] == 'e' || s[i] == 'E') {
        size_t j = i + 1;
        if (s[j] == '+' || s[j] == '-')
            j++;
        if (s[j] >= '0' && s[j] <= '9') {
            while (s[j] >= '0' && s[j] <= '9')
                j++;
            i = j;
        }
    }
    char *buf = tr_alloc_atomic(i + 1);
    memcpy(buf, s, i);
    buf[i] = 0;
    *out = strtod(buf, NULL);
    return i;
}

static bool cspace(char c) { return c == ' ' || (c >= 9 && c <= 13); }

static TrValue complex_from_ascii(const char *s, size_t len, TrValue orig)
{
    /* underscores: only between digits; then removed */
    if (memchr(s, '_', len)) {
        char *dup = tr_alloc_atomic(len + 1);
        size_t k = 0;
        char prev = 0;
        for (size_t i = 0; i < len; i++) {
            char c = s[i];
            if (c == '_') {
                if (!(prev >= '0' && prev <= '9'))
                    goto bad_underscore;
            } else {
                dup[k++] = c;
                if (prev == '_' && !(c >= '0' && c <= '9'))
                    goto bad_underscore;
            }
            prev = c;
        }
        if (prev == '_')
            goto bad_underscore;
        dup[k] = 0;
        s = dup;
        len = k;
    }
    double x = 0.0, y = 0.0, z;
    const char *start = s, *end = s + len;
    bool bracket = false;
    while (s < end && cspace(*s))
        s++;
    if (s < end && *s == '(') {
        bracket = true;
        s++;
        while (s < end && cspace(*s))
            s++;
    }
    size_t n = float_prefix(s, &z);
    if (n) {
        s += n;
        if (*s == '+' || *s == '-') {
            x = z;
            n = float_prefix(s, &y);
            if (n) {
                s += n;
            } else {
                y = *s == '+' ? 1.0 : -1.0;
                s++;
            }
            if (!(*s == 'j' || *s == 'J'))
                goto malformed;
            s++;
        } else if (*s == 'j' || *s == 'J') {
            s++;
            y = z;
        } else {
            x = z;
        }
    } else {
        if (*s == '+' || *s == '-') {
            y = *s == '+' ? 1.0 : -1.0;
            s++;
        } else {
            y = 1.0;
        }
        if (!(*s == 'j' || *s == 'J'))
            goto malformed;
        s++;
    }
    while (s < end && cspace(*s))
        s++;
    if (bracket) {
        if (s >= end || *s != ')')
            goto malformed;
        s++;
        while (s < end && cspace(*s))
            s++;
    }
    if (s != end || (size_t)(s - start) != len)
        goto malformed;
    return tr_complex_new(x, y);
malformed:
    return tr_raise(&tr_ValueError, "complex() arg is a malformed string");
bad_underscore:
    return tr_raise(&tr_ValueError, "could not convert string to complex: %R", orig);
}

static TrValue complex_from_str(TrValue str)
{
    TrStr *s = tr_as_str(str);
    char *buf = tr_alloc_atomic((size_t)s->len + 1);
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = tr_str_char(s, i);
        int dv;
        if (c < 127)
            buf[i] = c ? (char)c : '?'; /* an embedded NUL is malformed, not the end */
        else if (tr_uni_isspace(c))
            buf[i] = ' ';
        else if ((dv = tr_uni_decimal(c)) >= 0)
            buf[i] = (char)('0' + dv);
        else
            buf[i] = '?';
    }
    buf[s->len] = 0;
    return complex_from_ascii(buf, (size_t)s->len, str);
}

/* Calls type(x).name(x) into *out (TR_ERR on error); false when the type has no such method. */
static bool call_special(TrValue x, const char *name, TrValue *out)
{
    TrValue f = tr_type_lookup(tr_type_of(x), tr_str_intern_cstr(name));
    if (!f)
        return false;
    *out = tr_call(f, &x, 1, 0);
    return true;
}

static bool is_number(TrValue v)
{
    double d;
    if (tr_is_int(v) || tr_float_get(v, &d) || tr_complex_get(v, &d, &d))
        return true;
    TrType *t = tr_type_of(v);
    return tr_type_lookup(t, tr_str_intern_cstr("__float__")) ||
           tr_type_lookup(t, tr_str_intern_cstr("__index__"));
}

static TrValue complex_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    static const char *const names[] = {"real", "imag"};
    TrValue a[2];
    if (tr_parse_args("complex", args, nargs, kwnames, names, 0, 2, 0, 2, a) < 0)
        return TR_ERR;
    TrValue r = a[0] ? a[0] : tr_small_new(0), i = a[1];
    TrValue res;
    Cx cr = {0, 0}, ci = {0, 0};
    bool cr_is_complex = false, ci_is_complex = false;
    if (tr_is_ptr(r) && tr_obj(r)->type == &tr_complex_type && !i && type == &tr_complex_type)
        return r;
    if (tr_is_str(r)) {
        if (i)
            return tr_raise(&tr_TypeError, "complex() can't take second arg if first is a string");
        res = complex_from_str(r);
        goto done;
    }
    if (i && tr_is_str(i))
        return tr_raise(&tr_TypeError, "complex() second arg can't be a string");
    TrValue c;
    if (call_special(r, "__complex__", &c)) {
        if (c == TR_ERR)
            return TR_ERR;
        if (!tr_complex_get(c, &cr.re, &cr.im))
            return tr_raise(&tr_TypeError, "__complex__ returned non-complex (type %s)",
                            tr_type_name(c));
        r = c;
    }
    if (!is_number(r))
        return tr_raise(&tr_TypeError,
                        "complex() first argument must be a string or a number, not '%s'",
                        tr_type_name(r));
    if (i && !is_number(i))
        return tr_raise(&tr_TypeError, "complex() second argument must be a number, not '%s'",
                        tr_type_name(i));
    if (tr_complex_get(r, &cr.re, &cr.im)) {
        cr_is_complex = true;
    } else {
        TrValue f = tr_float_from(r);
        if (f == TR_ERR)
            return TR_ERR;
        cr.re = tr_float_val(f);
    }
    if (!i) {
        ci.re = cr.im;
    } else if (tr_complex_get(i, &ci.re, &ci.im)) {
        ci_is_complex = true;
    } else {
        TrValue f = tr_float_from(i);
        if (f == TR_ERR)
            return TR_ERR;
        ci.re = tr_float_val(f);
    }
    if (ci_is_complex)
        cr.re -= ci.im;
    if (cr_is_complex && i)
        ci.re += cr.im;
    res = tr_complex_new(cr.re, ci.re);
done:
    if (res == TR_ERR || type == &tr_complex_type)
        return res;
    size_t size = type->basicsize > sizeof(TrComplex) ? type->basicsize : sizeof(TrComplex);
    TrComplex *o = tr_obj_new(size, type);
    o->re = ((TrComplex *)tr_obj(res))->re;
    o->im = ((TrComplex *)tr_obj(res))->im;
    return tr_val(o);
}

/* --- Methods ---------------------------------------------------------------------------- */

static TrValue m_conjugate(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    Cx x = cx_of(self);
    return tr_complex_new(x.re, -x.im);
}

static TrValue m_complex(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    Cx x = cx_of(self);
    return tr_complex_new(x.re, x.im);
}

static TrValue m_getnewargs(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    Cx x = cx_of(self);
    return tr_tuple_pack(2, tr_float_new(x.re), tr_float_new(x.im));
}

static TrValue m_abs(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    Cx x = cx_of(self);
    return tr_complex_abs(x.re, x.im);
}

static TrValue m_format(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_check_nargs("__format__", nargs, 1, 1) < 0)
        return TR_ERR;
    if (!tr_is_str(args[0]))
        return tr_raise(&tr_TypeError, "__format__() argument must be str, not %s",
                        tr_type_name(args[0]));
    return complex_format(self, args[0]);
}

static TrValue g_real(TrValue self)
{
    Cx x = cx_of(self);
    return tr_float_new(x.re);
}

static TrValue g_imag(TrValue self)
{
    Cx x = cx_of(self);
    return tr_float_new(x.im);
}

TR_NUM_DUNDERS(cx_d, complex_binop, complex_richcmp)

static const TrMethodDef complex_methods[] = {
    {"conjugate", m_conjugate, 0},   {"__complex__", m_complex, 0},
    {"__getnewargs__", m_getnewargs, 0}, {"__format__", m_format, 0},
    {"__abs__", m_abs, 0},           TR_NUM_DUNDER_ROWS(cx_d),
    {NULL, NULL, 0},
};

static const TrGetSetDef complex_getsets[] = {
    {"real", g_real, NULL},
    {"imag", g_imag, NULL},
    {NULL, NULL, NULL},
};

TrType tr_complex_type = {
    .ob = {&tr_type_type},
    .name = "complex",
    .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE,
    .basicsize = sizeof(TrComplex),
    .repr = complex_repr,
    .hash = complex_hash,
    .richcmp = complex_richcmp,
    .binop = complex_binop,
    .unop = complex_unop,
    .truth = complex_truth,
    .new = complex_new,
    .format = complex_format,
    .methods = complex_methods,
    .getsets = complex_getsets,
};
