/*
 * attrcache.c -- slow paths of the VM's attribute caches (attrcache.h): do the full lookup,
 * then remember where the attribute was when the result can be reproduced from the shape.
 */
#include "vm/attrcache.h"

#include "runtime/runtime.h"

/* The type lookup is safe to skip when name is not a data descriptor of t. */
static bool no_data_descr(TrType *t, TrValue name)
{
    TrValue d = tr_type_lookup(t, name);
    return !d || !tr_type_of(d)->descr_set;
}

/* The second level: one table for the whole program, keyed by (type, shape, name), so that a
   polymorphic site (a method of a base class running on instances of several subclasses) that
   misses its one-entry cache still skips the full lookup (the MRO walk and the shape search).
   A static array, so the collector sees the cached values. */
enum { GC_NONE, GC_SLOT, GC_CLASSVAL, GC_METHOD };

typedef struct GlobalEntry {
    TrType *type;
    TrShape *shape;
    TrValue name;
    uint64_t epoch;
    int32_t kind;  /* GC_* */
    int32_t index; /* GC_SLOT: the attribute's slot */
    TrValue value; /* GC_CLASSVAL: the value found on the type; GC_METHOD: the function */
} GlobalEntry;

#define GLOBAL_BITS 12
static GlobalEntry global_cache[2][1 << GLOBAL_BITS]; /* [0]: attributes, [1]: methods */

static inline GlobalEntry *global_entry(int which, TrType *t, TrShape *shape, TrValue name)
{
    uint64_t h = ((uintptr_t)t >> 4) * UINT64_C(0x9E3779B97F4A7C15) ^ ((uintptr_t)shape >> 3) ^
                 ((uintptr_t)name >> 3) * UINT64_C(0xC2B2AE3D27D4EB4F);
    return &global_cache[which][(h >> 20) & ((1 << GLOBAL_BITS) - 1)];
}

static inline bool global_hit(const GlobalEntry *e, TrType *t, TrShape *shape, TrValue name)
{
    return e->type == t && e->shape == shape && e->name == name && e->epoch == tr_type_epoch;
}

static void global_fill(GlobalEntry *e, TrType *t, TrShape *shape, TrValue name, int kind,
                        int32_t index, TrValue value)
{
    e->type = t;
    e->shape = shape;
    e->name = name;
    e->epoch = tr_type_epoch;
    e->kind = kind;
    e->index = index;
    e->value = value;
}

static void fill_slot(AttrCache *c, TrType *t, TrShape *shape, int32_t index)
{
    c->type = t;
    c->epoch = tr_type_epoch;
    c->shape = shape;
    c->index = index;
    c->member = 0;
}

/* A __slots__ member of t (a data descriptor, so it wins over any instance attribute): its
   offset, or 0. */
static int32_t member_offset(TrType *t, TrValue name)
{
    if (!(t->flags & TR_TYPE_HEAP) || t->getattr != tr_generic_getattr)
        return 0;
    TrValue d = tr_type_lookup(t, name);
    if (!d || tr_type_of(d) != &tr_slot_descr_type)
        return 0;
    return tr_slot_descr_offset(d);
}

static void fill_member(AttrCache *c, TrType *t, int32_t offset)
{
    c->type = t;
    c->epoch = tr_type_epoch;
    c->shape = NULL;
    c->index = 0;
    c->member = offset;
}

/* A module's attribute found in its dict: cached by (keys_version, entry). */
static TrValue module_attr(AttrCache *c, TrValue o, TrValue name)
{
    TrValue d = ((TrModule *)tr_obj(o))->dict;
    if (!tr_is_ptr(d) || tr_obj(d)->type != &tr_dict_type || !tr_as_dict(d)->keys_version ||
        !tr_is_str(name))
        return 0;
    int64_t ix = tr_dict_find_str(d, name);
    if (ix < 0)
        return 0;
    c->type = NULL;
    c->shape = ATTRCACHE_MODULE;
    c->epoch = tr_as_dict(d)->keys_version;
    c->index = (int32_t)ix;
    c->member = 0;
    return tr_as_dict(d)->entries[ix].value;
}

TrValue vm_load_attr_slow(AttrCache *c, TrValue o, TrValue name)
{
    TrType *t = NULL;
    TrAttrs *a = NULL;
    GlobalEntry *e = NULL;
    if (tr_is_ptr(o) && tr_obj(o)->type == &tr_module_type) {
        TrValue v = module_attr(c, o, name);
        if (v)
            return v;
    }
    if (tr_is_ptr(o)) {
        t = tr_obj(o)->type;
        if (vm_cacheable_type(t) && t->getattr == tr_generic_getattr) {
            a = vm_fixed_attrs(o, t);
            if (a->dict) {
                a = NULL;
            } else {
                e = global_entry(0, t, a->shape, name);
                if (global_hit(e, t, a->shape, name)) {
                    if (e->kind == GC_SLOT) {
                        fill_slot(c, t, a->shape, e->index);
                        return a->values[e->index];
                    }
                    if (e->kind == GC_CLASSVAL)
                        return e->value;
                }
            }
        }
    }
    TrValue v = tr_getattr(o, name);
    if (v && t && member_offset(t, name) > 0) {
        fill_member(c, t, member_offset(t, name));
        return v;
    }
    if (!v || !a)
        return v;
    int32_t i = tr_shape_find(a->shape, name);
    TrValue d = tr_type_lookup(t, name);
    if (i >= 0 && (!d || !tr_type_of(d)->descr_set)) {
        fill_slot(c, t, a->shape, i);
        global_fill(e, t, a->shape, name, GC_SLOT, i, 0);
    } else if (i < 0 && d && d == v && !tr_type_of(d)->descr_get) {
        /* a plain value of the class (not a descriptor), not shadowed by the instance */
        global_fill(e, t, a->shape, name, GC_CLASSVAL, 0, d);
    }
    return v;
}

/* After `o.name = v` added name to instances of shape old: c remembers the transition. */
static void fill_add(AttrCache *c, TrType *t, TrShape *old, TrAttrs *a, TrValue name)
{
    int32_t n = old ? old->count : 0;
    if (a->dict || !a->shape || a->shape->count != n + 1 || tr_shape_find(a->shape, name) != n ||
        !no_data_descr(t, name) || tr_str_eq_cstr(name, "__dict__"))
        return;
    c->type = t;
    c->epoch = tr_type_epoch | ATTRCACHE_ADD_BIT;
    c->shape = old;
    c->index = n;
    c->member = 0;
    c->next = a->shape;
}

int vm_store_attr_slow(AttrCache *c, TrValue o, TrValue name, TrValue v)
{
    TrShape *old = NULL;
    bool had_dict = true;
    if (tr_is_ptr(o)) {
        TrType *t = tr_obj(o)->type;
        /* compiled code's hit path knows plain slots only: transitions are taken here */
        if (t == c->type && c->epoch == (tr_type_epoch | ATTRCACHE_ADD_BIT) &&
            vm_attrs_add(c, vm_fixed_attrs(o, t), v))
            return 0;
        if (vm_cacheable_type(t) && t->setattr == tr_generic_setattr) {
            TrAttrs *a = vm_fixed_attrs(o, t);
            old = a->shape;
            had_dict = a->dict != 0;
            GlobalEntry *e = global_entry(0, t, a->shape, name);
            if (!a->dict && global_hit(e, t, a->shape, name) && e->kind == GC_SLOT) {
                fill_slot(c, t, a->shape, e->index);
                a->values[e->index] = v;
                return 0;
            }
        }
    }
    if (tr_setattr(o, name, v) < 0)
        return -1;
    if (tr_is_ptr(o)) {
        TrType *t = tr_obj(o)->type;
        int32_t off = t->setattr == tr_generic_setattr ? member_offset(t, name) : 0;
        if (off > 0) {
            fill_member(c, t, off);
            return 0;
        }
        if (vm_cacheable_type(t) && t->setattr == tr_generic_setattr) {
            TrAttrs *a = vm_fixed_attrs(o, t);
            if (!a->dict && a->shape && !had_dict && a->shape != old) {
                fill_add(c, t, old, a, name);
            } else if (!a->dict && a->shape) {
                int32_t i = tr_shape_find(a->shape, name);
                if (i >= 0 && no_data_descr(t, name))
                    fill_slot(c, t, a->shape, i);
            }
        }
    }
    return 0;
}

TrValue vm_load_method_slow(AttrCache *c, TrValue o, TrValue name, TrValue *self_out)
{
    GlobalEntry *e = NULL;
    TrType *t = tr_type_of(o);
    TrAttrs *a = NULL;
    if (tr_is_ptr(o) && vm_cacheable_type(t) && t->getattr == tr_generic_getattr) {
        a = vm_fixed_attrs(o, t);
        if (!a->dict) {
            e = global_entry(1, t, a->shape, name);
            if (global_hit(e, t, a->shape, name) && e->kind == GC_METHOD) {
                c->type = t;
                c->epoch = tr_type_epoch;
                c->shape = a->shape;
                c->index = 0;
                c->method = e->value;
                *self_out = o;
                return e->value;
            }
        }
    }
    TrValue v = tr_getmethod(o, name, self_out);
    if (!v || !*self_out)
        return v;
    if (e && tr_type_of(v) == &tr_function_type) {
        c->type = t;
        c->epoch = tr_type_epoch;
        c->shape = a->shape;
        c->index = 0;
        c->method = v;
        global_fill(e, t, a->shape, name, GC_METHOD, 0, v);
    } else if (tr_is_ptr(o) && (t->flags & TR_TYPE_HEAP) && tr_heap_type(t)->attrs_offset < 0 &&
               t->getattr == tr_generic_getattr && tr_type_of(v) == &tr_function_type) {
        /* instances without attribute storage (__slots__ only): nothing can shadow the type's
           function, so the type and its epoch decide */
        c->type = t;
        c->epoch = tr_type_epoch;
        c->shape = NULL;
        c->index = ATTRCACHE_TYPE_ONLY;
        c->method = v;
    } else if (!(t->flags & TR_TYPE_HEAP) && (!t->getattr || t->getattr == tr_generic_getattr) &&
               tr_is_ptr(o)) {
        /* a method of a built-in type: built-in types never change, and their instances have
           no attributes of their own, so the type alone decides */
        c->type = t;
        c->epoch = tr_type_epoch;
        c->shape = NULL;
        c->index = ATTRCACHE_TYPE_ONLY;
        c->method = v;
    }
    return v;
}
