/*
 * attrcache.h -- inline caches of LOAD_ATTR / STORE_ATTR / LOAD_METHOD on instances of user
 * classes: one entry per instruction, keyed by (type, type epoch, shape), so a hit is a few
 * compares and one load. Entries are filled by the slow paths in attrcache.c.
 */
#ifndef TR_VM_ATTRCACHE_H
#define TR_VM_ATTRCACHE_H

#include "bytecode/code.h"
#include "runtime/class.h"
#include "runtime/dict.h"
#include "runtime/module.h"

typedef struct AttrCache {
    TrType *type;
    uint64_t epoch;
    TrShape *shape;
    int32_t index; /* attribute slot (LOAD_ATTR / STORE_ATTR); LOAD_METHOD: 0, or
                      ATTRCACHE_TYPE_ONLY for a built-in type (no shape to check) */
    int32_t member; /* > 0: LOAD_ATTR / STORE_ATTR of a __slots__ member at this byte offset
                       (type alone decides; shape and index unused) */
    union {
        TrValue method; /* LOAD_METHOD: the function found on the type */
        TrShape *next;  /* STORE_ATTR adding an attribute: the shape after it (index: its slot) */
    };
} AttrCache;

#define ATTRCACHE_TYPE_ONLY (-2)
/* STORE_ATTR that adds an attribute to instances of shape `shape` (transition to `next`): the
   epoch carries this bit, so that hit paths that know only plain slots (native_rt.c) miss. */
#define ATTRCACHE_ADD_BIT (UINT64_C(1) << 63)
/* LOAD_ATTR on a module (math.sqrt): type NULL (so no instance ever hits), shape this mark,
   epoch the keys_version of the module's dict and index the entry, as the global caches. */
#define ATTRCACHE_MODULE ((TrShape *)(uintptr_t)8)

/* The attribute c caches for module o, or 0 (then vm_load_attr_slow). */
static inline TrValue vm_module_attr_hit(const AttrCache *c, TrValue o)
{
    if (c->shape != ATTRCACHE_MODULE || !tr_is_ptr(o) || tr_obj(o)->type != &tr_module_type)
        return 0;
    TrDict *d = (TrDict *)tr_obj(((TrModule *)tr_obj(o))->dict);
    return d->keys_version == c->epoch ? d->entries[c->index].value : 0;
}

static inline AttrCache *vm_attr_cache(CodeObj *co, int i)
{
    if (TR_UNLIKELY(!co->cache))
        co->cache = tr_alloc(sizeof(AttrCache) * (size_t)co->ncode);
    return &((AttrCache *)co->cache)[i];
}

/* Instances whose attributes sit at a fixed offset: the only ones cached. */
static inline TrAttrs *vm_fixed_attrs(TrValue o, TrType *t)
{
    return (TrAttrs *)((char *)tr_obj(o) + tr_heap_type(t)->attrs_offset);
}
static inline bool vm_cacheable_type(TrType *t)
{
    return (t->flags & TR_TYPE_HEAP) && tr_heap_type(t)->attrs_offset >= 0;
}

/* The STORE_ATTR transition of c on instance attributes at (type and epoch checked): v becomes
   the new attribute. False when the values array must grow (the slow path does that). */
static inline bool vm_attrs_add(const AttrCache *c, TrAttrs *at, TrValue v)
{
    int32_t n = c->index;
    if (at->shape != c->shape || at->dict)
        return false;
    if (n == 0)
        at->values = tr_alloc(sizeof(TrValue) * 4); /* as tr_attrs_set */
    else if (n >= 4 && (n & (n - 1)) == 0)
        return false;
    at->values[n] = v;
    at->shape = c->next;
    return true;
}

TrValue vm_load_attr_slow(AttrCache *c, TrValue o, TrValue name);
int vm_store_attr_slow(AttrCache *c, TrValue o, TrValue name, TrValue v);
TrValue vm_load_method_slow(AttrCache *c, TrValue o, TrValue name, TrValue *self_out);

#endif
