/*
 * marshal.h -- a module's code-object tree as bytes and back: what `trident build` stores in an
 * executable and its start-up reads. Every CodeObj field and every constant type the compiler
 * emits survives the round trip exactly (float bits, str width, interned names, big ints).
 */
#ifndef TR_MARSHAL_H
#define TR_MARSHAL_H

#include "bytecode/code.h"
#include "common/strbuf.h"

/* Appends the marshalled tree of co to out. False (with *why set to static text) when a
   constant has a type that cannot be marshalled. */
bool bc_marshal(CodeObj *co, StrBuf *out, const char **why);
/* Rebuilds a tree from bc_marshal's bytes; NULL with ValueError pending on bad data. The inline
   caches and native entries of the result are empty. */
CodeObj *bc_unmarshal(const uint8_t *data, size_t size);

/* Marshals one constant-like value alone (None, bools, ints, floats, complex, str, bytes,
   tuples, frozensets); the executable uses it for small records such as a SyntaxError's
   attributes. */
bool bc_marshal_value(TrValue v, StrBuf *out, const char **why);
TrValue bc_unmarshal_value(const uint8_t *data, size_t size); /* TR_ERR + ValueError if bad */

/* Pre-order walk: fn(co, index, ctx) for co (index 0), then for the code objects among its
   constants in order, recursively. The index names a code object in both the build and the
   executable. Returns the number of code objects visited. */
typedef void BcCodeFn(CodeObj *co, int index, void *ctx);
int bc_code_walk(CodeObj *co, BcCodeFn *fn, void *ctx);

#endif
