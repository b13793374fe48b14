/*
 * type.c -- the `type` and `object` types: readying built-in types (slot inheritance, MRO,
 * method dicts built from TrMethodDef/TrGetSetDef tables), subtype tests, attribute lookup on
 * types, and calling a type to construct an instance.
 */
#include "runtime/runtime.h"

#include <string.h>

#include <stdio.h>

/* --- Readying --------------------------------------------------------------------------- */

/* Inherit every slot the type leaves NULL, except that a type which defines its own
   comparison but no hash stays unhashable (CPython sets __hash__ = None for it). */
static void inherit_slots(TrType *t, const TrType *b)
{
    bool own_cmp = t->richcmp != NULL;
#define INHERIT(slot) if (!t->slot) t->slot = b->slot
    INHERIT(repr); INHERIT(str); INHERIT(richcmp); INHERIT(binop); INHERIT(unop);
    INHERIT(truth); INHERIT(len); INHERIT(getitem); INHERIT(setitem); INHERIT(contains);
    INHERIT(iter); INHERIT(next); INHERIT(call); INHERIT(getattr); INHERIT(setattr);
    INHERIT(new); INHERIT(descr_get); INHERIT(descr_set); INHERIT(format);
#undef INHERIT
    if (!t->hash && !own_cmp)
        t->hash = b->hash;
    if (!t->basicsize)
        t->basicsize = b->basicsize;
    t->flags |= b->flags & (TR_TYPE_EXC | TR_TYPE_INT_SUB | TR_TYPE_STR_SUB | TR_TYPE_LIST_SUB |
                            TR_TYPE_TUPLE_SUB | TR_TYPE_DICT_SUB | TR_TYPE_TYPE_SUB);
}

static void add_methods(TrType *t)
{
    for (const TrMethodDef *m = t->methods; m && m->name; m++) {
        TrValue v;
        if (m->flags & TR_METH_STATIC) {
            v = tr_builtin_new(m->name, m->fn, 0);
        } else {
            TrMethodDescr *d = TR_NEW(TrMethodDescr, (m->flags & TR_METH_CLASS)
                                                         ? &tr_classmethod_descr_type
                                                         : &tr_method_descr_type);
            d->def = m;
            d->owner = t;
            v = tr_val(d);
        }
        tr_dict_set(t->dict, tr_str_intern_cstr(m->name), v);
    }
    for (const TrGetSetDef *g = t->getsets; g && g->name; g++) {
        TrGetSetDescr *d = TR_NEW(TrGetSetDescr, &tr_getset_descr_type);
        d->def = g;
        d->owner = t;
        tr_dict_set(t->dict, tr_str_intern_cstr(g->name), tr_val(d));
    }
}

void tr_type_ready(TrType *t)
{
    if (t->flags & TR_TYPE_READY)
        return;
    t->flags |= TR_TYPE_READY;
    if (!t->ob.type)
        t->ob.type = &tr_type_type;
    if (t != &tr_object_type && !t->base)
        t->base = &tr_object_type;
    TrType own = *t; /* the slots the type defines itself, exposed as methods below */
    if (t->base) {
        tr_type_ready(t->base);
        inherit_slots(t, t->base);
    }
    if (!t->dict)
        t->dict = tr_dict_new();
    if (!t->bases)
        t->bases = t->base ? tr_tuple_pack(1, tr_val(t->base)) : tr_tuple_empty();
    if (!t->mro) {
        int n = 0;
        for (TrType *b = t; b; b = b->base)
            n++;
        TrValue mro = tr_tuple_new(n);
        n = 0;
        for (TrType *b = t; b; b = b->base)
            tr_as_tuple(mro)->items[n++] = tr_val(b);
        t->mro = mro;
    }
    add_methods(t);
    tr_slots_expose(t, &own);
    if (t == &tr_type_type)
        tr_class_init();
}

/* --- Queries ---------------------------------------------------------------------------- */

bool tr_type_is_subtype(const TrType *t, const TrType *base)
{
    if (t == base)
        return true;
    if (t->mro) {
        TrTuple *m = tr_as_tuple(t->mro);
        for (int64_t i = 0; i < m->len; i++)
            if (m->items[i] == tr_val(base))
                return true;
        return false;
    }
    for (; t; t = t->base)
        if (t == base)
            return true;
    return false;
}

bool tr_isinstance(TrValue v, const TrType *t) { return tr_type_is_subtype(tr_type_of(v), t); }

TrValue tr_type_lookup(const TrType *t, TrValue name)
{
    TrTuple *m = tr_as_tuple(t->mro);
    for (int64_t i = 0; i < m->len; i++) {
        TrType *b = (TrType *)tr_obj(m->items[i]);
        TrValue v = tr_dict_get_str(b->dict, name);
        if (v)
            return v;
    }
    return 0;
}

const char *tr_type_name(TrValue v) { return tr_type_of(v)->name; }

/* --- type ------------------------------------------------------------------------------- */

static bool is_builtin_type(const TrType *t) { return !(t->flags & TR_TYPE_HEAP); }

static TrValue type_module(const TrType *t)
{
    TrValue m = tr_dict_get_cstr(t->dict, "__module__");
    if (m && m != TR_ERR)
        return m;
    return tr_str_intern_cstr("builtins");
}

const char *tr_type_short_name(const TrType *t)
{
    const char *dot = is_builtin_type(t) ? strrchr(t->name, '.') : NULL;
    return dot ? dot + 1 : t->name; /* "itertools.count": the module is a prefix */
}

static TrValue type_qualname(const TrType *t)
{
    if (is_builtin_type(t))
        return tr_str_from_cstr(tr_type_short_name(t));
    return tr_heap_type(t)->qualname;
}

static TrValue type_repr(TrValue v)
{
    TrType *t = (TrType *)tr_obj(v);
    if (is_builtin_type(t))
        return tr_str_fmt("<class '%s'>", t->name);
    TrValue m = type_module(t);
    if (tr_is_str(m) && !tr_str_eq_cstr(m, "builtins"))
        return tr_str_fmt("<class '%S.%S'>", m, type_qualname(t));
    return tr_str_fmt("<class '%S'>", type_qualname(t));
}

/* type(x) or type(name, bases, ns, **kw) */
static TrValue type_new_slot(TrType *t, const TrValue *args, size_t nargs, TrValue kwnames)
{
    size_t nk = tr_nkw(kwnames);
    if (t == &tr_type_type && nargs == 1 && !nk)
        return tr_val(tr_type_of(args[0]));
    if (nargs != 3)
        return tr_raise(&tr_TypeError, t == &tr_type_type ? "type() takes 1 or 3 arguments"
                                                          : "type.__new__() takes exactly 3 "
                                                            "arguments (%zd given)", nargs);
    TrValue kw = 0;
    if (nk) {
        kw = tr_dict_new();
        for (size_t i = 0; i < nk; i++)
            tr_dict_set(kw, tr_as_tuple(kwnames)->items[i], args[nargs + i]);
    }
    return tr_type_new(t, args[0], args[1], args[2], kw);
}

static TrValue type_call(TrValue callee, const TrValue *args, size_t nargs, TrValue kwnames)
{
    TrType *t = (TrType *)tr_obj(callee);
    if (t->flags & TR_TYPE_HEAP)
        return tr_heap_type_call(callee, args, nargs, kwnames);
    if (t == &tr_type_type) {
        /* type(name, bases, ns) with a base of another metaclass: that one makes the class */
        if (nargs == 3 && tr_is_tuple(args[1])) {
            TrTuple *b = tr_as_tuple(args[1]);
            TrType *w = t;
            for (int64_t i = 0; i < b->len; i++) {
                TrType *bt = tr_type_of(b->items[i]);
                if (bt != w && tr_type_is_subtype(bt, w))
                    w = bt;
            }
            if (w != t)
                return tr_call(tr_val(w), args, nargs, kwnames);
        }
        return type_new_slot(t, args, nargs, kwnames);
    }
    if (!t->new)
        return tr_raise(&tr_TypeError, "cannot create '%s' instances", t->name);
    return t->new(t, args, nargs, kwnames);
}

/* Attribute of a type: data descriptors of the metatype, then the type's own MRO (binding
   classmethods to the type), then the rest of the metatype. */
static TrValue type_getattr(TrValue self, TrValue name)
{
    TrType *t = (TrType *)tr_obj(self);
    TrType *meta = tr_type_of(self);
    TrValue md = tr_type_lookup(meta, name);
    if (md && tr_type_of(md)->descr_set)
        return tr_type_of(md)->descr_get(md, self, meta);
    TrValue v = tr_type_lookup(t, name);
    if (v) {
        TrType *vt = tr_type_of(v);
        if (vt->descr_get)
            return vt->descr_get(v, 0, t);
        return v;
    }
    if (md) {
        TrType *mt = tr_type_of(md);
        return mt->descr_get ? mt->descr_get(md, self, meta) : md;
    }
    return tr_raise_attr_error(self, name, "type object '%s' has no attribute '%U'", t->name,
                               name);
}

static int type_setattr(TrValue self, TrValue name, TrValue value)
{
    TrType *t = (TrType *)tr_obj(self);
    if (is_builtin_type(t))
        return tr_raise(&tr_TypeError,
                        "cannot set '%U' attribute of immutable type '%s'", name, t->name),
               -1;
    TrType *meta = tr_type_of(self);
    TrValue md = tr_type_lookup(meta, name);
    if (md && tr_type_of(md)->descr_set)
        return tr_type_of(md)->descr_set(md, self, value);
    int r;
    if (!value) {
        if (!tr_dict_get_str(t->dict, name)) {
            tr_raise(&tr_AttributeError, "type object '%s' has no attribute '%U'", t->name,
                     name);
            return -1;
        }
        r = tr_dict_del(t->dict, name);
    } else {
        r = tr_dict_set(t->dict, name, value);
    }
    tr_slots_update(t, name);
    return r;
}

static TrValue type_get_name(TrValue self)
{
    TrType *t = (TrType *)tr_obj(self);
    if (!is_builtin_type(t))
        return tr_heap_type(t)->name;
    return tr_str_from_cstr(tr_type_short_name(t));
}
static TrValue type_get_qualname(TrValue self) { return type_qualname((TrType *)tr_obj(self)); }
static int type_set_name(TrValue self, TrValue v)
{
    TrType *t = (TrType *)tr_obj(self);
    if (is_builtin_type(t) || !v || !tr_is_str(v))
        return tr_raise(&tr_TypeError, "can only assign string to %s.__name__, not '%s'",
                        t->name, v ? tr_type_name(v) : "NoneType"), -1;
    tr_heap_type(t)->name = v;
    t->name = tr_str_utf8(v);
    return 0;
}
static int type_set_qualname(TrValue self, TrValue v)
{
    TrType *t = (TrType *)tr_obj(self);
    if (is_builtin_type(t) || !v || !tr_is_str(v))
        return tr_raise(&tr_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                        t->name, v ? tr_type_name(v) : "NoneType"), -1;
    tr_heap_type(t)->qualname = v;
    return 0;
}
static int type_set_module(TrValue self, TrValue v)
{
    TrType *t = (TrType *)tr_obj(self);
    if (is_builtin_type(t))
        return tr_raise(&tr_TypeError, "cannot set '__module__' attribute of immutable type "
                        "'%s'", t->name), -1;
    return tr_dict_set_cstr(t->dict, "__module__", v ? v : TR_NONE);
}
static TrValue type_get_module(TrValue self) { return type_module((TrType *)tr_obj(self)); }
static TrValue type_get_mro(TrValue self) { return ((TrType *)tr_obj(self))->mro; }
static TrValue type_get_bases(TrValue self) { return ((TrType *)tr_obj(self))->bases; }
static TrValue type_get_dict(TrValue self)
{
    return tr_mappingproxy_new(((TrType *)tr_obj(self))->dict);
}
static TrValue type_get_doc(TrValue self)
{
    TrValue d = tr_dict_get_cstr(((TrType *)tr_obj(self))->dict, "__doc__");
    if (!d || d == TR_ERR)
        return TR_NONE;
    TrType *dt = tr_type_of(d);
    return dt->descr_get ? dt->descr_get(d, 0, (TrType *)tr_obj(self)) : d;
}
static int type_set_doc(TrValue self, TrValue v)
{
    TrType *t = (TrType *)tr_obj(self);
    if (is_builtin_type(t))
        return tr_raise(&tr_TypeError, "cannot set '__doc__' attribute of immutable type '%s'",
                        t->name), -1;
    return tr_dict_set_cstr(t->dict, "__doc__", v ? v : TR_NONE);
}
static TrValue type_get_base(TrValue self)
{
    TrType *b = ((TrType *)tr_obj(self))->base;
    return b ? tr_val(b) : TR_NONE;
}

static const TrGetSetDef type_getsets[] = {
    {"__name__", type_get_name, type_set_name},
    {"__qualname__", type_get_qualname, type_set_qualname},
    {"__module__", type_get_module, type_set_module}, {"__mro__", type_get_mro, NULL},
    {"__bases__", type_get_bases, NULL}, {"__base__", type_get_base, NULL},
    {"__dict__", type_get_dict, NULL},   {"__doc__", type_get_doc, type_set_doc},
    {NULL, NULL, NULL},
};

static TrValue type_mro_method(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_check_nargs("mro", nargs, 0, 0) < 0)
        return TR_ERR;
    return tr_list_from_iter(((TrType *)tr_obj(self))->mro);
}

static const TrMethodDef type_methods[] = {
    {"mro", type_mro_method, 0},
    {NULL, NULL, 0},
};

static int64_t type_hash(TrValue v) { return tr_hash_pointer(tr_obj(v)); }

TrType tr_type_type = {
    .ob = {&tr_type_type}, .name = "type", .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE | TR_TYPE_TYPE_SUB, .basicsize = sizeof(TrType),
    .repr = type_repr, .call = type_call, .getattr = type_getattr, .setattr = type_setattr,
    .hash = type_hash, .new = type_new_slot, .getsets = type_getsets, .methods = type_methods,
};

/* --- object ----------------------------------------------------------------------------- */

static TrValue object_repr(TrValue v)
{
    TrType *t = tr_type_of(v);
    if (is_builtin_type(t))
        return tr_str_fmt("<%s object at %p>", t->name, (void *)tr_obj(v));
    return tr_str_fmt("<%S.%S object at %p>", type_module(t), type_qualname(t),
                      (void *)tr_obj(v));
}

static int64_t object_hash(TrValue v) { return tr_hash_pointer(tr_obj(v)); }

static TrValue object_richcmp(TrValue a, TrValue b, int op)
{
    if (op == TR_EQ)
        return a == b ? TR_TRUE : TR_NOTIMPL;
    if (op == TR_NE)
        return a == b ? TR_FALSE : TR_NOTIMPL;
    return TR_NOTIMPL;
}

static TrValue object_new(TrType *t, const TrValue *args, size_t nargs, TrValue kw)
{
    if (nargs || tr_nkw(kw))
        return tr_raise(&tr_TypeError, "object() takes no arguments");
    return tr_val(tr_obj_new(t->basicsize ? t->basicsize : sizeof(TrObject), t));
}

static TrValue object_format(TrValue self, TrValue spec)
{
    if (tr_len(spec) != 0)
        return tr_raise(&tr_TypeError, "unsupported format string passed to %s.__format__",
                        tr_type_name(self));
    return tr_str(self);
}

static TrValue object_get_class(TrValue self) { return tr_val(tr_type_of(self)); }

static const TrGetSetDef object_getsets[] = {
    {"__class__", object_get_class, NULL},
    {NULL, NULL, NULL},
};

TrType tr_object_type = {
    .ob = {&tr_type_type}, .name = "object", .flags = TR_TYPE_BASETYPE,
    .basicsize = sizeof(TrObject), .repr = object_repr, .hash = object_hash,
    .richcmp = object_richcmp, .new = object_new, .format = object_format,
    .getsets = object_getsets,
};
