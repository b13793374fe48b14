/*
 * list.c -- the list type and its iterators: growth, indexing and slicing (get, set, delete,
 * with steps), + += * *=, comparisons, repr with the '[...]' recursion guard, and every method
 * but sort (list_sort.c). Messages are CPython 3.11's.
 */
#include "runtime/list.h"

#include "runtime/containers_util.h"
#include "runtime/iter.h"

TrType tr_list_reviter_type;

/* --- Storage --------------------------------------------------------------------------- */

/* CPython's over-allocation (list_resize), so growth costs amortized O(1). */
static void list_reserve(TrList *l, int64_t need)
{
    if (need <= l->cap)
        return;
    int64_t cap = (need + (need >> 3) + 6) & ~(int64_t)3;
    if (need - l->len > cap - need)
        cap = (need + 3) & ~(int64_t)3;
    l->items = l->items ? tr_realloc(l->items, (size_t)cap * sizeof(TrValue))
                        : tr_alloc((size_t)cap * sizeof(TrValue));
    l->cap = cap;
}

TrValue tr_list_new(int64_t cap)
{
    TrList *l = TR_NEW(TrList, &tr_list_type);
    if (cap > 0) {
        l->items = tr_alloc((size_t)cap * sizeof(TrValue));
        l->cap = cap;
    }
    return tr_val(l);
}

TrValue tr_list_from(const TrValue *items, int64_t n)
{
    TrValue v = tr_list_new(n);
    if (n)
        memcpy(tr_as_list(v)->items, items, (size_t)n * sizeof(TrValue));
    tr_as_list(v)->len = n;
    return v;
}

int tr_list_append(TrValue list, TrValue v)
{
    TrList *l = tr_as_list(list);
    if (TR_UNLIKELY(l->len == l->cap))
        list_reserve(l, l->len + 1);
    l->items[l->len++] = v;
    return 0;
}

int tr_list_extend(TrValue list, TrValue iterable)
{
    TrList *l = tr_as_list(list);
    if (tr_is_list(iterable) || tr_is_tuple(iterable)) {
        /* items copied first: l.extend(l) must see the old length */
        int64_t n = tr_is_list(iterable) ? tr_as_list(iterable)->len : tr_as_tuple(iterable)->len;
        if (n == 0)
            return 0;
        list_reserve(l, l->len + n); /* may move l->items: read src after it */
        const TrValue *src =
            tr_is_list(iterable) ? tr_as_list(iterable)->items : tr_as_tuple(iterable)->items;
        memmove(l->items + l->len, src, (size_t)n * sizeof(TrValue));
        l->len += n;
        return 0;
    }
    TrValue it = tr_iter(iterable);
    if (!it)
        return -1;
    for (;;) {
        TrValue v = tr_next(it);
        if (v == TR_STOP)
            return 0;
        if (!v)
            return -1;
        tr_list_append(list, v);
    }
}

TrValue tr_list_from_iter(TrValue iterable)
{
    TrValue l = tr_list_new(0);
    if (tr_list_extend(l, iterable) < 0)
        return TR_ERR;
    return l;
}

TrValue tr_list_getitem_i(TrValue list, int64_t i)
{
    TrList *l = tr_as_list(list);
    if (i < 0)
        i += l->len;
    if ((uint64_t)i >= (uint64_t)l->len)
        return tr_raise(&tr_IndexError, "list index out of range");
    return l->items[i];
}

/* Replaces l[lo:hi] (0 <= lo <= hi <= len) by n items. */
static void list_splice(TrList *l, int64_t lo, int64_t hi, const TrValue *items, int64_t n)
{
    int64_t d = n - (hi - lo);
    if (d > 0)
        list_reserve(l, l->len + d);
    if (l->len > hi)
        memmove(l->items + hi + d, l->items + hi, (size_t)(l->len - hi) * sizeof(TrValue));
    if (n)
        memcpy(l->items + lo, items, (size_t)n * sizeof(TrValue));
    l->len += d;
    if (d < 0)
        memset(l->items + l->len, 0, (size_t)(-d) * sizeof(TrValue)); /* let the GC free them */
}

/* A snapshot of the items of an iterable, for slice assignment (CPython's PySequence_Fast). */
static int seq_fast(TrValue v, const char *msg, const TrValue **items, int64_t *n)
{
    if (tr_is_list(v) || tr_is_tuple(v)) {
        v = tr_is_list(v) ? tr_list_from(tr_as_list(v)->items, tr_as_list(v)->len) : v;
    } else {
        v = tr_list_from_iter(v);
        if (!v) {
            if (tr_err_matches(&tr_TypeError)) {
                tr_err_clear();
                tr_raise(&tr_TypeError, "%s", msg);
            }
            return -1;
        }
    }
    if (tr_is_list(v)) {
        *items = tr_as_list(v)->items;
        *n = tr_as_list(v)->len;
    } else {
        *items = tr_as_tuple(v)->items;
        *n = tr_as_tuple(v)->len;
    }
    return 0;
}

/* --- Slots ----------------------------------------------------------------------------- */

static TrValue list_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (type == &tr_list_type &&
        (cu_no_kwargs("list", kwnames) < 0 || cu_nargs("list", nargs, 0, 1) < 0))
        return TR_ERR;
    size_t size = type->basicsize > sizeof(TrList) ? type->basicsize : sizeof(TrList);
    TrValue l = tr_val(tr_obj_new(size, type));
    if (type != &tr_list_type)
        return l; /* a subclass: filled by list.__init__, as in CPython */
    if (nargs && tr_list_extend(l, args[0]) < 0)
        return TR_ERR;
    return l;
}

static TrValue list_repr(TrValue self)
{
    TrList *l = tr_as_list(self);
    if (l->len == 0)
        return tr_str_from_cstr("[]");
    int r = tr_repr_enter(self);
    if (r != 0)
        return r > 0 ? tr_str_from_cstr("[...]") : TR_ERR;
    TrStrBuilder b;
    tr_sbuild_init(&b);
    tr_sbuild_char(&b, '[');
    for (int64_t i = 0; i < l->len; i++) { /* len re-read: a repr may change the list */
        if (i > 0)
            tr_sbuild_ascii(&b, ", ", 2);
        TrValue s = tr_repr(l->items[i]);
        if (!s) {
            tr_repr_leave(self);
            return TR_ERR;
        }
        tr_sbuild_str(&b, s);
    }
    tr_repr_leave(self);
    tr_sbuild_char(&b, ']');
    return tr_sbuild_finish(&b);
}

static TrValue list_richcmp(TrValue a, TrValue b, int op)
{
    if (!tr_is_list(a) || !tr_is_list(b))
        return TR_NOTIMPL;
    TrList *x = tr_as_list(a), *y = tr_as_list(b);
    return cu_seq_richcmp(x->items, x->len, y->items, y->len, op);
}

static TrValue list_repeat(TrList *l, int64_t count)
{
    if (l->len == 0 || count <= 0)
        return tr_list_new(0);
    if (count > INT64_MAX / 16 / l->len)
        return tr_raise(&tr_MemoryError, "");
    int64_t n = l->len;
    TrValue r = tr_list_new(n * count);
    TrValue *dst = tr_as_list(r)->items;
    for (int64_t i = 0; i < count; i++, dst += n)
        memcpy(dst, l->items, (size_t)n * sizeof(TrValue));
    tr_as_list(r)->len = n * count;
    return r;
}

static TrValue list_binop(TrValue a, TrValue b, int op)
{
    if (op == TR_OP_ADD) {
        if (!tr_is_list(a))
            return TR_NOTIMPL;
        if (!tr_is_list(b)) {
            if (cu_seq_other_may_handle(b, "__radd__"))
                return TR_NOTIMPL;
            return tr_raise(&tr_TypeError, "can only concatenate list (not \"%s\") to list",
                            tr_type_name(b));
        }
        TrList *x = tr_as_list(a), *y = tr_as_list(b);
        TrValue r = tr_list_new(x->len + y->len);
        if (x->len) /* an empty list may have no item array: memcpy from NULL is undefined */
            memcpy(tr_as_list(r)->items, x->items, (size_t)x->len * sizeof(TrValue));
        if (y->len)
            memcpy(tr_as_list(r)->items + x->len, y->items, (size_t)y->len * sizeof(TrValue));
        tr_as_list(r)->len = x->len + y->len;
        return r;
    }
    if (op == TR_OP_INPLACE(TR_OP_ADD)) {
        if (!tr_is_list(a))
            return TR_NOTIMPL;
        if (tr_list_extend(a, b) < 0)
            return TR_ERR;
        return a;
    }
    if (op == TR_OP_MUL || op == TR_OP_INPLACE(TR_OP_MUL)) {
        TrValue seq = a, n = b;
        if (!tr_is_list(a)) {
            if (op != TR_OP_MUL)
                return TR_NOTIMPL;
            seq = b;
            n = a;
        }
        if (!cu_has_index(n)) {
            if (seq == a && cu_seq_other_may_handle(n, "__rmul__"))
                return TR_NOTIMPL;
            return tr_raise(&tr_TypeError, "can't multiply sequence by non-int of type '%s'",
                            tr_type_name(n));
        }
        int64_t count;
        if (!cu_seq_repeat_count(n, &count))
            return TR_ERR;
        TrList *l = tr_as_list(seq);
        if (op == TR_OP_MUL)
            return list_repeat(l, count);
        if (count == 0 || l->len == 0) {
            l->len = 0;
            l->items = NULL;
            l->cap = 0;
            return seq;
        }
        if (count > INT64_MAX / 16 / l->len)
            return tr_raise(&tr_MemoryError, "");
        int64_t n0 = l->len;
        list_reserve(l, n0 * count);
        for (int64_t i = 1; i < count; i++)
            memcpy(l->items + i * n0, l->items, (size_t)n0 * sizeof(TrValue));
        l->len = n0 * count;
        return seq;
    }
    return TR_NOTIMPL;
}

static int64_t list_len(TrValue self)
{
    return tr_as_list(self)->len;
}

static int list_index_of(TrValue key, int64_t *i)
{
    if (cu_has_index(key))
        return cu_as_ssize(key, &tr_IndexError, i);
    tr_raise(&tr_TypeError, "list indices must be integers or slices, not %s", tr_type_name(key));
    return -1;
}

static inline bool is_slice(TrValue v)
{
    return tr_is_ptr(v) && tr_obj(v)->type == &tr_slice_type;
}

static TrValue list_getitem(TrValue self, TrValue key)
{
    TrList *l = tr_as_list(self);
    int64_t i;
    if (TR_LIKELY(tr_is_small(key))) {
        i = tr_small_val(key);
    } else if (is_slice(key)) {
        int64_t start, stop, step;
        int64_t n = tr_slice_indices(key, l->len, &start, &stop, &step);
        if (n < 0)
            return TR_ERR;
        if (step == 1)
            return tr_list_from(l->items + start, n);
        TrValue r = tr_list_new(n);
        for (int64_t k = 0; k < n; k++, start += step)
            tr_as_list(r)->items[k] = l->items[start];
        tr_as_list(r)->len = n;
        return r;
    } else if (list_index_of(key, &i) < 0) {
        return TR_ERR;
    }
    if (i < 0)
        i += l->len;
    if ((uint64_t)i >= (uint64_t)l->len)
        return tr_raise(&tr_IndexError, "list index out of range");
    return l->items[i];
}

static int list_del_extended(TrList *l, int64_t start, int64_t step, int64_t n)
{
    if (step < 0) { /* walk forward: same items */
        start = start + step * (n - 1);
        step = -step;
    }
    int64_t dst = start, src = start;
    for (int64_t k = 0; k < n; k++) {
        int64_t next = k + 1 < n ? start + (k + 1) * step : l->len;
        for (src = start + k * step + 1; src < next; src++)
            l->items[dst++] = l->items[src];
    }
    if (l->len > dst)
        memset(l->items + dst, 0, (size_t)(l->len - dst) * sizeof(TrValue));
    l->len = dst;
    return 0;
}

static int list_setslice(TrList *l, TrValue key, TrValue value)
{
    int64_t start, stop, step;
    int64_t n = tr_slice_indices(key, l->len, &start, &stop, &step);
    if (n < 0)
        return -1;
    if (step == 1) {
        const TrValue *items = NULL;
        int64_t m = 0;
        if (value && seq_fast(value, "can only assign an iterable", &items, &m) < 0)
            return -1;
        if (stop < start)
            stop = start;
        list_splice(l, start, stop, items, m);
        return 0;
    }
    if (!value)
        return n > 0 ? list_del_extended(l, start, step, n) : 0;
    const TrValue *items;
    int64_t m;
    if (seq_fast(value, "must assign iterable to extended slice", &items, &m) < 0)
        return -1;
    if (m != n) {
        tr_raise(&tr_ValueError,
                 "attempt to assign sequence of size %lld to extended slice of "
                 "size %lld",
                 (long long)m, (long long)n);
        return -1;
    }
    for (int64_t k = 0; k < n; k++, start += step)
        l->items[start] = items[k];
    return 0;
}

static int list_setitem(TrValue self, TrValue key, TrValue value)
{
    TrList *l = tr_as_list(self);
    int64_t i;
    if (TR_LIKELY(tr_is_small(key))) {
        i = tr_small_val(key);
    } else if (is_slice(key)) {
        return list_setslice(l, key, value);
    } else if (list_index_of(key, &i) < 0) {
        return -1;
    }
    if (i < 0)
        i += l->len;
    if ((uint64_t)i >= (uint64_t)l->len) {
        tr_raise(&tr_IndexError, "list assignment index out of range");
        return -1;
    }
    if (value)
        l->items[i] = value;
    else
        list_splice(l, i, i + 1, NULL, 0);
    return 0;
}

static int list_contains(TrValue self, TrValue item)
{
    TrList *l = tr_as_list(self);
    for (int64_t i = 0; i < l->len; i++) {
        int k = cu_eq(l->items[i], item);
        if (k != 0)
            return k;
    }
    return 0;
}

static TrValue list_iter(TrValue self)
{
    TrListIter *it = TR_NEW(TrListIter, &tr_list_iter_type);
    it->seq = self;
    return tr_val(it);
}

/* --- Methods --------------------------------------------------------------------------- */

#define METHOD(name)                                                                               \
    static TrValue name(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames)

METHOD(list_append_m)
{
    if (cu_no_kwargs("list.append", kwnames) < 0 || cu_exactly_one("list.append", nargs) < 0)
        return TR_ERR;
    tr_list_append(self, args[0]);
    return TR_NONE;
}

METHOD(list_extend_m)
{
    if (cu_no_kwargs("list.extend", kwnames) < 0 || cu_exactly_one("list.extend", nargs) < 0)
        return TR_ERR;
    return tr_list_extend(self, args[0]) < 0 ? TR_ERR : TR_NONE;
}

METHOD(list_insert_m)
{
    if (cu_no_kwargs("insert", kwnames) < 0 || cu_nargs("insert", nargs, 2, 2) < 0)
        return TR_ERR;
    TrList *l = tr_as_list(self);
    int64_t i;
    if (cu_as_ssize(args[0], &tr_OverflowError, &i) < 0)
        return TR_ERR;
    if (i < 0) {
        i += l->len;
        if (i < 0)
            i = 0;
    }
    if (i > l->len)
        i = l->len;
    list_splice(l, i, i, &args[1], 1);
    return TR_NONE;
}

METHOD(list_remove_m)
{
    if (cu_no_kwargs("list.remove", kwnames) < 0 || cu_exactly_one("list.remove", nargs) < 0)
        return TR_ERR;
    TrList *l = tr_as_list(self);
    for (int64_t i = 0; i < l->len; i++) {
        int k = cu_eq(l->items[i], args[0]);
        if (k < 0)
            return TR_ERR;
        if (k) {
            if (i < l->len)
                list_splice(l, i, i + 1, NULL, 0);
            return TR_NONE;
        }
    }
    return tr_raise(&tr_ValueError, "list.remove(x): x not in list");
}

METHOD(list_pop_m)
{
    if (cu_no_kwargs("pop", kwnames) < 0 || cu_nargs("pop", nargs, 0, 1) < 0)
        return TR_ERR;
    TrList *l = tr_as_list(self);
    int64_t i = -1;
    if (nargs && cu_as_ssize(args[0], &tr_OverflowError, &i) < 0)
        return TR_ERR;
    if (l->len == 0)
        return tr_raise(&tr_IndexError, "pop from empty list");
    if (i < 0)
        i += l->len;
    if ((uint64_t)i >= (uint64_t)l->len)
        return tr_raise(&tr_IndexError, "pop index out of range");
    TrValue v = l->items[i];
    if (i == l->len - 1)
        l->items[--l->len] = 0;
    else
        list_splice(l, i, i + 1, NULL, 0);
    return v;
}

METHOD(list_index_m)
{
    TrList *l = tr_as_list(self);
    int64_t start, stop;
    if (cu_seq_index_args("list.index", args, nargs, kwnames, l->len, &start, &stop) < 0)
        return TR_ERR;
    for (int64_t i = start; i < stop && i < l->len; i++) {
        int k = cu_eq(l->items[i], args[0]);
        if (k < 0)
            return TR_ERR;
        if (k)
            return tr_small_new(i);
    }
    return tr_raise(&tr_ValueError, "%R is not in list", args[0]);
}

METHOD(list_count_m)
{
    if (cu_no_kwargs("list.count", kwnames) < 0 || cu_exactly_one("list.count", nargs) < 0)
        return TR_ERR;
    TrList *l = tr_as_list(self);
    int64_t n = 0;
    for (int64_t i = 0; i < l->len; i++) {
        int k = cu_eq(l->items[i], args[0]);
        if (k < 0)
            return TR_ERR;
        n += k;
    }
    return tr_small_new(n);
}

METHOD(list_clear_m)
{
    if (cu_no_kwargs("list.clear", kwnames) < 0 || cu_no_args("list.clear", nargs) < 0)
        return TR_ERR;
    TrList *l = tr_as_list(self);
    l->len = l->cap = 0;
    l->items = NULL;
    return TR_NONE;
}

METHOD(list_copy_m)
{
    if (cu_no_kwargs("list.copy", kwnames) < 0 || cu_no_args("list.copy", nargs) < 0)
        return TR_ERR;
    return tr_list_from(tr_as_list(self)->items, tr_as_list(self)->len);
}

METHOD(list_reverse_m)
{
    if (cu_no_kwargs("list.reverse", kwnames) < 0 || cu_no_args("list.reverse", nargs) < 0)
        return TR_ERR;
    TrList *l = tr_as_list(self);
    for (int64_t i = 0, j = l->len - 1; i < j; i++, j--) {
        TrValue t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
    return TR_NONE;
}

METHOD(list_reversed_m)
{
    if (cu_no_kwargs("list.__reversed__", kwnames) < 0 ||
        cu_no_args("list.__reversed__", nargs) < 0)
        return TR_ERR;
    TrListIter *it = TR_NEW(TrListIter, &tr_list_reviter_type);
    it->seq = self;
    it->idx = tr_as_list(self)->len - 1;
    return tr_val(it);
}

METHOD(list_init_m)
{
    if (cu_no_kwargs("list", kwnames) < 0 || cu_nargs("list", nargs, 0, 1) < 0)
        return TR_ERR;
    TrList *l = tr_as_list(self);
    l->len = l->cap = 0;
    l->items = NULL;
    if (nargs && tr_list_extend(self, args[0]) < 0)
        return TR_ERR;
    return TR_NONE;
}

static const TrMethodDef list_methods[] = {
    {"append", list_append_m, 0},
    {"extend", list_extend_m, 0},
    {"insert", list_insert_m, 0},
    {"remove", list_remove_m, 0},
    {"pop", list_pop_m, 0},
    {"index", list_index_m, 0},
    {"count", list_count_m, 0},
    {"clear", list_clear_m, 0},
    {"copy", list_copy_m, 0},
    {"reverse", list_reverse_m, 0},
    {"sort", cu_list_sort_method, 0},
    {"__reversed__", list_reversed_m, 0},
    {"__init__", list_init_m, 0},
    {"__class_getitem__", cu_class_getitem, TR_METH_CLASS},
    {NULL, NULL, 0},
};

TrType tr_list_type = {
    .ob = {&tr_type_type},
    .name = "list",
    .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE | TR_TYPE_LIST_SUB,
    .basicsize = sizeof(TrList),
    .repr = list_repr,
    .richcmp = list_richcmp,
    .binop = list_binop,
    .len = list_len,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .contains = list_contains,
    .iter = list_iter,
    .new = list_new,
    .methods = list_methods,
};

/* --- list_iterator, list_reverseiterator ----------------------------------------------- */

static TrValue list_iter_next(TrValue self)
{
    TrListIter *it = (TrListIter *)tr_obj(self);
    if (TR_UNLIKELY(!it->seq))
        return TR_STOP;
    TrList *l = tr_as_list(it->seq);
    if (TR_LIKELY(it->idx < l->len))
        return l->items[it->idx++];
    it->seq = 0;
    return TR_STOP;
}

static TrValue list_reviter_next(TrValue self)
{
    TrListIter *it = (TrListIter *)tr_obj(self);
    if (!it->seq)
        return TR_STOP;
    TrList *l = tr_as_list(it->seq);
    if (it->idx >= 0 && it->idx < l->len)
        return l->items[it->idx--];
    it->seq = 0;
    return TR_STOP;
}

METHOD(list_iter_length_hint)
{
    TrListIter *it = (TrListIter *)tr_obj(self);
    int64_t n = 0;
    if (it->seq) {
        n = tr_obj(self)->type == &tr_list_iter_type ? tr_as_list(it->seq)->len - it->idx
                                                     : it->idx + 1;
        if (n < 0 ||
            (tr_obj(self)->type != &tr_list_iter_type && it->idx >= tr_as_list(it->seq)->len))
            n = 0;
    }
    return tr_small_new(n);
}

static const TrMethodDef list_iter_methods[] = {
    {"__length_hint__", list_iter_length_hint, 0},
    {NULL, NULL, 0},
};

TrType tr_list_iter_type = {
    .ob = {&tr_type_type},
    .name = "list_iterator",
    .base = &tr_object_type,
    .basicsize = sizeof(TrListIter),
    .repr = cu_default_repr,
    .iter = cu_iter_self,
    .next = list_iter_next,
    .methods = list_iter_methods,
};

TrType tr_list_reviter_type = {
    .ob = {&tr_type_type},
    .name = "list_reverseiterator",
    .base = &tr_object_type,
    .basicsize = sizeof(TrListIter),
    .repr = cu_default_repr,
    .iter = cu_iter_self,
    .next = list_reviter_next,
    .methods = list_iter_methods,
};
