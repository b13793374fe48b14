/* complex.h -- Python complex: two doubles; repr and arithmetic as CPython. */
#ifndef TR_COMPLEX_H
#define TR_COMPLEX_H

#include "runtime/object.h"

typedef struct TrComplex {
    TrObject ob;
    double re, im;
} TrComplex;

extern TrType tr_complex_type;
TrValue tr_complex_new(double re, double im);
/* (ar+ai j) ** (br+bi j) with CPython's algorithm and errors (float_pow uses it for a
   negative base and a fractional exponent). */
TrValue tr_complex_pow_parts(double ar, double ai, double br, double bi);
/* A complex or complex-subclass instance: its parts. */
bool tr_complex_get(TrValue v, double *re, double *im);

#endif
