/*
 * args.h -- argument parsing for built-in functions, with CPython's TypeError messages
 * ("len() takes exactly one argument (2 given)", "f() got an unexpected keyword argument 'x'",
 * "f() missing required argument 'x' (pos 1)").
 */
#ifndef TR_ARGS_H
#define TR_ARGS_H

#include "runtime/object.h"

/* Binds args/kwnames to names[0..max): out[i] gets the value or 0 when not given.
   The first npos names may be given positionally only (pass npos = max when all are
   positional-only, as for most builtins; then kwnames must be empty). Names from index kwstart
   on may only be given by keyword (pass max for none). Returns 0 or -1. */
int tr_parse_args(const char *fname, const TrValue *args, size_t nargs, TrValue kwnames,
                  const char *const *names, int min, int max, int npos, int kwstart,
                  TrValue *out);
/* Common cases */
int tr_no_kwargs(const char *fname, TrValue kwnames);                 /* -1 + TypeError */
int tr_check_nargs(const char *fname, size_t nargs, size_t min, size_t max); /* -1 + TypeError */
static inline size_t tr_nkw(TrValue kwnames);

#include "runtime/tuple.h"
static inline size_t tr_nkw(TrValue kwnames)
{
    return kwnames ? (size_t)tr_as_tuple(kwnames)->len : 0;
}

#endif
