/*
 * rt_symbols.h -- every runtime symbol generated code may refer to, by name and address: the
 * helpers of ir_ops.def and the few objects and functions back-ends name themselves. The JIT
 * resolves relocations with it; the AOT link resolves the same names statically.
 */
#ifndef TR_RT_SYMBOLS_H
#define TR_RT_SYMBOLS_H

#include "common/base.h"

typedef struct RtSymbol {
    const char *name;
    void *addr;
} RtSymbol;

void *rt_symbol_lookup(const char *name); /* NULL if unknown */
const char *rt_symbol_name(const void *addr); /* the name of the symbol at addr, or NULL */

#endif
