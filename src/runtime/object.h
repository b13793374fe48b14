/*
 * object.h -- types and the generic object protocols (repr, hash, compare, arithmetic,
 * attributes, items, iteration, calls) that the VM, compiled code and builtins all go through.
 * A type fills in the slots it supports; NULL means "not supported" and the generic function
 * raises CPython's TypeError. Slots that may decline return TR_NOTIMPL (binop, richcmp).
 */
#ifndef TR_OBJECT_H
#define TR_OBJECT_H

#include "runtime/value.h"

/* Binary operators, in CPython's BINARY_OP argument order (dis shows these numbers). */
#define TR_BINOPS(X)                                                                               \
    X(ADD, "+") X(AND, "&") X(FLOORDIV, "//") X(LSHIFT, "<<") X(MATMUL, "@") X(MUL, "*")          \
    X(MOD, "%") X(OR, "|") X(POW, "**") X(RSHIFT, ">>") X(SUB, "-") X(TRUEDIV, "/") X(XOR, "^")
typedef enum {
#define X(name, sym) TR_OP_##name,
    TR_BINOPS(X)
#undef X
    TR_OP__COUNT /* 13; in-place form of op k is TR_OP__COUNT + k, as in CPython */
} TrBinOp;
#define TR_OP_INPLACE(op) ((op) + TR_OP__COUNT)
const char *tr_binop_symbol(int op); /* "+", "+=", ... */

/* Rich comparisons, in CPython's COMPARE_OP order. */
typedef enum { TR_LT, TR_LE, TR_EQ, TR_NE, TR_GT, TR_GE } TrCmpOp;

typedef enum { TR_UN_NEG, TR_UN_POS, TR_UN_INVERT } TrUnOp;

/* Calling convention shared by builtins, VM functions and compiled code: positional arguments
   args[0..nargs), then one value per keyword named in kwnames (a tuple of str, or TR_ERR/0
   when there are none). */
typedef TrValue (*TrCallFn)(TrValue callee, const TrValue *args, size_t nargs, TrValue kwnames);
/* Built-in functions and methods: self is the bound object (or the module, or 0). */
typedef TrValue (*TrCFunc)(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames);

enum {
    TR_METH_DEFAULT = 0,
    TR_METH_CLASS = 1,  /* receives the type as self (dict.fromkeys) */
    TR_METH_STATIC = 2, /* receives 0 as self (str.maketrans) */
};
typedef struct TrMethodDef {
    const char *name;
    TrCFunc fn;
    int flags;
} TrMethodDef;

typedef struct TrGetSetDef {
    const char *name;
    TrValue (*get)(TrValue self);
    int (*set)(TrValue self, TrValue value); /* NULL: read-only; value 0 means delete */
} TrGetSetDef;

enum {
    TR_TYPE_BASETYPE = 1 << 0, /* may be subclassed */
    TR_TYPE_HEAP = 1 << 1,     /* created by a class statement */
    TR_TYPE_EXC = 1 << 2,      /* BaseException or a subclass */
    TR_TYPE_INT_SUB = 1 << 3,  /* int or a subclass (bool) */
    TR_TYPE_STR_SUB = 1 << 4,
    TR_TYPE_LIST_SUB = 1 << 5,
    TR_TYPE_TUPLE_SUB = 1 << 6,
    TR_TYPE_DICT_SUB = 1 << 7,
    TR_TYPE_TYPE_SUB = 1 << 8,
    TR_TYPE_READY = 1 << 9,
};

struct TrType {
    TrObject ob; /* type(type) is type */
    const char *name;
    TrType *base;
    TrValue bases, mro, dict; /* tuple, tuple, dict: built by tr_type_ready */
    uint32_t flags;
    size_t basicsize; /* instance size in bytes, for subclasses */

    TrValue (*repr)(TrValue self);
    TrValue (*str)(TrValue self); /* NULL: use repr */
    int64_t (*hash)(TrValue self); /* -1 with exception on error; NULL: unhashable */
    /* richcmp(self, other, op): self is of this type; the reflected try calls
       type(b)->richcmp(b, a, swapped op), as CPython does. TR_NOTIMPL: not handled. */
    TrValue (*richcmp)(TrValue self, TrValue other, int op);
    /* binop(a, b, op): operands stay in source order; either a or b is of this type. */
    TrValue (*binop)(TrValue a, TrValue b, int op);
    TrValue (*unop)(TrValue a, int op);
    int (*truth)(TrValue self);        /* -1 error; NULL: use len, else true */
    int64_t (*len)(TrValue self);      /* -1 error */
    TrValue (*getitem)(TrValue self, TrValue key);
    int (*setitem)(TrValue self, TrValue key, TrValue value); /* value 0: delete */
    int (*contains)(TrValue self, TrValue item);              /* -1 error; NULL: iterate */
    TrValue (*iter)(TrValue self);
    TrValue (*next)(TrValue self); /* TR_STOP when exhausted */
    TrCallFn call;
    TrValue (*getattr)(TrValue self, TrValue name); /* NULL: tr_generic_getattr */
    int (*setattr)(TrValue self, TrValue name, TrValue value); /* value 0: delete */
    /* type(...) called: the constructor (CPython's __new__ + __init__ for builtins) */
    TrValue (*new)(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames);
    /* descriptors: attribute found on the type, accessed through obj (0 when through the type) */
    TrValue (*descr_get)(TrValue descr, TrValue obj, TrType *type);
    int (*descr_set)(TrValue descr, TrValue obj, TrValue value);
    TrValue (*format)(TrValue self, TrValue spec); /* format(x, spec); NULL: str(x) if spec empty */

    const TrMethodDef *methods; /* NULL-terminated tables, turned into dict entries */
    const TrGetSetDef *getsets;
};

extern TrType tr_type_type, tr_object_type, tr_bool_type, tr_none_type, tr_notimpl_type,
    tr_ellipsis_type;

/* --- Types ------------------------------------------------------------------------------ */

void tr_type_ready(TrType *t); /* builds bases/mro/dict from base, methods, getsets */
bool tr_type_is_subtype(const TrType *t, const TrType *base);
static inline bool tr_isinstance_exact(TrValue v, const TrType *t) { return tr_type_of(v) == t; }
bool tr_isinstance(TrValue v, const TrType *t); /* includes subclasses */
TrValue tr_type_lookup(const TrType *t, TrValue name); /* MRO dict lookup, 0 if absent */
const char *tr_type_name(TrValue v);                   /* name of type(v) */
const char *tr_type_short_name(const TrType *t);       /* __name__: without a module prefix */

/* --- Generic protocols ------------------------------------------------------------------ */

TrValue tr_repr(TrValue v);  /* str object */
TrValue tr_str(TrValue v);   /* str object */
TrValue tr_ascii(TrValue v);
int64_t tr_hash(TrValue v); /* -1 on error */
int tr_truth(TrValue v);    /* 1, 0, or -1 on error */
TrValue tr_not(TrValue v);

TrValue tr_richcmp(TrValue a, TrValue b, int op); /* any object, or TR_ERR */
int tr_richcmp_bool(TrValue a, TrValue b, int op);
int tr_eq(TrValue a, TrValue b); /* identity shortcut, then ==; 1, 0, -1 */
TrValue tr_binop(TrValue a, TrValue b, int op); /* op may be in-place (TR_OP_INPLACE) */
TrValue tr_unop(TrValue a, int op);

int64_t tr_len(TrValue v);
TrValue tr_getitem(TrValue obj, TrValue key);
int tr_setitem(TrValue obj, TrValue key, TrValue value);
int tr_delitem(TrValue obj, TrValue key);
int tr_contains(TrValue container, TrValue item); /* `item in container` */

TrValue tr_iter(TrValue v);
TrValue tr_next(TrValue it); /* TR_STOP when exhausted, TR_ERR on error */

TrValue tr_getattr(TrValue obj, TrValue name); /* name: str */
TrValue tr_getattr_cstr(TrValue obj, const char *name);
TrValue tr_getattr_opt(TrValue obj, TrValue name); /* 0 with no exception if missing */
int tr_setattr(TrValue obj, TrValue name, TrValue value);
int tr_delattr(TrValue obj, TrValue name);
TrValue tr_generic_getattr(TrValue obj, TrValue name);
int tr_generic_setattr(TrValue obj, TrValue name, TrValue value);
/* Method-call fast path (LOAD_METHOD): *self_out = obj and returns the unbound function when
   the attribute is a plain method of the type; otherwise *self_out = 0 and returns the bound
   attribute. */
TrValue tr_getmethod(TrValue obj, TrValue name, TrValue *self_out);

TrValue tr_call(TrValue callee, const TrValue *args, size_t nargs, TrValue kwnames);
TrValue tr_call0(TrValue callee);
TrValue tr_call1(TrValue callee, TrValue a);
TrValue tr_call2(TrValue callee, TrValue a, TrValue b);
TrValue tr_call_method(TrValue obj, const char *name, const TrValue *args, size_t nargs);
/* f(*args, **kwargs) with a tuple and a dict (or 0) */
TrValue tr_call_ex(TrValue callee, TrValue args, TrValue kwargs);
bool tr_callable(TrValue v);

TrValue tr_format(TrValue v, TrValue spec); /* format(v, spec) */
TrValue tr_index(TrValue v);                /* __index__: an int, or TypeError */
int tr_index_i64(TrValue v, int64_t *out);  /* for sizes; raises IndexError/OverflowError */

/* Guards repr of recursive containers: tr_repr_enter returns 1 if v is already being
   printed (print "[...]"), 0 after marking it, -1 on error; pair with tr_repr_leave. */
int tr_repr_enter(TrValue v);
void tr_repr_leave(TrValue v);

/* Hashing helpers shared by every hashable type (CPython's algorithms, so set/dict order and
   hash() values match). */
int64_t tr_hash_bytes(const void *p, size_t n); /* str and bytes; fixed seed: runs repeat */
int64_t tr_hash_double(double d);
int64_t tr_hash_pointer(const void *p);

#endif
