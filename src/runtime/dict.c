/*
 * dict.c -- the dict type: a compact ordered table (an index of int64 slots into an
 * insertion-ordered entry array) probed as CPython does (perturb >>= 5; i = i*5 + perturb + 1).
 * Entries cache their key's hash; exact str keys compare by pointer, then hash + contents.
 * Views and dict iterators live in dict_views.c.
 */
#include "runtime/dict.h"

#include "runtime/containers_util.h"
#include "runtime/list.h"

#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
#define MINSIZE 8

uint64_t tr_dict_keys_epoch;

static inline void keys_changed(TrDict *d) { d->keys_version = ++tr_dict_keys_epoch; }

/* --- Table ----------------------------------------------------------------------------- */

static int64_t usable_for(int64_t size)
{
    return (size << 1) / 3;
}

static int64_t size_for(int64_t minsize)
{
    int64_t size = MINSIZE;
    while (size < minsize)
        size <<= 1;
    return size;
}

/* Slot for a key known to be absent: the first empty or dummy slot of its probe sequence. */
static int64_t find_empty_slot(const TrDict *d, int64_t hash)
{
    uint64_t mask = (uint64_t)d->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    while (d->index[i] >= 0) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    return (int64_t)i;
}

/* Rebuilds index and entries (compacted) with room for at least `minused` live entries. */
static void dict_resize(TrDict *d, int64_t minsize)
{
    int64_t size = size_for(minsize);
    TrDictEntry *old = d->entries;
    int64_t nold = d->nentries;
    d->mask = size - 1;
    d->cap = usable_for(size);
    d->index = tr_alloc_atomic((size_t)size * sizeof(int64_t));
    memset(d->index, 0xff, (size_t)size * sizeof(int64_t)); /* IX_EMPTY */
    d->entries = tr_alloc((size_t)d->cap * sizeof(TrDictEntry));
    int64_t n = 0;
    for (int64_t k = 0; k < nold; k++) {
        if (!old[k].key)
            continue;
        d->entries[n] = old[k];
        d->index[find_empty_slot(d, old[k].hash)] = n;
        n++;
    }
    d->nentries = n;
    keys_changed(d);
}

static inline bool key_matches(TrValue ek, TrValue key, bool key_is_str)
{
    return key_is_str && cu_is_exact_str(ek) && tr_str_eq(ek, key);
}

/* Entry number of key, -1 if absent, -2 on error (a raising __eq__). */
static int64_t lookup(TrDict *d, TrValue key, int64_t hash)
{
    if (d->used == 0 && d->nentries == 0)
        return -1;
    bool is_str = cu_is_exact_str(key);
restart:;
    uint64_t mask = (uint64_t)d->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        int64_t ix = d->index[i];
        if (ix == IX_EMPTY)
            return -1;
        if (ix >= 0) {
            TrDictEntry *e = &d->entries[ix];
            if (e->key == key)
                return ix;
            if (e->hash == hash) {
                if (is_str && cu_is_exact_str(e->key)) {
                    if (key_matches(e->key, key, true))
                        return ix;
                } else if (!tr_is_small(key) || !tr_is_small(e->key)) {
                    TrValue ek = e->key;
                    int64_t *index = d->index;
                    int c = tr_eq(ek, key);
                    if (c < 0)
                        return -2;
                    if (index != d->index || d->entries[ix].key != ek)
                        goto restart; /* __eq__ changed the dict */
                    if (c)
                        return ix;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Index slot that refers to entry ix (present). */
static int64_t slot_of(const TrDict *d, int64_t hash, int64_t ix)
{
    uint64_t mask = (uint64_t)d->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    while (d->index[i] != ix) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    return (int64_t)i;
}

TrValue tr_dict_new(void)
{
    return tr_val(TR_NEW(TrDict, &tr_dict_type));
}

TrValue tr_dict_new_presized(int64_t n)
{
    TrValue v = tr_dict_new();
    if (n > 5)
        dict_resize(tr_as_dict(v), (n * 3 + 1) / 2);
    return v;
}

int tr_dict_set_hashed(TrValue dv, TrValue key, int64_t hash, TrValue value)
{
    TrDict *d = tr_as_dict(dv);
    int64_t ix = lookup(d, key, hash);
    if (ix == -2)
        return -1;
    d->version++;
    if (ix >= 0) {
        d->entries[ix].value = value;
        return 0;
    }
    if (d->nentries >= d->cap)
        dict_resize(d, d->used * 3);
    int64_t slot = find_empty_slot(d, hash);
    int64_t n = d->nentries++;
    d->entries[n].hash = hash;
    d->entries[n].key = key;
    d->entries[n].value = value;
    d->index[slot] = n;
    d->used++;
    keys_changed(d);
    return 0;
}

TrValue tr_dict_get_hashed(TrValue dv, TrValue key, int64_t hash)
{
    TrDict *d = tr_as_dict(dv);
    int64_t ix = lookup(d, key, hash);
    if (ix < 0)
        return ix == -1 ? 0 : TR_ERR;
    return d->entries[ix].value;
}

/* Removes entry ix (present). */
static void del_entry(TrDict *d, int64_t ix)
{
    TrDictEntry *e = &d->entries[ix];
    d->index[slot_of(d, e->hash, ix)] = IX_DUMMY;
    e->key = 0;
    e->value = 0;
    d->used--;
    d->version++;
    keys_changed(d);
}

int tr_dict_del_hashed(TrValue dv, TrValue key, int64_t hash)
{
    TrDict *d = tr_as_dict(dv);
    int64_t ix = lookup(d, key, hash);
    if (ix == -2)
        return -1;
    if (ix == -1) {
        tr_raise_with(&tr_KeyError, key);
        return -1;
    }
    del_entry(d, ix);
    return 0;
}

/* --- Public lookups -------------------------------------------------------------------- */

TrValue tr_dict_get(TrValue d, TrValue key)
{
    int64_t h = cu_hash(key);
    if (h == -1)
        return TR_ERR;
    return tr_dict_get_hashed(d, key, h);
}

int64_t tr_dict_find_str(TrValue dv, TrValue key)
{
    TrDict *d = tr_as_dict(dv);
    if (d->used == 0)
        return -1;
    int64_t hash = tr_as_str(key)->hash;
    if (TR_UNLIKELY(hash == -1))
        hash = tr_str_hash(key);
    uint64_t mask = (uint64_t)d->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) { /* the fast path: str keys meet str keys */
        int64_t ix = d->index[i];
        if (ix == IX_EMPTY)
            return -1;
        if (ix >= 0) {
            TrDictEntry *e = &d->entries[ix];
            if (e->key == key)
                return ix;
            if (e->hash == hash) {
                if (!cu_is_exact_str(e->key) || !cu_is_exact_str(key))
                    return -2;
                if (tr_str_eq(e->key, key))
                    return ix;
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

TrValue tr_dict_get_str(TrValue dv, TrValue key)
{
    int64_t ix = tr_dict_find_str(dv, key);
    if (TR_LIKELY(ix >= 0))
        return tr_as_dict(dv)->entries[ix].value;
    if (ix == -1)
        return 0;
    return tr_dict_get_hashed(dv, key, tr_str_hash(key));
}

TrValue tr_dict_get_cstr(TrValue d, const char *key)
{
    if (tr_as_dict(d)->used == 0)
        return 0;
    return tr_dict_get_str(d, tr_str_intern_cstr(key));
}

int tr_dict_set(TrValue d, TrValue key, TrValue value)
{
    int64_t h = cu_hash(key);
    if (h == -1)
        return -1;
    return tr_dict_set_hashed(d, key, h, value);
}

int tr_dict_set_cstr(TrValue d, const char *key, TrValue value)
{
    TrValue k = tr_str_intern_cstr(key);
    return tr_dict_set_hashed(d, k, tr_str_hash(k), value);
}

int tr_dict_del(TrValue d, TrValue key)
{
    int64_t h = cu_hash(key);
    if (h == -1)
        return -1;
    return tr_dict_del_hashed(d, key, h);
}

int tr_dict_contains(TrValue d, TrValue key)
{
    int64_t h = cu_hash(key);
    if (h == -1)
        return -1;
    int64_t ix = lookup(tr_as_dict(d), key, h);
    return ix == -2 ? -1 : ix >= 0;
}

bool tr_dict_next_hash(TrValue dv, int64_t *pos, TrValue *key, TrValue *value, int64_t *hash)
{
    TrDict *d = tr_as_dict(dv);
    int64_t i = *pos;
    while (i < d->nentries && !d->entries[i].key)
        i++;
    if (i >= d->nentries) {
        *pos = i;
        return false;
    }
    if (key)
        *key = d->entries[i].key;
    if (value)
        *value = d->entries[i].value;
    if (hash)
        *hash = d->entries[i].hash;
    *pos = i + 1;
    return true;
}

bool tr_dict_next(TrValue d, int64_t *pos, TrValue *key, TrValue *value)
{
    return tr_dict_next_hash(d, pos, key, value, NULL);
}

TrValue tr_dict_copy(TrValue dv)
{
    TrDict *d = tr_as_dict(dv);
    TrValue r = tr_dict_new_presized(d->used);
    for (int64_t i = 0; i < d->nentries; i++) {
        TrDictEntry *e = &d->entries[i];
        if (e->key)
            tr_dict_set_hashed(r, e->key, e->hash, e->value);
    }
    return r;
}

TrValue tr_dict_keys_list(TrValue dv)
{
    TrDict *d = tr_as_dict(dv);
    TrValue l = tr_list_new(d->used);
    for (int64_t i = 0; i < d->nentries; i++)
        if (d->entries[i].key)
            tr_list_append(l, d->entries[i].key);
    return l;
}

/* --- Update and merge ------------------------------------------------------------------ */

static TrValue name_keys;

int tr_dict_merge(TrValue d, TrValue other, bool override)
{
    if (tr_is_dict(other)) {
        TrDict *o = tr_as_dict(other);
        if (other == d || o->used == 0)
            return 0;
        for (int64_t i = 0; i < o->nentries; i++) {
            TrDictEntry e = o->entries[i];
            if (!e.key)
                continue;
            if (!override) {
                int64_t ix = lookup(tr_as_dict(d), e.key, e.hash);
                if (ix == -2)
                    return -1;
                if (ix >= 0) {
                    tr_raise_with(&tr_KeyError, e.key);
                    return -1;
                }
            }
            if (tr_dict_set_hashed(d, e.key, e.hash, e.value) < 0)
                return -1;
        }
        return 0;
    }
    /* a mapping: keys() then [] */
    TrValue keys_fn = tr_getattr_opt(other, cu_name(&name_keys, "keys"));
    if (!keys_fn) {
        if (!tr_err_occurred())
            tr_raise(&tr_TypeError, "'%s' object is not a mapping", tr_type_name(other));
        return -1;
    }
    TrValue keys = tr_call0(keys_fn);
    TrValue it = keys ? tr_iter(keys) : 0;
    if (!it)
        return -1;
    for (;;) {
        TrValue k = tr_next(it);
        if (k == TR_STOP)
            return 0;
        if (!k)
            return -1;
        if (!override) {
            int c = tr_dict_contains(d, k);
            if (c < 0)
                return -1;
            if (c) {
                tr_raise_with(&tr_KeyError, k);
                return -1;
            }
        }
        TrValue v = tr_getitem(other, k);
        if (!v || tr_dict_set(d, k, v) < 0)
            return -1;
    }
}

/* dict.update(iterable of pairs), with CPython's messages for malformed elements */
static int update_from_pairs(TrValue d, TrValue pairs)
{
    TrValue it = tr_iter(pairs);
    if (!it)
        return -1;
    for (int64_t n = 0;; n++) {
        TrValue item = tr_next(it);
        if (item == TR_STOP)
            return 0;
        if (!item)
            return -1;
        TrValue seq = item;
        if (!tr_is_tuple(item) && !tr_is_list(item)) {
            seq = tr_list_from_iter(item);
            if (!seq) {
                if (tr_err_matches(&tr_TypeError)) {
                    tr_err_clear();
                    tr_raise(&tr_TypeError,
                             "cannot convert dictionary update sequence element "
                             "#%lld to a sequence",
                             (long long)n);
                }
                return -1;
            }
        }
        int64_t len = tr_is_tuple(seq) ? tr_as_tuple(seq)->len : tr_as_list(seq)->len;
        const TrValue *kv = tr_is_tuple(seq) ? tr_as_tuple(seq)->items : tr_as_list(seq)->items;
        if (len != 2) {
            tr_raise(&tr_ValueError,
                     "dictionary update sequence element #%lld has length %lld; "
                     "2 is required",
                     (long long)n, (long long)len);
            return -1;
        }
        if (tr_dict_set(d, kv[0], kv[1]) < 0)
            return -1;
    }
}

int tr_dict_update(TrValue d, TrValue other)
{
    if (tr_is_dict(other))
        return tr_dict_merge(d, other, true);
    TrValue keys_fn = tr_getattr_opt(other, cu_name(&name_keys, "keys"));
    if (keys_fn)
        return tr_dict_merge(d, other, true);
    if (tr_err_occurred())
        return -1;
    return update_from_pairs(d, other);
}

/* update(self, [other], **kwargs): shared by dict(), dict.update */
static int update_args(TrValue d, const char *name, const TrValue *args, size_t nargs,
                       TrValue kwnames)
{
    if (cu_nargs(name, nargs, 0, 1) < 0)
        return -1;
    if (nargs && tr_dict_update(d, args[0]) < 0)
        return -1;
    size_t nkw = tr_nkw(kwnames);
    for (size_t i = 0; i < nkw; i++)
        if (tr_dict_set(d, tr_as_tuple(kwnames)->items[i], args[nargs + i]) < 0)
            return -1;
    return 0;
}

/* --- Slots ----------------------------------------------------------------------------- */

static TrValue dict_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    size_t size = type->basicsize > sizeof(TrDict) ? type->basicsize : sizeof(TrDict);
    TrValue d = tr_val(tr_obj_new(size, type));
    if (type != &tr_dict_type)
        return d; /* a subclass: filled by dict.__init__, as in CPython */
    if (update_args(d, "dict", args, nargs, kwnames) < 0)
        return TR_ERR;
    return d;
}

static TrValue dict_repr(TrValue self)
{
    TrDict *d = tr_as_dict(self);
    if (d->used == 0)
        return tr_str_from_cstr("{}");
    int r = tr_repr_enter(self);
    if (r != 0)
        return r > 0 ? tr_str_from_cstr("{...}") : TR_ERR;
    TrStrBuilder b;
    tr_sbuild_init(&b);
    tr_sbuild_char(&b, '{');
    bool first = true;
    for (int64_t i = 0; i < d->nentries; i++) {
        TrDictEntry e = d->entries[i];
        if (!e.key)
            continue;
        if (!first)
            tr_sbuild_ascii(&b, ", ", 2);
        first = false;
        TrValue ks = tr_repr(e.key);
        TrValue vs = ks ? tr_repr(e.value) : 0;
        if (!vs) {
            tr_repr_leave(self);
            return TR_ERR;
        }
        tr_sbuild_str(&b, ks);
        tr_sbuild_ascii(&b, ": ", 2);
        tr_sbuild_str(&b, vs);
    }
    tr_repr_leave(self);
    tr_sbuild_char(&b, '}');
    return tr_sbuild_finish(&b);
}

static int dict_equal(TrValue a, TrValue b)
{
    TrDict *x = tr_as_dict(a), *y = tr_as_dict(b);
    if (x->used != y->used)
        return 0;
    for (int64_t i = 0; i < x->nentries; i++) {
        TrDictEntry e = x->entries[i];
        if (!e.key)
            continue;
        TrValue bv = tr_dict_get_hashed(b, e.key, e.hash);
        if (!bv)
            return tr_err_occurred() ? -1 : 0;
        int c = cu_eq(e.value, bv);
        if (c <= 0)
            return c;
    }
    return 1;
}

static TrValue dict_richcmp(TrValue a, TrValue b, int op)
{
    if (!tr_is_dict(a) || !tr_is_dict(b) || (op != TR_EQ && op != TR_NE))
        return TR_NOTIMPL;
    int c = dict_equal(a, b);
    if (c < 0)
        return TR_ERR;
    return tr_bool((c == 1) == (op == TR_EQ));
}

static TrValue dict_binop(TrValue a, TrValue b, int op)
{
    if (op == TR_OP_OR) {
        if (!tr_is_dict(a) || !tr_is_dict(b))
            return TR_NOTIMPL;
        TrValue r = tr_dict_copy(a);
        if (tr_dict_merge(r, b, true) < 0)
            return TR_ERR;
        return r;
    }
    if (op == TR_OP_INPLACE(TR_OP_OR) && tr_is_dict(a)) {
        if (tr_dict_update(a, b) < 0)
            return TR_ERR;
        return a;
    }
    return TR_NOTIMPL;
}

static int64_t dict_len(TrValue self)
{
    return tr_as_dict(self)->used;
}

static TrValue name_missing;

static TrValue dict_getitem(TrValue self, TrValue key)
{
    TrValue v = tr_dict_get(self, key);
    if (v)
        return v;
    if (tr_err_occurred())
        return TR_ERR;
    if (tr_obj(self)->type != &tr_dict_type) {
        TrValue m = tr_type_lookup(tr_obj(self)->type, cu_name(&name_missing, "__missing__"));
        if (m) {
            TrValue args[2] = {self, key};
            return tr_call(m, args, 2, 0);
        }
    }
    return tr_raise_with(&tr_KeyError, key);
}

static int dict_setitem(TrValue self, TrValue key, TrValue value)
{
    return value ? tr_dict_set(self, key, value) : tr_dict_del(self, key);
}

static int dict_contains_slot(TrValue self, TrValue key)
{
    return tr_dict_contains(self, key);
}

/* --- Methods --------------------------------------------------------------------------- */

#define METHOD(name)                                                                               \
    static TrValue name(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames)

METHOD(dict_get_m)
{
    if (cu_no_kwargs("dict.get", kwnames) < 0 || cu_nargs("get", nargs, 1, 2) < 0)
        return TR_ERR;
    TrValue v = tr_dict_get(self, args[0]);
    if (v == TR_ERR && tr_err_occurred())
        return TR_ERR;
    return v ? v : (nargs > 1 ? args[1] : TR_NONE);
}

METHOD(dict_setdefault_m)
{
    if (cu_no_kwargs("dict.setdefault", kwnames) < 0 || cu_nargs("setdefault", nargs, 1, 2) < 0)
        return TR_ERR;
    int64_t h = cu_hash(args[0]);
    if (h == -1)
        return TR_ERR;
    TrValue v = tr_dict_get_hashed(self, args[0], h);
    if (v)
        return v;
    if (tr_err_occurred())
        return TR_ERR;
    TrValue dflt = nargs > 1 ? args[1] : TR_NONE;
    if (tr_dict_set_hashed(self, args[0], h, dflt) < 0)
        return TR_ERR;
    return dflt;
}

METHOD(dict_pop_m)
{
    if (cu_no_kwargs("dict.pop", kwnames) < 0 || cu_nargs("pop", nargs, 1, 2) < 0)
        return TR_ERR;
    TrDict *d = tr_as_dict(self);
    int64_t h = cu_hash(args[0]);
    if (h == -1)
        return TR_ERR;
    int64_t ix = lookup(d, args[0], h);
    if (ix == -2)
        return TR_ERR;
    if (ix == -1) {
        if (nargs > 1)
            return args[1];
        return tr_raise_with(&tr_KeyError, args[0]);
    }
    TrValue v = d->entries[ix].value;
    del_entry(d, ix);
    return v;
}

METHOD(dict_popitem_m)
{
    if (cu_no_kwargs("dict.popitem", kwnames) < 0 || cu_no_args("dict.popitem", nargs) < 0)
        return TR_ERR;
    TrDict *d = tr_as_dict(self);
    if (d->used == 0)
        return tr_raise(&tr_KeyError, "popitem(): dictionary is empty");
    int64_t i = d->nentries - 1;
    while (!d->entries[i].key)
        i--;
    TrValue r = tr_tuple_pack(2, d->entries[i].key, d->entries[i].value);
    del_entry(d, i);
    d->nentries = i; /* LIFO: the freed tail is reused, as in CPython */
    return r;
}

METHOD(dict_update_m)
{
    return update_args(self, "update", args, nargs, kwnames) < 0 ? TR_ERR : TR_NONE;
}

METHOD(dict_copy_m)
{
    if (cu_no_kwargs("dict.copy", kwnames) < 0 || cu_no_args("dict.copy", nargs) < 0)
        return TR_ERR;
    return tr_dict_copy(self);
}

METHOD(dict_clear_m)
{
    if (cu_no_kwargs("dict.clear", kwnames) < 0 || cu_no_args("dict.clear", nargs) < 0)
        return TR_ERR;
    TrDict *d = tr_as_dict(self);
    d->used = d->nentries = d->cap = d->mask = 0;
    d->index = NULL;
    d->entries = NULL;
    d->version++;
    keys_changed(d);
    return TR_NONE;
}

/* classmethod: self is the class */
METHOD(dict_fromkeys_m)
{
    if (cu_no_kwargs("dict.fromkeys", kwnames) < 0 || cu_nargs("fromkeys", nargs, 1, 2) < 0)
        return TR_ERR;
    TrValue value = nargs > 1 ? args[1] : TR_NONE;
    TrValue d = tr_call0(self);
    if (!d)
        return TR_ERR;
    bool fast = tr_is_ptr(d) && tr_obj(d)->type == &tr_dict_type;
    TrValue it = tr_iter(args[0]);
    if (!it)
        return TR_ERR;
    for (;;) {
        TrValue k = tr_next(it);
        if (k == TR_STOP)
            return d;
        if (!k)
            return TR_ERR;
        if ((fast ? tr_dict_set(d, k, value) : tr_setitem(d, k, value)) < 0)
            return TR_ERR;
    }
}

METHOD(dict_contains_m)
{
    if (cu_no_kwargs("dict.__contains__", kwnames) < 0 ||
        cu_exactly_one("dict.__contains__", nargs) < 0)
        return TR_ERR;
    int c = tr_dict_contains(self, args[0]);
    return c < 0 ? TR_ERR : tr_bool(c);
}

METHOD(dict_getitem_m)
{
    if (cu_no_kwargs("dict.__getitem__", kwnames) < 0 ||
        cu_exactly_one("dict.__getitem__", nargs) < 0)
        return TR_ERR;
    return dict_getitem(self, args[0]);
}

METHOD(dict_init_m)
{
    return update_args(self, "dict", args, nargs, kwnames) < 0 ? TR_ERR : TR_NONE;
}

static const TrMethodDef dict_methods[] = {
    {"get", dict_get_m, 0},
    {"setdefault", dict_setdefault_m, 0},
    {"pop", dict_pop_m, 0},
    {"popitem", dict_popitem_m, 0},
    {"update", dict_update_m, 0},
    {"keys", cu_dict_keys_m, 0},
    {"values", cu_dict_values_m, 0},
    {"items", cu_dict_items_m, 0},
    {"copy", dict_copy_m, 0},
    {"clear", dict_clear_m, 0},
    {"fromkeys", dict_fromkeys_m, TR_METH_CLASS},
    {"__contains__", dict_contains_m, 0},
    {"__getitem__", dict_getitem_m, 0},
    {"__reversed__", cu_dict_reversed_m, 0},
    {"__init__", dict_init_m, 0},
    {"__class_getitem__", cu_class_getitem, TR_METH_CLASS},
    {NULL, NULL, 0},
};

TrType tr_dict_type = {
    .ob = {&tr_type_type},
    .name = "dict",
    .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE | TR_TYPE_DICT_SUB,
    .basicsize = sizeof(TrDict),
    .repr = dict_repr,
    .richcmp = dict_richcmp,
    .binop = dict_binop,
    .len = dict_len,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .contains = dict_contains_slot,
    .iter = cu_dict_iter,
    .new = dict_new,
    .methods = dict_methods,
};
