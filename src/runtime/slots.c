/*
 * slots.c -- special methods <-> type slots, both ways. A heap type whose class (or a heap
 * ancestor) defines __add__, __eq__, __len__... gets slot functions that look the dunder up on
 * the type and call it; a built-in type's C slots appear in its dict as slot wrappers
 * (int.__add__, object.__repr__, dict.__setitem__) so that super() and explicit calls reach them.
 */
#include "runtime/class.h"

#include "runtime/runtime.h"

#include <alloca.h>

static TrValue intern(const char *s) { return tr_str_intern_cstr(s); }

/* --- Calling a special method ----------------------------------------------------------- */

/* Looks name up on type(self) and calls it with self first; *found false (and 0 returned)
   when the type has no such attribute. */
TrValue tr_slot_lookup_call(TrValue self, const char *name, const TrValue *args, size_t nargs,
                            bool *found)
{
    TrType *t = tr_type_of(self);
    TrValue f = tr_type_lookup(t, intern(name));
    if (found)
        *found = f != 0;
    if (!f)
        return 0;
    TrType *ft = tr_type_of(f);
    if (ft == &tr_function_type || ft == &tr_method_descr_type || ft == &tr_slot_wrapper_type) {
        TrValue *all = alloca((nargs + 1) * sizeof(TrValue));
        all[0] = self;
        for (size_t i = 0; i < nargs; i++)
            all[i + 1] = args[i];
        return tr_call(f, all, nargs + 1, 0);
    }
    if (f == TR_NONE)
        return tr_raise(&tr_TypeError, "'%s' object is not callable", "NoneType");
    TrValue bound = ft->descr_get ? ft->descr_get(f, self, t) : f;
    if (bound == TR_ERR)
        return TR_ERR;
    return tr_call(bound, args, nargs, 0);
}

static TrValue call1(TrValue self, const char *name)
{
    return tr_slot_lookup_call(self, name, NULL, 0, NULL);
}

/* --- Slot functions of heap types ------------------------------------------------------- */

static TrValue slot_repr(TrValue self)
{
    TrValue r = call1(self, "__repr__");
    if (r != TR_ERR && !tr_is_str(r))
        return tr_raise(&tr_TypeError, "__repr__ returned non-string (type %s)", tr_type_name(r));
    return r;
}

static TrValue slot_str(TrValue self)
{
    TrValue r = call1(self, "__str__");
    if (r != TR_ERR && !tr_is_str(r))
        return tr_raise(&tr_TypeError, "__str__ returned non-string (type %s)", tr_type_name(r));
    return r;
}

static int64_t slot_hash(TrValue self)
{
    TrValue r = call1(self, "__hash__");
    if (r == TR_ERR)
        return -1;
    if (!tr_is_int(r) && !tr_is_small(r)) {
        tr_raise(&tr_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    if (tr_is_small(r)) {
        int64_t h = tr_small_val(r);
        if (h == -1)
            return -2;
        return tr_hash(r) == -1 ? -2 : tr_hash(r);
    }
    int64_t h = tr_hash(r);
    return h == -1 ? -2 : h;
}

static const char *const cmp_names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__",
                                        "__ge__"};

static int resolves(TrType *t, const char *name);

static TrValue slot_richcmp(TrValue self, TrValue other, int op)
{
    bool found;
    if (op == TR_NE && resolves(tr_type_of(self), "__ne__") != 1) {
        /* object.__ne__: the inverse of __eq__ unless that is NotImplemented */
        TrValue r = tr_slot_lookup_call(self, "__eq__", &other, 1, &found);
        if (!found || r == TR_ERR || r == TR_NOTIMPL)
            return found ? r : TR_NOTIMPL;
        int b = tr_truth(r);
        return b < 0 ? TR_ERR : tr_bool(!b);
    }
    TrValue r = tr_slot_lookup_call(self, cmp_names[op], &other, 1, &found);
    if (!found)
        return TR_NOTIMPL;
    return r;
}

#define BINOP_NAMES(X)                                                                         \
    X(ADD, "add") X(AND, "and") X(FLOORDIV, "floordiv") X(LSHIFT, "lshift")                   \
    X(MATMUL, "matmul") X(MUL, "mul") X(MOD, "mod") X(OR, "or") X(POW, "pow")                 \
    X(RSHIFT, "rshift") X(SUB, "sub") X(TRUEDIV, "truediv") X(XOR, "xor")
static const char *const op_names[] = {
#define X(n, s) "__" s "__",
    BINOP_NAMES(X)
#undef X
};
static const char *const rop_names[] = {
#define X(n, s) "__r" s "__",
    BINOP_NAMES(X)
#undef X
};
static const char *const iop_names[] = {
#define X(n, s) "__i" s "__",
    BINOP_NAMES(X)
#undef X
};

static TrValue slot_binop(TrValue a, TrValue b, int op);

static TrValue call_binary(TrValue self, const char *name, TrValue other)
{
    bool found;
    TrValue r = tr_slot_lookup_call(self, name, &other, 1, &found);
    return found ? r : TR_NOTIMPL;
}

/* Whether type b's __rop__ is another function than a's (CPython's method_is_overloaded). */
static bool rop_overloaded(TrType *ta, TrType *tb, const char *rname)
{
    TrValue n = intern(rname);
    TrValue fb = tr_type_lookup(tb, n);
    if (!fb)
        return false;
    return tr_type_lookup(ta, n) != fb;
}

/* CPython's SLOT1BINFULL: the left operand's __op__, the right one's __rop__, with the
   subclass-first rule; tr_binop calls it once per pair. */
static TrValue slot_binop(TrValue a, TrValue b, int op)
{
    if (op >= TR_OP__COUNT)
        return call_binary(a, iop_names[op - TR_OP__COUNT], b);
    TrType *ta = tr_type_of(a), *tb = tr_type_of(b);
    bool do_other = ta != tb && tb->binop == slot_binop &&
                    tr_type_lookup(tb, intern(rop_names[op])) != 0;
    if (ta->binop == slot_binop) {
        if (do_other && tr_type_is_subtype(tb, ta) && rop_overloaded(ta, tb, rop_names[op])) {
            TrValue r = call_binary(b, rop_names[op], a);
            if (r != TR_NOTIMPL)
                return r;
            do_other = false;
        }
        TrValue r = call_binary(a, op_names[op], b);
        if (r != TR_NOTIMPL || ta == tb)
            return r;
    }
    if (do_other)
        return call_binary(b, rop_names[op], a);
    return TR_NOTIMPL;
}

static const char *const unop_names[] = {"__neg__", "__pos__", "__invert__"};

static TrValue slot_unop(TrValue a, int op)
{
    bool found;
    TrValue r = tr_slot_lookup_call(a, unop_names[op], NULL, 0, &found);
    return found ? r : TR_NOTIMPL;
}

static int slot_truth(TrValue self)
{
    bool found;
    TrValue r = tr_slot_lookup_call(self, "__bool__", NULL, 0, &found);
    if (found) {
        if (r == TR_ERR)
            return -1;
        if (r != TR_TRUE && r != TR_FALSE) {
            tr_raise(&tr_TypeError, "__bool__ should return bool, returned %s", tr_type_name(r));
            return -1;
        }
        return r == TR_TRUE;
    }
    r = tr_slot_lookup_call(self, "__len__", NULL, 0, &found);
    if (!found)
        return 1;
    if (r == TR_ERR)
        return -1;
    int64_t n;
    if (!tr_is_small(r) && !tr_is_int(r)) {
        tr_raise(&tr_TypeError, "'%s' object cannot be interpreted as an integer",
                 tr_type_name(r));
        return -1;
    }
    if (tr_index_i64(r, &n) < 0)
        return -1;
    if (n < 0) {
        tr_raise(&tr_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n > 0;
}

static int64_t slot_len(TrValue self)
{
    TrValue r = call1(self, "__len__");
    if (r == TR_ERR)
        return -1;
    if (!tr_is_small(r) && !tr_is_int(r)) {
        TrValue i = tr_index(r);
        if (i == TR_ERR)
            return -1;
        r = i;
    }
    int64_t n;
    if (tr_is_small(r)) {
        n = tr_small_val(r);
    } else if (tr_int_to_i64(r, &n) < 0) {
        tr_err_clear();
        tr_raise(&tr_OverflowError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    if (n < 0) {
        tr_raise(&tr_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static TrValue slot_getitem(TrValue self, TrValue key)
{
    bool found;
    TrValue r = tr_slot_lookup_call(self, "__getitem__", &key, 1, &found);
    if (!found)
        return tr_raise(&tr_TypeError, "'%s' object is not subscriptable", tr_type_name(self));
    return r;
}

static int slot_setitem(TrValue self, TrValue key, TrValue value)
{
    bool found;
    TrValue r;
    if (value) {
        TrValue a[2] = {key, value};
        r = tr_slot_lookup_call(self, "__setitem__", a, 2, &found);
        if (!found) {
            tr_raise(&tr_TypeError, "'%s' object does not support item assignment",
                     tr_type_name(self));
            return -1;
        }
    } else {
        r = tr_slot_lookup_call(self, "__delitem__", &key, 1, &found);
        if (!found) {
            tr_raise(&tr_TypeError, "'%s' object doesn't support item deletion",
                     tr_type_name(self));
            return -1;
        }
    }
    return r == TR_ERR ? -1 : 0;
}

static int slot_contains(TrValue self, TrValue item)
{
    bool found;
    TrValue r = tr_slot_lookup_call(self, "__contains__", &item, 1, &found);
    if (!found) {
        /* __contains__ = None or missing: iterate, as the generic protocol does */
        TrType *t = tr_type_of(self);
        if (!t->iter && !t->getitem) {
            tr_raise(&tr_TypeError, "argument of type '%s' is not iterable", t->name);
            return -1;
        }
        TrValue it = tr_iter(self);
        if (it == TR_ERR)
            return -1;
        for (;;) {
            TrValue x = tr_next(it);
            if (x == TR_STOP)
                return 0;
            if (x == TR_ERR)
                return -1;
            int e = tr_eq(x, item);
            if (e != 0)
                return e;
        }
    }
    if (r == TR_ERR)
        return -1;
    return tr_truth(r);
}

static TrValue slot_iter(TrValue self)
{
    bool found;
    TrValue f = tr_type_lookup(tr_type_of(self), intern("__iter__"));
    if (f == TR_NONE)
        return tr_raise(&tr_TypeError, "'%s' object is not iterable", tr_type_name(self));
    TrValue r = tr_slot_lookup_call(self, "__iter__", NULL, 0, &found);
    if (!found) {
        if (tr_type_lookup(tr_type_of(self), intern("__getitem__")))
            return tr_seqiter_new(self);
        return tr_raise(&tr_TypeError, "'%s' object is not iterable", tr_type_name(self));
    }
    if (r != TR_ERR && !tr_type_of(r)->next)
        return tr_raise(&tr_TypeError, "iter() returned non-iterator of type '%s'",
                        tr_type_name(r));
    return r;
}

static TrValue slot_next(TrValue self)
{
    TrValue r = call1(self, "__next__");
    if (r == TR_ERR && tr_err_matches(&tr_StopIteration)) {
        TrValue e = tr_err_fetch();
        TrTuple *a = tr_as_tuple(((TrExc *)tr_obj(e))->args);
        if (a->len == 0) /* a plain StopIteration is the end; one with a value is kept */
            return TR_STOP;
        tr_err_restore(e);
    }
    return r;
}

static TrValue slot_call(TrValue callee, const TrValue *args, size_t nargs, TrValue kwnames)
{
    TrType *t = tr_type_of(callee);
    TrValue f = tr_type_lookup(t, intern("__call__"));
    if (!f)
        return tr_raise(&tr_TypeError, "'%s' object is not callable", t->name);
    TrType *ft = tr_type_of(f);
    if (ft == &tr_function_type) {
        size_t n = nargs + tr_nkw(kwnames);
        TrValue *all = n < 32 ? alloca((n + 1) * sizeof(TrValue)) : tr_alloc((n + 1) * 8);
        all[0] = callee;
        memcpy(all + 1, args, n * sizeof(TrValue));
        return tr_call(f, all, nargs + 1, kwnames);
    }
    TrValue bound = ft->descr_get ? ft->descr_get(f, callee, t) : f;
    if (bound == TR_ERR)
        return TR_ERR;
    return tr_call(bound, args, nargs, kwnames);
}

static TrValue name_getattribute, name_getattr;

static bool is_generic_getattribute(TrValue f);

static TrValue slot_getattr(TrValue obj, TrValue name)
{
    TrType *t = tr_type_of(obj);
    TrValue ga = tr_type_lookup(t, name_getattribute);
    TrValue r;
    if (!ga || is_generic_getattribute(ga))
        r = tr_generic_getattr(obj, name);
    else
        r = tr_slot_lookup_call(obj, "__getattribute__", &name, 1, NULL);
    if (r == TR_ERR && tr_err_matches(&tr_AttributeError)) {
        TrValue gf = tr_type_lookup(t, name_getattr);
        if (gf) {
            tr_err_clear();
            return tr_slot_lookup_call(obj, "__getattr__", &name, 1, NULL);
        }
    }
    return r;
}

static int slot_setattr(TrValue obj, TrValue name, TrValue value)
{
    TrValue r;
    if (value) {
        TrValue a[2] = {name, value};
        r = tr_slot_lookup_call(obj, "__setattr__", a, 2, NULL);
    } else {
        r = tr_slot_lookup_call(obj, "__delattr__", &name, 1, NULL);
    }
    return r == TR_ERR ? -1 : 0;
}

static TrValue slot_descr_get(TrValue descr, TrValue obj, TrType *type)
{
    TrValue a[2] = {obj ? obj : TR_NONE, type ? tr_val(type) : TR_NONE};
    return tr_slot_lookup_call(descr, "__get__", a, 2, NULL);
}

static int slot_descr_set(TrValue descr, TrValue obj, TrValue value)
{
    bool found;
    TrValue r;
    if (value) {
        TrValue a[2] = {obj, value};
        r = tr_slot_lookup_call(descr, "__set__", a, 2, &found);
        if (!found) {
            tr_raise(&tr_AttributeError, "__set__");
            return -1;
        }
    } else {
        r = tr_slot_lookup_call(descr, "__delete__", &obj, 1, &found);
        if (!found) {
            tr_raise(&tr_AttributeError, "__delete__");
            return -1;
        }
    }
    return r == TR_ERR ? -1 : 0;
}

static TrValue slot_format(TrValue self, TrValue spec)
{
    TrValue r = tr_slot_lookup_call(self, "__format__", &spec, 1, NULL);
    if (r != TR_ERR && !tr_is_str(r))
        return tr_raise(&tr_TypeError, "__format__ must return a str, not %s", tr_type_name(r));
    return r;
}

/* --- Choosing slots --------------------------------------------------------------------- */

/* Where name resolves on t: 0 absent, 1 defined by a heap class, 2 by a built-in type. */
static int resolves(TrType *t, const char *name)
{
    TrValue n = intern(name);
    TrTuple *m = tr_as_tuple(t->mro);
    for (int64_t i = 0; i < m->len; i++) {
        TrType *b = (TrType *)tr_obj(m->items[i]);
        if (tr_dict_get_str(b->dict, n))
            return tr_is_heap_type(b) ? 1 : 2;
    }
    return 0;
}

static bool any_heap(TrType *t, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (resolves(t, names[i]) == 1)
            return true;
    return false;
}

/* The slot value of the first built-in type in t's MRO that has one. */
#define BUILTIN_SLOT(t, slot, out)                                                             \
    do {                                                                                       \
        TrTuple *m_ = tr_as_tuple((t)->mro);                                                   \
        out = NULL;                                                                            \
        for (int64_t i_ = 1; i_ < m_->len; i_++) {                                             \
            TrType *b_ = (TrType *)tr_obj(m_->items[i_]);                                      \
            if (!tr_is_heap_type(b_) && b_->slot) {                                            \
                out = b_->slot;                                                                \
                break;                                                                         \
            }                                                                                  \
        }                                                                                      \
    } while (0)

#define PICK(slot, fn, ...)                                                                    \
    do {                                                                                       \
        static const char *const names_[] = {__VA_ARGS__};                                     \
        if (any_heap(t, names_, (int)TR_ARRAY_LEN(names_)))                                    \
            t->slot = fn;                                                                      \
        else                                                                                   \
            BUILTIN_SLOT(t, slot, t->slot);                                                    \
    } while (0)

void tr_slots_fixup(TrType *t)
{
    if (!name_getattribute) {
        name_getattribute = intern("__getattribute__");
        name_getattr = intern("__getattr__");
    }
    PICK(repr, slot_repr, "__repr__");
    if (!t->repr)
        t->repr = tr_object_type.repr;
    PICK(str, slot_str, "__str__");
    PICK(richcmp, slot_richcmp, "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__");
    PICK(binop, slot_binop, "__add__", "__and__", "__floordiv__", "__lshift__", "__matmul__",
         "__mul__", "__mod__", "__or__", "__pow__", "__rshift__", "__sub__", "__truediv__",
         "__xor__", "__radd__", "__rand__", "__rfloordiv__", "__rlshift__", "__rmatmul__",
         "__rmul__", "__rmod__", "__ror__", "__rpow__", "__rrshift__", "__rsub__",
         "__rtruediv__", "__rxor__", "__iadd__", "__iand__", "__ifloordiv__", "__ilshift__",
         "__imatmul__", "__imul__", "__imod__", "__ior__", "__ipow__", "__irshift__",
         "__isub__", "__itruediv__", "__ixor__");
    PICK(unop, slot_unop, "__neg__", "__pos__", "__invert__");
    PICK(truth, slot_truth, "__bool__", "__len__");
    PICK(len, slot_len, "__len__");
    PICK(getitem, slot_getitem, "__getitem__");
    PICK(setitem, slot_setitem, "__setitem__", "__delitem__");
    PICK(contains, slot_contains, "__contains__");
    PICK(iter, slot_iter, "__iter__");
    PICK(next, slot_next, "__next__");
    PICK(call, slot_call, "__call__");
    PICK(descr_get, slot_descr_get, "__get__");
    PICK(descr_set, slot_descr_set, "__set__", "__delete__");
    PICK(format, slot_format, "__format__");
    /* hash: None (set when __eq__ comes without __hash__) makes instances unhashable */
    TrValue h = tr_type_lookup(t, intern("__hash__"));
    if (h == TR_NONE)
        t->hash = NULL;
    else if (resolves(t, "__hash__") == 1)
        t->hash = slot_hash;
    else
        BUILTIN_SLOT(t, hash, t->hash);
    static const char *const ga[] = {"__getattribute__", "__getattr__"};
    static const char *const sa[] = {"__setattr__", "__delattr__"};
    if (any_heap(t, ga, 2))
        t->getattr = slot_getattr;
    else
        BUILTIN_SLOT(t, getattr, t->getattr);
    if (any_heap(t, sa, 2))
        t->setattr = slot_setattr;
    else
        BUILTIN_SLOT(t, setattr, t->setattr);
    if (!t->getattr)
        t->getattr = tr_generic_getattr;
    if (!t->setattr)
        t->setattr = tr_generic_setattr;
    /* instances are created by tr_heap_type_call, reached through type_call */
    t->new = NULL;
}

/* A dunder was assigned on t (or deleted): refresh t and every heap subclass sharing it. */
static void fixup_tree(TrType *t, TrValue subclasses_of)
{
    tr_slots_fixup(t);
}

void tr_slots_update(TrType *t, TrValue name)
{
    tr_type_epoch++;
    if (!tr_is_str(name) || tr_as_str(name)->len < 4 || !tr_str_utf8(name))
        return;
    const char *s = tr_str_utf8(name);
    size_t n = strlen(s);
    if (s[0] != '_' || s[1] != '_' || s[n - 1] != '_' || s[n - 2] != '_')
        return;
    if (strcmp(s, "__new__") == 0 || strcmp(s, "__init_subclass__") == 0 ||
        strcmp(s, "__class_getitem__") == 0) {
        /* nothing to refresh: the wrapping is done when the class is made */
    }
    fixup_tree(t, 0);
    /* subclasses are not tracked: they keep the slots they had (they call through the type
       lookup anyway once their slot is a wrapper) */
}

/* --- Slot wrappers: built-in slots as methods ------------------------------------------- */

enum {
    SW_REPR, SW_STR, SW_HASH, SW_CMP, SW_OP, SW_ROP, SW_IOP, SW_UNOP, SW_BOOL, SW_LEN,
    SW_GETITEM, SW_SETITEM, SW_DELITEM, SW_CONTAINS, SW_ITER, SW_NEXT, SW_CALL, SW_GETATTRIBUTE,
    SW_SETATTR, SW_DELATTR, SW_GET, SW_SET, SW_DELETE, SW_FORMAT, SW_INIT_NOP,
};

typedef struct TrSlotWrapper {
    TrObject ob;
    const char *name;
    TrType *owner;
    int kind, op;
} TrSlotWrapper;

#define SW(v) ((TrSlotWrapper *)tr_obj(v))

static int sw_nargs(TrSlotWrapper *w, size_t nargs, TrValue kw, size_t want)
{
    if (tr_nkw(kw))
        return tr_raise(&tr_TypeError, "%s() takes no keyword arguments", w->name), -1;
    if (nargs != want) {
        if (want == 0)
            tr_raise(&tr_TypeError, "expected 0 arguments, got %zd", nargs);
        else
            tr_raise(&tr_TypeError, "expected %zd argument%s, got %zd", want,
                     want == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static TrValue int_result(int r) { return r < 0 ? TR_ERR : TR_NONE; }

static TrValue sw_invoke(TrSlotWrapper *w, TrValue self, const TrValue *a, size_t n, TrValue kw)
{
    TrType *o = w->owner;
    switch (w->kind) {
    case SW_REPR: return sw_nargs(w, n, kw, 0) < 0 ? TR_ERR : o->repr(self);
    case SW_STR:
        if (sw_nargs(w, n, kw, 0) < 0)
            return TR_ERR;
        return o->str ? o->str(self) : o->repr(self);
    case SW_HASH: {
        if (sw_nargs(w, n, kw, 0) < 0)
            return TR_ERR;
        int64_t h = o->hash(self);
        return h == -1 ? TR_ERR : tr_int_from_i64(h);
    }
    case SW_CMP: return sw_nargs(w, n, kw, 1) < 0 ? TR_ERR : o->richcmp(self, a[0], w->op);
    case SW_OP: return sw_nargs(w, n, kw, 1) < 0 ? TR_ERR : o->binop(self, a[0], w->op);
    case SW_ROP: return sw_nargs(w, n, kw, 1) < 0 ? TR_ERR : o->binop(a[0], self, w->op);
    case SW_IOP:
        return sw_nargs(w, n, kw, 1) < 0 ? TR_ERR : o->binop(self, a[0], TR_OP_INPLACE(w->op));
    case SW_UNOP: return sw_nargs(w, n, kw, 0) < 0 ? TR_ERR : o->unop(self, w->op);
    case SW_BOOL: {
        if (sw_nargs(w, n, kw, 0) < 0)
            return TR_ERR;
        int r = o->truth(self);
        return r < 0 ? TR_ERR : tr_bool(r);
    }
    case SW_LEN: {
        if (sw_nargs(w, n, kw, 0) < 0)
            return TR_ERR;
        int64_t r = o->len(self);
        return r < 0 ? TR_ERR : tr_int_from_i64(r);
    }
    case SW_GETITEM: return sw_nargs(w, n, kw, 1) < 0 ? TR_ERR : o->getitem(self, a[0]);
    case SW_SETITEM:
        return sw_nargs(w, n, kw, 2) < 0 ? TR_ERR : int_result(o->setitem(self, a[0], a[1]));
    case SW_DELITEM:
        return sw_nargs(w, n, kw, 1) < 0 ? TR_ERR : int_result(o->setitem(self, a[0], 0));
    case SW_CONTAINS: {
        if (sw_nargs(w, n, kw, 1) < 0)
            return TR_ERR;
        int r = o->contains(self, a[0]);
        return r < 0 ? TR_ERR : tr_bool(r);
    }
    case SW_ITER: return sw_nargs(w, n, kw, 0) < 0 ? TR_ERR : o->iter(self);
    case SW_NEXT: {
        if (sw_nargs(w, n, kw, 0) < 0)
            return TR_ERR;
        TrValue r = o->next(self);
        return r == TR_STOP ? tr_raise_stop_iteration(0) : r;
    }
    case SW_CALL: return o->call(self, a, n, kw);
    case SW_GETATTRIBUTE: {
        if (sw_nargs(w, n, kw, 1) < 0)
            return TR_ERR;
        if (!tr_is_str(a[0]))
            return tr_raise(&tr_TypeError, "attribute name must be string, not '%s'",
                            tr_type_name(a[0]));
        return o->getattr ? o->getattr(self, a[0]) : tr_generic_getattr(self, a[0]);
    }
    case SW_SETATTR:
    case SW_DELATTR: {
        bool set = w->kind == SW_SETATTR;
        if (sw_nargs(w, n, kw, set ? 2 : 1) < 0)
            return TR_ERR;
        if (!tr_is_str(a[0]))
            return tr_raise(&tr_TypeError, "attribute name must be string, not '%s'",
                            tr_type_name(a[0]));
        if (tr_is_heap_type(tr_type_of(self)) == false && tr_type_of(self) != o &&
            o == &tr_object_type && !(tr_type_of(self)->flags & TR_TYPE_HEAP))
            return tr_raise(&tr_TypeError, "can't apply this %s to %s object", w->name,
                            tr_type_name(self));
        int (*fn)(TrValue, TrValue, TrValue) = o->setattr ? o->setattr : tr_generic_setattr;
        return int_result(fn(self, a[0], set ? a[1] : 0));
    }
    case SW_GET: {
        if (n < 1 || n > 2)
            return tr_raise(&tr_TypeError, "expected 1 or 2 arguments, got %zd", n);
        TrValue obj = a[0] == TR_NONE ? 0 : a[0];
        TrValue ty = n > 1 && a[1] != TR_NONE ? a[1] : 0;
        if (!obj && !ty)
            return tr_raise(&tr_TypeError, "__get__(None, None) is invalid");
        return o->descr_get(self, obj, ty ? (TrType *)tr_obj(ty) : tr_type_of(obj));
    }
    case SW_SET:
        return sw_nargs(w, n, kw, 2) < 0 ? TR_ERR : int_result(o->descr_set(self, a[0], a[1]));
    case SW_DELETE:
        return sw_nargs(w, n, kw, 1) < 0 ? TR_ERR : int_result(o->descr_set(self, a[0], 0));
    case SW_FORMAT: {
        if (sw_nargs(w, n, kw, 1) < 0)
            return TR_ERR;
        if (!tr_is_str(a[0]))
            return tr_raise(&tr_TypeError, "__format__() argument must be str, not %s",
                            tr_type_name(a[0]));
        return o->format(self, a[0]);
    }
    case SW_INIT_NOP: return TR_NONE;
    }
    return TR_NONE;
}

static TrValue slot_wrapper_call(TrValue callee, const TrValue *args, size_t nargs, TrValue kw)
{
    TrSlotWrapper *w = SW(callee);
    if (nargs < 1)
        return tr_raise(&tr_TypeError, "descriptor '%s' of '%s' object needs an argument",
                        w->name, w->owner->name);
    if (!tr_isinstance(args[0], w->owner))
        return tr_raise(&tr_TypeError,
                        "descriptor '%s' requires a '%s' object but received a '%s'", w->name,
                        w->owner->name, tr_type_name(args[0]));
    return sw_invoke(w, args[0], args + 1, nargs - 1, kw);
}

static TrValue slot_wrapper_get(TrValue d, TrValue obj, TrType *type)
{
    if (!obj)
        return d;
    return tr_bound_method_new(d, obj);
}

static TrValue slot_wrapper_repr(TrValue v)
{
    return tr_str_fmt("<slot wrapper '%s' of '%s' objects>", SW(v)->name, SW(v)->owner->name);
}

static TrValue slot_wrapper_name(TrValue v) { return tr_str_from_cstr(SW(v)->name); }
static TrValue slot_wrapper_qualname(TrValue v)
{
    return tr_str_fmt("%s.%s", SW(v)->owner->name, SW(v)->name);
}
static TrValue slot_wrapper_objclass(TrValue v) { return tr_val(SW(v)->owner); }

static const TrGetSetDef slot_wrapper_getsets[] = {
    {"__name__", slot_wrapper_name, NULL},
    {"__qualname__", slot_wrapper_qualname, NULL},
    {"__objclass__", slot_wrapper_objclass, NULL},
    {NULL, NULL, NULL},
};

TrType tr_slot_wrapper_type = {
    .ob = {&tr_type_type}, .name = "wrapper_descriptor", .basicsize = sizeof(TrSlotWrapper),
    .repr = slot_wrapper_repr, .call = slot_wrapper_call, .descr_get = slot_wrapper_get,
    .getsets = slot_wrapper_getsets,
};

static bool is_generic_getattribute(TrValue f)
{
    if (!tr_is_ptr(f) || tr_obj(f)->type != &tr_slot_wrapper_type)
        return false;
    TrSlotWrapper *w = SW(f);
    return w->kind == SW_GETATTRIBUTE &&
           (!w->owner->getattr || w->owner->getattr == tr_generic_getattr);
}

bool tr_is_slot_wrapper(TrValue f) { return tr_is_ptr(f) && tr_obj(f)->type == &tr_slot_wrapper_type; }

static void add_wrapper(TrType *t, const char *name, int kind, int op)
{
    TrValue k = intern(name);
    if (tr_dict_get_str(t->dict, k))
        return;
    TrSlotWrapper *w = TR_NEW(TrSlotWrapper, &tr_slot_wrapper_type);
    w->name = name;
    w->owner = t;
    w->kind = kind;
    w->op = op;
    tr_dict_set(t->dict, k, tr_val(w));
}

static const TrMethodDef object_init_def = {"__init__", tr_object_init, 0};

static TrValue object_init_subclass(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (nargs + tr_nkw(kw))
        return tr_raise(&tr_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                        ((TrType *)tr_obj(self))->name);
    return TR_NONE;
}
static const TrMethodDef object_init_subclass_def = {"__init_subclass__", object_init_subclass,
                                                     TR_METH_CLASS};

static TrValue exc_init(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_nkw(kw))
        return tr_raise(&tr_TypeError, "%s() takes no keyword arguments", tr_type_name(self));
    ((TrExc *)tr_obj(self))->args = tr_tuple_from(args, (int64_t)nargs);
    return TR_NONE;
}
static const TrMethodDef exc_init_def = {"__init__", exc_init, 0};

static TrValue type_init(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (nargs != 1 && nargs != 3)
        return tr_raise(&tr_TypeError, "type.__init__() takes 1 or 3 arguments");
    return TR_NONE;
}
static const TrMethodDef type_init_def = {"__init__", type_init, 0};

static void add_method_def(TrType *t, const TrMethodDef *def)
{
    TrValue k = intern(def->name);
    if (tr_dict_get_str(t->dict, k))
        return;
    TrMethodDescr *d = TR_NEW(TrMethodDescr, (def->flags & TR_METH_CLASS)
                                                 ? &tr_classmethod_descr_type
                                                 : &tr_method_descr_type);
    d->def = def;
    d->owner = t;
    tr_dict_set(t->dict, k, tr_val(d));
}

void tr_slots_expose(TrType *t, const TrType *own)
{
    if (tr_is_heap_type(t))
        return;
    if (own->repr)
        add_wrapper(t, "__repr__", SW_REPR, 0);
    if (own->str)
        add_wrapper(t, "__str__", SW_STR, 0);
    if (own->hash)
        add_wrapper(t, "__hash__", SW_HASH, 0);
    else if (own->richcmp && t != &tr_object_type)
        tr_dict_set(t->dict, intern("__hash__"), TR_NONE);
    if (own->richcmp)
        for (int i = 0; i < 6; i++)
            add_wrapper(t, cmp_names[i], SW_CMP, i);
    if (own->binop)
        for (int i = 0; i < TR_OP__COUNT; i++) {
            add_wrapper(t, op_names[i], SW_OP, i);
            add_wrapper(t, rop_names[i], SW_ROP, i);
        }
    if (own->unop)
        for (int i = 0; i < 3; i++)
            add_wrapper(t, unop_names[i], SW_UNOP, i);
    if (own->truth)
        add_wrapper(t, "__bool__", SW_BOOL, 0);
    if (own->len)
        add_wrapper(t, "__len__", SW_LEN, 0);
    if (own->getitem)
        add_wrapper(t, "__getitem__", SW_GETITEM, 0);
    if (own->setitem) {
        add_wrapper(t, "__setitem__", SW_SETITEM, 0);
        add_wrapper(t, "__delitem__", SW_DELITEM, 0);
    }
    if (own->contains)
        add_wrapper(t, "__contains__", SW_CONTAINS, 0);
    if (own->iter)
        add_wrapper(t, "__iter__", SW_ITER, 0);
    if (own->next)
        add_wrapper(t, "__next__", SW_NEXT, 0);
    if (own->call)
        add_wrapper(t, "__call__", SW_CALL, 0);
    if (own->getattr || t == &tr_object_type)
        add_wrapper(t, "__getattribute__", SW_GETATTRIBUTE, 0);
    if (own->setattr || t == &tr_object_type) {
        add_wrapper(t, "__setattr__", SW_SETATTR, 0);
        add_wrapper(t, "__delattr__", SW_DELATTR, 0);
    }
    if (own->descr_get)
        add_wrapper(t, "__get__", SW_GET, 0);
    if (own->descr_set) {
        add_wrapper(t, "__set__", SW_SET, 0);
        add_wrapper(t, "__delete__", SW_DELETE, 0);
    }
    if (own->format)
        add_wrapper(t, "__format__", SW_FORMAT, 0);
    if (own->new) {
        TrValue k = intern("__new__");
        if (!tr_dict_get_str(t->dict, k))
            tr_dict_set(t->dict, k, tr_builtin_new("__new__", tr_tp_new_wrapper, tr_val(t)));
    }
    if (t == &tr_object_type) {
        add_method_def(t, &object_init_def);
        add_method_def(t, &object_init_subclass_def);
    }
    if (t == &tr_BaseException)
        add_method_def(t, &exc_init_def);
    if (t == &tr_type_type)
        add_method_def(t, &type_init_def);
}
