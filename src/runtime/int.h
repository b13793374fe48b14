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
/* Correctly rounded. Too large: raises OverflowError "int too large to convert to float",
   sets *overflow (may be NULL) and returns -1.0. */
double tr_int_to_double(TrValue v, int *overflow);
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

/* base 2..36: digits only (lowercase), with '-' sign. Base 10 enforces the digits limit. */
TrValue tr_int_to_str(TrValue v, int base);
TrValue tr_int_repr(TrValue v);
/* int(s, base): s as UTF-8 bytes; CPython's rules for underscores, prefixes, whitespace,
   and its ValueError message "invalid literal for int() with base 10: 'x'". */
TrValue tr_int_from_str(const char *s, size_t len, int base);
/* For the tokenizer: a literal already validated (may contain '_', 0x/0o/0b prefixes). */
TrValue tr_int_from_literal(const char *s, size_t len);

/* sys.set_int_max_str_digits: 0 means no limit (CPython's default is 4300). */
extern int64_t tr_int_max_str_digits;

TrValue tr_int_exact(TrValue v); /* bools and int-subclass instances as plain ints */
TrValue tr_int_abs(TrValue a);
int tr_int_cmp_double(TrValue a, double d); /* exact; d must not be a nan */
int64_t tr_int_bit_length(TrValue v);
TrValue tr_int_round(TrValue v, TrValue ndigits); /* round(int, n): ndigits 0/None -> v */
/* int(x[, base]) for any object x (str, bytes, float, __int__, __index__, __trunc__); base is
   0 when not given. */
TrValue tr_int_from(TrValue x, TrValue base);
TrValue tr_int_from_strobj(TrValue str, int base); /* int(str, base), Unicode digits too */
TrValue tr_int_from_bytesobj(const uint8_t *p, size_t n, int base);
/* The int type's slots, for bool and the generated dunder methods. */
TrValue tr_int_binop(TrValue a, TrValue b, int op);
TrValue tr_int_richcmp(TrValue a, TrValue b, int op);
TrValue tr_int_format(TrValue v, TrValue spec);
/* For modules working with GMP directly: a read-only view (storage given by the caller) and
   a constructor that takes ownership of z's limbs. */
mpz_srcptr tr_int_mpz_view(TrValue v, mpz_t tmp_storage, mp_limb_t *limb);
TrValue tr_int_take_mpz(mpz_t z);

#endif
