/*
 * set.c -- set and frozenset: the hash table of CPython 3.11's setobject.c (size 8, growth at
 * 3/5 fill, 9 linear probes before perturbed jumps, the last dummy reused on insert), so that
 * iteration order and printed output equal CPython's for deterministic hashes. Also the type
 * slots, the set iterator and the frozenset hash. The set algebra is in set_ops.c.
 */
#include "runtime/set_impl.h"

#include "runtime/dict.h"
#include "runtime/list.h"

#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

typedef struct TrSetIter {
    TrObject ob;
    TrValue set; /* 0 once exhausted */
    int64_t pos, used, len;
} TrSetIter;

TrType tr_set_iter_type;

/* --- Table ----------------------------------------------------------------------------- */

static void set_init_table(TrSet *s)
{
    s->table = tr_alloc(MINSIZE * sizeof(TrSetEntry));
    s->mask = MINSIZE - 1;
    s->fill = s->used = 0;
}

static void insert_clean(TrSetEntry *table, uint64_t mask, TrValue key, int64_t hash)
{
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        TrSetEntry *e = &table[i];
        if (!e->key)
            goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (!e->key)
                    goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

int set_table_resize(TrValue sv, int64_t minused)
{
    TrSet *s = as_set(sv);
    int64_t newsize = MINSIZE;
    while (newsize <= minused)
        newsize <<= 1;
    TrSetEntry *old = s->table;
    int64_t oldmask = s->mask;
    s->table = tr_alloc((size_t)newsize * sizeof(TrSetEntry));
    s->mask = newsize - 1;
    s->fill = s->used;
    for (int64_t i = 0; i <= oldmask; i++)
        if (is_live(old[i].key))
            insert_clean(s->table, (uint64_t)s->mask, old[i].key, old[i].hash);
    return 0;
}

static inline int keys_equal(TrValue a, TrValue b)
{
    if (cu_is_exact_str(a) && cu_is_exact_str(b))
        return tr_str_eq(a, b);
    if (tr_is_small(a) && tr_is_small(b))
        return 0;
    return tr_eq(a, b);
}

int set_add_entry(TrValue sv, TrValue key, int64_t hash)
{
    TrSet *s = as_set(sv);
restart:;
    uint64_t mask = (uint64_t)s->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    TrSetEntry *freeslot = NULL, *e;
    for (;;) {
        e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && !e->key)
                goto found_unused_or_dummy;
            if (e->hash == hash) {
                TrValue start = e->key;
                if (start == key)
                    return 0;
                TrSetEntry *table = s->table;
                int c = keys_equal(start, key);
                if (c > 0)
                    return 0;
                if (c < 0)
                    return -1;
                if (table != s->table || e->key != start)
                    goto restart;
                mask = (uint64_t)s->mask;
            } else if (e->hash == -1) {
                freeslot = e; /* CPython 3.11 keeps the last dummy seen */
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot) {
        s->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    s->fill++;
    s->used++;
    e->key = key;
    e->hash = hash;
    if ((uint64_t)s->fill * 5 < mask * 3)
        return 0;
    return set_table_resize(sv, s->used > 50000 ? s->used * 2 : s->used * 4);
}

/* The entry holding key, or an unused entry if absent; NULL on error. */
static TrSetEntry *lookkey(TrValue sv, TrValue key, int64_t hash)
{
    TrSet *s = as_set(sv);
restart:;
    uint64_t mask = (uint64_t)s->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        TrSetEntry *e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && !e->key)
                return e;
            if (e->hash == hash) {
                TrValue start = e->key;
                if (start == key)
                    return e;
                TrSetEntry *table = s->table;
                int c = keys_equal(start, key);
                if (c < 0)
                    return NULL;
                if (table != s->table || e->key != start)
                    goto restart;
                if (c > 0)
                    return e;
                mask = (uint64_t)s->mask;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

int set_add_key(TrValue s, TrValue key)
{
    int64_t h = cu_hash(key);
    if (h == -1)
        return -1;
    return set_add_entry(s, key, h);
}

int set_contains_entry(TrValue s, TrValue key, int64_t hash)
{
    TrSetEntry *e = lookkey(s, key, hash);
    if (!e)
        return -1;
    return e->key != 0;
}

int set_contains_key(TrValue s, TrValue key)
{
    int64_t h = cu_hash(key);
    if (h == -1)
        return -1;
    return set_contains_entry(s, key, h);
}

int set_discard_entry(TrValue s, TrValue key, int64_t hash)
{
    TrSetEntry *e = lookkey(s, key, hash);
    if (!e)
        return -1;
    if (!e->key)
        return 0;
    e->key = SET_DUMMY;
    e->hash = -1;
    as_set(s)->used--;
    return 1;
}

int set_discard_key(TrValue s, TrValue key)
{
    int64_t h = cu_hash(key);
    if (h == -1)
        return -1;
    return set_discard_entry(s, key, h);
}

void set_clear_internal(TrValue s)
{
    set_init_table(as_set(s));
}

void set_swap_bodies(TrValue av, TrValue bv)
{
    TrSet *a = as_set(av), *b = as_set(bv);
    TrSet t = *a;
    a->used = b->used;
    a->fill = b->fill;
    a->mask = b->mask;
    a->table = b->table;
    a->hash = b->hash;
    b->used = t.used;
    b->fill = t.fill;
    b->mask = t.mask;
    b->table = t.table;
    b->hash = t.hash;
}

bool set_next_entry(TrValue sv, int64_t *pos, TrSetEntry **entry)
{
    TrSet *s = as_set(sv);
    int64_t i = *pos;
    while (i <= s->mask && !is_live(s->table[i].key))
        i++;
    *pos = i + 1;
    if (i > s->mask)
        return false;
    *entry = &s->table[i];
    return true;
}

static int set_merge(TrValue sv, TrValue ov)
{
    TrSet *s = as_set(sv), *o = as_set(ov);
    if (sv == ov || o->used == 0)
        return 0;
    /* one big resize first, expecting few overlapping keys */
    if ((s->fill + o->used) * 5 >= s->mask * 3)
        set_table_resize(sv, (s->used + o->used) * 2);
    if (s->fill == 0 && s->mask == o->mask && o->fill == o->used) {
        /* same size, no dummies: copy slot by slot */
        for (int64_t i = 0; i <= o->mask; i++)
            if (o->table[i].key)
                s->table[i] = o->table[i];
        s->fill = o->fill;
        s->used = o->used;
        return 0;
    }
    if (s->fill == 0) {
        s->fill = s->used = o->used;
        for (int64_t i = 0; i <= o->mask; i++)
            if (is_live(o->table[i].key))
                insert_clean(s->table, (uint64_t)s->mask, o->table[i].key, o->table[i].hash);
        return 0;
    }
    for (int64_t i = 0; i <= o->mask; i++) {
        TrSetEntry e = o->table[i];
        if (is_live(e.key) && set_add_entry(sv, e.key, e.hash) < 0)
            return -1;
    }
    return 0;
}

int set_update_internal(TrValue s, TrValue other)
{
    if (tr_is_anyset(other))
        return set_merge(s, other);
    if (tr_is_ptr(other) && tr_obj(other)->type == &tr_dict_type) {
        int64_t n = tr_as_dict(other)->used;
        TrSet *so = as_set(s);
        if ((so->fill + n) * 5 >= so->mask * 3)
            set_table_resize(s, (so->used + n) * 2);
        int64_t pos = 0, hash;
        TrValue key;
        while (tr_dict_next_hash(other, &pos, &key, NULL, &hash))
            if (set_add_entry(s, key, hash) < 0)
                return -1;
        return 0;
    }
    TrValue it = tr_iter(other);
    if (!it)
        return -1;
    for (;;) {
        TrValue k = tr_next(it);
        if (k == TR_STOP)
            return 0;
        if (!k || set_add_key(s, k) < 0)
            return -1;
    }
}

/* --- Construction ---------------------------------------------------------------------- */

TrValue set_make(TrType *type, TrValue iterable)
{
    size_t size = type->basicsize > sizeof(TrSet) ? type->basicsize : sizeof(TrSet);
    TrSet *s = tr_obj_new(size, type);
    set_init_table(s);
    s->hash = -1;
    TrValue v = tr_val(s);
    if (iterable && set_update_internal(v, iterable) < 0)
        return TR_ERR;
    return v;
}

static TrType *base_type(TrValue s)
{
    return tr_type_is_subtype(tr_type_of(s), &tr_set_type) ? &tr_set_type : &tr_frozenset_type;
}

TrValue set_copy_of(TrValue s)
{
    return set_make(base_type(s), s);
}

bool tr_is_anyset(TrValue v)
{
    if (!tr_is_ptr(v))
        return false;
    TrType *t = tr_obj(v)->type;
    if (t == &tr_set_type || t == &tr_frozenset_type)
        return true;
    return (t->flags & TR_TYPE_HEAP) &&
           (tr_type_is_subtype(t, &tr_set_type) || tr_type_is_subtype(t, &tr_frozenset_type));
}

TrValue tr_set_new(void)
{
    return set_make(&tr_set_type, 0);
}

TrValue tr_frozenset_new(TrValue iterable)
{
    if (iterable && tr_is_ptr(iterable) && tr_obj(iterable)->type == &tr_frozenset_type)
        return iterable;
    return set_make(&tr_frozenset_type, iterable);
}

int tr_set_add(TrValue s, TrValue key)
{
    return set_add_key(s, key);
}
int tr_set_contains(TrValue s, TrValue key)
{
    return set_contains_frozen_fallback(s, key);
}
int tr_set_update(TrValue s, TrValue iterable)
{
    return set_update_internal(s, iterable);
}

bool tr_set_next(TrValue s, int64_t *pos, TrValue *key)
{
    TrSetEntry *e;
    if (!set_next_entry(s, pos, &e))
        return false;
    *key = e->key;
    return true;
}

static bool is_real_set(TrValue v)
{
    return tr_is_ptr(v) && tr_type_is_subtype(tr_obj(v)->type, &tr_set_type);
}

int set_contains_frozen_fallback(TrValue s, TrValue key)
{
    int rv = set_contains_key(s, key);
    if (rv < 0 && is_real_set(key) && tr_err_matches(&tr_TypeError)) {
        tr_err_clear();
        TrValue tmp = set_make(&tr_frozenset_type, key);
        if (!tmp)
            return -1;
        rv = set_contains_key(s, tmp);
    }
    return rv;
}

static TrValue set_new_slot(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    bool frozen = tr_type_is_subtype(type, &tr_frozenset_type);
    const char *name = frozen ? "frozenset" : "set";
    if ((type == &tr_set_type || type == &tr_frozenset_type) && cu_no_kwargs(name, kwnames) < 0)
        return TR_ERR;
    if (!frozen && type != &tr_set_type)
        return set_make(type, 0); /* a set subclass: filled by set.__init__, as in CPython */
    if (cu_nargs(name, nargs, 0, 1) < 0)
        return TR_ERR;
    if (type == &tr_frozenset_type)
        return tr_frozenset_new(nargs ? args[0] : 0);
    return set_make(type, nargs ? args[0] : 0);
}

/* --- Slots ----------------------------------------------------------------------------- */

static TrValue set_repr(TrValue self)
{
    TrSet *s = as_set(self);
    bool exact = tr_obj(self)->type == &tr_set_type;
    if (s->used == 0)
        return tr_str_fmt("%s()", tr_type_name(self));
    int r = tr_repr_enter(self);
    if (r != 0)
        return r > 0 ? tr_str_fmt("%s(...)", tr_type_name(self)) : TR_ERR;
    TrValue keys = tr_list_new(s->used);
    int64_t pos = 0;
    TrSetEntry *e;
    while (set_next_entry(self, &pos, &e))
        tr_list_append(keys, e->key);
    TrStrBuilder b;
    tr_sbuild_init(&b);
    if (!exact) {
        tr_sbuild_ascii(&b, tr_type_name(self), strlen(tr_type_name(self)));
        tr_sbuild_char(&b, '(');
    }
    tr_sbuild_char(&b, '{');
    int rc = cu_repr_items(&b, tr_as_list(keys)->items, tr_as_list(keys)->len);
    tr_repr_leave(self);
    if (rc < 0)
        return TR_ERR;
    tr_sbuild_char(&b, '}');
    if (!exact)
        tr_sbuild_char(&b, ')');
    return tr_sbuild_finish(&b);
}

static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

/* CPython 3.11 frozenset_hash: xor of shuffled entry hashes over the whole table. */
static int64_t frozenset_hash(TrValue self)
{
    TrSet *s = as_set(self);
    if (s->hash != -1)
        return s->hash;
    uint64_t hash = 0;
    for (int64_t i = 0; i <= s->mask; i++)
        hash ^= shuffle_bits((uint64_t)s->table[i].hash);
    if ((s->mask + 1 - s->fill) & 1) /* remove the effect of an odd number of NULL entries */
        hash ^= shuffle_bits(0);
    if ((s->fill - s->used) & 1) /* ... and of dummies */
        hash ^= shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)s->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1)
        hash = 590923713UL;
    s->hash = (int64_t)hash;
    return s->hash;
}

static int64_t set_len(TrValue self)
{
    return as_set(self)->used;
}

static int set_contains_slot(TrValue self, TrValue key)
{
    return set_contains_frozen_fallback(self, key);
}

static TrValue set_iter(TrValue self)
{
    TrSetIter *it = TR_NEW(TrSetIter, &tr_set_iter_type);
    it->set = self;
    it->used = as_set(self)->used;
    it->len = it->used;
    return tr_val(it);
}

TrType tr_set_type = {
    .ob = {&tr_type_type},
    .name = "set",
    .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE,
    .basicsize = sizeof(TrSet),
    .repr = set_repr,
    .richcmp = set_richcmp,
    .binop = set_binop,
    .len = set_len,
    .contains = set_contains_slot,
    .iter = set_iter,
    .new = set_new_slot,
    .methods = set_methods,
};

TrType tr_frozenset_type = {
    .ob = {&tr_type_type},
    .name = "frozenset",
    .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE,
    .basicsize = sizeof(TrSet),
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcmp = set_richcmp,
    .binop = set_binop,
    .len = set_len,
    .contains = set_contains_slot,
    .iter = set_iter,
    .new = set_new_slot,
    .methods = frozenset_methods,
};

/* --- set_iterator ---------------------------------------------------------------------- */

static TrValue set_iter_next(TrValue self)
{
    TrSetIter *it = (TrSetIter *)tr_obj(self);
    if (!it->set)
        return TR_STOP;
    TrSet *s = as_set(it->set);
    if (it->used != s->used) {
        it->used = -1;
        return tr_raise(&tr_RuntimeError, "Set changed size during iteration");
    }
    int64_t i = it->pos;
    while (i <= s->mask && !is_live(s->table[i].key))
        i++;
    it->pos = i + 1;
    if (i > s->mask) {
        it->set = 0;
        return TR_STOP;
    }
    it->len--;
    return s->table[i].key;
}

static TrValue set_iter_length_hint(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    TrSetIter *it = (TrSetIter *)tr_obj(self);
    return tr_small_new(it->set && it->used == as_set(it->set)->used ? it->len : 0);
}

static const TrMethodDef set_iter_methods[] = {
    {"__length_hint__", set_iter_length_hint, 0},
    {NULL, NULL, 0},
};

TrType tr_set_iter_type = {
    .ob = {&tr_type_type},
    .name = "set_iterator",
    .base = &tr_object_type,
    .basicsize = sizeof(TrSetIter),
    .repr = cu_default_repr,
    .iter = cu_iter_self,
    .next = set_iter_next,
    .methods = set_iter_methods,
};
