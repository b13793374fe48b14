/*
 * shape.c -- hidden classes (shape.h): the global transition tree and instance attribute
 * storage on top of it.
 */
#include "runtime/shape.h"

#include "runtime/runtime.h"

static TrShape root_shape;

static bool name_eq(TrValue a, TrValue b)
{
    if (a == b)
        return true;
    if (tr_as_str(a)->interned && tr_as_str(b)->interned)
        return false;
    return tr_str_eq(a, b);
}

int32_t tr_shape_find(const TrShape *s, TrValue name)
{
    if (!s)
        return -1;
    if (s->count > 8) {
        TrShape *m = (TrShape *)s;
        if (!m->table) {
            TrValue t = tr_dict_new();
            for (const TrShape *p = s; p && p->name; p = p->parent)
                tr_dict_set(t, p->name, tr_small_new(p->count - 1));
            m->table = t;
        }
        TrValue i = tr_dict_get_str(m->table, name);
        return i && i != TR_ERR ? (int32_t)tr_small_val(i) : -1;
    }
    for (; s && s->name; s = s->parent)
        if (name_eq(s->name, name))
            return s->count - 1;
    return -1;
}

TrShape *tr_shape_add(TrShape *s, TrValue name)
{
    if (!s)
        s = &root_shape;
    for (int32_t i = 0; i < s->nkids; i++)
        if (name_eq(s->kids[i]->name, name))
            return s->kids[i];
    if (!tr_as_str(name)->interned)
        name = tr_str_intern(name);
    TrShape *k = tr_alloc(sizeof(TrShape));
    k->parent = s;
    k->name = name;
    k->count = s->count + 1;
    if (s->nkids == s->capkids) {
        int32_t cap = s->capkids ? s->capkids * 2 : 2;
        TrShape **n = tr_alloc(sizeof(TrShape *) * (size_t)cap);
        for (int32_t i = 0; i < s->nkids; i++)
            n[i] = s->kids[i];
        s->kids = n;
        s->capkids = cap;
    }
    s->kids[s->nkids++] = k;
    return k;
}

static bool is_pow2(int32_t n) { return (n & (n - 1)) == 0; }

TrValue tr_attrs_get(TrAttrs *a, TrValue name)
{
    if (a->dict)
        return tr_dict_get_str(a->dict, name);
    int32_t i = tr_shape_find(a->shape, name);
    return i < 0 ? 0 : a->values[i];
}

int tr_attrs_set(TrAttrs *a, TrValue name, TrValue value)
{
    if (a->dict)
        return tr_dict_set(a->dict, name, value);
    int32_t i = tr_shape_find(a->shape, name);
    if (i >= 0) {
        a->values[i] = value;
        return 0;
    }
    int32_t n = a->shape ? a->shape->count : 0;
    if (n >= TR_SHAPE_MAX) {
        tr_attrs_dict(a);
        return tr_dict_set(a->dict, name, value);
    }
    if (n == 0 || !a->values) {
        a->values = tr_alloc(sizeof(TrValue) * 4);
    } else if (n >= 4 && is_pow2(n)) {
        TrValue *v = tr_alloc(sizeof(TrValue) * (size_t)n * 2);
        memcpy(v, a->values, sizeof(TrValue) * (size_t)n);
        a->values = v;
    }
    a->values[n] = value;
    a->shape = tr_shape_add(a->shape, name);
    return 0;
}

TrValue tr_attrs_dict(TrAttrs *a)
{
    if (a->dict)
        return a->dict;
    TrValue d = tr_dict_new();
    int32_t n = a->shape ? a->shape->count : 0;
    TrShape **order = n ? tr_alloc(sizeof(TrShape *) * (size_t)n) : NULL;
    for (TrShape *s = a->shape; s && s->name; s = s->parent)
        order[s->count - 1] = s;
    for (int32_t i = 0; i < n; i++)
        tr_dict_set(d, order[i]->name, a->values[i]);
    a->dict = d;
    a->shape = NULL;
    a->values = NULL;
    return d;
}

int tr_attrs_del(TrAttrs *a, TrValue name)
{
    if (!a->dict) {
        if (tr_shape_find(a->shape, name) < 0)
            return 1;
        tr_attrs_dict(a);
    }
    TrValue v = tr_dict_get_str(a->dict, name);
    if (!v)
        return tr_err_occurred() ? -1 : 1;
    return tr_dict_del(a->dict, name);
}
