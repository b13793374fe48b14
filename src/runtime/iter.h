/*
 * iter.h -- range, slice, and the lazy iterators the builtins return: enumerate, zip, map,
 * filter, reversed, and the per-type iterators of str/list/tuple/dict/set/range.
 */
#ifndef TR_ITER_H
#define TR_ITER_H

#include "runtime/object.h"

typedef struct TrRange {
    TrObject ob;
    TrValue start, stop, step; /* ints (small or big) */
    int64_t len;               /* -1 when it does not fit an int64 */
} TrRange;

typedef struct TrSlice {
    TrObject ob;
    TrValue start, stop, step; /* any values, None when omitted */
} TrSlice;

extern TrType tr_range_type, tr_slice_type, tr_enumerate_type, tr_zip_type, tr_map_type,
    tr_filter_type, tr_reversed_type, tr_seqiter_type;

/* range_iterator (bounds that fit int64); public so that the VM's FOR_ITER can step it. */
typedef struct TrRangeIter {
    TrObject ob;
    int64_t cur, step, remaining;
} TrRangeIter;
extern TrType tr_range_iter_type;
/* A range iterator at cur (the next item) going to stop (exclusive) by step != 0: what the exits
   of compiled counted loops give the interpreter (ir_ops.def: range_iter_virtual). */
TrValue tr_range_iter_make(int64_t cur, int64_t stop, int64_t step);

TrValue tr_range_new(TrValue start, TrValue stop, TrValue step);
TrValue tr_slice_new(TrValue start, TrValue stop, TrValue step);
/* Resolves a slice against a sequence length (CPython's PySlice_GetIndicesEx rules): sets
   start/stop/step, returns the slice length, or -1 with an exception. */
int64_t tr_slice_indices(TrValue slice, int64_t len, int64_t *start, int64_t *stop,
                         int64_t *step);
/* A generic iterator over anything with __getitem__ and __len__ (sequence protocol). */
TrValue tr_seqiter_new(TrValue seq);

#endif
