/*
 * builtins.h -- the builtins module: print, len, range, sorted, isinstance... and the builtin
 * type names. tr_builtins() is the dict every module's globals fall back to.
 */
#ifndef TR_BUILTINS_H
#define TR_BUILTINS_H

#include "runtime/object.h"

TrValue tr_builtins(void); /* the builtins dict, made on first use */
TrValue tr_builtins_module(void);
/* print(*items, sep=sep, end=end, file=file, flush=flush). file, sep and end may be 0 or None
   for the defaults (sys.stdout, ' ', '\n'). Returns None or TR_ERR. */
TrValue tr_print(TrValue file, const TrValue *items, size_t n, TrValue sep, TrValue end, bool flush);

/* --- Shared by builtins*.c ----------------------------------------------------------------- */

/* The function tables of each part, NULL-terminated. */
extern const TrMethodDef tr_builtins_core_methods[];  /* builtins.c */
extern const TrMethodDef tr_builtins_seq_methods[];   /* builtins_seq.c */
extern const TrMethodDef tr_builtins_attr_methods[];  /* builtins_attr.c */
extern const TrMethodDef tr_builtins_num_methods[];   /* builtins_num.c */

/* CPython's argument-count messages: "f() takes exactly one argument (2 given)",
   "f expected 2 arguments, got 1" / "at least" / "at most", "f() takes no keyword arguments".
   Each returns 0, or -1 with TypeError set. */
int tr_bi_one_arg(const char *fname, size_t nargs, TrValue kwnames);
/* The C functions of len() and math.sqrt(), under names compiled code can refer to: calls of
   them are recognized by the function (specialize.c). */
TrValue tr_bi_len(TrValue self, const TrValue *args, size_t nargs, TrValue kw);
TrValue tr_math_sqrt(TrValue self, const TrValue *a, size_t n, TrValue kw);
int tr_bi_nargs(const char *fname, size_t nargs, TrValue kwnames, size_t min, size_t max);
/* Binds keyword arguments (values follow the positional ones) to names[0..n): out[i] gets the
   value or stays as it was. An unknown name raises "'x' is an invalid keyword argument for
   fname()". Returns 0 or -1. */
int tr_bi_kwargs(const char *fname, const TrValue *args, size_t nargs, TrValue kwnames,
                 const char *const *names, int n, TrValue *out);
/* Calls the special method `name` found on type(obj) (not on the instance, as CPython looks
   special methods up) with obj and up to 3 arguments, storing the result (maybe TR_ERR) in
   *out. False, with nothing called, when the type has no such method. */
bool tr_bi_special(TrValue obj, const char *name, const TrValue *args, size_t nargs,
                   TrValue *out);

#endif
