/*
 * set.h -- Python set and frozenset: an open-addressing hash table with CPython's table sizes
 * and probe sequence, so iteration order (and so printed output) matches CPython's.
 */
#ifndef TR_SET_H
#define TR_SET_H

#include "runtime/object.h"

typedef struct TrSetEntry {
    int64_t hash;
    TrValue key; /* 0: empty; TR_STOP: dummy (deleted) */
} TrSetEntry;

typedef struct TrSet {
    TrObject ob;
    int64_t used, fill, mask;
    TrSetEntry *table;
    int64_t hash; /* frozenset only; -1 until computed */
    int64_t finger; /* where set.pop() resumes its search, as in CPython */
} TrSet;

extern TrType tr_set_type, tr_frozenset_type;

bool tr_is_anyset(TrValue v);
TrValue tr_set_new(void);
TrValue tr_frozenset_new(TrValue iterable); /* iterable may be 0 */
int tr_set_add(TrValue s, TrValue key);
int tr_set_contains(TrValue s, TrValue key);
int tr_set_update(TrValue s, TrValue iterable);
bool tr_set_next(TrValue s, int64_t *pos, TrValue *key);
/* The set methods of the same names, for dict views (CPython's orders of insertion). */
int tr_set_discard(TrValue s, TrValue key); /* 1 found, 0 not, -1 error */
TrValue tr_set_intersection(TrValue s, TrValue other);
int tr_set_difference_update(TrValue s, TrValue other);
int tr_set_symmetric_difference_update(TrValue s, TrValue other);

#endif
