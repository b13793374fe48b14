/*
 * mod_itertools.h -- the itertools module's types, shared by its two files (mod_itertools.c:
 * the plain iterators, mod_itertools_comb.c: product, permutations, combinations).
 */
#ifndef TR_MOD_ITERTOOLS_H
#define TR_MOD_ITERTOOLS_H

#include "runtime/mod_util.h"

extern TrType tr_itertools_product_type, tr_itertools_permutations_type,
    tr_itertools_combinations_type, tr_itertools_cwr_type;

TrValue tr_mod_itertools_init(void);

#endif
