/*
 * containers_util.h -- private helpers shared by the container files (tuple, list, dict, set,
 * range, slice, iterators): hash/eq fast paths, index conversion with CPython's messages,
 * argument-count errors in the wording each method uses, and the default iterator repr.
 */
#ifndef TR_CONTAINERS_UTIL_H
#define TR_CONTAINERS_UTIL_H

#include "runtime/args.h"
#include "runtime/exc.h"
#include "runtime/int.h"
#include "runtime/object.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

static inline bool cu_is_exact_str(TrValue v)
{
    return tr_is_ptr(v) && tr_obj(v)->type == &tr_str_type;
}

/* hash() with the two hot cases inline; CPython's int hash is the value mod 2**61-1. */
static inline int64_t cu_hash(TrValue v)
{
    if (tr_is_small(v)) {
        int64_t x = tr_small_val(v);
        const int64_t m = (INT64_C(1) << 61) - 1;
        int64_t h = x >= 0 ? x % m : -((-x) % m);
        return h == -1 ? -2 : h;
    }
    if (cu_is_exact_str(v))
        return tr_str_hash(v);
    return tr_hash(v);
}

/* == for container lookups (identity first, as CPython's PyObject_RichCompareBool). */
static inline int cu_eq(TrValue a, TrValue b)
{
    if (a == b)
        return 1;
    if (tr_is_small(a) && tr_is_small(b))
        return 0;
    if (cu_is_exact_str(a) && cu_is_exact_str(b))
        return tr_str_eq(a, b);
    return tr_eq(a, b);
}

/* A value used as an index: 1 if it is an int or has __index__, else 0 (no exception). */
bool cu_has_index(TrValue v);
/* CPython's PyNumber_AsSsize_t(v, exc): __index__, then "cannot fit 'int' into an index-sized
   integer" raised as errtype (IndexError for subscripts, OverflowError for sizes). */
int cu_as_ssize(TrValue v, TrType *errtype, int64_t *out);
/* Clamping form used for list.index(x, start, stop) bounds: never overflows. */
int cu_as_ssize_clamp(TrValue v, int64_t *out);

/* Argument-count errors, each in the wording CPython uses for that kind of method. */
int cu_no_kwargs(const char *qualname, TrValue kwnames); /* "X() takes no keyword arguments" */
int cu_exactly_one(const char *qualname,
                   size_t nargs);                   /* "X() takes exactly one argument (N given)" */
int cu_no_args(const char *qualname, size_t nargs); /* "X() takes no arguments (N given)" */
int cu_nargs(const char *name, size_t nargs, size_t min,
             size_t max); /* "name expected at least/most/N argument(s), got N" */

/* "<list_iterator object at 0x...>" */
TrValue cu_default_repr(TrValue self);
/* Common next/iter slot: an iterator's iter returns itself. */
TrValue cu_iter_self(TrValue self);

/* An interned str for a C name, made once (cached in *slot). */
TrValue cu_name(TrValue *slot, const char *name);

/* repr of items joined by ", " into b (used by list, tuple, set) */
int cu_repr_items(TrStrBuilder *b, const TrValue *items, int64_t n);

/* Sequence helpers shared by tuple and list (defined in tuple.c). */
/* Lexicographic comparison: the first pair that is not == decides, else the lengths. */
TrValue cu_seq_richcmp(const TrValue *a, int64_t na, const TrValue *b, int64_t nb, int op);
/* Whether the other operand of seq + x / seq * x may still handle it (a class with __radd__...). */
bool cu_seq_other_may_handle(TrValue other, const char *rname);
/* The repeat count of seq * n (negative -> 0); returns TR_ERR on error. */
TrValue cu_seq_repeat_count(TrValue n, int64_t *out);
/* The (x, start, stop) arguments of list.index / tuple.index, clamped to [0, len]. */
int cu_seq_index_args(const char *name, const TrValue *args, size_t nargs, TrValue kwnames,
                      int64_t len, int64_t *start, int64_t *stop);

/* list.sort(*, key=None, reverse=False), defined in list_sort.c */
TrValue cu_list_sort_method(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames);

/* dict views and iterators, defined in dict_views.c for dict.c's method table */
TrValue cu_dict_keys_m(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames);
TrValue cu_dict_values_m(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames);
TrValue cu_dict_items_m(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames);
TrValue cu_dict_reversed_m(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames);
TrValue cu_dict_iter(TrValue self); /* iter(d): a dict_keyiterator */

/* __class_getitem__ (a classmethod of list, dict, tuple, set, frozenset): list[int] is a
   types.GenericAlias (generic_alias.c) */
TrValue cu_class_getitem(TrValue cls, const TrValue *args, size_t nargs, TrValue kwnames);

#endif
