/*
 * int.h -- Python int: inline small ints (value.h) that overflow into GMP-backed big ints.
 * Invariant: a TrBigInt never holds a value that fits a small int, so equal ints have equal
 * representations and tr_is_small(v) is the whole fast-path test. bool is a subclass of int:
 * every function here accepts True/False wherever it accepts an int.
 */
#ifndef TR_INT_H
#define TR_INT_H

#include "runtime/object.h"

#include <gmp.h>

typedef struct TrBigInt {
    TrObject ob;
    mpz_t z;
} TrBigInt;

void tr_int_init(void); /* sets GMP's allocator to libgc */

bool tr_is_int(TrValue v);          /* int, bool or an int subclass instance */
TrValue tr_int_from_i64(int64_t x); /* small when it fits, else big */
TrValue tr_int_from_u64(uint64_t x);
TrValue tr_int_from_mpz(const mpz_t z); /* copies; normalizes to small */
TrValue tr_int_from_double(double d);   /* trunc; raises for nan/inf like int(float) */
/* Conversions. Raise OverflowError ("Python int too large to convert to C long") and return
   -1 when out of range. */
int tr_int_to_i64(TrValue v, int64_t *out);
double tr_int_to_double(TrValue v, int *overflow); /* *overflow set on "int too large to convert to float" */
void tr_int_to_mpz(TrValue v, mpz_t out);           /* out must be mpz_init'ed */
int tr_int_sign(TrValue v);

/* Arithmetic on ints (args already known to be int/bool). Raise as CPython does. */
TrValue tr_int_add(TrValue a, TrValue b);
TrValue tr_int_sub(TrValue a, TrValue b);
TrValue tr_int_mul(TrValue a, TrValue b);
TrValue tr_int_floordiv(TrValue a, TrValue b);
TrValue tr_int_mod(TrValue a, TrValue b);
TrValue tr_int_truediv(TrValue a, TrValue b); /* float result */
TrValue tr_int_pow(TrValue a, TrValue b);     /* negative exponent gives float */
TrValue tr_int_powmod(TrValue a, TrValue b, TrValue m);
TrValue tr_int_divmod(TrValue a, TrValue b);
TrValue tr_int_neg(TrValue a);
TrValue tr_int_lshift(TrValue a, TrValue b);
TrValue tr_int_rshift(TrValue a, TrValue b);
TrValue tr_int_and(TrValue a, TrValue b);
TrValue tr_int_or(TrValue a, TrValue b);
TrValue tr_int_xor(TrValue a, TrValue b);
TrValue tr_int_invert(TrValue a);
int tr_int_cmp(TrValue a, TrValue b); /* -1, 0, 1 */
int64_t tr_int_hash(TrValue v);       /* CPython's: value mod 2**61-1 */

TrValue tr_int_to_str(TrValue v, int base); /* base 2, 8, 10, 16: digits only, with sign */
TrValue tr_int_repr(TrValue v);
/* int(s, base): s as UTF-8 bytes; CPython's rules for underscores, prefixes, whitespace,
   and its ValueError message "invalid literal for int() with base 10: 'x'". */
TrValue tr_int_from_str(const char *s, size_t len, int base);
/* For the tokenizer: a literal already validated (may contain '_', 0x/0o/0b prefixes). */
TrValue tr_int_from_literal(const char *s, size_t len);

#endif
