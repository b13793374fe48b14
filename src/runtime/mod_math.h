/*
 * mod_math.h -- the math module (tr_mod_math_init, listed in modules.def) and what its two
 * files share: float argument conversion and the integer functions of mod_math_int.c.
 */
#ifndef TR_MOD_MATH_H
#define TR_MOD_MATH_H

#include "runtime/object.h"

TrValue tr_mod_math_init(void);

/* PyFloat_AsDouble's rules: float, int, __float__, __index__; else "must be real number". */
int tr_math_double(TrValue v, double *out);

TrValue tr_math_factorial(TrValue self, const TrValue *args, size_t nargs, TrValue kw);
TrValue tr_math_gcd(TrValue self, const TrValue *args, size_t nargs, TrValue kw);
TrValue tr_math_lcm(TrValue self, const TrValue *args, size_t nargs, TrValue kw);
TrValue tr_math_comb(TrValue self, const TrValue *args, size_t nargs, TrValue kw);
TrValue tr_math_perm(TrValue self, const TrValue *args, size_t nargs, TrValue kw);
TrValue tr_math_isqrt(TrValue self, const TrValue *args, size_t nargs, TrValue kw);
TrValue tr_math_prod(TrValue self, const TrValue *args, size_t nargs, TrValue kw);

#endif
