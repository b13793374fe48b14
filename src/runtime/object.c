/*
 * object.c -- the generic object protocols: each dispatches on the type's slot and raises
 * CPython's TypeError when the type has none. The VM, compiled code and builtins call these;
 * types never call each other's slots directly.
 */
#include "runtime/runtime.h"

#include <alloca.h>

static const char *const binop_symbols[] = {
#define X(name, sym) sym,
    TR_BINOPS(X)
#undef X
};
static const char *const inplace_symbols[] = {
#define X(name, sym) sym "=",
    TR_BINOPS(X)
#undef X
};

const char *tr_binop_symbol(int op)
{
    return op >= TR_OP__COUNT ? inplace_symbols[op - TR_OP__COUNT] : binop_symbols[op];
}

/* --- repr, str, hash, truth ------------------------------------------------------------- */

TrValue tr_repr(TrValue v)
{
    TrType *t = tr_type_of(v);
    if (tr_is_small(v) || t == &tr_str_type)
        return t->repr(v);
    /* repr of nested containers recurses in C: count it as a call, as CPython does */
    if (TR_UNLIKELY(++tr_ts.depth > tr_ts.recursion_limit)) {
        tr_ts.depth--;
        return tr_raise(&tr_RecursionError,
                        "maximum recursion depth exceeded while getting the repr of an object");
    }
    TrValue r = t->repr(v); /* object provides a default every type inherits */
    tr_ts.depth--;
    return r;
}

TrValue tr_str(TrValue v)
{
    TrType *t = tr_type_of(v);
    if (t == &tr_str_type)
        return v;
    return t->str ? t->str(v) : t->repr(v);
}

/* ascii(): repr with every non-ASCII code point escaped as \xhh, \uhhhh or \Uhhhhhhhh. */
TrValue tr_ascii(TrValue v)
{
    TrValue r = tr_repr(v);
    if (r == TR_ERR)
        return TR_ERR;
    TrStr *s = tr_as_str(r);
    if (s->ascii)
        return r;
    TrStrBuilder b;
    tr_sbuild_init(&b);
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = tr_str_char(s, i);
        char buf[16];
        if (c < 128)
            tr_sbuild_char(&b, c);
        else {
            int n = c < 0x100     ? snprintf(buf, sizeof buf, "\\x%02x", c)
                    : c < 0x10000 ? snprintf(buf, sizeof buf, "\\u%04x", c)
                                  : snprintf(buf, sizeof buf, "\\U%08x", c);
            tr_sbuild_ascii(&b, buf, (size_t)n);
        }
    }
    return tr_sbuild_finish(&b);
}

int64_t tr_hash(TrValue v)
{
    if (tr_is_small(v)) {
        int64_t h = tr_small_val(v);
        if (h >= 0 && h < TR_SMALL_MAX) /* the modulus is 2**61-1 == TR_SMALL_MAX */
            return h;
        return tr_int_hash(v);
    }
    TrType *t = tr_type_of(v);
    if (!t->hash) {
        tr_raise(&tr_TypeError, "unhashable type: '%s'", t->name);
        return -1;
    }
    return t->hash(v);
}

int64_t tr_hash_pointer(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    int64_t h = (int64_t)((x >> 4) | (x << 60));
    return h == -1 ? -2 : h;
}

int tr_truth(TrValue v)
{
    if (v == TR_TRUE)
        return 1;
    if (v == TR_FALSE || v == TR_NONE)
        return 0;
    if (tr_is_small(v))
        return v != tr_small_new(0);
    TrType *t = tr_type_of(v);
    if (t->truth)
        return t->truth(v);
    if (t->len) {
        int64_t n = t->len(v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

TrValue tr_not(TrValue v)
{
    int r = tr_truth(v);
    return r < 0 ? TR_ERR : tr_bool(!r);
}

/* --- Comparison ------------------------------------------------------------------------- */

static const int swapped_cmp[] = {[TR_LT] = TR_GT, [TR_LE] = TR_GE, [TR_EQ] = TR_EQ,
                                  [TR_NE] = TR_NE, [TR_GT] = TR_LT, [TR_GE] = TR_LE};
static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};

static TrValue richcmp_slots(TrValue a, TrValue b, int op);

static TrValue richcmp_slots(TrValue a, TrValue b, int op)
{
    TrType *ta = tr_type_of(a), *tb = tr_type_of(b);
    TrValue r;
    bool checked_reverse = false;
    /* A subclass gets the first try at the reflected comparison (CPython's rule). */
    if (ta != tb && tb->richcmp && tr_type_is_subtype(tb, ta)) {
        checked_reverse = true;
        r = tb->richcmp(b, a, swapped_cmp[op]);
        if (r != TR_NOTIMPL)
            return r;
    }
    if (ta->richcmp) {
        r = ta->richcmp(a, b, op);
        if (r != TR_NOTIMPL)
            return r;
    }
    if (!checked_reverse && tb->richcmp) {
        r = tb->richcmp(b, a, swapped_cmp[op]);
        if (r != TR_NOTIMPL)
            return r;
    }
    if (op == TR_EQ)
        return tr_bool(a == b);
    if (op == TR_NE)
        return tr_bool(a != b);
    return tr_raise(&tr_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                    cmp_symbols[op], ta->name, tb->name);
}

/* Comparing nested containers recurses in C: count it as a call, as CPython does. */
TrValue tr_richcmp(TrValue a, TrValue b, int op)
{
    if (TR_UNLIKELY(++tr_ts.depth > tr_ts.recursion_limit)) {
        tr_ts.depth--;
        return tr_raise(&tr_RecursionError, "maximum recursion depth exceeded in comparison");
    }
    TrValue r = richcmp_slots(a, b, op);
    tr_ts.depth--;
    return r;
}

int tr_richcmp_bool(TrValue a, TrValue b, int op)
{
    if (tr_is_small(a) && tr_is_small(b)) {
        int64_t x = (int64_t)a, y = (int64_t)b; /* tagging preserves order */
        switch (op) {
        case TR_LT: return x < y;
        case TR_LE: return x <= y;
        case TR_EQ: return x == y;
        case TR_NE: return x != y;
        case TR_GT: return x > y;
        default: return x >= y;
        }
    }
    TrValue r = tr_richcmp(a, b, op);
    if (r == TR_ERR)
        return -1;
    if (r == TR_TRUE)
        return 1;
    if (r == TR_FALSE)
        return 0;
    return tr_truth(r);
}

int tr_eq(TrValue a, TrValue b)
{
    if (a == b)
        return 1;
    return tr_richcmp_bool(a, b, TR_EQ);
}

/* --- Arithmetic ------------------------------------------------------------------------- */

static bool is_sequence_type(const TrType *t)
{
    return t->flags & (TR_TYPE_STR_SUB | TR_TYPE_LIST_SUB | TR_TYPE_TUPLE_SUB) ||
           t == &tr_bytes_type || t == &tr_bytearray_type;
}

static TrValue binop_error(TrValue a, TrValue b, int op)
{
    TrType *ta = tr_type_of(a), *tb = tr_type_of(b);
    int base = op >= TR_OP__COUNT ? op - TR_OP__COUNT : op;
    if (base == TR_OP_ADD && is_sequence_type(ta) && ta != tb)
        return tr_raise(&tr_TypeError, "can only concatenate %s (not \"%s\") to %s", ta->name,
                        tb->name, ta->name);
    if (base == TR_OP_MUL && (is_sequence_type(ta) || is_sequence_type(tb)))
        return tr_raise(&tr_TypeError, "can't multiply sequence by non-int of type '%s'",
                        is_sequence_type(ta) ? tb->name : ta->name);
    if (base == TR_OP_POW)
        return tr_raise(&tr_TypeError,
                        "unsupported operand type(s) for %s: '%s' and '%s'",
                        op >= TR_OP__COUNT ? "**=" : "** or pow()", ta->name, tb->name);
    return tr_raise(&tr_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                    tr_binop_symbol(op), ta->name, tb->name);
}

/* Tries the slots of both operand types (a subclass that overrides first); TR_NOTIMPL if
   neither handles the pair. */
static TrValue binop_try(TrValue a, TrValue b, int op)
{
    TrType *ta = tr_type_of(a), *tb = tr_type_of(b);
    TrValue (*slotv)(TrValue, TrValue, int) = ta->binop;
    TrValue (*slotw)(TrValue, TrValue, int) = ta != tb ? tb->binop : NULL;
    TrValue r;
    if (slotw == slotv)
        slotw = NULL;
    if (slotv) {
        if (slotw && tr_type_is_subtype(tb, ta)) {
            r = slotw(a, b, op);
            if (r != TR_NOTIMPL)
                return r;
            slotw = NULL;
        }
        r = slotv(a, b, op);
        if (r != TR_NOTIMPL)
            return r;
    }
    if (slotw)
        return slotw(a, b, op);
    return TR_NOTIMPL;
}

TrValue tr_binop(TrValue a, TrValue b, int op)
{
    TrValue r;
    if (op >= TR_OP__COUNT) {
        TrType *ta = tr_type_of(a);
        if (ta->binop) {
            r = ta->binop(a, b, op);
            if (r != TR_NOTIMPL)
                return r;
        }
        r = binop_try(a, b, op - TR_OP__COUNT);
    } else {
        r = binop_try(a, b, op);
    }
    return r == TR_NOTIMPL ? binop_error(a, b, op) : r;
}

TrValue tr_unop(TrValue a, int op)
{
    TrType *t = tr_type_of(a);
    if (t->unop) {
        TrValue r = t->unop(a, op);
        if (r != TR_NOTIMPL)
            return r;
    }
    static const char *const names[] = {"unary -", "unary +", "unary ~"};
    return tr_raise(&tr_TypeError, "bad operand type for %s: '%s'", names[op], t->name);
}

/* --- Containers ------------------------------------------------------------------------- */

int64_t tr_len(TrValue v)
{
    TrType *t = tr_type_of(v);
    if (!t->len) {
        tr_raise(&tr_TypeError, "object of type '%s' has no len()", t->name);
        return -1;
    }
    return t->len(v);
}

TrValue tr_getitem(TrValue obj, TrValue key)
{
    TrType *t = tr_type_of(obj);
    if (t->getitem)
        return t->getitem(obj, key);
    if (t == &tr_type_type) { /* list[int]: __class_getitem__ */
        TrType *cls = (TrType *)tr_obj(obj);
        TrValue f = tr_type_lookup(cls, tr_str_intern_cstr("__class_getitem__"));
        if (f) {
            TrType *ft = tr_type_of(f);
            TrValue bound = ft->descr_get ? ft->descr_get(f, 0, cls) : f;
            return bound == TR_ERR ? TR_ERR : tr_call1(bound, key);
        }
        return tr_raise(&tr_TypeError, "type '%s' is not subscriptable", cls->name);
    }
    return tr_raise(&tr_TypeError, "'%s' object is not subscriptable", t->name);
}

int tr_setitem(TrValue obj, TrValue key, TrValue value)
{
    TrType *t = tr_type_of(obj);
    if (t->setitem)
        return t->setitem(obj, key, value);
    tr_raise(&tr_TypeError, "'%s' object does not support item assignment", t->name);
    return -1;
}

int tr_delitem(TrValue obj, TrValue key)
{
    TrType *t = tr_type_of(obj);
    if (t->setitem)
        return t->setitem(obj, key, 0);
    tr_raise(&tr_TypeError, "'%s' object doesn't support item deletion", t->name);
    return -1;
}

int tr_contains(TrValue container, TrValue item)
{
    TrType *t = tr_type_of(container);
    if (t->contains)
        return t->contains(container, item);
    if (!t->iter && !t->getitem) {
        tr_raise(&tr_TypeError, "argument of type '%s' is not iterable", t->name);
        return -1;
    }
    TrValue it = tr_iter(container);
    if (it == TR_ERR)
        return -1;
    for (;;) {
        TrValue x = tr_next(it);
        if (x == TR_STOP)
            return 0;
        if (x == TR_ERR)
            return -1;
        int r = tr_eq(x, item);
        if (r != 0)
            return r;
    }
}

TrValue tr_iter(TrValue v)
{
    TrType *t = tr_type_of(v);
    if (t->iter)
        return t->iter(v);
    if (t->getitem && t != &tr_type_type)
        return tr_seqiter_new(v);
    return tr_raise(&tr_TypeError, "'%s' object is not iterable", t->name);
}

TrValue tr_next(TrValue it)
{
    TrType *t = tr_type_of(it);
    if (!t->next)
        return tr_raise(&tr_TypeError, "'%s' object is not an iterator", t->name);
    TrValue r = t->next(it);
    /* A generator's return value arrives as StopIteration(value); for consumers that is just
       the end (next() calls the slot itself to keep the value). */
    if (r == TR_ERR && tr_err_matches(&tr_StopIteration)) {
        tr_err_clear();
        return TR_STOP;
    }
    return r;
}

/* --- Attributes ------------------------------------------------------------------------- */

TrValue tr_getattr(TrValue obj, TrValue name)
{
    TrType *t = tr_type_of(obj);
    return t->getattr ? t->getattr(obj, name) : tr_generic_getattr(obj, name);
}

TrValue tr_getattr_cstr(TrValue obj, const char *name)
{
    return tr_getattr(obj, tr_str_intern_cstr(name));
}

TrValue tr_getattr_opt(TrValue obj, TrValue name)
{
    TrValue v = tr_getattr(obj, name);
    if (v == TR_ERR && tr_err_matches(&tr_AttributeError)) {
        tr_err_clear();
        return 0;
    }
    return v;
}

/* CPython's PyObject_GenericGetAttr: data descriptors of the type, then the instance's own
   attributes (heap types), then other descriptors and class attributes. */
TrValue tr_generic_getattr(TrValue obj, TrValue name)
{
    TrType *t = tr_type_of(obj);
    TrValue d = tr_type_lookup(t, name);
    TrType *dt = d ? tr_type_of(d) : NULL;
    if (d && dt->descr_set)
        return dt->descr_get ? dt->descr_get(d, obj, t) : d;
    if (t->flags & TR_TYPE_HEAP) {
        TrAttrs *a = tr_instance_attrs(obj);
        if (a) {
            TrValue v = tr_attrs_get(a, name);
            if (v)
                return v;
        }
    }
    if (d)
        return dt->descr_get ? dt->descr_get(d, obj, t) : d;
    if (tr_str_eq_cstr(name, "__dict__") && (t->flags & TR_TYPE_HEAP)) {
        TrAttrs *a = tr_instance_attrs(obj);
        if (a)
            return tr_attrs_dict(a);
    }
    return tr_raise_attr_error(obj, name, "'%s' object has no attribute '%U'", t->name, name);
}

int tr_generic_setattr(TrValue obj, TrValue name, TrValue value)
{
    TrType *t = tr_type_of(obj);
    TrValue d = tr_type_lookup(t, name);
    if (d && tr_type_of(d)->descr_set)
        return tr_type_of(d)->descr_set(d, obj, value);
    if (t->flags & TR_TYPE_HEAP) {
        TrAttrs *a = tr_instance_attrs(obj);
        if (a) {
            if (tr_str_eq_cstr(name, "__dict__")) {
                if (!value || !tr_is_dict(value)) {
                    tr_raise(&tr_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                             value ? tr_type_name(value) : "NoneType");
                    return -1;
                }
                a->shape = NULL;
                a->values = NULL;
                a->dict = value;
                return 0;
            }
            if (value)
                return tr_attrs_set(a, name, value);
            int r = tr_attrs_del(a, name);
            if (r <= 0)
                return r;
            tr_raise(&tr_AttributeError, "'%s' object has no attribute '%U'", t->name, name);
            return -1;
        }
    }
    if (d)
        tr_raise(&tr_AttributeError, "'%s' object attribute '%U' is read-only", t->name, name);
    else
        tr_raise(&tr_AttributeError, "'%s' object has no attribute '%U'", t->name, name);
    return -1;
}

int tr_setattr(TrValue obj, TrValue name, TrValue value)
{
    TrType *t = tr_type_of(obj);
    return t->setattr ? t->setattr(obj, name, value) : tr_generic_setattr(obj, name, value);
}

int tr_delattr(TrValue obj, TrValue name) { return tr_setattr(obj, name, 0); }

TrValue tr_getmethod(TrValue obj, TrValue name, TrValue *self_out)
{
    TrType *t = tr_type_of(obj);
    if (!t->getattr || t->getattr == tr_generic_getattr) {
        TrValue d = tr_type_lookup(t, name);
        if (d) {
            TrType *dt = tr_type_of(d);
            if (dt == &tr_method_descr_type || dt == &tr_function_type ||
                dt == &tr_slot_wrapper_type) {
                TrAttrs *a = (t->flags & TR_TYPE_HEAP) ? tr_instance_attrs(obj) : NULL;
                TrValue own = a ? tr_attrs_get(a, name) : 0;
                if (own) {
                    *self_out = 0;
                    return own;
                }
                *self_out = obj;
                return d;
            }
        }
    }
    *self_out = 0;
    return tr_getattr(obj, name);
}

/* --- Calls ------------------------------------------------------------------------------ */

TrValue tr_call(TrValue callee, const TrValue *args, size_t nargs, TrValue kwnames)
{
    TrType *t = tr_type_of(callee);
    if (TR_UNLIKELY(!t->call))
        return tr_raise(&tr_TypeError, "'%s' object is not callable", t->name);
    return t->call(callee, args, nargs, kwnames);
}

TrValue tr_call0(TrValue callee) { return tr_call(callee, NULL, 0, 0); }
TrValue tr_call1(TrValue callee, TrValue a) { return tr_call(callee, &a, 1, 0); }
TrValue tr_call2(TrValue callee, TrValue a, TrValue b)
{
    TrValue args[2] = {a, b};
    return tr_call(callee, args, 2, 0);
}

TrValue tr_call_method(TrValue obj, const char *name, const TrValue *args, size_t nargs)
{
    TrValue self;
    TrValue f = tr_getmethod(obj, tr_str_intern_cstr(name), &self);
    if (f == TR_ERR)
        return TR_ERR;
    if (!self)
        return tr_call(f, args, nargs, 0);
    TrValue *all = alloca((nargs + 1) * sizeof(TrValue));
    all[0] = self;
    for (size_t i = 0; i < nargs; i++)
        all[i + 1] = args[i];
    return tr_call(f, all, nargs + 1, 0);
}

TrValue tr_call_ex(TrValue callee, TrValue args, TrValue kwargs)
{
    TrTuple *a = tr_as_tuple(args);
    int64_t nkw = kwargs ? tr_as_dict(kwargs)->used : 0;
    if (nkw == 0)
        return tr_call(callee, a->items, (size_t)a->len, 0);
    TrValue *all = tr_alloc(sizeof(TrValue) * (size_t)(a->len + nkw));
    for (int64_t i = 0; i < a->len; i++)
        all[i] = a->items[i];
    TrValue names = tr_tuple_new(nkw);
    int64_t pos = 0, k = 0;
    TrValue key, value;
    while (tr_dict_next(kwargs, &pos, &key, &value)) {
        if (!tr_is_str(key))
            return tr_raise(&tr_TypeError, "keywords must be strings");
        tr_as_tuple(names)->items[k] = key;
        all[a->len + k] = value;
        k++;
    }
    return tr_call(callee, all, (size_t)a->len, names);
}

bool tr_callable(TrValue v) { return tr_type_of(v)->call != NULL; }

/* --- Conversions ------------------------------------------------------------------------ */

TrValue tr_format(TrValue v, TrValue spec)
{
    TrType *t = tr_type_of(v);
    if (t->format)
        return t->format(v, spec);
    if (tr_as_str(spec)->len != 0)
        return tr_raise(&tr_TypeError, "unsupported format string passed to %s.__format__",
                        t->name);
    return tr_str(v);
}

TrValue tr_index(TrValue v)
{
    if (tr_is_small(v))
        return v;
    if (v == TR_TRUE)
        return tr_small_new(1);
    if (v == TR_FALSE)
        return tr_small_new(0);
    if (tr_is_int(v))
        return v;
    TrValue f = tr_type_lookup(tr_type_of(v), tr_str_intern_cstr("__index__"));
    if (f) {
        TrValue r = tr_call1(f, v);
        if (r == TR_ERR)
            return TR_ERR;
        if (!tr_is_small(r) && !tr_is_int(r))
            return tr_raise(&tr_TypeError, "__index__ returned non-int (type %s)",
                            tr_type_name(r));
        return r;
    }
    return tr_raise(&tr_TypeError, "'%s' object cannot be interpreted as an integer",
                    tr_type_name(v));
}

int tr_index_i64(TrValue v, int64_t *out)
{
    TrValue i = tr_index(v);
    if (i == TR_ERR)
        return -1;
    if (tr_is_small(i)) {
        *out = tr_small_val(i);
        return 0;
    }
    if (tr_int_to_i64(i, out) < 0) {
        tr_err_clear();
        tr_raise(&tr_IndexError, "cannot fit '%s' into an index-sized integer",
                 tr_type_name(v));
        return -1;
    }
    return 0;
}

/* --- repr recursion guard --------------------------------------------------------------- */

static TrValue *repr_stack;
static int repr_depth, repr_cap;

int tr_repr_enter(TrValue v)
{
    for (int i = 0; i < repr_depth; i++)
        if (repr_stack[i] == v)
            return 1;
    if (repr_depth == repr_cap) {
        repr_cap = repr_cap ? repr_cap * 2 : 16;
        TrValue *s = tr_alloc(sizeof(TrValue) * (size_t)repr_cap);
        for (int i = 0; i < repr_depth; i++)
            s[i] = repr_stack[i];
        repr_stack = s;
    }
    repr_stack[repr_depth++] = v;
    return 0;
}

void tr_repr_leave(TrValue v)
{
    for (int i = repr_depth - 1; i >= 0; i--)
        if (repr_stack[i] == v) {
            repr_stack[i] = repr_stack[--repr_depth];
            return;
        }
}
