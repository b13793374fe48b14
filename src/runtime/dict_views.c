/*
 * dict_views.c -- dict_keys / dict_values / dict_items views (len, iteration, `in`, reversed,
 * and CPython's set operations and comparisons on keys and items views) and the six dict
 * iterators, which raise "dictionary changed size during iteration" as CPython does.
 */
#include "runtime/containers_util.h"
#include "runtime/dict.h"
#include "runtime/list.h"
#include "runtime/set.h"

typedef struct TrDictView {
    TrObject ob;
    TrValue dict;
} TrDictView;

typedef struct TrDictIter {
    TrObject ob;
    TrValue dict; /* 0 once exhausted */
    int64_t pos;  /* next entry to look at (reverse: counts down) */
    int64_t used; /* d->used when created; -1 after a size change was reported */
    int64_t len;  /* items left to produce */
} TrDictIter;

TrType tr_dict_keys_type, tr_dict_values_type, tr_dict_items_type;
TrType tr_dict_keyiter_type, tr_dict_valueiter_type, tr_dict_itemiter_type;
TrType tr_dict_revkeyiter_type, tr_dict_revvalueiter_type, tr_dict_revitemiter_type;

static inline TrValue view_dict(TrValue v)
{
    return ((TrDictView *)tr_obj(v))->dict;
}
static inline bool is_type(TrValue v, const TrType *t)
{
    return tr_is_ptr(v) && tr_obj(v)->type == t;
}
static inline bool is_setview(TrValue v)
{
    return is_type(v, &tr_dict_keys_type) || is_type(v, &tr_dict_items_type);
}

/* --- Iterators ------------------------------------------------------------------------- */

static TrValue iter_new(TrValue dict, TrType *type, bool reverse)
{
    TrDictIter *it = TR_NEW(TrDictIter, type);
    TrDict *d = tr_as_dict(dict);
    it->dict = dict;
    it->used = d->used;
    it->len = d->used;
    it->pos = reverse ? d->nentries - 1 : 0;
    return tr_val(it);
}

TrValue cu_dict_iter(TrValue self)
{
    return iter_new(self, &tr_dict_keyiter_type, false);
}

/* The next live entry, or NULL at the end (TR_ERR in *err on error). */
static TrDictEntry *iter_step(TrValue self, bool reverse, bool *err)
{
    TrDictIter *it = (TrDictIter *)tr_obj(self);
    *err = false;
    if (!it->dict)
        return NULL;
    TrDict *d = tr_as_dict(it->dict);
    if (it->used != d->used) {
        it->used = -1;
        tr_raise(&tr_RuntimeError, "dictionary changed size during iteration");
        *err = true;
        return NULL;
    }
    int64_t i = it->pos;
    if (reverse) {
        if (i >= d->nentries)
            i = d->nentries - 1;
        while (i >= 0 && !d->entries[i].key)
            i--;
        if (i < 0) {
            it->dict = 0;
            return NULL;
        }
        it->pos = i - 1;
    } else {
        while (i < d->nentries && !d->entries[i].key)
            i++;
        if (i >= d->nentries) {
            it->dict = 0;
            return NULL;
        }
        it->pos = i + 1;
    }
    if (it->len == 0) {
        it->dict = 0;
        tr_raise(&tr_RuntimeError, "dictionary keys changed during iteration");
        *err = true;
        return NULL;
    }
    it->len--;
    return &d->entries[i];
}

#define ITER_NEXT(fname, reverse, result)                                                          \
    static TrValue fname(TrValue self)                                                             \
    {                                                                                              \
        bool err;                                                                                  \
        TrDictEntry *e = iter_step(self, reverse, &err);                                           \
        if (!e)                                                                                    \
            return err ? TR_ERR : TR_STOP;                                                         \
        return result;                                                                             \
    }
ITER_NEXT(keyiter_next, false, e->key)
ITER_NEXT(valueiter_next, false, e->value)
ITER_NEXT(itemiter_next, false, tr_tuple_pack(2, e->key, e->value))
ITER_NEXT(revkeyiter_next, true, e->key)
ITER_NEXT(revvalueiter_next, true, e->value)
ITER_NEXT(revitemiter_next, true, tr_tuple_pack(2, e->key, e->value))

static TrValue iter_length_hint(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    TrDictIter *it = (TrDictIter *)tr_obj(self);
    return tr_small_new(it->dict && it->used == tr_as_dict(it->dict)->used ? it->len : 0);
}

static const TrMethodDef iter_methods[] = {
    {"__length_hint__", iter_length_hint, 0},
    {NULL, NULL, 0},
};

#define ITER_TYPE(var, tname, nextfn)                                                              \
    TrType var = {                                                                                 \
        .ob = {&tr_type_type},                                                                     \
        .name = tname,                                                                             \
        .base = &tr_object_type,                                                                   \
        .basicsize = sizeof(TrDictIter),                                                           \
        .repr = cu_default_repr,                                                                   \
        .iter = cu_iter_self,                                                                      \
        .next = nextfn,                                                                            \
        .methods = iter_methods,                                                                   \
    };
ITER_TYPE(tr_dict_keyiter_type, "dict_keyiterator", keyiter_next)
ITER_TYPE(tr_dict_valueiter_type, "dict_valueiterator", valueiter_next)
ITER_TYPE(tr_dict_itemiter_type, "dict_itemiterator", itemiter_next)
ITER_TYPE(tr_dict_revkeyiter_type, "dict_reversekeyiterator", revkeyiter_next)
ITER_TYPE(tr_dict_revvalueiter_type, "dict_reversevalueiterator", revvalueiter_next)
ITER_TYPE(tr_dict_revitemiter_type, "dict_reverseitemiterator", revitemiter_next)

/* --- Views: construction, len, iteration, repr ----------------------------------------- */

static TrValue view_new(TrValue dict, TrType *type)
{
    TrDictView *v = TR_NEW(TrDictView, type);
    v->dict = dict;
    return tr_val(v);
}

#define METHOD(name) TrValue name(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames)

#define VIEW_METHOD(fname, qual, type)                                                             \
    METHOD(fname)                                                                                  \
    {                                                                                              \
        if (cu_no_kwargs(qual, kwnames) < 0 || cu_no_args(qual, nargs) < 0)                        \
            return TR_ERR;                                                                         \
        return view_new(self, &type);                                                              \
    }
VIEW_METHOD(cu_dict_keys_m, "dict.keys", tr_dict_keys_type)
VIEW_METHOD(cu_dict_values_m, "dict.values", tr_dict_values_type)
VIEW_METHOD(cu_dict_items_m, "dict.items", tr_dict_items_type)

METHOD(cu_dict_reversed_m)
{
    if (cu_no_kwargs("dict.__reversed__", kwnames) < 0 ||
        cu_no_args("dict.__reversed__", nargs) < 0)
        return TR_ERR;
    return iter_new(self, &tr_dict_revkeyiter_type, true);
}

static int64_t view_len(TrValue self)
{
    return tr_as_dict(view_dict(self))->used;
}

static TrValue keys_iter(TrValue self)
{
    return iter_new(view_dict(self), &tr_dict_keyiter_type, false);
}
static TrValue values_iter(TrValue self)
{
    return iter_new(view_dict(self), &tr_dict_valueiter_type, false);
}
static TrValue items_iter(TrValue self)
{
    return iter_new(view_dict(self), &tr_dict_itemiter_type, false);
}

static TrValue view_reversed(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames)
{
    TrType *t = tr_obj(self)->type;
    TrType *it = t == &tr_dict_keys_type     ? &tr_dict_revkeyiter_type
                 : t == &tr_dict_values_type ? &tr_dict_revvalueiter_type
                                             : &tr_dict_revitemiter_type;
    if (cu_no_args("__reversed__", nargs) < 0)
        return TR_ERR;
    return iter_new(view_dict(self), it, true);
}

static TrValue view_repr(TrValue self)
{
    int r = tr_repr_enter(self);
    if (r != 0)
        return r > 0 ? tr_str_from_cstr("...") : TR_ERR;
    TrValue l = tr_list_from_iter(self);
    TrValue s = l ? tr_repr(l) : 0;
    tr_repr_leave(self);
    if (!s)
        return TR_ERR;
    return tr_str_fmt("%s(%U)", tr_type_name(self), s);
}

static int keys_contains(TrValue self, TrValue key)
{
    return tr_dict_contains(view_dict(self), key);
}

static int items_contains(TrValue self, TrValue item)
{
    if (!tr_is_tuple(item) || tr_as_tuple(item)->len != 2)
        return 0;
    TrValue v = tr_dict_get(view_dict(self), tr_as_tuple(item)->items[0]);
    if (!v)
        return tr_err_occurred() ? -1 : 0;
    return cu_eq(v, tr_as_tuple(item)->items[1]);
}

static int64_t values_hash(TrValue self)
{
    return tr_hash_pointer(tr_obj(self));
}

/* --- Set operations on keys and items views -------------------------------------------- */

static int all_contained_in(TrValue self, TrValue other)
{
    TrValue it = tr_iter(self);
    if (!it)
        return -1;
    for (;;) {
        TrValue x = tr_next(it);
        if (x == TR_STOP)
            return 1;
        if (!x)
            return -1;
        int c = tr_contains(other, x);
        if (c <= 0)
            return c;
    }
}

static TrValue view_richcmp(TrValue a, TrValue b, int op)
{
    if (!tr_is_anyset(b) && !is_setview(b))
        return TR_NOTIMPL;
    int64_t la = tr_len(a), lb = la >= 0 ? tr_len(b) : -1;
    if (lb < 0)
        return TR_ERR;
    int ok = 0;
    switch (op) {
    case TR_EQ:
    case TR_NE:
        if (la == lb)
            ok = all_contained_in(a, b);
        if (op == TR_NE && ok >= 0)
            ok = !ok;
        break;
    case TR_LT:
        if (la < lb)
            ok = all_contained_in(a, b);
        break;
    case TR_LE:
        if (la <= lb)
            ok = all_contained_in(a, b);
        break;
    case TR_GT:
        if (la > lb)
            ok = all_contained_in(b, a);
        break;
    case TR_GE:
        if (la >= lb)
            ok = all_contained_in(b, a);
        break;
    }
    return ok < 0 ? TR_ERR : tr_bool(ok);
}

/* set(self), through the dict itself for keys views (set's known-hash fast path) */
static TrValue to_set(TrValue self)
{
    TrValue src = self;
    if (is_type(self, &tr_dict_keys_type) && tr_obj(view_dict(self))->type == &tr_dict_type)
        src = view_dict(self);
    TrValue s = tr_set_new();
    if (tr_set_update(s, src) < 0)
        return TR_ERR;
    return s;
}

static TrValue items_xor(TrValue self, TrValue other)
{
    TrValue d2 = view_dict(other);
    TrValue tmp = tr_dict_copy(view_dict(self));
    TrValue result = tr_set_new();
    TrValue key, val2;
    int64_t pos = 0, hash;
    while (tr_dict_next_hash(d2, &pos, &key, &val2, &hash)) {
        TrValue val1 = tr_dict_get_hashed(tmp, key, hash);
        int del = 0;
        if (!val1 && tr_err_occurred())
            return TR_ERR;
        if (val1 && (del = cu_eq(val1, val2)) < 0)
            return TR_ERR;
        if (del) {
            if (tr_dict_del_hashed(tmp, key, hash) < 0)
                return TR_ERR;
        } else if (tr_set_add(result, tr_tuple_pack(2, key, val2)) < 0) {
            return TR_ERR;
        }
    }
    if (tr_set_update(result, cu_dict_items_m(tmp, NULL, 0, 0)) < 0)
        return TR_ERR;
    return result;
}

static TrValue intersect(TrValue self, TrValue other)
{
    if (!is_setview(self)) {
        TrValue t = self;
        self = other;
        other = t;
    }
    int64_t len_self = tr_len(self);
    if (tr_is_ptr(other) && tr_obj(other)->type == &tr_set_type) {
        int64_t lo = tr_len(other);
        if (len_self <= lo)
            return tr_set_intersection(other, self);
    }
    if (is_setview(other) && tr_len(other) > len_self) {
        TrValue t = self;
        self = other;
        other = t;
    }
    TrValue result = tr_set_new();
    TrValue it = tr_iter(other);
    if (!it)
        return TR_ERR;
    bool keys = is_type(self, &tr_dict_keys_type);
    for (;;) {
        TrValue x = tr_next(it);
        if (x == TR_STOP)
            return result;
        if (!x)
            return TR_ERR;
        int c = keys ? keys_contains(self, x) : items_contains(self, x);
        if (c < 0 || (c && tr_set_add(result, x) < 0))
            return TR_ERR;
    }
}

static TrValue view_binop(TrValue a, TrValue b, int op)
{
    if (op >= TR_OP__COUNT)
        return TR_NOTIMPL; /* no in-place forms: a |= b rebinds a to a new set */
    TrValue r;
    switch (op) {
    case TR_OP_AND: return intersect(a, b);
    case TR_OP_OR:
        r = to_set(a);
        if (r && tr_set_update(r, b) < 0)
            return TR_ERR;
        return r;
    case TR_OP_SUB:
        r = to_set(a);
        if (r && tr_set_difference_update(r, b) < 0)
            return TR_ERR;
        return r;
    case TR_OP_XOR:
        if (is_type(a, &tr_dict_items_type) && is_type(b, &tr_dict_items_type))
            return items_xor(a, b);
        r = to_set(a);
        if (r && tr_set_symmetric_difference_update(r, b) < 0)
            return TR_ERR;
        return r;
    default: return TR_NOTIMPL;
    }
}

static TrValue view_isdisjoint(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (cu_no_kwargs("isdisjoint", kw) < 0 || cu_exactly_one("isdisjoint", nargs) < 0)
        return TR_ERR;
    TrValue other = args[0];
    if (self == other)
        return tr_bool(view_len(self) == 0);
    if (tr_is_anyset(other) || is_setview(other)) {
        int64_t lo = tr_len(other);
        if (lo < 0)
            return TR_ERR;
        if (lo > view_len(self)) {
            TrValue t = self;
            self = other;
            other = t;
        }
    }
    TrValue it = tr_iter(other);
    if (!it)
        return TR_ERR;
    for (;;) {
        TrValue x = tr_next(it);
        if (x == TR_STOP)
            return TR_TRUE;
        if (!x)
            return TR_ERR;
        int c = tr_contains(self, x);
        if (c < 0)
            return TR_ERR;
        if (c)
            return TR_FALSE;
    }
}

static TrValue view_mapping(TrValue self)
{
    return view_dict(self);
}

static const TrGetSetDef view_getsets[] = {
    {"mapping", view_mapping, NULL},
    {NULL, NULL, NULL},
};

static const TrMethodDef setview_methods[] = {
    {"isdisjoint", view_isdisjoint, 0},
    {"__reversed__", view_reversed, 0},
    {NULL, NULL, 0},
};

static const TrMethodDef values_methods[] = {
    {"__reversed__", view_reversed, 0},
    {NULL, NULL, 0},
};

TrType tr_dict_keys_type = {
    .ob = {&tr_type_type},
    .name = "dict_keys",
    .base = &tr_object_type,
    .basicsize = sizeof(TrDictView),
    .repr = view_repr,
    .richcmp = view_richcmp,
    .binop = view_binop,
    .len = view_len,
    .contains = keys_contains,
    .iter = keys_iter,
    .methods = setview_methods,
    .getsets = view_getsets,
};

TrType tr_dict_items_type = {
    .ob = {&tr_type_type},
    .name = "dict_items",
    .base = &tr_object_type,
    .basicsize = sizeof(TrDictView),
    .repr = view_repr,
    .richcmp = view_richcmp,
    .binop = view_binop,
    .len = view_len,
    .contains = items_contains,
    .iter = items_iter,
    .methods = setview_methods,
    .getsets = view_getsets,
};

TrType tr_dict_values_type = {
    .ob = {&tr_type_type},
    .name = "dict_values",
    .base = &tr_object_type,
    .basicsize = sizeof(TrDictView),
    .repr = view_repr,
    .hash = values_hash,
    .len = view_len,
    .iter = values_iter,
    .methods = values_methods,
    .getsets = view_getsets,
};
