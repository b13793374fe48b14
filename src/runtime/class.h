/*
 * class.h -- the object model of user classes: heap types (class statements, type(n, b, d)),
 * instances whose attributes are stored by hidden class (shape.h), the special-method slot
 * wrappers, and the descriptor types property / staticmethod / classmethod / super.
 */
#ifndef TR_CLASS_H
#define TR_CLASS_H

#include "runtime/shape.h"

/* A type created at run time. The TrType comes first so a TrHeapType is a TrType. */
typedef struct TrHeapType {
    TrType t;
    TrValue name, qualname; /* str */
    TrValue doc;            /* or 0 */
    TrValue slots;          /* tuple of __slots__ names, or 0 */
    int32_t attrs_offset;   /* byte offset of the TrAttrs in instances; -1: none */
    int32_t slots_offset;   /* byte offset of the first __slots__ value */
    TrType *solid;          /* the built-in type whose layout instances extend */
} TrHeapType;

static inline bool tr_is_heap_type(const TrType *t) { return (t->flags & TR_TYPE_HEAP) != 0; }
static inline TrHeapType *tr_heap_type(const TrType *t) { return (TrHeapType *)t; }

/* Bumped whenever a heap type's namespace or bases change: VM caches of type lookups are keyed
   by (type, epoch). */
extern uint64_t tr_type_epoch;

/* The attribute storage of v (an instance of a heap type), or NULL when it has none. */
TrAttrs *tr_instance_attrs(TrValue v);

/* --- class.c ------------------------------------------------------------------------------ */

/* type(name, bases, ns) with metatype meta; kwnames/kwargs go to __init_subclass__. */
TrValue tr_type_new(TrType *meta, TrValue name, TrValue bases, TrValue ns, TrValue kwargs);
TrValue tr_heap_type_call(TrValue callee, const TrValue *args, size_t nargs, TrValue kwnames);
extern const TrMethodDef tr_builtins_class_methods[]; /* __build_class__ */
void tr_class_init(void); /* once `type` is ready */
/* The wrapper type.__new__/object.__new__ style entry of a builtin type's .new slot. */
TrValue tr_tp_new_wrapper(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames);
TrValue tr_object_init(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames);
TrValue tr_object_new_instance(TrType *t); /* a fresh instance, attributes empty */
/* The Python function __init__ of t when calling t is exactly tr_object_new_instance(t) then
   __init__(obj, *args) (object.__new__, a plain function, metaclass type), else 0: the VM
   then runs __init__ in a frame of its own loop. Valid while tr_type_epoch is unchanged. */
TrValue tr_type_plain_init(TrType *t);
/* The TypeError of an __init__ that returned r (not None). */
TrValue tr_init_result_error(TrValue r);

/* --- slots.c ------------------------------------------------------------------------------ */

/* Fills t's slots from the dunder methods visible through its MRO. */
void tr_slots_fixup(TrType *t);
/* After `t.name = ...` / `del t.name`: refresh the slots that depend on name (and subclasses). */
void tr_slots_update(TrType *t, TrValue name);
/* Adds the methods (__repr__, __eq__, __add__, __getitem__, __init__...) that expose the C
   slots of a built-in type; own is the type's slots before inheritance. */
void tr_slots_expose(TrType *t, const TrType *own);
TrValue tr_slot_lookup_call(TrValue self, const char *name, const TrValue *args, size_t nargs,
                            bool *found);

/* --- descr.c ------------------------------------------------------------------------------ */

extern TrType tr_slot_wrapper_type; /* int.__add__, object.__repr__ ... */
bool tr_is_slot_wrapper(TrValue f);
extern TrType tr_property_type, tr_staticmethod_type, tr_classmethod_type, tr_super_type,
    tr_mappingproxy_type, tr_slot_descr_type;
/* Byte offset of the value of a __slots__ member in instances (d: a member_descriptor). */
int32_t tr_slot_descr_offset(TrValue d);
typedef struct TrStaticMethod {
    TrObject ob;
    TrValue func;
    TrValue dict;
} TrStaticMethod;
TrValue tr_staticmethod_new(TrValue func);
TrValue tr_classmethod_new(TrValue func);
TrValue tr_slot_descr_new(TrType *owner, TrValue name, int32_t offset);
TrValue tr_mappingproxy_new(TrValue dict);

#endif
