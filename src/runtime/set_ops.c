/*
 * set_ops.c -- the set algebra (union, intersection, difference, symmetric difference, subset
 * tests) with CPython 3.11's choices of which operand to iterate and which table to copy, so
 * results print in CPython's order; plus the set/frozenset methods and operators.
 */
#include "runtime/set_impl.h"

#include "runtime/dict.h"

#include <stdio.h>

static bool is_exact_dict(TrValue v)
{
    return tr_is_ptr(v) && tr_obj(v)->type == &tr_dict_type;
}

static const char *qual(TrValue self, const char *meth)
{
    static char buf[64];
    snprintf(buf, sizeof buf, "%s.%s",
             tr_type_is_subtype(tr_type_of(self), &tr_set_type) ? "set" : "frozenset", meth);
    return buf;
}

/* --- The algebra ----------------------------------------------------------------------- */

static TrValue intersection(TrValue so, TrValue other)
{
    if (so == other)
        return set_copy_of(so);
    TrValue result = set_make(
        tr_type_is_subtype(tr_type_of(so), &tr_set_type) ? &tr_set_type : &tr_frozenset_type, 0);
    if (tr_is_anyset(other)) {
        if (as_set(other)->used > as_set(so)->used) {
            TrValue t = so;
            so = other;
            other = t;
        }
        int64_t pos = 0;
        TrSetEntry *e;
        while (set_next_entry(other, &pos, &e)) {
            TrValue key = e->key;
            int64_t hash = e->hash;
            int rv = set_contains_entry(so, key, hash);
            if (rv < 0 || (rv && set_add_entry(result, key, hash) < 0))
                return TR_ERR;
        }
        return result;
    }
    TrValue it = tr_iter(other);
    if (!it)
        return TR_ERR;
    for (;;) {
        TrValue key = tr_next(it);
        if (key == TR_STOP)
            return result;
        if (!key)
            return TR_ERR;
        int64_t hash = cu_hash(key);
        if (hash == -1)
            return TR_ERR;
        int rv = set_contains_entry(so, key, hash);
        if (rv < 0 || (rv && set_add_entry(result, key, hash) < 0))
            return TR_ERR;
    }
}

TrValue tr_set_intersection(TrValue s, TrValue other)
{
    return intersection(s, other);
}

static int difference_update(TrValue so, TrValue other)
{
    if (so == other) {
        set_clear_internal(so);
        return 0;
    }
    if (tr_is_anyset(other)) {
        int64_t pos = 0;
        TrSetEntry *e;
        while (set_next_entry(other, &pos, &e))
            if (set_discard_entry(so, e->key, e->hash) < 0)
                return -1;
    } else {
        TrValue it = tr_iter(other);
        if (!it)
            return -1;
        for (;;) {
            TrValue key = tr_next(it);
            if (key == TR_STOP)
                break;
            if (!key || set_discard_key(so, key) < 0)
                return -1;
        }
    }
    TrSet *s = as_set(so);
    if ((uint64_t)(s->fill - s->used) <= (uint64_t)s->mask / 4)
        return 0; /* resize only when more than 1/4 are dummies */
    return set_table_resize(so, s->used > 50000 ? s->used * 2 : s->used * 4);
}

int tr_set_difference_update(TrValue s, TrValue other)
{
    return difference_update(s, other);
}

static TrValue copy_and_difference(TrValue so, TrValue other)
{
    TrValue r = set_copy_of(so);
    if (!r || difference_update(r, other) < 0)
        return TR_ERR;
    return r;
}

static TrValue difference(TrValue so, TrValue other)
{
    int64_t other_size;
    if (tr_is_anyset(other))
        other_size = as_set(other)->used;
    else if (is_exact_dict(other))
        other_size = tr_as_dict(other)->used;
    else
        return copy_and_difference(so, other);
    if ((as_set(so)->used >> 2) > other_size)
        return copy_and_difference(so, other);
    TrValue result = set_make(
        tr_type_is_subtype(tr_type_of(so), &tr_set_type) ? &tr_set_type : &tr_frozenset_type, 0);
    int64_t pos = 0;
    TrSetEntry *e;
    bool dict = is_exact_dict(other);
    while (set_next_entry(so, &pos, &e)) {
        TrValue key = e->key;
        int64_t hash = e->hash;
        int rv;
        if (dict) {
            TrValue v = tr_dict_get_hashed(other, key, hash);
            rv = v ? 1 : tr_err_occurred() ? -1 : 0;
        } else {
            rv = set_contains_entry(other, key, hash);
        }
        if (rv < 0 || (!rv && set_add_entry(result, key, hash) < 0))
            return TR_ERR;
    }
    return result;
}

static int symmetric_difference_update(TrValue so, TrValue other)
{
    if (so == other) {
        set_clear_internal(so);
        return 0;
    }
    if (is_exact_dict(other)) {
        int64_t pos = 0, hash;
        TrValue key;
        while (tr_dict_next_hash(other, &pos, &key, NULL, &hash)) {
            int rv = set_discard_entry(so, key, hash);
            if (rv < 0 || (rv == 0 && set_add_entry(so, key, hash) < 0))
                return -1;
        }
        return 0;
    }
    TrValue oset = other;
    if (!tr_is_anyset(other)) {
        oset = set_make(tr_type_is_subtype(tr_type_of(so), &tr_set_type) ? &tr_set_type
                                                                         : &tr_frozenset_type,
                        other);
        if (!oset)
            return -1;
    }
    int64_t pos = 0;
    TrSetEntry *e;
    while (set_next_entry(oset, &pos, &e)) {
        TrValue key = e->key;
        int64_t hash = e->hash;
        int rv = set_discard_entry(so, key, hash);
        if (rv < 0 || (rv == 0 && set_add_entry(so, key, hash) < 0))
            return -1;
    }
    return 0;
}

int tr_set_symmetric_difference_update(TrValue s, TrValue other)
{
    return symmetric_difference_update(s, other);
}

int tr_set_discard(TrValue s, TrValue key)
{
    return set_discard_key(s, key);
}

static TrValue symmetric_difference(TrValue so, TrValue other)
{
    TrValue r = set_make(tr_type_is_subtype(tr_type_of(so), &tr_set_type) ? &tr_set_type
                                                                          : &tr_frozenset_type,
                         other);
    if (!r || symmetric_difference_update(r, so) < 0)
        return TR_ERR;
    return r;
}

static int issubset(TrValue so, TrValue other)
{
    if (!tr_is_anyset(other)) {
        TrValue tmp = set_make(&tr_set_type, other);
        if (!tmp)
            return -1;
        other = tmp;
    }
    if (as_set(so)->used > as_set(other)->used)
        return 0;
    int64_t pos = 0;
    TrSetEntry *e;
    while (set_next_entry(so, &pos, &e)) {
        int rv = set_contains_entry(other, e->key, e->hash);
        if (rv <= 0)
            return rv;
    }
    return 1;
}

static int issuperset(TrValue so, TrValue other)
{
    if (tr_is_anyset(other))
        return issubset(other, so);
    TrValue it = tr_iter(other);
    if (!it)
        return -1;
    for (;;) {
        TrValue key = tr_next(it);
        if (key == TR_STOP)
            return 1;
        if (!key)
            return -1;
        int rv = set_contains_key(so, key);
        if (rv <= 0)
            return rv;
    }
}

static int isdisjoint(TrValue so, TrValue other)
{
    if (so == other)
        return as_set(so)->used == 0;
    if (tr_is_anyset(other)) {
        if (as_set(other)->used > as_set(so)->used) {
            TrValue t = so;
            so = other;
            other = t;
        }
        int64_t pos = 0;
        TrSetEntry *e;
        while (set_next_entry(other, &pos, &e)) {
            int rv = set_contains_entry(so, e->key, e->hash);
            if (rv != 0)
                return rv < 0 ? -1 : 0;
        }
        return 1;
    }
    TrValue it = tr_iter(other);
    if (!it)
        return -1;
    for (;;) {
        TrValue key = tr_next(it);
        if (key == TR_STOP)
            return 1;
        if (!key)
            return -1;
        int rv = set_contains_key(so, key);
        if (rv != 0)
            return rv < 0 ? -1 : 0;
    }
}

/* --- Operators ------------------------------------------------------------------------- */

TrValue set_binop(TrValue a, TrValue b, int op)
{
    if (!tr_is_anyset(a) || !tr_is_anyset(b))
        return TR_NOTIMPL;
    bool inplace = op >= TR_OP__COUNT;
    if (inplace && !tr_type_is_subtype(tr_type_of(a), &tr_set_type))
        return TR_NOTIMPL; /* frozenset: a |= b rebinds a */
    int base = inplace ? op - TR_OP__COUNT : op;
    TrValue r;
    switch (base) {
    case TR_OP_OR:
        if (inplace)
            return set_update_internal(a, b) < 0 ? TR_ERR : a;
        r = set_copy_of(a);
        if (r && a != b && set_update_internal(r, b) < 0)
            return TR_ERR;
        return r;
    case TR_OP_AND:
        if (inplace) {
            TrValue tmp = intersection(a, b);
            if (!tmp)
                return TR_ERR;
            set_swap_bodies(a, tmp);
            return a;
        }
        return intersection(a, b);
    case TR_OP_SUB:
        if (inplace)
            return difference_update(a, b) < 0 ? TR_ERR : a;
        return difference(a, b);
    case TR_OP_XOR:
        if (inplace)
            return symmetric_difference_update(a, b) < 0 ? TR_ERR : a;
        return symmetric_difference(a, b);
    default: return TR_NOTIMPL;
    }
}

TrValue set_richcmp(TrValue v, TrValue w, int op)
{
    if (!tr_is_anyset(w))
        return TR_NOTIMPL;
    TrSet *a = as_set(v), *b = as_set(w);
    int r;
    switch (op) {
    case TR_EQ:
    case TR_NE:
        if (a->used != b->used)
            return tr_bool(op == TR_NE);
        if (a->hash != -1 && b->hash != -1 && a->hash != b->hash)
            return tr_bool(op == TR_NE);
        r = issubset(v, w);
        if (r < 0)
            return TR_ERR;
        return tr_bool((r == 1) == (op == TR_EQ));
    case TR_LE: r = issubset(v, w); break;
    case TR_GE: r = issuperset(v, w); break;
    case TR_LT: r = a->used >= b->used ? 0 : issubset(v, w); break;
    case TR_GT: r = a->used <= b->used ? 0 : issuperset(v, w); break;
    default: return TR_NOTIMPL;
    }
    return r < 0 ? TR_ERR : tr_bool(r);
}

/* --- Methods --------------------------------------------------------------------------- */

#define METHOD(name)                                                                               \
    static TrValue name(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames)
#define NOKW(m)                                                                                    \
    if (cu_no_kwargs(qual(self, m), kwnames) < 0)                                                  \
    return TR_ERR
#define ONE(m)                                                                                     \
    if (cu_no_kwargs(qual(self, m), kwnames) < 0 || cu_exactly_one(qual(self, m), nargs) < 0)      \
    return TR_ERR
#define NONE(m)                                                                                    \
    if (cu_no_kwargs(qual(self, m), kwnames) < 0 || cu_no_args(qual(self, m), nargs) < 0)          \
    return TR_ERR

METHOD(m_add)
{
    ONE("add");
    return set_add_key(self, args[0]) < 0 ? TR_ERR : TR_NONE;
}

METHOD(m_clear)
{
    NONE("clear");
    set_clear_internal(self);
    return TR_NONE;
}

METHOD(m_copy)
{
    NONE("copy");
    if (tr_obj(self)->type == &tr_frozenset_type)
        return self;
    return set_copy_of(self);
}

static int discard_with_fallback(TrValue self, TrValue key)
{
    int rv = set_discard_key(self, key);
    if (rv < 0 && tr_is_ptr(key) && tr_type_is_subtype(tr_type_of(key), &tr_set_type) &&
        tr_err_matches(&tr_TypeError)) {
        tr_err_clear();
        TrValue tmp = set_make(&tr_frozenset_type, key);
        if (!tmp)
            return -1;
        rv = set_discard_key(self, tmp);
    }
    return rv;
}

METHOD(m_discard)
{
    ONE("discard");
    return discard_with_fallback(self, args[0]) < 0 ? TR_ERR : TR_NONE;
}

METHOD(m_remove)
{
    ONE("remove");
    int rv = discard_with_fallback(self, args[0]);
    if (rv < 0)
        return TR_ERR;
    if (rv == 0)
        return tr_raise_with(&tr_KeyError, args[0]);
    return TR_NONE;
}

METHOD(m_pop)
{
    NONE("pop");
    TrSet *s = as_set(self);
    if (s->used == 0)
        return tr_raise(&tr_KeyError, "pop from an empty set");
    TrSetEntry *e = s->table + (s->finger & s->mask), *limit = s->table + s->mask;
    while (!is_live(e->key)) {
        e++;
        if (e > limit)
            e = s->table;
    }
    TrValue key = e->key;
    e->key = SET_DUMMY;
    e->hash = -1;
    s->used--;
    s->finger = e - s->table + 1;
    return key;
}

METHOD(m_union)
{
    NOKW("union");
    TrValue r = set_copy_of(self);
    for (size_t i = 0; r && i < nargs; i++)
        if (args[i] != self && set_update_internal(r, args[i]) < 0)
            return TR_ERR;
    return r;
}

METHOD(m_update)
{
    NOKW("update");
    for (size_t i = 0; i < nargs; i++)
        if (set_update_internal(self, args[i]) < 0)
            return TR_ERR;
    return TR_NONE;
}

static TrValue intersection_multi(TrValue self, const TrValue *args, size_t nargs)
{
    if (nargs == 0)
        return set_copy_of(self);
    TrValue r = self;
    for (size_t i = 0; r && i < nargs; i++)
        r = intersection(r, args[i]);
    return r;
}

METHOD(m_intersection)
{
    NOKW("intersection");
    return intersection_multi(self, args, nargs);
}

METHOD(m_intersection_update)
{
    NOKW("intersection_update");
    TrValue tmp = intersection_multi(self, args, nargs);
    if (!tmp)
        return TR_ERR;
    set_swap_bodies(self, tmp);
    return TR_NONE;
}

METHOD(m_difference)
{
    NOKW("difference");
    if (nargs == 0)
        return set_copy_of(self);
    TrValue r = difference(self, args[0]);
    for (size_t i = 1; r && i < nargs; i++)
        if (difference_update(r, args[i]) < 0)
            return TR_ERR;
    return r;
}

METHOD(m_difference_update)
{
    NOKW("difference_update");
    for (size_t i = 0; i < nargs; i++)
        if (difference_update(self, args[i]) < 0)
            return TR_ERR;
    return TR_NONE;
}

METHOD(m_symmetric_difference)
{
    ONE("symmetric_difference");
    return symmetric_difference(self, args[0]);
}

METHOD(m_symmetric_difference_update)
{
    ONE("symmetric_difference_update");
    return symmetric_difference_update(self, args[0]) < 0 ? TR_ERR : TR_NONE;
}

#define PREDICATE(fname, m, fn)                                                                    \
    METHOD(fname)                                                                                  \
    {                                                                                              \
        ONE(m);                                                                                    \
        int r = fn(self, args[0]);                                                                 \
        return r < 0 ? TR_ERR : tr_bool(r);                                                        \
    }
PREDICATE(m_issubset, "issubset", issubset)
PREDICATE(m_issuperset, "issuperset", issuperset)
PREDICATE(m_isdisjoint, "isdisjoint", isdisjoint)
PREDICATE(m_contains, "__contains__", set_contains_frozen_fallback)

METHOD(m_init)
{
    if (cu_no_kwargs("set", kwnames) < 0 || cu_nargs("set", nargs, 0, 1) < 0)
        return TR_ERR;
    set_clear_internal(self);
    if (nargs && set_update_internal(self, args[0]) < 0)
        return TR_ERR;
    return TR_NONE;
}

const TrMethodDef set_methods[] = {
    {"add", m_add, 0},
    {"clear", m_clear, 0},
    {"copy", m_copy, 0},
    {"discard", m_discard, 0},
    {"difference", m_difference, 0},
    {"difference_update", m_difference_update, 0},
    {"intersection", m_intersection, 0},
    {"intersection_update", m_intersection_update, 0},
    {"isdisjoint", m_isdisjoint, 0},
    {"issubset", m_issubset, 0},
    {"issuperset", m_issuperset, 0},
    {"pop", m_pop, 0},
    {"remove", m_remove, 0},
    {"symmetric_difference", m_symmetric_difference, 0},
    {"symmetric_difference_update", m_symmetric_difference_update, 0},
    {"union", m_union, 0},
    {"update", m_update, 0},
    {"__contains__", m_contains, 0},
    {"__init__", m_init, 0},
    {"__class_getitem__", cu_class_getitem, TR_METH_CLASS},
    {NULL, NULL, 0},
};

const TrMethodDef frozenset_methods[] = {
    {"copy", m_copy, 0},
    {"difference", m_difference, 0},
    {"intersection", m_intersection, 0},
    {"isdisjoint", m_isdisjoint, 0},
    {"issubset", m_issubset, 0},
    {"issuperset", m_issuperset, 0},
    {"symmetric_difference", m_symmetric_difference, 0},
    {"union", m_union, 0},
    {"__contains__", m_contains, 0},
    {"__class_getitem__", cu_class_getitem, TR_METH_CLASS},
    {NULL, NULL, 0},
};
