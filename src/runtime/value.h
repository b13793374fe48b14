/*
 * value.h -- the tagged 64-bit word every Python value is, and the header of every heap object.
 *
 *   ...xx01  small int: a signed 62-bit integer in the upper bits (value = (int64)v >> 2)
 *   ...xx10  flonum: a double whose exponent lies in the range real programs use (top three
 *            exponent bits 011 or 100), plus 2**60 (which makes those bits 10x), rotated left
 *            by 3 so that sign and the two top bits sit in the low bits; decoding is a rotate
 *            and a subtract. Other doubles (+0.0 aside, which has its own word) are boxed
 *            TrFloat objects
 *   ...x000  a pointer to a heap object (8-aligned), whose first field is its TrType
 *   0        TR_ERR: "an exception is pending" (never a value);  3 TR_STOP: iterator exhausted
 *
 * Everything in this file is inline so the VM and compiled code test tags without calls.
 */
#ifndef TR_VALUE_H
#define TR_VALUE_H

#include "common/base.h"

#include <string.h>

typedef uint64_t TrValue;
typedef struct TrType TrType;

/* Every heap object begins with this header. */
typedef struct TrObject {
    TrType *type;
} TrObject;

#define TR_ERR ((TrValue)0)
#define TR_STOP ((TrValue)3) /* returned by next() when the iterator is exhausted, no exception */

/* --- Small ints ------------------------------------------------------------------------- */

#define TR_SMALL_MAX ((INT64_C(1) << 61) - 1)
#define TR_SMALL_MIN (-(INT64_C(1) << 61))

static inline bool tr_is_small(TrValue v) { return (v & 3) == 1; }
static inline int64_t tr_small_val(TrValue v) { return (int64_t)v >> 2; }
static inline bool tr_fits_small(int64_t x) { return x >= TR_SMALL_MIN && x <= TR_SMALL_MAX; }
/* Only for x that fits (tr_fits_small); tr_int_from_i64 boxes when it does not. */
static inline TrValue tr_small_new(int64_t x) { return ((uint64_t)x << 2) | 1; }

/* --- Flonums ---------------------------------------------------------------------------- */

/* +0.0: the word 2**-255 would encode to, so that one double stays boxed (as in Ruby). */
#define TR_FLONUM_ZERO ((TrValue)2)
#define TR_FLONUM_BIAS (UINT64_C(1) << 60)

static inline bool tr_is_flonum(TrValue v) { return (v & 3) == 2; }

static inline uint64_t tr_rotl3(uint64_t x) { return (x << 3) | (x >> 61); }
static inline uint64_t tr_rotr3(uint64_t x) { return (x >> 3) | (x << 61); }

/* Returns the flonum for d, or TR_ERR when d needs a box (exponent out of range, -0.0, nan...). */
static inline TrValue tr_flonum_try(double d)
{
    uint64_t bits;
    memcpy(&bits, &d, 8);
    /* in range exactly when the biased bits 62..61 are 10, i.e. the low bits of v */
    uint64_t v = tr_rotl3(bits + TR_FLONUM_BIAS);
    if (TR_LIKELY((v & 3) == 2 && v != TR_FLONUM_ZERO))
        return v;
    if (bits == 0)
        return TR_FLONUM_ZERO;
    return TR_ERR;
}

static inline double tr_flonum_val(TrValue v)
{
    double d;
    uint64_t bits = tr_rotr3(v) - TR_FLONUM_BIAS;
    bits = v == TR_FLONUM_ZERO ? 0 : bits;
    memcpy(&d, &bits, 8);
    return d;
}

/* --- Heap objects ----------------------------------------------------------------------- */

static inline bool tr_is_ptr(TrValue v) { return (v & 7) == 0 && v != 0; }
static inline TrObject *tr_obj(TrValue v) { return (TrObject *)(uintptr_t)v; }
static inline TrValue tr_val(const void *p) { return (TrValue)(uintptr_t)p; }

extern TrType tr_int_type, tr_float_type;

static inline TrType *tr_type_of(TrValue v)
{
    if (tr_is_small(v))
        return &tr_int_type;
    if (tr_is_flonum(v))
        return &tr_float_type;
    return tr_obj(v)->type;
}

/* --- Singletons ------------------------------------------------------------------------- */

extern TrObject tr_none_obj, tr_true_obj, tr_false_obj, tr_notimpl_obj, tr_ellipsis_obj;
#define TR_NONE tr_val(&tr_none_obj)
#define TR_TRUE tr_val(&tr_true_obj)
#define TR_FALSE tr_val(&tr_false_obj)
#define TR_NOTIMPL tr_val(&tr_notimpl_obj)
#define TR_ELLIPSIS tr_val(&tr_ellipsis_obj)
static inline TrValue tr_bool(bool b) { return b ? TR_TRUE : TR_FALSE; }

/* --- Memory (libgc) --------------------------------------------------------------------- */

void *tr_alloc(size_t size);        /* zeroed, scanned for pointers */
void *tr_alloc_atomic(size_t size); /* not zeroed, never scanned: strings, digits, doubles */
void *tr_alloc_str(size_t size);    /* zeroed; a TrStr: only its type and utf8 are scanned */
void *tr_realloc(void *p, size_t size);
#define TR_NEW(T, typeptr) ((T *)tr_obj_new(sizeof(T), (typeptr)))
void *tr_obj_new(size_t size, TrType *type); /* tr_alloc + sets the type */

#endif
