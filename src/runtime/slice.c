/*
 * slice.c -- the slice type (unhashable in 3.11, compared as (start, stop, step) tuples) and
 * tr_slice_indices, CPython's PySlice_Unpack + PySlice_AdjustIndices: bounds are converted
 * with __index__ and clamped, never raising for huge values.
 */
#include "runtime/containers_util.h"
#include "runtime/iter.h"

static inline TrSlice *as_slice(TrValue v)
{
    return (TrSlice *)tr_obj(v);
}

TrValue tr_slice_new(TrValue start, TrValue stop, TrValue step)
{
    TrSlice *s = TR_NEW(TrSlice, &tr_slice_type);
    s->start = start ? start : TR_NONE;
    s->stop = stop ? stop : TR_NONE;
    s->step = step ? step : TR_NONE;
    return tr_val(s);
}

/* _PyEval_SliceIndex: an int or __index__ value, clamped to int64 */
static int slice_index(TrValue v, int64_t *out)
{
    if (tr_is_small(v)) {
        *out = tr_small_val(v);
        return 0;
    }
    if (!cu_has_index(v)) {
        tr_raise(&tr_TypeError,
                 "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    return cu_as_ssize_clamp(v, out);
}

static int slice_unpack(TrValue sv, int64_t *start, int64_t *stop, int64_t *step)
{
    TrSlice *s = as_slice(sv);
    if (s->step == TR_NONE) {
        *step = 1;
    } else {
        if (slice_index(s->step, step) < 0)
            return -1;
        if (*step == 0) {
            tr_raise(&tr_ValueError, "slice step cannot be zero");
            return -1;
        }
        if (*step < -INT64_MAX)
            *step = -INT64_MAX; /* so that -step cannot overflow */
    }
    if (s->start == TR_NONE)
        *start = *step < 0 ? INT64_MAX : 0;
    else if (slice_index(s->start, start) < 0)
        return -1;
    if (s->stop == TR_NONE)
        *stop = *step < 0 ? INT64_MIN : INT64_MAX;
    else if (slice_index(s->stop, stop) < 0)
        return -1;
    return 0;
}

static int64_t adjust_indices(int64_t len, int64_t *start, int64_t *stop, int64_t step)
{
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = step < 0 ? -1 : 0;
    } else if (*start >= len) {
        *start = step < 0 ? len - 1 : len;
    }
    if (*stop < 0) {
        *stop += len;
        if (*stop < 0)
            *stop = step < 0 ? -1 : 0;
    } else if (*stop >= len) {
        *stop = step < 0 ? len - 1 : len;
    }
    if (step < 0) {
        if (*stop < *start)
            return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

int64_t tr_slice_indices(TrValue slice, int64_t len, int64_t *start, int64_t *stop, int64_t *step)
{
    if (slice_unpack(slice, start, stop, step) < 0)
        return -1;
    return adjust_indices(len, start, stop, *step);
}

/* --- The type -------------------------------------------------------------------------- */

static TrValue slice_new_slot(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (cu_no_kwargs("slice", kwnames) < 0 || cu_nargs("slice", nargs, 1, 3) < 0)
        return TR_ERR;
    if (nargs == 1)
        return tr_slice_new(TR_NONE, args[0], TR_NONE);
    return tr_slice_new(args[0], args[1], nargs > 2 ? args[2] : TR_NONE);
}

static TrValue slice_repr(TrValue self)
{
    TrSlice *s = as_slice(self);
    return tr_str_fmt("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static TrValue slice_richcmp(TrValue a, TrValue b, int op)
{
    if (!tr_is_ptr(b) || tr_obj(b)->type != &tr_slice_type)
        return TR_NOTIMPL;
    if (a == b && (op == TR_EQ || op == TR_NE))
        return tr_bool(op == TR_EQ);
    TrSlice *x = as_slice(a), *y = as_slice(b);
    TrValue ta = tr_tuple_pack(3, x->start, x->stop, x->step);
    TrValue tb = tr_tuple_pack(3, y->start, y->stop, y->step);
    return tr_richcmp(ta, tb, op);
}

static TrValue slice_indices_m(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (cu_no_kwargs("slice.indices", kw) < 0 || cu_exactly_one("slice.indices", nargs) < 0)
        return TR_ERR;
    int64_t len, start, stop, step;
    if (cu_as_ssize(args[0], &tr_OverflowError, &len) < 0)
        return TR_ERR;
    if (len < 0)
        return tr_raise(&tr_ValueError, "length should not be negative");
    if (tr_slice_indices(self, len, &start, &stop, &step) < 0)
        return TR_ERR;
    return tr_tuple_pack(3, tr_int_from_i64(start), tr_int_from_i64(stop), tr_int_from_i64(step));
}

static TrValue get_start(TrValue self)
{
    return as_slice(self)->start;
}
static TrValue get_stop(TrValue self)
{
    return as_slice(self)->stop;
}
static TrValue get_step(TrValue self)
{
    return as_slice(self)->step;
}

static const TrGetSetDef slice_getsets[] = {
    {"start", get_start, NULL},
    {"stop", get_stop, NULL},
    {"step", get_step, NULL},
    {NULL, NULL, NULL},
};

static const TrMethodDef slice_methods[] = {
    {"indices", slice_indices_m, 0},
    {NULL, NULL, 0},
};

TrType tr_slice_type = {
    .ob = {&tr_type_type},
    .name = "slice",
    .base = &tr_object_type,
    .basicsize = sizeof(TrSlice),
    .repr = slice_repr,
    .richcmp = slice_richcmp,
    .new = slice_new_slot,
    .methods = slice_methods,
    .getsets = slice_getsets,
};
