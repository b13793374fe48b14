/*
 * builtins.h -- the builtins module: print, len, range, sorted, isinstance... and the builtin
 * type names. tr_builtins() is the dict every module's globals fall back to.
 */
#ifndef TR_BUILTINS_H
#define TR_BUILTINS_H

#include "runtime/object.h"

TrValue tr_builtins(void); /* the builtins dict, made on first use */
TrValue tr_builtins_module(void);
TrValue tr_print(TrValue file, const TrValue *items, size_t n, TrValue sep, TrValue end, bool flush);

#endif
