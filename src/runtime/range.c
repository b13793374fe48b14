/*
 * range.c -- the range type (arbitrary-size int bounds, O(1) `in`/index/count for ints, slices
 * of ranges are ranges, CPython's == and hash) and its two iterators: range_iterator on int64
 * for the common case, longrange_iterator on ints otherwise.
 */
#include "runtime/containers_util.h"
#include "runtime/iter.h"

typedef struct TrLongRangeIter {
    TrObject ob;
    TrValue cur, step, remaining; /* ints */
} TrLongRangeIter;

TrType tr_longrange_iter_type;

static inline TrRange *as_range(TrValue v)
{
    return (TrRange *)tr_obj(v);
}
static const TrValue ZERO = 1, ONE = 5; /* tr_small_new(0), tr_small_new(1) */

/* --- Length ---------------------------------------------------------------------------- */

/* len(range(start, stop, step)) as an int: (hi - lo - 1) // step + 1 or 0 */
static TrValue range_len_obj(TrValue start, TrValue stop, TrValue step)
{
    if (tr_is_small(start) && tr_is_small(stop) && tr_is_small(step)) {
        int64_t a = tr_small_val(start), b = tr_small_val(stop), s = tr_small_val(step);
        if (s > 0 && a < b)
            return tr_int_from_i64((b - a - 1) / s + 1);
        if (s < 0 && a > b)
            return tr_int_from_i64((a - b - 1) / (-s) + 1);
        return ZERO;
    }
    TrValue lo = start, hi = stop;
    if (tr_int_sign(step) < 0) {
        lo = stop;
        hi = start;
        step = tr_int_neg(step);
    }
    if (tr_int_cmp(lo, hi) >= 0)
        return ZERO;
    TrValue d = tr_int_sub(tr_int_sub(hi, lo), ONE);
    return tr_int_add(tr_int_floordiv(d, step), ONE);
}

static TrValue range_make(TrValue start, TrValue stop, TrValue step)
{
    TrRange *r = TR_NEW(TrRange, &tr_range_type);
    r->start = start;
    r->stop = stop;
    r->step = step;
    TrValue len = range_len_obj(start, stop, step);
    if (!len)
        return TR_ERR;
    if (tr_is_small(len)) {
        r->len = tr_small_val(len);
    } else if (tr_int_to_i64(len, &r->len) < 0) {
        tr_err_clear();
        r->len = -1;
    }
    return tr_val(r);
}

static TrValue length_of(TrValue self)
{
    TrRange *r = as_range(self);
    return r->len >= 0 ? tr_int_from_i64(r->len) : range_len_obj(r->start, r->stop, r->step);
}

static TrValue as_exact_index(TrValue v)
{
    TrValue i = tr_index(v);
    return i ? tr_int_exact(i) : TR_ERR;
}

TrValue tr_range_new(TrValue start, TrValue stop, TrValue step)
{
    if (tr_int_sign(step) == 0)
        return tr_raise(&tr_ValueError, "range() arg 3 must not be zero");
    return range_make(start, stop, step);
}

static TrValue range_new_slot(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (cu_no_kwargs("range", kwnames) < 0 || cu_nargs("range", nargs, 1, 3) < 0)
        return TR_ERR;
    TrValue v[3];
    for (size_t i = 0; i < nargs; i++)
        if (!(v[i] = as_exact_index(args[i])))
            return TR_ERR;
    if (nargs == 1)
        return range_make(ZERO, v[0], ONE);
    return tr_range_new(v[0], v[1], nargs == 3 ? v[2] : ONE);
}

/* --- Slots ----------------------------------------------------------------------------- */

static TrValue range_repr(TrValue self)
{
    TrRange *r = as_range(self);
    if (r->step == ONE)
        return tr_str_fmt("range(%R, %R)", r->start, r->stop);
    return tr_str_fmt("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static int64_t range_len(TrValue self)
{
    if (as_range(self)->len >= 0)
        return as_range(self)->len;
    tr_raise(&tr_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
}

static int range_truth(TrValue self)
{
    return as_range(self)->len != 0;
}

static int range_equals(TrValue a, TrValue b)
{
    if (a == b)
        return 1;
    TrRange *x = as_range(a), *y = as_range(b);
    TrValue lx = length_of(a), ly = length_of(b);
    if (tr_int_cmp(lx, ly) != 0)
        return 0;
    if (lx == ZERO)
        return 1;
    if (tr_int_cmp(x->start, y->start) != 0)
        return 0;
    if (lx == ONE)
        return 1;
    return tr_int_cmp(x->step, y->step) == 0;
}

static TrValue range_richcmp(TrValue a, TrValue b, int op)
{
    if (!tr_is_ptr(b) || tr_obj(b)->type != &tr_range_type || (op != TR_EQ && op != TR_NE))
        return TR_NOTIMPL;
    return tr_bool(range_equals(a, b) == (op == TR_EQ));
}

static int64_t range_hash(TrValue self)
{
    TrRange *r = as_range(self);
    TrValue len = length_of(self);
    TrValue t;
    if (len == ZERO)
        t = tr_tuple_pack(3, len, TR_NONE, TR_NONE);
    else
        t = tr_tuple_pack(3, len, r->start, len == ONE ? TR_NONE : r->step);
    return tr_hash(t);
}

/* start + i * step, for 0 <= i < len */
static TrValue item_at(TrRange *r, TrValue i)
{
    if (tr_is_small(r->start) && tr_is_small(r->step) && tr_is_small(i)) {
        __int128 v =
            (__int128)tr_small_val(r->start) + (__int128)tr_small_val(i) * tr_small_val(r->step);
        if (v >= INT64_MIN && v <= INT64_MAX)
            return tr_int_from_i64((int64_t)v);
    }
    return tr_int_add(r->start, tr_int_mul(i, r->step));
}

/* CPython's _PySlice_GetLongIndices: bounds of a slice of a sequence of (int) length */
static int long_slice_bound(TrValue v, TrValue length, TrValue lower, TrValue upper, TrValue dflt,
                            TrValue *out)
{
    if (v == TR_NONE) {
        *out = dflt;
        return 0;
    }
    if (!cu_has_index(v)) {
        tr_raise(&tr_TypeError,
                 "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    TrValue x = as_exact_index(v);
    if (!x)
        return -1;
    if (tr_int_sign(x) < 0) {
        x = tr_int_add(x, length);
        if (tr_int_cmp(x, lower) < 0)
            x = lower;
    } else if (tr_int_cmp(x, upper) > 0) {
        x = upper;
    }
    *out = x;
    return 0;
}

static TrValue range_slice(TrValue self, TrValue slice)
{
    TrRange *r = as_range(self);
    TrSlice *s = (TrSlice *)tr_obj(slice);
    TrValue step = ONE, start, stop;
    if (s->step != TR_NONE) {
        if (!cu_has_index(s->step))
            return tr_raise(&tr_TypeError,
                            "slice indices must be integers or None or have an __index__ method");
        if (!(step = as_exact_index(s->step)))
            return TR_ERR;
        if (tr_int_sign(step) == 0)
            return tr_raise(&tr_ValueError, "slice step cannot be zero");
    }
    TrValue length = length_of(self);
    bool neg = tr_int_sign(step) < 0;
    TrValue lower = neg ? tr_small_new(-1) : ZERO;
    TrValue upper = neg ? tr_int_add(length, lower) : length;
    if (long_slice_bound(s->start, length, lower, upper, neg ? upper : lower, &start) < 0 ||
        long_slice_bound(s->stop, length, lower, upper, neg ? lower : upper, &stop) < 0)
        return TR_ERR;
    return range_make(item_at(r, start), item_at(r, stop), tr_int_mul(r->step, step));
}

static TrValue range_getitem(TrValue self, TrValue key)
{
    TrRange *r = as_range(self);
    if (tr_is_ptr(key) && tr_obj(key)->type == &tr_slice_type)
        return range_slice(self, key);
    if (!cu_has_index(key))
        return tr_raise(&tr_TypeError, "range indices must be integers or slices, not %s",
                        tr_type_name(key));
    TrValue i = as_exact_index(key);
    if (!i)
        return TR_ERR;
    if (tr_is_small(i) && r->len >= 0) {
        int64_t k = tr_small_val(i);
        if (k < 0)
            k += r->len;
        if (k < 0 || k >= r->len)
            return tr_raise(&tr_IndexError, "range object index out of range");
        return item_at(r, tr_small_new(k));
    }
    TrValue len = length_of(self);
    if (tr_int_sign(i) < 0)
        i = tr_int_add(i, len);
    if (tr_int_sign(i) < 0 || tr_int_cmp(i, len) >= 0)
        return tr_raise(&tr_IndexError, "range object index out of range");
    return item_at(r, i);
}

/* int in range, in O(1): 1, 0 */
static int contains_int(TrRange *r, TrValue x)
{
    int s = tr_int_sign(r->step);
    if (s > 0) {
        if (tr_int_cmp(x, r->start) < 0 || tr_int_cmp(x, r->stop) >= 0)
            return 0;
    } else if (tr_int_cmp(x, r->start) > 0 || tr_int_cmp(x, r->stop) <= 0) {
        return 0;
    }
    return tr_int_sign(tr_int_mod(tr_int_sub(x, r->start), r->step)) == 0;
}

static bool is_plain_int(TrValue v)
{
    return tr_is_small(v) || v == TR_TRUE || v == TR_FALSE ||
           (tr_is_ptr(v) && tr_obj(v)->type == &tr_int_type);
}

static int range_contains(TrValue self, TrValue x)
{
    if (is_plain_int(x))
        return contains_int(as_range(self), tr_int_exact(x));
    TrValue it = tr_iter(self);
    for (;;) {
        TrValue v = tr_next(it);
        if (v == TR_STOP)
            return 0;
        if (!v)
            return -1;
        int c = tr_eq(v, x);
        if (c != 0)
            return c;
    }
}

static TrValue range_iter_from(TrValue start, TrValue step, TrValue len)
{
    int64_t a, s, n;
    if (tr_is_small(start) && tr_is_small(step) && tr_is_small(len)) {
        a = tr_small_val(start);
        s = tr_small_val(step);
        n = tr_small_val(len);
        __int128 last = (__int128)a + (__int128)(n > 0 ? n - 1 : 0) * s;
        if (last >= INT64_MIN && last <= INT64_MAX) {
            TrRangeIter *it = TR_NEW(TrRangeIter, &tr_range_iter_type);
            it->cur = a;
            it->step = s;
            it->remaining = n;
            return tr_val(it);
        }
    }
    TrLongRangeIter *it = TR_NEW(TrLongRangeIter, &tr_longrange_iter_type);
    it->cur = start;
    it->step = step;
    it->remaining = len;
    return tr_val(it);
}

/* The iterator a compiled counted loop kept in registers (cur: the next item), for an exit that
   hands the loop to the interpreter. Bounds are inline ints, so every item fits an int64. */
TrValue tr_range_iter_make(int64_t cur, int64_t stop, int64_t step)
{
    __int128 d = step > 0 ? (__int128)stop - cur : (__int128)cur - stop;
    __int128 s = step > 0 ? step : -(__int128)step;
    TrRangeIter *it = TR_NEW(TrRangeIter, &tr_range_iter_type);
    it->cur = cur;
    it->step = step;
    it->remaining = d > 0 ? (int64_t)((d - 1) / s + 1) : 0;
    return tr_val(it);
}

static TrValue range_iter(TrValue self)
{
    TrRange *r = as_range(self);
    return range_iter_from(r->start, r->step, length_of(self));
}

/* --- Methods --------------------------------------------------------------------------- */

static TrValue range_count_m(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (cu_no_kwargs("range.count", kw) < 0 || cu_exactly_one("range.count", nargs) < 0)
        return TR_ERR;
    if (is_plain_int(args[0]))
        return tr_small_new(contains_int(as_range(self), tr_int_exact(args[0])));
    TrValue it = tr_iter(self);
    int64_t n = 0;
    for (;;) {
        TrValue v = tr_next(it);
        if (v == TR_STOP)
            return tr_int_from_i64(n);
        if (!v)
            return TR_ERR;
        int c = tr_eq(v, args[0]);
        if (c < 0)
            return TR_ERR;
        n += c;
    }
}

static TrValue range_index_m(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (cu_no_kwargs("range.index", kw) < 0 || cu_exactly_one("range.index", nargs) < 0)
        return TR_ERR;
    TrRange *r = as_range(self);
    TrValue x = args[0];
    if (is_plain_int(x)) {
        x = tr_int_exact(x);
        if (!contains_int(r, x))
            return tr_raise(&tr_ValueError, "%R is not in range", x);
        return tr_int_floordiv(tr_int_sub(x, r->start), r->step);
    }
    TrValue it = tr_iter(self);
    for (int64_t i = 0;; i++) {
        TrValue v = tr_next(it);
        if (v == TR_STOP)
            return tr_raise(&tr_ValueError, "sequence.index(x): x not in sequence");
        if (!v)
            return TR_ERR;
        int c = tr_eq(v, x);
        if (c < 0)
            return TR_ERR;
        if (c)
            return tr_int_from_i64(i);
    }
}

static TrValue range_reversed_m(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (cu_no_args("range.__reversed__", nargs) < 0)
        return TR_ERR;
    TrRange *r = as_range(self);
    TrValue len = length_of(self);
    TrValue last = len == ZERO ? r->start : item_at(r, tr_int_sub(len, ONE));
    return range_iter_from(last, tr_int_neg(r->step), len);
}

static TrValue get_start(TrValue self)
{
    return as_range(self)->start;
}
static TrValue get_stop(TrValue self)
{
    return as_range(self)->stop;
}
static TrValue get_step(TrValue self)
{
    return as_range(self)->step;
}

static const TrGetSetDef range_getsets[] = {
    {"start", get_start, NULL},
    {"stop", get_stop, NULL},
    {"step", get_step, NULL},
    {NULL, NULL, NULL},
};

static const TrMethodDef range_methods[] = {
    {"count", range_count_m, 0},
    {"index", range_index_m, 0},
    {"__reversed__", range_reversed_m, 0},
    {NULL, NULL, 0},
};

TrType tr_range_type = {
    .ob = {&tr_type_type},
    .name = "range",
    .base = &tr_object_type,
    .basicsize = sizeof(TrRange),
    .repr = range_repr,
    .hash = range_hash,
    .richcmp = range_richcmp,
    .truth = range_truth,
    .len = range_len,
    .getitem = range_getitem,
    .contains = range_contains,
    .iter = range_iter,
    .new = range_new_slot,
    .methods = range_methods,
    .getsets = range_getsets,
};

/* --- Iterators ------------------------------------------------------------------------- */

static TrValue range_iter_next(TrValue self)
{
    TrRangeIter *it = (TrRangeIter *)tr_obj(self);
    if (it->remaining <= 0)
        return TR_STOP;
    int64_t v = it->cur;
    it->remaining--;
    it->cur += it->remaining ? it->step : 0; /* never steps past the last value */
    return TR_LIKELY(tr_fits_small(v)) ? tr_small_new(v) : tr_int_from_i64(v);
}

static TrValue longrange_iter_next(TrValue self)
{
    TrLongRangeIter *it = (TrLongRangeIter *)tr_obj(self);
    if (tr_int_sign(it->remaining) <= 0)
        return TR_STOP;
    TrValue v = it->cur;
    it->cur = tr_int_add(it->cur, it->step);
    it->remaining = tr_int_sub(it->remaining, ONE);
    return v;
}

static TrValue range_iter_length_hint(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_obj(self)->type == &tr_range_iter_type)
        return tr_int_from_i64(((TrRangeIter *)tr_obj(self))->remaining);
    return ((TrLongRangeIter *)tr_obj(self))->remaining;
}

static const TrMethodDef range_iter_methods[] = {
    {"__length_hint__", range_iter_length_hint, 0},
    {NULL, NULL, 0},
};

TrType tr_range_iter_type = {
    .ob = {&tr_type_type},
    .name = "range_iterator",
    .base = &tr_object_type,
    .basicsize = sizeof(TrRangeIter),
    .repr = cu_default_repr,
    .iter = cu_iter_self,
    .next = range_iter_next,
    .methods = range_iter_methods,
};

TrType tr_longrange_iter_type = {
    .ob = {&tr_type_type},
    .name = "longrange_iterator",
    .base = &tr_object_type,
    .basicsize = sizeof(TrLongRangeIter),
    .repr = cu_default_repr,
    .iter = cu_iter_self,
    .next = longrange_iter_next,
    .methods = range_iter_methods,
};
