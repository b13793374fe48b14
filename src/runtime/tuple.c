/*
 * tuple.c -- the tuple type and its iterator: construction, CPython 3.11's xxHash-based hash
 * (so hash((1, 2)) matches), lexicographic comparison, + * in, indexing and slicing.
 * The empty tuple is a singleton, as in CPython.
 */
#include "runtime/tuple.h"

#include "runtime/containers_util.h"
#include "runtime/iter.h"
#include "runtime/list.h"

typedef struct TrTupleIter {
    TrObject ob;
    TrValue seq; /* 0 once exhausted */
    int64_t idx;
} TrTupleIter;

TrType tr_tuple_iter_type;

static TrTuple empty_tuple = {{&tr_tuple_type}, 0};

/* --- Construction ---------------------------------------------------------------------- */

TrValue tr_tuple_new(int64_t len)
{
    if (len == 0)
        return tr_val(&empty_tuple);
    TrTuple *t = tr_obj_new(sizeof(TrTuple) + (size_t)len * sizeof(TrValue), &tr_tuple_type);
    t->len = len;
    return tr_val(t);
}

TrValue tr_tuple_empty(void)
{
    return tr_val(&empty_tuple);
}

TrValue tr_tuple_from(const TrValue *items, int64_t n)
{
    TrValue v = tr_tuple_new(n);
    if (n)
        memcpy(tr_as_tuple(v)->items, items, (size_t)n * sizeof(TrValue));
    return v;
}

TrValue tr_tuple_pack(int n, ...)
{
    va_list ap;
    TrValue v = tr_tuple_new(n);
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        tr_as_tuple(v)->items[i] = va_arg(ap, TrValue);
    va_end(ap);
    return v;
}

TrValue tr_tuple_from_iter(TrValue iterable)
{
    if (tr_is_ptr(iterable) && tr_obj(iterable)->type == &tr_tuple_type)
        return iterable;
    if (tr_is_list(iterable))
        return tr_tuple_from(tr_as_list(iterable)->items, tr_as_list(iterable)->len);
    TrValue l = tr_list_from_iter(iterable);
    if (!l)
        return TR_ERR;
    return tr_tuple_from(tr_as_list(l)->items, tr_as_list(l)->len);
}

static TrValue tuple_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (type == &tr_tuple_type && cu_no_kwargs("tuple", kwnames) < 0)
        return TR_ERR;
    if (cu_nargs("tuple", nargs, 0, 1) < 0)
        return TR_ERR;
    TrValue t = nargs ? tr_tuple_from_iter(args[0]) : tr_tuple_empty();
    if (!t || type == &tr_tuple_type)
        return t;
    /* a subclass instance: same layout, its own type */
    TrTuple *src = tr_as_tuple(t);
    size_t size = sizeof(TrTuple) + (size_t)src->len * sizeof(TrValue);
    if (type->basicsize > sizeof(TrTuple))
        size += type->basicsize - sizeof(TrTuple);
    TrTuple *sub = tr_obj_new(size, type);
    sub->len = src->len;
    memcpy(sub->items, src->items, (size_t)src->len * sizeof(TrValue));
    return tr_val(sub);
}

/* --- Slots ----------------------------------------------------------------------------- */

static TrValue tuple_repr(TrValue self)
{
    TrTuple *t = tr_as_tuple(self);
    if (t->len == 0)
        return tr_str_from_cstr("()");
    int r = tr_repr_enter(self);
    if (r != 0)
        return r > 0 ? tr_str_from_cstr("(...)") : TR_ERR;
    TrStrBuilder b;
    tr_sbuild_init(&b);
    tr_sbuild_char(&b, '(');
    int rc = cu_repr_items(&b, t->items, t->len);
    tr_repr_leave(self);
    if (rc < 0)
        return TR_ERR;
    if (t->len == 1)
        tr_sbuild_char(&b, ',');
    tr_sbuild_char(&b, ')');
    return tr_sbuild_finish(&b);
}

#define XXPRIME_1 UINT64_C(11400714785074694791)
#define XXPRIME_2 UINT64_C(14029467366897019727)
#define XXPRIME_5 UINT64_C(2870177450012600261)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

/* CPython 3.11 tuplehash: xxHash's round over the items' hashes. */
static int64_t tuple_hash(TrValue self)
{
    TrTuple *t = tr_as_tuple(self);
    uint64_t acc = XXPRIME_5;
    for (int64_t i = 0; i < t->len; i++) {
        int64_t h = cu_hash(t->items[i]);
        if (h == -1)
            return -1;
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)t->len ^ (XXPRIME_5 ^ UINT64_C(3527539));
    if (acc == UINT64_MAX)
        return 1546275796;
    return (int64_t)acc;
}

/* Lexicographic comparison shared by tuple and list (CPython's algorithm): the first pair that
   is not == decides, else the lengths. */
TrValue cu_seq_richcmp(const TrValue *a, int64_t na, const TrValue *b, int64_t nb, int op)
{
    if ((op == TR_EQ || op == TR_NE) && na != nb)
        return tr_bool(op == TR_NE);
    int64_t i;
    for (i = 0; i < na && i < nb; i++) {
        int k = cu_eq(a[i], b[i]);
        if (k < 0)
            return TR_ERR;
        if (!k)
            break;
    }
    if (i >= na || i >= nb) {
        bool r;
        switch (op) {
        case TR_LT: r = na < nb; break;
        case TR_LE: r = na <= nb; break;
        case TR_EQ: r = na == nb; break;
        case TR_NE: r = na != nb; break;
        case TR_GT: r = na > nb; break;
        default: r = na >= nb; break;
        }
        return tr_bool(r);
    }
    if (op == TR_EQ)
        return TR_FALSE;
    if (op == TR_NE)
        return TR_TRUE;
    return tr_richcmp(a[i], b[i], op);
}

static TrValue tuple_richcmp(TrValue a, TrValue b, int op)
{
    if (!tr_is_tuple(a) || !tr_is_tuple(b))
        return TR_NOTIMPL;
    TrTuple *x = tr_as_tuple(a), *y = tr_as_tuple(b);
    return cu_seq_richcmp(x->items, x->len, y->items, y->len, op);
}

/* The right operand of seq * n may still handle it through __rmul__ (a class); builtin
   types cannot, so CPython's "can't multiply sequence" error is raised at once. */
bool cu_seq_other_may_handle(TrValue other, const char *rname)
{
    TrType *t = tr_type_of(other);
    if (!(t->flags & TR_TYPE_HEAP))
        return false;
    return tr_type_lookup(t, tr_str_intern_cstr(rname)) != 0;
}

TrValue cu_seq_repeat_count(TrValue n, int64_t *out)
{
    if (cu_as_ssize(n, &tr_OverflowError, out) < 0)
        return TR_ERR;
    if (*out < 0)
        *out = 0;
    return TR_NONE;
}

static TrValue tuple_binop(TrValue a, TrValue b, int op)
{
    if (op == TR_OP_ADD) {
        if (!tr_is_tuple(a))
            return TR_NOTIMPL;
        if (!tr_is_tuple(b)) {
            if (cu_seq_other_may_handle(b, "__radd__"))
                return TR_NOTIMPL;
            return tr_raise(&tr_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                            tr_type_name(b));
        }
        TrTuple *x = tr_as_tuple(a), *y = tr_as_tuple(b);
        if (y->len == 0 && tr_type_of(a) == &tr_tuple_type)
            return a;
        if (x->len == 0 && tr_type_of(b) == &tr_tuple_type)
            return b;
        TrValue r = tr_tuple_new(x->len + y->len);
        memcpy(tr_as_tuple(r)->items, x->items, (size_t)x->len * sizeof(TrValue));
        memcpy(tr_as_tuple(r)->items + x->len, y->items, (size_t)y->len * sizeof(TrValue));
        return r;
    }
    if (op == TR_OP_MUL) {
        TrValue seq = a, n = b;
        if (!tr_is_tuple(a)) {
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
        TrTuple *t = tr_as_tuple(seq);
        if (count == 1 && tr_type_of(seq) == &tr_tuple_type)
            return seq;
        if (t->len == 0 || count == 0)
            return tr_tuple_empty();
        if (count > INT64_MAX / 16 / t->len)
            return tr_raise(&tr_MemoryError, "");
        TrValue r = tr_tuple_new(t->len * count);
        TrValue *dst = tr_as_tuple(r)->items;
        for (int64_t i = 0; i < count; i++, dst += t->len)
            memcpy(dst, t->items, (size_t)t->len * sizeof(TrValue));
        return r;
    }
    return TR_NOTIMPL;
}

static int64_t tuple_len(TrValue self)
{
    return tr_as_tuple(self)->len;
}

static TrValue tuple_getitem(TrValue self, TrValue key)
{
    TrTuple *t = tr_as_tuple(self);
    int64_t i;
    if (tr_is_small(key)) {
        i = tr_small_val(key);
    } else if (tr_is_ptr(key) && tr_obj(key)->type == &tr_slice_type) {
        int64_t start, stop, step;
        int64_t n = tr_slice_indices(key, t->len, &start, &stop, &step);
        if (n < 0)
            return TR_ERR;
        if (n == t->len && step == 1 && tr_type_of(self) == &tr_tuple_type)
            return self;
        TrValue r = tr_tuple_new(n);
        for (int64_t k = 0; k < n; k++, start += step)
            tr_as_tuple(r)->items[k] = t->items[start];
        return r;
    } else if (cu_has_index(key)) {
        if (cu_as_ssize(key, &tr_IndexError, &i) < 0)
            return TR_ERR;
    } else {
        return tr_raise(&tr_TypeError, "tuple indices must be integers or slices, not %s",
                        tr_type_name(key));
    }
    if (i < 0)
        i += t->len;
    if (i < 0 || i >= t->len)
        return tr_raise(&tr_IndexError, "tuple index out of range");
    return t->items[i];
}

static int tuple_contains(TrValue self, TrValue item)
{
    TrTuple *t = tr_as_tuple(self);
    for (int64_t i = 0; i < t->len; i++) {
        int k = cu_eq(t->items[i], item);
        if (k != 0)
            return k;
    }
    return 0;
}

static TrValue tuple_iter(TrValue self)
{
    TrTupleIter *it = TR_NEW(TrTupleIter, &tr_tuple_iter_type);
    it->seq = self;
    return tr_val(it);
}

/* --- Methods --------------------------------------------------------------------------- */

static TrValue tuple_count(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (cu_no_kwargs("tuple.count", kwnames) < 0 || cu_exactly_one("tuple.count", nargs) < 0)
        return TR_ERR;
    TrTuple *t = tr_as_tuple(self);
    int64_t n = 0;
    for (int64_t i = 0; i < t->len; i++) {
        int k = cu_eq(t->items[i], args[0]);
        if (k < 0)
            return TR_ERR;
        n += k;
    }
    return tr_small_new(n);
}

/* Shared by tuple.index and list.index: the (x, start, stop) arguments. */
int cu_seq_index_args(const char *name, const TrValue *args, size_t nargs, TrValue kwnames,
                      int64_t len, int64_t *start, int64_t *stop)
{
    if (cu_no_kwargs(name, kwnames) < 0 || cu_nargs("index", nargs, 1, 3) < 0)
        return -1;
    *start = 0;
    *stop = INT64_MAX;
    if (nargs > 1 && cu_as_ssize_clamp(args[1], start) < 0)
        return -1;
    if (nargs > 2 && cu_as_ssize_clamp(args[2], stop) < 0)
        return -1;
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = 0;
    }
    if (*stop < 0) {
        *stop += len;
        if (*stop < 0)
            *stop = 0;
    }
    return 0;
}

static TrValue tuple_index(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames)
{
    TrTuple *t = tr_as_tuple(self);
    int64_t start, stop;
    if (cu_seq_index_args("tuple.index", args, nargs, kwnames, t->len, &start, &stop) < 0)
        return TR_ERR;
    for (int64_t i = start; i < stop && i < t->len; i++) {
        int k = cu_eq(t->items[i], args[0]);
        if (k < 0)
            return TR_ERR;
        if (k)
            return tr_small_new(i);
    }
    return tr_raise(&tr_ValueError, "tuple.index(x): x not in tuple");
}

static TrValue tuple_getnewargs(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    TrTuple *t = tr_as_tuple(self);
    return tr_tuple_pack(1, tr_tuple_from(t->items, t->len));
}

static const TrMethodDef tuple_methods[] = {
    {"count", tuple_count, 0},
    {"index", tuple_index, 0},
    {"__getnewargs__", tuple_getnewargs, 0},
    {"__class_getitem__", cu_class_getitem, TR_METH_CLASS},
    {NULL, NULL, 0},
};

TrType tr_tuple_type = {
    .ob = {&tr_type_type},
    .name = "tuple",
    .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE | TR_TYPE_TUPLE_SUB,
    .basicsize = sizeof(TrTuple),
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcmp = tuple_richcmp,
    .binop = tuple_binop,
    .len = tuple_len,
    .getitem = tuple_getitem,
    .contains = tuple_contains,
    .iter = tuple_iter,
    .new = tuple_new,
    .methods = tuple_methods,
};

/* --- tuple_iterator -------------------------------------------------------------------- */

static TrValue tuple_iter_next(TrValue self)
{
    TrTupleIter *it = (TrTupleIter *)tr_obj(self);
    if (!it->seq)
        return TR_STOP;
    TrTuple *t = tr_as_tuple(it->seq);
    if (it->idx < t->len)
        return t->items[it->idx++];
    it->seq = 0;
    return TR_STOP;
}

static TrValue tuple_iter_length_hint(TrValue self, const TrValue *args, size_t nargs,
                                      TrValue kwnames)
{
    TrTupleIter *it = (TrTupleIter *)tr_obj(self);
    return tr_small_new(it->seq ? tr_as_tuple(it->seq)->len - it->idx : 0);
}

static const TrMethodDef tuple_iter_methods[] = {
    {"__length_hint__", tuple_iter_length_hint, 0},
    {NULL, NULL, 0},
};

TrType tr_tuple_iter_type = {
    .ob = {&tr_type_type},
    .name = "tuple_iterator",
    .base = &tr_object_type,
    .basicsize = sizeof(TrTupleIter),
    .repr = cu_default_repr,
    .iter = cu_iter_self,
    .next = tuple_iter_next,
    .methods = tuple_iter_methods,
};
