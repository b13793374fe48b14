/*
 * mod_util.h -- small helpers shared by the C standard-library modules (mod_*.c): naming the
 * module of their types, and argument conversions with CPython's messages.
 */
#ifndef TR_MOD_UTIL_H
#define TR_MOD_UTIL_H

#include "runtime/runtime.h"

/* Readies t and records its __module__ (so repr and pickling-style names come out right). */
void tr_mod_set_type_module(TrType *t, const char *module);
/* An int argument as int64 ("'x' object cannot be interpreted as an integer"). */
int tr_mod_arg_i64(TrValue v, int64_t *out);

#endif
