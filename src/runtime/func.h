/*
 * func.h -- callables: Python functions (whose code the VM or compiled code runs through the
 * entry pointer), cells for closures, built-in functions, method descriptors of built-in types,
 * and bound methods.
 */
#ifndef TR_FUNC_H
#define TR_FUNC_H

#include "runtime/object.h"

typedef struct TrFunction TrFunction;
/* How a Python function runs: the VM installs its interpreter entry, compiled code its own. */
typedef TrValue (*TrEntryFn)(TrFunction *fn, const TrValue *args, size_t nargs, TrValue kwnames);

struct TrFunction {
    TrObject ob;
    TrEntryFn entry;
    TrValue code;       /* the code object (opaque to the runtime) */
    TrValue globals;    /* dict */
    TrValue builtins;   /* dict */
    TrValue name, qualname, module, doc;
    TrValue defaults;   /* tuple or 0 */
    TrValue kwdefaults; /* dict or 0 */
    TrValue closure;    /* tuple of cells or 0 */
    TrValue annotations;/* dict or 0 */
    TrValue dict;       /* function attributes, or 0 */
    void *jit;          /* compiled code / profile, owned by jit/ */
};

typedef struct TrCell {
    TrObject ob;
    TrValue ref; /* 0: empty */
} TrCell;

typedef struct TrBuiltin {
    TrObject ob;
    const char *name;
    TrCFunc fn;
    TrValue self; /* bound object, module, or 0 */
    TrValue module_name; /* for repr, may be 0 */
} TrBuiltin;

typedef struct TrMethodDescr { /* a TrMethodDef living in a type's dict */
    TrObject ob;
    const TrMethodDef *def;
    TrType *owner;
} TrMethodDescr;

typedef struct TrGetSetDescr {
    TrObject ob;
    const TrGetSetDef *def;
    TrType *owner;
} TrGetSetDescr;

typedef struct TrBoundMethod {
    TrObject ob;
    TrValue func, self;
} TrBoundMethod;

extern TrType tr_function_type, tr_cell_type, tr_builtin_type, tr_method_descr_type,
    tr_getset_descr_type, tr_bound_method_type, tr_classmethod_descr_type;

TrValue tr_function_new(TrValue code, TrValue globals, TrValue name, TrValue qualname);
TrValue tr_cell_new(TrValue v);
TrValue tr_builtin_new(const char *name, TrCFunc fn, TrValue self);
TrValue tr_bound_method_new(TrValue func, TrValue self);

#endif
