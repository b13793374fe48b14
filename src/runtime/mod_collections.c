/*
 * mod_collections.c -- the _collections module: deque, a ring buffer (power-of-two capacity,
 * items at (head + i) & mask) with an optional maxlen that drops items from the other end.
 * lib/collections/__init__.py re-exports it as collections.deque.
 */
#include "runtime/mod_util.h"

#include "runtime/containers_util.h"

typedef struct {
    TrObject ob;
    TrValue *items;
    int64_t head, len, cap; /* cap: a power of two */
    int64_t maxlen;         /* -1: unbounded */
    uint64_t state;         /* bumped by mutations, so iterators notice */
} Deque;

extern TrType tr_deque_type, tr_deque_iter_type, tr_deque_reviter_type;

#define DQ(v) ((Deque *)tr_obj(v))
#define AT(d, i) ((d)->items[((d)->head + (i)) & ((d)->cap - 1)])
#define FN(name) static TrValue name(TrValue self, const TrValue *args, size_t nargs, TrValue kw)

static void grow(Deque *d)
{
    int64_t ncap = d->cap ? d->cap * 2 : 8;
    TrValue *n = tr_alloc(sizeof(TrValue) * (size_t)ncap);
    for (int64_t i = 0; i < d->len; i++)
        n[i] = AT(d, i);
    d->items = n;
    d->head = 0;
    d->cap = ncap;
}

static TrValue pop_right(Deque *d)
{
    TrValue v = AT(d, d->len - 1);
    AT(d, d->len - 1) = 0;
    d->len--;
    d->state++;
    return v;
}

static TrValue pop_left(Deque *d)
{
    TrValue v = AT(d, 0);
    AT(d, 0) = 0;
    d->head = (d->head + 1) & (d->cap - 1);
    d->len--;
    d->state++;
    return v;
}

static void push_right(Deque *d, TrValue v)
{
    if (d->maxlen == 0)
        return;
    if (d->len == d->cap)
        grow(d);
    AT(d, d->len) = v;
    d->len++;
    d->state++;
    if (d->maxlen >= 0 && d->len > d->maxlen)
        pop_left(d);
}

static void push_left(Deque *d, TrValue v)
{
    if (d->maxlen == 0)
        return;
    if (d->len == d->cap)
        grow(d);
    d->head = (d->head - 1) & (d->cap - 1);
    d->items[d->head] = v;
    d->len++;
    d->state++;
    if (d->maxlen >= 0 && d->len > d->maxlen)
        pop_right(d);
}

static int extend(Deque *d, TrValue iterable, bool left)
{
    if (iterable == tr_val(d)) {
        TrValue copy = tr_list_new(d->len);
        for (int64_t i = 0; i < d->len; i++)
            tr_list_append(copy, AT(d, i));
        iterable = copy;
    }
    TrValue it = tr_iter(iterable);
    if (!it)
        return -1;
    for (;;) {
        TrValue v = tr_next(it);
        if (!v)
            return -1;
        if (v == TR_STOP)
            return 0;
        left ? push_left(d, v) : push_right(d, v);
    }
}

/* --- Construction ----------------------------------------------------------------------- */

static const char *const deque_kw[] = {"iterable", "maxlen"};

static TrValue deque_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    TrValue a[2];
    if (tr_parse_args("deque", args, nargs, kwnames, deque_kw, 0, 2, 0, 2, a) < 0)
        return TR_ERR;
    Deque *d = tr_obj_new(type->basicsize > sizeof(Deque) ? type->basicsize : sizeof(Deque),
                          type);
    d->maxlen = -1;
    if (a[1] && a[1] != TR_NONE) {
        if (tr_mod_arg_i64(a[1], &d->maxlen) < 0)
            return TR_ERR;
        if (d->maxlen < 0)
            return tr_raise(&tr_ValueError, "maxlen must be non-negative");
    }
    if (a[0] && extend(d, a[0], false) < 0)
        return TR_ERR;
    return tr_val(d);
}

static TrValue deque_copy_of(Deque *d)
{
    Deque *n = TR_NEW(Deque, tr_obj(tr_val(d))->type);
    n->maxlen = d->maxlen;
    for (int64_t i = 0; i < d->len; i++)
        push_right(n, AT(d, i));
    return tr_val(n);
}

/* --- Methods ---------------------------------------------------------------------------- */

static int one(const char *name, size_t nargs, TrValue kw)
{
    if (tr_no_kwargs(name, kw) < 0)
        return -1;
    if (nargs != 1) {
        tr_raise(&tr_TypeError, "%s() takes exactly one argument (%zu given)", name, nargs);
        return -1;
    }
    return 0;
}

static int none(const char *name, size_t nargs, TrValue kw)
{
    if (tr_no_kwargs(name, kw) < 0)
        return -1;
    if (nargs) {
        tr_raise(&tr_TypeError, "%s() takes no arguments (%zu given)", name, nargs);
        return -1;
    }
    return 0;
}

FN(dq_append)
{
    if (one("deque.append", nargs, kw) < 0)
        return TR_ERR;
    push_right(DQ(self), args[0]);
    return TR_NONE;
}

FN(dq_appendleft)
{
    if (one("deque.appendleft", nargs, kw) < 0)
        return TR_ERR;
    push_left(DQ(self), args[0]);
    return TR_NONE;
}

FN(dq_pop)
{
    if (none("deque.pop", nargs, kw) < 0)
        return TR_ERR;
    if (DQ(self)->len == 0)
        return tr_raise(&tr_IndexError, "pop from an empty deque");
    return pop_right(DQ(self));
}

FN(dq_popleft)
{
    if (none("deque.popleft", nargs, kw) < 0)
        return TR_ERR;
    if (DQ(self)->len == 0)
        return tr_raise(&tr_IndexError, "pop from an empty deque");
    return pop_left(DQ(self));
}

FN(dq_extend)
{
    if (one("deque.extend", nargs, kw) < 0)
        return TR_ERR;
    return extend(DQ(self), args[0], false) < 0 ? TR_ERR : TR_NONE;
}

FN(dq_extendleft)
{
    if (one("deque.extendleft", nargs, kw) < 0)
        return TR_ERR;
    return extend(DQ(self), args[0], true) < 0 ? TR_ERR : TR_NONE;
}

static void rotate(Deque *d, int64_t n)
{
    if (d->len <= 1)
        return;
    n %= d->len;
    if (n < 0)
        n += d->len;
    for (int64_t i = 0; i < n; i++) { /* right by n: move the tail to the front */
        TrValue v = AT(d, d->len - 1);
        AT(d, d->len - 1) = 0;
        d->head = (d->head - 1) & (d->cap - 1);
        d->items[d->head] = v;
    }
    d->state++;
}

FN(dq_rotate)
{
    if (tr_no_kwargs("deque.rotate", kw) < 0 || tr_check_nargs("rotate", nargs, 0, 1) < 0)
        return TR_ERR;
    int64_t n = 1;
    if (nargs && tr_mod_arg_i64(args[0], &n) < 0)
        return TR_ERR;
    Deque *d = DQ(self);
    if (d->len > 1) {
        n %= d->len;
        if (n < 0)
            n += d->len;
        if (n > d->len / 2) { /* rotating left is shorter */
            for (int64_t i = 0; i < d->len - n; i++)
                push_right(d, pop_left(d));
            return TR_NONE;
        }
    }
    rotate(d, n);
    return TR_NONE;
}

FN(dq_clear)
{
    if (none("deque.clear", nargs, kw) < 0)
        return TR_ERR;
    Deque *d = DQ(self);
    d->items = NULL;
    d->head = d->len = d->cap = 0;
    d->state++;
    return TR_NONE;
}

FN(dq_count)
{
    if (one("deque.count", nargs, kw) < 0)
        return TR_ERR;
    Deque *d = DQ(self);
    uint64_t st = d->state;
    int64_t n = 0;
    for (int64_t i = 0; i < d->len; i++) {
        int eq = cu_eq(AT(d, i), args[0]);
        if (eq < 0)
            return TR_ERR;
        if (st != d->state)
            return tr_raise(&tr_RuntimeError, "deque mutated during iteration");
        n += eq;
    }
    return tr_int_from_i64(n);
}

FN(dq_index)
{
    if (tr_no_kwargs("deque.index", kw) < 0 || tr_check_nargs("index", nargs, 1, 3) < 0)
        return TR_ERR;
    Deque *d = DQ(self);
    int64_t start = 0, stop = d->len;
    if (nargs > 1 && cu_as_ssize_clamp(args[1], &start) < 0)
        return TR_ERR;
    if (nargs > 2 && cu_as_ssize_clamp(args[2], &stop) < 0)
        return TR_ERR;
    if (start < 0 && (start += d->len) < 0)
        start = 0;
    if (stop < 0 && (stop += d->len) < 0)
        stop = 0;
    if (stop > d->len)
        stop = d->len;
    for (int64_t i = start; i < stop; i++) {
        int eq = cu_eq(AT(d, i), args[0]);
        if (eq < 0)
            return TR_ERR;
        if (eq)
            return tr_int_from_i64(i);
    }
    return tr_raise(&tr_ValueError, "%R is not in deque", args[0]);
}

FN(dq_insert)
{
    if (tr_no_kwargs("deque.insert", kw) < 0 || tr_check_nargs("insert", nargs, 2, 2) < 0)
        return TR_ERR;
    Deque *d = DQ(self);
    int64_t i;
    if (tr_mod_arg_i64(args[0], &i) < 0)
        return TR_ERR;
    if (d->maxlen >= 0 && d->len >= d->maxlen)
        return tr_raise(&tr_IndexError, "deque already at its maximum size");
    if (i < 0 && (i += d->len) < 0)
        i = 0;
    if (i > d->len)
        i = d->len;
    rotate(d, -i); /* item i first, insert before it, turn back */
    push_left(d, args[1]);
    rotate(d, i);
    return TR_NONE;
}

static int del_at(Deque *d, int64_t i)
{
    rotate(d, d->len - i - 1); /* item i now last */
    pop_right(d);
    rotate(d, -(d->len - i));
    return 0;
}

FN(dq_remove)
{
    if (one("deque.remove", nargs, kw) < 0)
        return TR_ERR;
    Deque *d = DQ(self);
    for (int64_t i = 0; i < d->len; i++) {
        int eq = cu_eq(AT(d, i), args[0]);
        if (eq < 0)
            return TR_ERR;
        if (eq) {
            del_at(d, i);
            return TR_NONE;
        }
    }
    return tr_raise(&tr_ValueError, "%R is not in deque", args[0]);
}

FN(dq_reverse)
{
    if (none("deque.reverse", nargs, kw) < 0)
        return TR_ERR;
    Deque *d = DQ(self);
    for (int64_t i = 0, j = d->len - 1; i < j; i++, j--) {
        TrValue t = AT(d, i);
        AT(d, i) = AT(d, j);
        AT(d, j) = t;
    }
    d->state++;
    return TR_NONE;
}

FN(dq_copy)
{
    if (none("deque.copy", nargs, kw) < 0)
        return TR_ERR;
    return deque_copy_of(DQ(self));
}

static TrValue deque_reviter(TrValue self);

FN(dq_reversed)
{
    return deque_reviter(self);
}

static TrValue dq_get_maxlen(TrValue self)
{
    return DQ(self)->maxlen < 0 ? TR_NONE : tr_int_from_i64(DQ(self)->maxlen);
}

static const TrMethodDef deque_methods[] = {
    {"append", dq_append, 0},         {"appendleft", dq_appendleft, 0},
    {"pop", dq_pop, 0},               {"popleft", dq_popleft, 0},
    {"extend", dq_extend, 0},         {"extendleft", dq_extendleft, 0},
    {"rotate", dq_rotate, 0},         {"clear", dq_clear, 0},
    {"count", dq_count, 0},           {"index", dq_index, 0},
    {"insert", dq_insert, 0},         {"remove", dq_remove, 0},
    {"reverse", dq_reverse, 0},       {"copy", dq_copy, 0},
    {"__copy__", dq_copy, 0},         {"__reversed__", dq_reversed, 0},
    {"__class_getitem__", cu_class_getitem, TR_METH_CLASS},
    {NULL, NULL, 0},
};

static const TrGetSetDef deque_getsets[] = {
    {"maxlen", dq_get_maxlen, NULL},
    {NULL, NULL, NULL},
};

/* --- Slots ------------------------------------------------------------------------------ */

static TrValue deque_repr(TrValue self)
{
    Deque *d = DQ(self);
    int r = tr_repr_enter(self);
    if (r < 0)
        return TR_ERR;
    if (r)
        return tr_str_from_cstr("[...]");
    TrStrBuilder b;
    tr_sbuild_init(&b);
    const char *name = tr_type_name(self);
    const char *dot = strrchr(name, '.');
    name = dot ? dot + 1 : name;
    tr_sbuild_ascii(&b, name, strlen(name));
    tr_sbuild_ascii(&b, "([", 2);
    TrValue items = tr_list_new(d->len);
    for (int64_t i = 0; i < d->len; i++)
        tr_list_append(items, AT(d, i));
    r = cu_repr_items(&b, tr_as_list(items)->items, tr_as_list(items)->len);
    tr_repr_leave(self);
    if (r < 0)
        return TR_ERR;
    tr_sbuild_char(&b, ']');
    if (d->maxlen >= 0) {
        char buf[40];
        int n = snprintf(buf, sizeof buf, ", maxlen=%lld", (long long)d->maxlen);
        tr_sbuild_ascii(&b, buf, (size_t)n);
    }
    tr_sbuild_char(&b, ')');
    return tr_sbuild_finish(&b);
}

static int64_t deque_len(TrValue self) { return DQ(self)->len; }

static int norm_index(Deque *d, TrValue key, int64_t *out)
{
    if (!cu_has_index(key)) {
        tr_raise(&tr_TypeError, "sequence index must be integer, not '%T'", key);
        return -1;
    }
    int64_t i;
    if (cu_as_ssize(key, &tr_IndexError, &i) < 0)
        return -1;
    if (i < 0)
        i += d->len;
    if (i < 0 || i >= d->len) {
        tr_raise(&tr_IndexError, "deque index out of range");
        return -1;
    }
    *out = i;
    return 0;
}

static TrValue deque_getitem(TrValue self, TrValue key)
{
    int64_t i;
    if (norm_index(DQ(self), key, &i) < 0)
        return TR_ERR;
    return AT(DQ(self), i);
}

static int deque_setitem(TrValue self, TrValue key, TrValue value)
{
    int64_t i;
    if (norm_index(DQ(self), key, &i) < 0)
        return -1;
    if (value)
        AT(DQ(self), i) = value;
    else
        del_at(DQ(self), i);
    return 0;
}

static int deque_contains(TrValue self, TrValue item)
{
    Deque *d = DQ(self);
    uint64_t st = d->state;
    for (int64_t i = 0; i < d->len; i++) {
        int eq = cu_eq(AT(d, i), item);
        if (eq)
            return eq;
        if (st != d->state) {
            tr_raise(&tr_RuntimeError, "deque mutated during iteration");
            return -1;
        }
    }
    return 0;
}

static TrValue deque_richcmp(TrValue self, TrValue other, int op)
{
    if (!tr_isinstance(other, &tr_deque_type))
        return TR_NOTIMPL;
    Deque *a = DQ(self), *b = DQ(other);
    TrValue la = tr_tuple_new(a->len), lb = tr_tuple_new(b->len);
    for (int64_t i = 0; i < a->len; i++)
        tr_as_tuple(la)->items[i] = AT(a, i);
    for (int64_t i = 0; i < b->len; i++)
        tr_as_tuple(lb)->items[i] = AT(b, i);
    return cu_seq_richcmp(tr_as_tuple(la)->items, a->len, tr_as_tuple(lb)->items, b->len, op);
}

static TrValue deque_binop(TrValue a, TrValue b, int op)
{
    bool inplace = op >= TR_OP__COUNT;
    int base = inplace ? op - TR_OP__COUNT : op;
    if (!tr_isinstance(a, &tr_deque_type))
        return base == TR_OP_MUL && tr_is_int(a) ? deque_binop(b, a, TR_OP_MUL) : TR_NOTIMPL;
    Deque *d = DQ(a);
    if (base == TR_OP_ADD) {
        if (inplace) {
            if (extend(d, b, false) < 0)
                return TR_ERR;
            return a;
        }
        if (!tr_isinstance(b, &tr_deque_type))
            return tr_raise(&tr_TypeError, "can only concatenate deque (not \"%T\") to deque",
                            b);
        TrValue n = deque_copy_of(d);
        return extend(DQ(n), b, false) < 0 ? TR_ERR : n;
    }
    if (base == TR_OP_MUL && tr_is_int(b)) {
        int64_t k;
        if (tr_int_to_i64(b, &k) < 0)
            return TR_ERR;
        TrValue n = inplace ? a : deque_copy_of(d);
        Deque *nd = DQ(n);
        int64_t len = nd->len;
        if (k <= 0) {
            nd->items = NULL;
            nd->head = nd->len = nd->cap = 0;
            return n;
        }
        for (int64_t r = 1; r < k; r++)
            for (int64_t i = 0; i < len; i++)
                push_right(nd, AT(nd, i));
        return n;
    }
    return TR_NOTIMPL;
}

/* --- Iterators -------------------------------------------------------------------------- */

typedef struct {
    TrObject ob;
    TrValue deque;
    int64_t idx;
    uint64_t state;
} DequeIter;

static TrValue make_iter(TrValue self, TrType *t)
{
    DequeIter *it = TR_NEW(DequeIter, t);
    it->deque = self;
    it->state = DQ(self)->state;
    return tr_val(it);
}

static TrValue deque_iter(TrValue self) { return make_iter(self, &tr_deque_iter_type); }
static TrValue deque_reviter(TrValue self) { return make_iter(self, &tr_deque_reviter_type); }

static TrValue iter_step(TrValue self, bool rev)
{
    DequeIter *it = (DequeIter *)tr_obj(self);
    Deque *d = DQ(it->deque);
    if (d->state != it->state)
        return tr_raise(&tr_RuntimeError, "deque mutated during iteration");
    if (it->idx >= d->len)
        return TR_STOP;
    int64_t i = it->idx++;
    return AT(d, rev ? d->len - 1 - i : i);
}

static TrValue deque_iter_next(TrValue self) { return iter_step(self, false); }
static TrValue deque_reviter_next(TrValue self) { return iter_step(self, true); }

TrType tr_deque_iter_type = {
    .ob = {&tr_type_type}, .name = "_collections._deque_iterator", .base = &tr_object_type,
    .basicsize = sizeof(DequeIter), .repr = cu_default_repr, .iter = cu_iter_self,
    .next = deque_iter_next,
};

TrType tr_deque_reviter_type = {
    .ob = {&tr_type_type}, .name = "_collections._deque_reverse_iterator",
    .base = &tr_object_type, .basicsize = sizeof(DequeIter), .repr = cu_default_repr,
    .iter = cu_iter_self, .next = deque_reviter_next,
};

TrType tr_deque_type = {
    .ob = {&tr_type_type}, .name = "collections.deque", .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE, .basicsize = sizeof(Deque), .repr = deque_repr,
    .richcmp = deque_richcmp, .binop = deque_binop, .len = deque_len,
    .getitem = deque_getitem, .setitem = deque_setitem, .contains = deque_contains,
    .iter = deque_iter, .new = deque_new, .methods = deque_methods, .getsets = deque_getsets,
};

TrValue tr_mod__collections_init(void)
{
    TrValue m = tr_module_new(tr_str_intern_cstr("_collections"));
    tr_mod_set_type_module(&tr_deque_type, "collections");
    tr_type_ready(&tr_deque_iter_type);
    tr_type_ready(&tr_deque_reviter_type);
    tr_module_add(m, "deque", tr_val(&tr_deque_type));
    return m;
}
