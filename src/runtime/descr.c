/*
 * descr.c -- descriptor types of the object model: property, staticmethod, classmethod,
 * super, the member descriptors of __slots__, and mappingproxy (a class's read-only __dict__).
 */
#include "runtime/class.h"

#include "runtime/runtime.h"

static TrValue intern(const char *s) { return tr_str_intern_cstr(s); }

/* --- property --------------------------------------------------------------------------- */

typedef struct TrProperty {
    TrObject ob;
    TrValue fget, fset, fdel, doc, name; /* 0 when absent */
} TrProperty;

#define PR(v) ((TrProperty *)tr_obj(v))

static TrValue nz(TrValue v) { return v && v != TR_NONE ? v : 0; }

static TrValue property_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    TrValue a[4] = {0, 0, 0, 0};
    if (tr_parse_args("property", args, nargs, kwnames, names, 0, 4, 0, 4, a) < 0)
        return TR_ERR;
    TrProperty *p = tr_obj_new(type->basicsize > sizeof(TrProperty) ? type->basicsize
                                                                    : sizeof(TrProperty), type);
    p->fget = nz(a[0]);
    p->fset = nz(a[1]);
    p->fdel = nz(a[2]);
    p->doc = nz(a[3]);
    if (!p->doc && p->fget) {
        TrValue d = tr_getattr_opt(p->fget, intern("__doc__"));
        if (!d && tr_err_occurred())
            return TR_ERR;
        p->doc = nz(d);
    }
    return tr_val(p);
}

static TrValue prop_err(TrValue self, TrValue obj, const char *what)
{
    TrProperty *p = PR(self);
    if (p->name)
        return tr_raise(&tr_AttributeError, "property %R of '%s' object has no %s", p->name,
                        tr_type_name(obj), what);
    return tr_raise(&tr_AttributeError, "property of '%s' object has no %s", tr_type_name(obj),
                    what);
}

static TrValue property_get(TrValue self, TrValue obj, TrType *type)
{
    if (!obj)
        return self;
    if (!PR(self)->fget)
        return prop_err(self, obj, "getter");
    return tr_call1(PR(self)->fget, obj);
}

static int property_set(TrValue self, TrValue obj, TrValue value)
{
    TrProperty *p = PR(self);
    TrValue r;
    if (value) {
        if (!p->fset)
            return prop_err(self, obj, "setter"), -1;
        r = tr_call2(p->fset, obj, value);
    } else {
        if (!p->fdel)
            return prop_err(self, obj, "deleter"), -1;
        r = tr_call1(p->fdel, obj);
    }
    return r == TR_ERR ? -1 : 0;
}

static TrValue property_copy(TrValue self, int which, TrValue f)
{
    TrProperty *p = PR(self);
    TrProperty *q = tr_obj_new(sizeof(TrProperty), tr_type_of(self));
    *q = *p;
    if (which == 0) {
        q->fget = nz(f);
        TrValue d = tr_getattr_opt(f, intern("__doc__"));
        if (!d && tr_err_occurred())
            return TR_ERR;
        if (nz(d))
            q->doc = d;
    } else if (which == 1) {
        q->fset = nz(f);
    } else {
        q->fdel = nz(f);
    }
    return tr_val(q);
}

static TrValue prop_getter(TrValue s, const TrValue *a, size_t n, TrValue kw)
{
    return tr_check_nargs("getter", n, 1, 1) < 0 ? TR_ERR : property_copy(s, 0, a[0]);
}
static TrValue prop_setter(TrValue s, const TrValue *a, size_t n, TrValue kw)
{
    return tr_check_nargs("setter", n, 1, 1) < 0 ? TR_ERR : property_copy(s, 1, a[0]);
}
static TrValue prop_deleter(TrValue s, const TrValue *a, size_t n, TrValue kw)
{
    return tr_check_nargs("deleter", n, 1, 1) < 0 ? TR_ERR : property_copy(s, 2, a[0]);
}
static TrValue prop_set_name(TrValue s, const TrValue *a, size_t n, TrValue kw)
{
    if (tr_check_nargs("__set_name__", n, 2, 2) < 0)
        return TR_ERR;
    PR(s)->name = a[1];
    return TR_NONE;
}

static TrValue orn(TrValue v) { return v ? v : TR_NONE; }
static TrValue prop_fget(TrValue s) { return orn(PR(s)->fget); }
static TrValue prop_fset(TrValue s) { return orn(PR(s)->fset); }
static TrValue prop_fdel(TrValue s) { return orn(PR(s)->fdel); }
static TrValue prop_doc(TrValue s) { return orn(PR(s)->doc); }
static int prop_set_doc(TrValue s, TrValue v)
{
    PR(s)->doc = v;
    return 0;
}

static const TrMethodDef property_methods[] = {
    {"getter", prop_getter, 0},
    {"setter", prop_setter, 0},
    {"deleter", prop_deleter, 0},
    {"__set_name__", prop_set_name, 0},
    {NULL, NULL, 0},
};
static const TrGetSetDef property_getsets[] = {
    {"fget", prop_fget, NULL},
    {"fset", prop_fset, NULL},
    {"fdel", prop_fdel, NULL},
    {"__doc__", prop_doc, prop_set_doc},
    {NULL, NULL, NULL},
};

TrType tr_property_type = {
    .ob = {&tr_type_type}, .name = "property", .flags = TR_TYPE_BASETYPE,
    .basicsize = sizeof(TrProperty), .new = property_new, .descr_get = property_get,
    .descr_set = property_set, .methods = property_methods, .getsets = property_getsets,
};

/* --- staticmethod and classmethod ------------------------------------------------------- */

#define SM(v) ((TrStaticMethod *)tr_obj(v))

static TrValue wrapper_new(TrType *type, const char *name, const TrValue *args, size_t nargs,
                           TrValue kw)
{
    if (tr_nkw(kw))
        return tr_raise(&tr_TypeError, "%s() takes no keyword arguments", name);
    if (nargs != 1)
        return tr_raise(&tr_TypeError, "%s expected 1 argument, got %zd", name, nargs);
    TrStaticMethod *s = tr_obj_new(sizeof(TrStaticMethod), type);
    s->func = args[0];
    return tr_val(s);
}

static TrValue staticmethod_new_slot(TrType *t, const TrValue *a, size_t n, TrValue kw)
{
    return wrapper_new(t, "staticmethod", a, n, kw);
}
static TrValue classmethod_new_slot(TrType *t, const TrValue *a, size_t n, TrValue kw)
{
    return wrapper_new(t, "classmethod", a, n, kw);
}

TrValue tr_staticmethod_new(TrValue func)
{
    return staticmethod_new_slot(&tr_staticmethod_type, &func, 1, 0);
}
TrValue tr_classmethod_new(TrValue func)
{
    return classmethod_new_slot(&tr_classmethod_type, &func, 1, 0);
}

static TrValue staticmethod_get(TrValue self, TrValue obj, TrType *type) { return SM(self)->func; }

static TrValue staticmethod_call(TrValue callee, const TrValue *args, size_t nargs, TrValue kw)
{
    return tr_call(SM(callee)->func, args, nargs, kw);
}

static TrValue classmethod_get(TrValue self, TrValue obj, TrType *type)
{
    if (!type)
        type = tr_type_of(obj);
    return tr_bound_method_new(SM(self)->func, tr_val(type));
}

static TrValue sm_repr_of(TrValue self, const char *kind)
{
    return tr_str_fmt("<%s(%R)>", kind, SM(self)->func);
}
static TrValue staticmethod_repr(TrValue s) { return sm_repr_of(s, "staticmethod"); }
static TrValue classmethod_repr(TrValue s) { return sm_repr_of(s, "classmethod"); }
static TrValue sm_func(TrValue s) { return SM(s)->func; }
static TrValue sm_attr(TrValue s, const char *n) { return tr_getattr_cstr(SM(s)->func, n); }
static TrValue sm_doc(TrValue s) { return sm_attr(s, "__doc__"); }
static TrValue sm_name(TrValue s) { return sm_attr(s, "__name__"); }
static TrValue sm_qualname(TrValue s) { return sm_attr(s, "__qualname__"); }
static TrValue sm_isabstract(TrValue s)
{
    TrValue v = tr_getattr_opt(SM(s)->func, intern("__isabstractmethod__"));
    return v ? v : TR_FALSE;
}

static const TrGetSetDef sm_getsets[] = {
    {"__func__", sm_func, NULL},
    {"__wrapped__", sm_func, NULL},
    {"__doc__", sm_doc, NULL},
    {"__name__", sm_name, NULL},
    {"__qualname__", sm_qualname, NULL},
    {"__isabstractmethod__", sm_isabstract, NULL},
    {NULL, NULL, NULL},
};

TrType tr_staticmethod_type = {
    .ob = {&tr_type_type}, .name = "staticmethod", .flags = TR_TYPE_BASETYPE,
    .basicsize = sizeof(TrStaticMethod), .new = staticmethod_new_slot,
    .descr_get = staticmethod_get, .call = staticmethod_call, .repr = staticmethod_repr,
    .getsets = sm_getsets,
};

TrType tr_classmethod_type = {
    .ob = {&tr_type_type}, .name = "classmethod", .flags = TR_TYPE_BASETYPE,
    .basicsize = sizeof(TrStaticMethod), .new = classmethod_new_slot,
    .descr_get = classmethod_get, .repr = classmethod_repr, .getsets = sm_getsets,
};

/* --- super ------------------------------------------------------------------------------ */

typedef struct TrSuper {
    TrObject ob;
    TrType *type;     /* the class named in super(C, obj) */
    TrValue obj;      /* or 0 */
    TrType *objtype;  /* where the MRO comes from */
} TrSuper;

#define SU(v) ((TrSuper *)tr_obj(v))

static TrType *super_check(TrType *type, TrValue obj)
{
    if (tr_is_ptr(obj) && (tr_type_of(obj)->flags & TR_TYPE_TYPE_SUB) &&
        tr_type_is_subtype((TrType *)tr_obj(obj), type))
        return (TrType *)tr_obj(obj);
    if (tr_type_is_subtype(tr_type_of(obj), type))
        return tr_type_of(obj);
    tr_raise(&tr_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

static TrValue super_new(TrType *t, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_nkw(kw))
        return tr_raise(&tr_TypeError, "super() takes no keyword arguments");
    if (nargs > 2)
        return tr_raise(&tr_TypeError, "super() expected at most 2 arguments, got %zd", nargs);
    TrValue type, obj = 0;
    if (nargs == 0) {
        if (!tr_ts.super_args)
            return tr_raise(&tr_RuntimeError, "super(): no current frame");
        if (tr_ts.super_args(&type, &obj) < 0)
            return TR_ERR;
    } else {
        type = args[0];
        if (nargs == 2)
            obj = args[1];
    }
    if (!tr_is_ptr(type) || !(tr_type_of(type)->flags & TR_TYPE_TYPE_SUB))
        return tr_raise(&tr_TypeError, "super() argument 1 must be a type, not %s",
                        tr_type_name(type));
    TrSuper *s = tr_obj_new(sizeof(TrSuper), t);
    s->type = (TrType *)tr_obj(type);
    if (obj == TR_NONE)
        obj = 0;
    if (obj) {
        s->objtype = super_check(s->type, obj);
        if (!s->objtype)
            return TR_ERR;
        s->obj = obj;
    }
    return tr_val(s);
}

static TrValue super_getattr(TrValue self, TrValue name)
{
    TrSuper *s = SU(self);
    if (s->objtype && !tr_str_eq_cstr(name, "__class__")) {
        TrTuple *m = tr_as_tuple(s->objtype->mro);
        int64_t i = 0;
        while (i < m->len && m->items[i] != tr_val(s->type))
            i++;
        for (i++; i < m->len; i++) {
            TrType *b = (TrType *)tr_obj(m->items[i]);
            TrValue v = tr_dict_get_str(b->dict, name);
            if (!v)
                continue;
            TrType *vt = tr_type_of(v);
            if (!vt->descr_get)
                return v;
            TrValue o = s->obj == tr_val(s->objtype) ? 0 : s->obj;
            return vt->descr_get(v, o, s->objtype);
        }
    }
    TrValue r = tr_generic_getattr(self, name);
    if (r == TR_ERR && tr_err_matches(&tr_AttributeError)) {
        tr_err_clear();
        return tr_raise(&tr_AttributeError, "'super' object has no attribute '%U'", name);
    }
    return r;
}

static TrValue super_repr(TrValue self)
{
    TrSuper *s = SU(self);
    if (s->objtype)
        return tr_str_fmt("<super: <class '%s'>, <%s object>>", s->type->name,
                          s->objtype->name);
    return tr_str_fmt("<super: <class '%s'>, NULL>", s->type->name);
}

static TrValue super_thisclass(TrValue s) { return tr_val(SU(s)->type); }
static TrValue super_self(TrValue s) { return SU(s)->obj ? SU(s)->obj : TR_NONE; }
static TrValue super_self_class(TrValue s)
{
    return SU(s)->objtype ? tr_val(SU(s)->objtype) : TR_NONE;
}

static const TrGetSetDef super_getsets[] = {
    {"__thisclass__", super_thisclass, NULL},
    {"__self__", super_self, NULL},
    {"__self_class__", super_self_class, NULL},
    {NULL, NULL, NULL},
};

TrType tr_super_type = {
    .ob = {&tr_type_type}, .name = "super", .flags = TR_TYPE_BASETYPE,
    .basicsize = sizeof(TrSuper), .new = super_new, .getattr = super_getattr,
    .repr = super_repr, .getsets = super_getsets,
};

/* --- __slots__ members ------------------------------------------------------------------ */

typedef struct TrSlotDescr {
    TrObject ob;
    TrType *owner;
    TrValue name;
    int32_t offset;
} TrSlotDescr;

#define SD(v) ((TrSlotDescr *)tr_obj(v))

TrValue tr_slot_descr_new(TrType *owner, TrValue name, int32_t offset)
{
    TrSlotDescr *d = TR_NEW(TrSlotDescr, &tr_slot_descr_type);
    d->owner = owner;
    d->name = name;
    d->offset = offset;
    return tr_val(d);
}

int32_t tr_slot_descr_offset(TrValue d) { return SD(d)->offset; }

static TrValue *slot_ptr(TrValue self, TrValue obj)
{
    if (!tr_isinstance(obj, SD(self)->owner)) {
        tr_raise(&tr_TypeError, "descriptor '%U' for '%s' objects doesn't apply to a '%s' object",
                 SD(self)->name, SD(self)->owner->name, tr_type_name(obj));
        return NULL;
    }
    return (TrValue *)((char *)tr_obj(obj) + SD(self)->offset);
}

static TrValue slot_descr_get(TrValue self, TrValue obj, TrType *type)
{
    if (!obj)
        return self;
    TrValue *p = slot_ptr(self, obj);
    if (!p)
        return TR_ERR;
    if (!*p)
        return tr_raise(&tr_AttributeError, "'%s' object has no attribute '%U'",
                        tr_type_name(obj), SD(self)->name);
    return *p;
}

static int slot_descr_set(TrValue self, TrValue obj, TrValue value)
{
    TrValue *p = slot_ptr(self, obj);
    if (!p)
        return -1;
    if (!value && !*p) {
        tr_raise(&tr_AttributeError, "'%s' object has no attribute '%U'", tr_type_name(obj),
                 SD(self)->name);
        return -1;
    }
    *p = value;
    return 0;
}

static TrValue slot_descr_repr(TrValue self)
{
    return tr_str_fmt("<member '%U' of '%s' objects>", SD(self)->name, SD(self)->owner->name);
}

TrType tr_slot_descr_type = {
    .ob = {&tr_type_type}, .name = "member_descriptor", .basicsize = sizeof(TrSlotDescr),
    .descr_get = slot_descr_get, .descr_set = slot_descr_set, .repr = slot_descr_repr,
};

/* --- mappingproxy ----------------------------------------------------------------------- */

typedef struct TrMappingProxy {
    TrObject ob;
    TrValue map;
} TrMappingProxy;

#define MP(v) (((TrMappingProxy *)tr_obj(v))->map)

TrValue tr_mappingproxy_new(TrValue dict)
{
    TrMappingProxy *p = TR_NEW(TrMappingProxy, &tr_mappingproxy_type);
    p->map = dict;
    return tr_val(p);
}

static TrValue mp_getitem(TrValue s, TrValue k) { return tr_getitem(MP(s), k); }
static int64_t mp_len(TrValue s) { return tr_len(MP(s)); }
static int mp_contains(TrValue s, TrValue k) { return tr_contains(MP(s), k); }
static TrValue mp_iter(TrValue s) { return tr_iter(MP(s)); }
static TrValue mp_repr(TrValue s) { return tr_str_fmt("mappingproxy(%R)", MP(s)); }
static TrValue mp_str(TrValue s) { return tr_str(MP(s)); }
static TrValue mp_richcmp(TrValue a, TrValue b, int op) { return tr_richcmp(MP(a), b, op); }
static TrValue mp_fwd(TrValue s, const char *name, const TrValue *a, size_t n)
{
    return tr_call_method(MP(s), name, a, n);
}
static TrValue mp_keys(TrValue s, const TrValue *a, size_t n, TrValue kw) { return mp_fwd(s, "keys", a, n); }
static TrValue mp_values(TrValue s, const TrValue *a, size_t n, TrValue kw) { return mp_fwd(s, "values", a, n); }
static TrValue mp_items(TrValue s, const TrValue *a, size_t n, TrValue kw) { return mp_fwd(s, "items", a, n); }
static TrValue mp_get(TrValue s, const TrValue *a, size_t n, TrValue kw) { return mp_fwd(s, "get", a, n); }
static TrValue mp_copy(TrValue s, const TrValue *a, size_t n, TrValue kw) { return mp_fwd(s, "copy", a, n); }

static const TrMethodDef mp_methods[] = {
    {"keys", mp_keys, 0}, {"values", mp_values, 0}, {"items", mp_items, 0},
    {"get", mp_get, 0},   {"copy", mp_copy, 0},     {NULL, NULL, 0},
};

TrType tr_mappingproxy_type = {
    .ob = {&tr_type_type}, .name = "mappingproxy", .basicsize = sizeof(TrMappingProxy),
    .getitem = mp_getitem, .len = mp_len, .contains = mp_contains, .iter = mp_iter,
    .repr = mp_repr, .str = mp_str, .richcmp = mp_richcmp, .methods = mp_methods,
};
