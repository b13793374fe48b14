/*
 * bytes_impl.h -- what bytes.c and bytes_methods.c share: result construction of the same
 * type as self, bytearray growth, byte-value checks, and the method tables.
 */
#ifndef TR_BYTES_IMPL_H
#define TR_BYTES_IMPL_H

#define _GNU_SOURCE /* memmem */
#include "runtime/bytes.h"

extern TrType tr_bytes_iter_type;
extern const TrMethodDef tr_bytes_methods[], tr_bytearray_methods[];

/* A new bytes, or bytearray when self is one, holding data[0..n). */
TrValue tr_bytes_like(TrValue self, const uint8_t *data, int64_t n);
void tr_bytearray_reserve(TrByteArray *a, int64_t need); /* room for need bytes + NUL */
/* An int-like in range(256) -> *out; ValueError "byte must be in range(0, 256)". */
int tr_byte_value(TrValue v, int *out);

#endif
