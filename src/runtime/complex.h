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

#endif
