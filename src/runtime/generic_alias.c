/*
 * generic_alias.c -- list[int], dict[str, int]...: the __class_getitem__ of the container
 * types returns a types.GenericAlias, so annotations evaluated at definition time work and
 * print as CPython prints them. Calling an alias calls its origin.
 */
#include "runtime/containers_util.h"

typedef struct TrGenericAlias {
    TrObject ob;
    TrValue origin, args; /* a type, a tuple */
} TrGenericAlias;

TrType tr_generic_alias_type;

static inline TrGenericAlias *as_alias(TrValue v)
{
    return (TrGenericAlias *)tr_obj(v);
}

TrValue cu_class_getitem(TrValue cls, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (cu_exactly_one("__class_getitem__", nargs) < 0)
        return TR_ERR;
    TrGenericAlias *a = TR_NEW(TrGenericAlias, &tr_generic_alias_type);
    a->origin = cls;
    a->args = tr_is_tuple(args[0]) ? args[0] : tr_tuple_pack(1, args[0]);
    return tr_val(a);
}

/* CPython's ga_repr_item: '...', nested aliases, builtins by name, classes as module.qualname */
static TrValue item_repr(TrValue v)
{
    if (v == TR_ELLIPSIS)
        return tr_str_from_cstr("...");
    TrType *t = tr_type_of(v);
    if (t->flags & TR_TYPE_TYPE_SUB) {
        TrType *ty = (TrType *)tr_obj(v);
        if (!(ty->flags & TR_TYPE_HEAP))
            return tr_str_from_cstr(ty->name);
        TrValue mod = tr_getattr_opt(v, tr_str_intern_cstr("__module__"));
        TrValue qn = mod ? tr_getattr_opt(v, tr_str_intern_cstr("__qualname__")) : 0;
        if (mod && qn && tr_is_str(mod) && tr_is_str(qn))
            return tr_str_eq_cstr(mod, "builtins") ? qn : tr_str_fmt("%U.%U", mod, qn);
        if (tr_err_occurred())
            tr_err_clear();
    }
    return tr_repr(v);
}

static TrValue alias_repr(TrValue self)
{
    TrGenericAlias *a = as_alias(self);
    TrStrBuilder b;
    tr_sbuild_init(&b);
    TrValue o = item_repr(a->origin);
    if (!o)
        return TR_ERR;
    tr_sbuild_str(&b, o);
    tr_sbuild_char(&b, '[');
    TrTuple *args = tr_as_tuple(a->args);
    if (args->len == 0)
        tr_sbuild_ascii(&b, "()", 2);
    for (int64_t i = 0; i < args->len; i++) {
        if (i)
            tr_sbuild_ascii(&b, ", ", 2);
        TrValue r = item_repr(args->items[i]);
        if (!r)
            return TR_ERR;
        tr_sbuild_str(&b, r);
    }
    tr_sbuild_char(&b, ']');
    return tr_sbuild_finish(&b);
}

static TrValue alias_call(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames)
{
    return tr_call(as_alias(self)->origin, args, nargs, kwnames);
}

static TrValue alias_richcmp(TrValue a, TrValue b, int op)
{
    if ((op != TR_EQ && op != TR_NE) || !tr_is_ptr(b) || tr_obj(b)->type != &tr_generic_alias_type)
        return TR_NOTIMPL;
    int eq = as_alias(a)->origin == as_alias(b)->origin;
    if (eq) {
        eq = tr_eq(as_alias(a)->args, as_alias(b)->args);
        if (eq < 0)
            return TR_ERR;
    }
    return tr_bool(eq == (op == TR_EQ));
}

static int64_t alias_hash(TrValue self)
{
    int64_t h0 = tr_hash(as_alias(self)->origin), h1 = tr_hash(as_alias(self)->args);
    if (h0 == -1 || h1 == -1)
        return -1;
    return (h0 ^ h1) == -1 ? -2 : h0 ^ h1;
}

static TrValue get_origin(TrValue self)
{
    return as_alias(self)->origin;
}
static TrValue get_args(TrValue self)
{
    return as_alias(self)->args;
}

static const TrGetSetDef alias_getsets[] = {
    {"__origin__", get_origin, NULL},
    {"__args__", get_args, NULL},
    {NULL, NULL, NULL},
};

TrType tr_generic_alias_type = {
    .ob = {&tr_type_type},
    .name = "types.GenericAlias",
    .base = &tr_object_type,
    .basicsize = sizeof(TrGenericAlias),
    .repr = alias_repr,
    .hash = alias_hash,
    .richcmp = alias_richcmp,
    .call = alias_call,
    .getsets = alias_getsets,
};
