/*
 * float.h -- Python float: a double, inline as a flonum when its exponent allows, else boxed.
 * repr gives the shortest string that round-trips, formatted exactly as CPython does.
 */
#ifndef TR_FLOAT_H
#define TR_FLOAT_H

#include "common/strbuf.h"
#include "runtime/object.h"

typedef struct TrFloat {
    TrObject ob;
    double d;
} TrFloat;

static inline bool tr_is_float(TrValue v)
{
    return tr_is_flonum(v) || (tr_is_ptr(v) && tr_obj(v)->type == &tr_float_type);
}
TrValue tr_float_new(double d);
/* tr_float_new with the flonum case inline, for the VM's arithmetic. */
static inline TrValue tr_float_fast(double d)
{
    TrValue v = tr_flonum_try(d);
    return TR_LIKELY(v) ? v : tr_float_new(d);
}
static inline double tr_float_val(TrValue v) /* v is a float (flonum or boxed, not a subclass) */
{
    return tr_is_flonum(v) ? tr_flonum_val(v) : ((TrFloat *)tr_obj(v))->d;
}
/* True with the value when v is a float or an instance of a float subclass. */
bool tr_float_get(TrValue v, double *out);
/* float(x) for int/float/str/objects with __float__; raises TypeError/ValueError. */
TrValue tr_float_from(TrValue v);
int tr_to_double(TrValue v, double *out); /* int or float -> double; -1 (TypeError) otherwise */
TrValue tr_float_from_str(const char *s, size_t len); /* ValueError like CPython */
TrValue tr_float_from_strobj(TrValue str);                /* float(str), Unicode digits too */
TrValue tr_float_from_bytesobj(const uint8_t *p, size_t n);

/* repr: shortest round-trip, 'r' format ("1e+16", "0.1", "inf", "nan", "-0.0"). Writes NUL-
   terminated text into buf (at least 32 bytes) and returns its length. */
int tr_double_repr(double d, char *buf);
TrValue tr_float_repr(TrValue v);
/* Appends repr(d) without the ".0" CPython adds to integral floats, '+' first if sign (the
   parts of a complex's repr). */
void tr_double_append(StrBuf *sb, double d, bool sign);
/* Formats d for format()/'%' with a type char (e f g E F G %, or 'r' for repr, 0 for str())
   and precision (-1: default); alt is '#'. Returns a str. */
TrValue tr_double_format(double d, char type, int prec, bool alt);
/* CPython's PyOS_double_to_string: code e E f F g G r; add_dot_0 as repr does ("1.0"); sign
   puts '+' before non-negative values. */
TrValue tr_double_to_string(double d, char code, int prec, bool alt, bool add_dot_0, bool sign);

TrValue tr_float_floordiv(double a, double b); /* raise ZeroDivisionError as CPython */
TrValue tr_float_mod(double a, double b);
TrValue tr_float_divmod(double a, double b); /* (q, r) tuple */
TrValue tr_float_pow(double a, double b);
int64_t tr_float_hash(double d);
TrValue tr_float_round(double d, TrValue ndigits); /* ndigits 0: round(x) -> int */

#endif
