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

TrValue vm_load_attr_slow(AttrCache *c, TrValue o, TrValue name)
{
    TrValue v = tr_getattr(o, name);
    if (v && tr_is_ptr(o)) {
        TrType *t = tr_obj(o)->type;
        if (vm_cacheable_type(t) && t->getattr == tr_generic_getattr) {
            TrAttrs *a = vm_fixed_attrs(o, t);
            if (!a->dict && a->shape) {
                int32_t i = tr_shape_find(a->shape, name);
                if (i >= 0 && no_data_descr(t, name)) {
                    c->type = t;
                    c->epoch = tr_type_epoch;
                    c->shape = a->shape;
                    c->index = i;
                }
            }
        }
    }
    return v;
}

int vm_store_attr_slow(AttrCache *c, TrValue o, TrValue name, TrValue v)
{
    if (tr_setattr(o, name, v) < 0)
        return -1;
    if (tr_is_ptr(o)) {
        TrType *t = tr_obj(o)->type;
        if (vm_cacheable_type(t) && t->setattr == tr_generic_setattr) {
            TrAttrs *a = vm_fixed_attrs(o, t);
            if (!a->dict && a->shape) {
                int32_t i = tr_shape_find(a->shape, name);
                if (i >= 0 && no_data_descr(t, name)) {
                    c->type = t;
                    c->epoch = tr_type_epoch;
                    c->shape = a->shape;
                    c->index = i;
                }
            }
        }
    }
    return 0;
}

TrValue vm_load_method_slow(AttrCache *c, TrValue o, TrValue name, TrValue *self_out)
{
    TrValue v = tr_getmethod(o, name, self_out);
    if (v && *self_out && tr_is_ptr(o) && tr_type_of(v) == &tr_function_type) {
        TrType *t = tr_obj(o)->type;
        if (vm_cacheable_type(t) && t->getattr == tr_generic_getattr) {
            TrAttrs *a = vm_fixed_attrs(o, t);
            if (!a->dict) {
                c->type = t;
                c->epoch = tr_type_epoch;
                c->shape = a->shape;
                c->method = v;
            }
        }
    }
    return v;
}
