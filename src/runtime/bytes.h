/* bytes.h -- Python bytes (immutable) and bytearray (mutable) byte strings. */
#ifndef TR_BYTES_H
#define TR_BYTES_H

#include "runtime/object.h"

typedef struct TrBytes {
    TrObject ob;
    int64_t len;
    int64_t hash; /* -1: not computed */
    uint8_t data[]; /* len bytes, then NUL */
} TrBytes;

typedef struct TrByteArray {
    TrObject ob;
    int64_t len, cap;
    uint8_t *data;
} TrByteArray;

extern TrType tr_bytes_type, tr_bytearray_type;

static inline bool tr_is_bytes(TrValue v) { return tr_is_ptr(v) && tr_obj(v)->type == &tr_bytes_type; }
TrValue tr_bytes_new(const void *data, size_t n);
TrValue tr_bytes_repr(TrValue b); /* b'...' with CPython's escapes; bytearray(b'...') */
TrValue tr_bytearray_new(const void *data, size_t n);
bool tr_is_bytearray(TrValue v); /* bytearray or a subclass */

/* The bytes of a bytes or bytearray (false for anything else). The pointer is valid until
   the bytearray is next resized. */
typedef struct TrBytesView {
    const uint8_t *data;
    int64_t len;
} TrBytesView;
bool tr_bytes_view(TrValue v, TrBytesView *out);

#endif
