/*
 * str_type.c -- the str type object: its slots (compare, +, *, %, indexing, `in`, iteration,
 * format) and its constructor str(object), str(bytes, encoding, errors).
 * The data representation and helpers are in str.c; methods are in str_methods*.c.
 */
#include "runtime/codecs.h"
#include "runtime/runtime.h"

/* --- Slots ------------------------------------------------------------------------------ */

static TrValue str_repr_slot(TrValue v)
{
    return tr_str_repr(v);
}

/* str(s) of a subclass instance gives a plain str with the same text. */
static TrValue str_str_slot(TrValue v)
{
    if (tr_obj(v)->type == &tr_str_type)
        return v;
    TrStr *s = tr_as_str(v);
    return tr_str_sub(s, 0, 1, s->len);
}

static int64_t str_hash_slot(TrValue v)
{
    return tr_str_hash(v);
}

static TrValue str_richcmp(TrValue a, TrValue b, int op)
{
    if (!tr_is_str(b))
        return TR_NOTIMPL;
    if (op == TR_EQ)
        return tr_bool(tr_str_eq(a, b));
    if (op == TR_NE)
        return tr_bool(!tr_str_eq(a, b));
    int c = tr_str_cmp(a, b);
    switch (op) {
    case TR_LT: return tr_bool(c < 0);
    case TR_LE: return tr_bool(c <= 0);
    case TR_GT: return tr_bool(c > 0);
    default: return tr_bool(c >= 0);
    }
}

/* An int, or an object whose type defines __index__ (so `"ab" * n` works for both). */
bool tr_has_index(TrValue v)
{
    if (tr_is_small(v) || tr_is_int(v))
        return true;
    static TrValue name;
    if (!name)
        name = tr_str_intern_cstr("__index__");
    return tr_type_lookup(tr_type_of(v), name) != 0;
}

static TrValue str_binop(TrValue a, TrValue b, int op)
{
    switch (op) {
    case TR_OP_ADD:
        if (tr_is_str(a) && tr_is_str(b))
            return tr_str_concat(a, b);
        return TR_NOTIMPL;
    case TR_OP_MUL: {
        TrValue s = tr_is_str(a) ? a : b, n = tr_is_str(a) ? b : a;
        if (!tr_has_index(n))
            return TR_NOTIMPL;
        int64_t k;
        if (tr_index_i64(n, &k) < 0)
            return TR_ERR;
        return tr_str_repeat(s, k);
    }
    case TR_OP_MOD:
        if (tr_is_str(a))
            return tr_str_percent(a, b);
        return TR_NOTIMPL;
    default: return TR_NOTIMPL;
    }
}

static int64_t str_len_slot(TrValue v)
{
    return tr_as_str(v)->len;
}

static TrValue str_getitem(TrValue v, TrValue key)
{
    TrStr *s = tr_as_str(v);
    int64_t i;
    if (tr_is_small(key)) {
        i = tr_small_val(key);
    } else if (tr_isinstance_exact(key, &tr_slice_type)) {
        int64_t start, stop, step;
        int64_t n = tr_slice_indices(key, s->len, &start, &stop, &step);
        if (n < 0)
            return TR_ERR;
        if (n == s->len && step == 1 && s->ob.type == &tr_str_type)
            return v;
        return tr_str_sub(s, start, step, n);
    } else if (tr_has_index(key)) {
        if (tr_index_i64(key, &i) < 0)
            return TR_ERR;
    } else {
        return tr_raise(&tr_TypeError, "string indices must be integers, not '%s'",
                        tr_type_name(key));
    }
    if (i < 0)
        i += s->len;
    if (i < 0 || i >= s->len)
        return tr_raise(&tr_IndexError, "string index out of range");
    return tr_str_from_char(tr_str_char(s, i));
}

static int str_contains_slot(TrValue s, TrValue sub)
{
    return tr_str_contains(s, sub);
}

static TrValue str_format_slot(TrValue self, TrValue spec)
{
    return tr_str_format_spec(self, spec);
}

/* --- Iteration -------------------------------------------------------------------------- */

typedef struct TrStrIter {
    TrObject ob;
    TrValue str; /* 0 once exhausted */
    int64_t index;
} TrStrIter;

static TrValue str_iter(TrValue v)
{
    TrStrIter *it = TR_NEW(TrStrIter, &tr_str_iter_type);
    it->str = v;
    it->index = 0;
    return tr_val(it);
}

static TrValue str_iter_next(TrValue v)
{
    TrStrIter *it = (TrStrIter *)tr_obj(v);
    if (!it->str)
        return TR_STOP;
    TrStr *s = tr_as_str(it->str);
    if (it->index >= s->len) {
        it->str = 0;
        return TR_STOP;
    }
    return tr_str_from_char(tr_str_char(s, it->index++));
}

static TrValue iter_self(TrValue v)
{
    return v;
}

static TrValue str_iter_length_hint(TrValue self, const TrValue *args, size_t nargs,
                                    TrValue kwnames)
{
    TrStrIter *it = (TrStrIter *)tr_obj(self);
    return tr_int_from_i64(it->str ? tr_as_str(it->str)->len - it->index : 0);
}

static const TrMethodDef str_iter_methods[] = {
    {"__length_hint__", str_iter_length_hint, 0},
    {NULL, NULL, 0},
};

TrType tr_str_iter_type = {
    .ob = {&tr_type_type},
    .name = "str_iterator",
    .base = &tr_object_type,
    .basicsize = sizeof(TrStrIter),
    .iter = iter_self,
    .next = str_iter_next,
    .methods = str_iter_methods,
};

/* --- Constructor ------------------------------------------------------------------------ */

/* str(object='', encoding='utf-8', errors='strict') */
static TrValue str_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    static const char *const names[] = {"object", "encoding", "errors"};
    TrValue a[3];
    if (tr_parse_args("str", args, nargs, kwnames, names, 0, 3, 0, 3, a) < 0)
        return TR_ERR;
    TrValue r;
    if (!a[0] && !a[1] && !a[2]) {
        r = tr_str_empty();
    } else if (!a[1] && !a[2]) {
        r = a[0] ? tr_str(a[0]) : tr_str_empty();
    } else {
        const char *enc = "utf-8", *errors = "strict";
        if (a[1]) {
            if (!tr_is_str(a[1]))
                return tr_raise(&tr_TypeError, "str() argument 'encoding' must be str, not %s",
                                tr_type_name(a[1]));
            enc = tr_str_utf8(a[1]);
        }
        if (a[2]) {
            if (!tr_is_str(a[2]))
                return tr_raise(&tr_TypeError, "str() argument 'errors' must be str, not %s",
                                tr_type_name(a[2]));
            errors = tr_str_utf8(a[2]);
        }
        TrValue o = a[0] ? a[0] : tr_bytes_new("", 0);
        const uint8_t *data;
        int64_t len;
        if (tr_is_bytes(o)) {
            data = ((TrBytes *)tr_obj(o))->data;
            len = ((TrBytes *)tr_obj(o))->len;
        } else if (tr_isinstance(o, &tr_bytearray_type)) {
            data = ((TrByteArray *)tr_obj(o))->data;
            len = ((TrByteArray *)tr_obj(o))->len;
        } else if (tr_is_str(o)) {
            return tr_raise(&tr_TypeError, "decoding str is not supported");
        } else {
            return tr_raise(&tr_TypeError, "decoding to str: need a bytes-like object, %s found",
                            tr_type_name(o));
        }
        r = tr_decode(data, (size_t)len, enc, errors);
    }
    if (r == TR_ERR || type == &tr_str_type)
        return r;
    if (!tr_is_str(r))
        return r;
    /* a subclass instance: same text, the subclass's type */
    TrStr *s = tr_as_str(r);
    TrValue c = tr_str_new_kind(s->len, s->kind);
    TrStr *cs = tr_as_str(c);
    tr_str_copy_into(cs, 0, s);
    tr_str_fix(c);
    cs->ob.type = type;
    return c;
}

TrType tr_str_type = {
    .ob = {&tr_type_type},
    .name = "str",
    .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE | TR_TYPE_STR_SUB,
    .basicsize = sizeof(TrStr),
    .repr = str_repr_slot,
    .str = str_str_slot,
    .hash = str_hash_slot,
    .richcmp = str_richcmp,
    .binop = str_binop,
    .len = str_len_slot,
    .getitem = str_getitem,
    .contains = str_contains_slot,
    .iter = str_iter,
    .new = str_new,
    .format = str_format_slot,
    .methods = tr_str_methods,
};
