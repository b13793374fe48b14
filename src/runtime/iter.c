/*
 * iter.c -- the lazy iterators the builtins return: enumerate, zip (with strict=), map, filter,
 * reversed (through __reversed__ or the sequence protocol), and the generic sequence iterator
 * for objects that only have __getitem__. Each is its own iterator.
 */
#include "runtime/iter.h"
#include "runtime/containers_util.h"
#include "runtime/dict.h"
#include "runtime/list.h"

typedef struct TrEnumerate {
    TrObject ob;
    TrValue it, count; /* count: an int */
} TrEnumerate;

typedef struct TrZip {
    TrObject ob;
    TrValue its; /* tuple of iterators */
    bool strict;
} TrZip;

typedef struct TrMap {
    TrObject ob;
    TrValue func, its; /* its: tuple of iterators */
} TrMap;

typedef struct TrFilter {
    TrObject ob;
    TrValue func, it; /* func: None for truth */
} TrFilter;

typedef struct TrSeqIter { /* also `reversed` over a sequence */
    TrObject ob;
    TrValue seq; /* 0 once exhausted */
    int64_t idx;
} TrSeqIter;

/* n iterators for args[0..n) as a tuple */
static TrValue iter_tuple(const TrValue *args, size_t n)
{
    TrValue t = tr_tuple_new((int64_t)n);
    for (size_t i = 0; i < n; i++) {
        TrValue it = tr_iter(args[i]);
        if (!it)
            return TR_ERR;
        tr_as_tuple(t)->items[i] = it;
    }
    return t;
}

/* --- enumerate ------------------------------------------------------------------------- */

static TrValue enumerate_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    TrValue iterable = nargs > 0 ? args[0] : 0, start = nargs > 1 ? args[1] : 0;
    size_t nkw = tr_nkw(kwnames);
    if (nargs + nkw > 2)
        return tr_raise(&tr_TypeError, "enumerate() takes at most 2 arguments (%d given)",
                        (int)(nargs + nkw));
    for (size_t i = 0; i < nkw; i++) {
        TrValue name = tr_as_tuple(kwnames)->items[i];
        if (tr_str_eq_cstr(name, "iterable") && nargs < 1)
            iterable = args[nargs + i];
        else if (tr_str_eq_cstr(name, "start") && nargs < 2)
            start = args[nargs + i];
        else
            return tr_raise(&tr_TypeError, "'%U' is an invalid keyword argument for enumerate()",
                            name);
    }
    if (!iterable)
        return tr_raise(&tr_TypeError, "enumerate() missing required argument 'iterable'");
    TrValue count = tr_small_new(0);
    if (start && !(count = tr_index(start)))
        return TR_ERR;
    TrValue it = tr_iter(iterable);
    if (!it)
        return TR_ERR;
    TrEnumerate *e = tr_obj_new(type->basicsize, type);
    e->it = it;
    e->count = tr_int_exact(count);
    return tr_val(e);
}

static TrValue enumerate_next(TrValue self)
{
    TrEnumerate *e = (TrEnumerate *)tr_obj(self);
    TrValue item = tr_next(e->it);
    if (item == TR_STOP || !item)
        return item;
    TrValue n = e->count;
    if (tr_is_small(n) && tr_small_val(n) < TR_SMALL_MAX)
        e->count = n + 4; /* small n + 1: the tag bits are untouched */
    else
        e->count = tr_int_add(n, tr_small_new(1));
    return tr_tuple_pack(2, n, item);
}

TrType tr_enumerate_type = {
    .ob = {&tr_type_type},
    .name = "enumerate",
    .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE,
    .basicsize = sizeof(TrEnumerate),
    .repr = cu_default_repr,
    .iter = cu_iter_self,
    .next = enumerate_next,
    .new = enumerate_new,
};

/* --- zip ------------------------------------------------------------------------------- */

static TrValue zip_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    size_t nkw = tr_nkw(kwnames);
    bool strict = false;
    if (nkw > 1)
        return tr_raise(&tr_TypeError, "zip() takes at most 1 keyword argument (%d given)",
                        (int)nkw);
    if (nkw == 1) {
        TrValue name = tr_as_tuple(kwnames)->items[0];
        if (!tr_str_eq_cstr(name, "strict"))
            return tr_raise(&tr_TypeError, "'%U' is an invalid keyword argument for zip()", name);
        int t = tr_truth(args[nargs]);
        if (t < 0)
            return TR_ERR;
        strict = t;
    }
    TrValue its = iter_tuple(args, nargs);
    if (!its)
        return TR_ERR;
    TrZip *z = tr_obj_new(type->basicsize, type);
    z->its = its;
    z->strict = strict;
    return tr_val(z);
}

static TrValue zip_next(TrValue self)
{
    TrZip *z = (TrZip *)tr_obj(self);
    TrTuple *its = tr_as_tuple(z->its);
    int64_t n = its->len;
    if (n == 0)
        return TR_STOP;
    TrValue result = tr_tuple_new(n);
    for (int64_t i = 0; i < n; i++) {
        TrValue item = tr_next(its->items[i]);
        if (!item)
            return TR_ERR;
        if (item == TR_STOP) {
            if (!z->strict)
                return TR_STOP;
            if (i > 0)
                return tr_raise(&tr_ValueError, "zip() argument %d is shorter than argument%s%d",
                                (int)i + 1, i == 1 ? " " : "s 1-", (int)i);
            for (i = 1; i < n; i++) {
                item = tr_next(its->items[i]);
                if (!item)
                    return TR_ERR;
                if (item != TR_STOP)
                    return tr_raise(&tr_ValueError, "zip() argument %d is longer than argument%s%d",
                                    (int)i + 1, i == 1 ? " " : "s 1-", (int)i);
            }
            return TR_STOP;
        }
        tr_as_tuple(result)->items[i] = item;
    }
    return result;
}

TrType tr_zip_type = {
    .ob = {&tr_type_type},
    .name = "zip",
    .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE,
    .basicsize = sizeof(TrZip),
    .repr = cu_default_repr,
    .iter = cu_iter_self,
    .next = zip_next,
    .new = zip_new,
};

/* --- map ------------------------------------------------------------------------------- */

static TrValue map_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (type == &tr_map_type && cu_no_kwargs("map", kwnames) < 0)
        return TR_ERR;
    if (nargs < 2)
        return tr_raise(&tr_TypeError, "map() must have at least two arguments.");
    TrValue its = iter_tuple(args + 1, nargs - 1);
    if (!its)
        return TR_ERR;
    TrMap *m = tr_obj_new(type->basicsize, type);
    m->func = args[0];
    m->its = its;
    return tr_val(m);
}

static TrValue map_next(TrValue self)
{
    TrMap *m = (TrMap *)tr_obj(self);
    TrTuple *its = tr_as_tuple(m->its);
    TrValue small[8];
    TrValue *argv = its->len <= 8 ? small : tr_alloc((size_t)its->len * sizeof(TrValue));
    for (int64_t i = 0; i < its->len; i++) {
        TrValue item = tr_next(its->items[i]);
        if (item == TR_STOP || !item)
            return item;
        argv[i] = item;
    }
    return tr_call(m->func, argv, (size_t)its->len, 0);
}

TrType tr_map_type = {
    .ob = {&tr_type_type},
    .name = "map",
    .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE,
    .basicsize = sizeof(TrMap),
    .repr = cu_default_repr,
    .iter = cu_iter_self,
    .next = map_next,
    .new = map_new,
};

/* --- filter ---------------------------------------------------------------------------- */

static TrValue filter_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (type == &tr_filter_type && cu_no_kwargs("filter", kwnames) < 0)
        return TR_ERR;
    if (cu_nargs("filter", nargs, 2, 2) < 0)
        return TR_ERR;
    TrValue it = tr_iter(args[1]);
    if (!it)
        return TR_ERR;
    TrFilter *f = tr_obj_new(type->basicsize, type);
    f->func = args[0];
    f->it = it;
    return tr_val(f);
}

static TrValue filter_next(TrValue self)
{
    TrFilter *f = (TrFilter *)tr_obj(self);
    bool truth_only = f->func == TR_NONE || f->func == tr_val(&tr_bool_type);
    for (;;) {
        TrValue item = tr_next(f->it);
        if (item == TR_STOP || !item)
            return item;
        int ok;
        if (truth_only) {
            ok = tr_truth(item);
        } else {
            TrValue r = tr_call1(f->func, item);
            if (!r)
                return TR_ERR;
            ok = tr_truth(r);
        }
        if (ok < 0)
            return TR_ERR;
        if (ok)
            return item;
    }
}

TrType tr_filter_type = {
    .ob = {&tr_type_type},
    .name = "filter",
    .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE,
    .basicsize = sizeof(TrFilter),
    .repr = cu_default_repr,
    .iter = cu_iter_self,
    .next = filter_next,
    .new = filter_new,
};

/* --- Sequence iterator and reversed ---------------------------------------------------- */

TrValue tr_seqiter_new(TrValue seq)
{
    TrSeqIter *it = TR_NEW(TrSeqIter, &tr_seqiter_type);
    it->seq = seq;
    return tr_val(it);
}

/* seq[idx]; TR_STOP (exception cleared) on IndexError or StopIteration */
static TrValue seq_item(TrSeqIter *it)
{
    TrValue v = tr_getitem(it->seq, tr_int_from_i64(it->idx));
    if (!v) {
        if (!tr_err_matches(&tr_IndexError) && !tr_err_matches(&tr_StopIteration))
            return TR_ERR;
        tr_err_clear();
        it->seq = 0;
        return TR_STOP;
    }
    return v;
}

static TrValue seqiter_next(TrValue self)
{
    TrSeqIter *it = (TrSeqIter *)tr_obj(self);
    if (!it->seq)
        return TR_STOP;
    TrValue v = seq_item(it);
    if (v && v != TR_STOP)
        it->idx++;
    return v;
}

TrType tr_seqiter_type = {
    .ob = {&tr_type_type},
    .name = "iterator",
    .base = &tr_object_type,
    .basicsize = sizeof(TrSeqIter),
    .repr = cu_default_repr,
    .iter = cu_iter_self,
    .next = seqiter_next,
};

static TrValue name_reversed;

static TrValue reversed_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (type == &tr_reversed_type && cu_no_kwargs("reversed", kwnames) < 0)
        return TR_ERR;
    if (cu_nargs("reversed", nargs, 1, 1) < 0)
        return TR_ERR;
    TrValue seq = args[0];
    TrType *t = tr_type_of(seq);
    TrValue meth = tr_type_lookup(t, cu_name(&name_reversed, "__reversed__"));
    if (meth == TR_NONE)
        return tr_raise(&tr_TypeError, "'%s' object is not reversible", t->name);
    if (meth) {
        TrType *mt = tr_type_of(meth);
        if (mt->descr_get) {
            TrValue bound = mt->descr_get(meth, seq, t);
            return bound ? tr_call0(bound) : TR_ERR;
        }
        return tr_call0(meth);
    }
    if (!t->getitem || tr_type_is_subtype(t, &tr_dict_type))
        return tr_raise(&tr_TypeError, "'%s' object is not reversible", t->name);
    int64_t n = tr_len(seq);
    if (n < 0)
        return TR_ERR;
    TrSeqIter *it = tr_obj_new(type->basicsize, type);
    it->seq = seq;
    it->idx = n - 1;
    return tr_val(it);
}

static TrValue reversed_next(TrValue self)
{
    TrSeqIter *it = (TrSeqIter *)tr_obj(self);
    if (!it->seq)
        return TR_STOP;
    if (it->idx < 0) {
        it->seq = 0;
        return TR_STOP;
    }
    TrValue v = seq_item(it);
    if (v && v != TR_STOP)
        it->idx--;
    return v;
}

static TrValue reversed_length_hint(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    TrSeqIter *it = (TrSeqIter *)tr_obj(self);
    if (!it->seq)
        return tr_small_new(0);
    int64_t n = tr_len(it->seq);
    if (n < 0)
        return TR_ERR;
    return tr_small_new(n < it->idx + 1 ? 0 : it->idx + 1);
}

static const TrMethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, 0},
    {NULL, NULL, 0},
};

TrType tr_reversed_type = {
    .ob = {&tr_type_type},
    .name = "reversed",
    .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE,
    .basicsize = sizeof(TrSeqIter),
    .repr = cu_default_repr,
    .iter = cu_iter_self,
    .next = reversed_next,
    .new = reversed_new,
    .methods = reversed_methods,
};
