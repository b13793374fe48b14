/*
 * set_impl.h -- internals shared by set.c (table, type slots) and set_ops.c (the set algebra
 * and methods). Entry states as in CPython: unused (key 0, hash 0), dummy (TR_STOP, -1), active.
 */
#ifndef TR_SET_IMPL_H
#define TR_SET_IMPL_H

#include "runtime/containers_util.h"
#include "runtime/set.h"

#define SET_DUMMY TR_STOP

static inline TrSet *as_set(TrValue v)
{
    return (TrSet *)tr_obj(v);
}
static inline bool is_live(TrValue k)
{
    return k != 0 && k != SET_DUMMY;
}

TrValue set_make(TrType *type, TrValue iterable); /* make_new_set; iterable may be 0 */
TrValue set_copy_of(TrValue s);                   /* same base type (set or frozenset) */
int set_add_entry(TrValue s, TrValue key, int64_t hash);
int set_add_key(TrValue s, TrValue key);
int set_contains_entry(TrValue s, TrValue key, int64_t hash); /* 1, 0, -1 */
int set_contains_key(TrValue s, TrValue key);
int set_discard_entry(TrValue s, TrValue key, int64_t hash); /* 1 found, 0 not, -1 */
int set_discard_key(TrValue s, TrValue key);
int set_update_internal(TrValue s, TrValue other);
int set_table_resize(TrValue s, int64_t minused);
void set_clear_internal(TrValue s);
void set_swap_bodies(TrValue a, TrValue b);
bool set_next_entry(TrValue s, int64_t *pos, TrSetEntry **entry);
/* set.__contains__ semantics: an unhashable set key is looked up as a frozenset */
int set_contains_frozen_fallback(TrValue s, TrValue key);

/* set_ops.c */
TrValue set_binop(TrValue a, TrValue b, int op);
TrValue set_richcmp(TrValue a, TrValue b, int op);
extern const TrMethodDef set_methods[], frozenset_methods[];

#endif
