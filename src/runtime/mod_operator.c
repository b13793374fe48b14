/*
 * mod_operator.c -- the operator module: every operator as a function (binary, in-place,
 * comparisons, unary, item access, sequence helpers), with their __dunder__ aliases, and the
 * callable objects itemgetter, attrgetter and methodcaller with CPython's reprs.
 */
#include "runtime/mod_util.h"

#include "runtime/containers_util.h"

#define FN(name) static TrValue name(TrValue self, const TrValue *args, size_t nargs, TrValue kw)

static int two(const char *name, size_t nargs, TrValue kw)
{
    if (tr_no_kwargs(name, kw) < 0)
        return -1;
    return tr_check_nargs(name, nargs, 2, 2);
}

static int one(const char *name, size_t nargs, TrValue kw)
{
    if (tr_no_kwargs(name, kw) < 0)
        return -1;
    if (nargs != 1) {
        tr_raise(&tr_TypeError, "%s() takes exactly one argument (%zu given)", name, nargs);
        return -1;
    }
    return 0;
}

/* --- Binary and in-place operators ------------------------------------------------------ */

#define BINOPS(X)                                                                              \
    X(add, iadd, ADD) X(and_, iand, AND) X(floordiv, ifloordiv, FLOORDIV)                       \
    X(lshift, ilshift, LSHIFT) X(matmul, imatmul, MATMUL) X(mul, imul, MUL) X(mod, imod, MOD)   \
    X(or_, ior, OR) X(pow, ipow, POW) X(rshift, irshift, RSHIFT) X(sub, isub, SUB)             \
    X(truediv, itruediv, TRUEDIV) X(xor, ixor, XOR)

#define X(name, iname, op)                                                                     \
    FN(op_##name)                                                                              \
    {                                                                                          \
        if (two(#name, nargs, kw) < 0)                                                         \
            return TR_ERR;                                                                     \
        return tr_binop(args[0], args[1], TR_OP_##op);                                         \
    }                                                                                          \
    FN(op_##iname)                                                                             \
    {                                                                                          \
        if (two(#iname, nargs, kw) < 0)                                                        \
            return TR_ERR;                                                                     \
        return tr_binop(args[0], args[1], TR_OP_INPLACE(TR_OP_##op));                          \
    }
BINOPS(X)
#undef X

#define CMPS(X) X(lt, TR_LT) X(le, TR_LE) X(eq, TR_EQ) X(ne, TR_NE) X(gt, TR_GT) X(ge, TR_GE)
#define X(name, op)                                                                            \
    FN(op_##name)                                                                              \
    {                                                                                          \
        if (two(#name, nargs, kw) < 0)                                                         \
            return TR_ERR;                                                                     \
        return tr_richcmp(args[0], args[1], op);                                               \
    }
CMPS(X)
#undef X

/* --- Unary operators and truth ---------------------------------------------------------- */

FN(op_neg) { return one("neg", nargs, kw) < 0 ? TR_ERR : tr_unop(args[0], TR_UN_NEG); }
FN(op_pos) { return one("pos", nargs, kw) < 0 ? TR_ERR : tr_unop(args[0], TR_UN_POS); }
FN(op_inv) { return one("inv", nargs, kw) < 0 ? TR_ERR : tr_unop(args[0], TR_UN_INVERT); }
FN(op_invert) { return one("invert", nargs, kw) < 0 ? TR_ERR : tr_unop(args[0], TR_UN_INVERT); }
FN(op_not) { return one("not_", nargs, kw) < 0 ? TR_ERR : tr_not(args[0]); }

FN(op_truth)
{
    if (one("truth", nargs, kw) < 0)
        return TR_ERR;
    int t = tr_truth(args[0]);
    return t < 0 ? TR_ERR : tr_bool(t);
}

FN(op_abs)
{
    if (one("abs", nargs, kw) < 0)
        return TR_ERR;
    TrValue f = tr_dict_get_cstr(tr_builtins(), "abs");
    return f ? tr_call1(f, args[0]) : TR_ERR;
}

FN(op_index)
{
    if (one("index", nargs, kw) < 0)
        return TR_ERR;
    return tr_index(args[0]);
}

FN(op_is) { return two("is_", nargs, kw) < 0 ? TR_ERR : tr_bool(args[0] == args[1]); }
FN(op_is_not) { return two("is_not", nargs, kw) < 0 ? TR_ERR : tr_bool(args[0] != args[1]); }

/* --- Sequences and items ---------------------------------------------------------------- */

static bool is_sequence(TrValue v)
{
    TrType *t = tr_type_of(v);
    if (tr_is_dict(v))
        return false;
    return t->getitem != NULL || tr_type_lookup(t, tr_str_intern_cstr("__getitem__"));
}

static TrValue concat(const char *name, TrValue a, TrValue b, int op)
{
    if (!is_sequence(a))
        return tr_raise(&tr_TypeError, "'%T' object can't be concatenated", a);
    return tr_binop(a, b, op);
}

FN(op_concat)
{
    return two("concat", nargs, kw) < 0 ? TR_ERR : concat("concat", args[0], args[1], TR_OP_ADD);
}

FN(op_iconcat)
{
    return two("iconcat", nargs, kw) < 0
               ? TR_ERR
               : concat("iconcat", args[0], args[1], TR_OP_INPLACE(TR_OP_ADD));
}

FN(op_contains)
{
    if (two("contains", nargs, kw) < 0)
        return TR_ERR;
    int r = tr_contains(args[0], args[1]);
    return r < 0 ? TR_ERR : tr_bool(r);
}

/* countOf / indexOf: identity or equality, as `in` does. */
static TrValue seq_search(TrValue seq, TrValue item, bool count)
{
    TrValue it = tr_iter(seq);
    if (!it)
        return TR_ERR;
    int64_t n = 0, i = 0;
    for (;; i++) {
        TrValue v = tr_next(it);
        if (!v)
            return TR_ERR;
        if (v == TR_STOP)
            break;
        int eq = cu_eq(v, item);
        if (eq < 0)
            return TR_ERR;
        if (eq && !count)
            return tr_int_from_i64(i);
        n += eq;
    }
    if (!count)
        return tr_raise(&tr_ValueError, "sequence.index(x): x not in sequence");
    return tr_int_from_i64(n);
}

FN(op_countOf) { return two("countOf", nargs, kw) < 0 ? TR_ERR : seq_search(args[0], args[1], 1); }
FN(op_indexOf) { return two("indexOf", nargs, kw) < 0 ? TR_ERR : seq_search(args[0], args[1], 0); }

FN(op_getitem)
{
    return two("getitem", nargs, kw) < 0 ? TR_ERR : tr_getitem(args[0], args[1]);
}

FN(op_setitem)
{
    if (tr_no_kwargs("setitem", kw) < 0 || tr_check_nargs("setitem", nargs, 3, 3) < 0)
        return TR_ERR;
    return tr_setitem(args[0], args[1], args[2]) < 0 ? TR_ERR : TR_NONE;
}

FN(op_delitem)
{
    if (two("delitem", nargs, kw) < 0)
        return TR_ERR;
    return tr_delitem(args[0], args[1]) < 0 ? TR_ERR : TR_NONE;
}

FN(op_length_hint)
{
    if (tr_no_kwargs("length_hint", kw) < 0 || tr_check_nargs("length_hint", nargs, 1, 2) < 0)
        return TR_ERR;
    TrValue dflt = nargs > 1 ? args[1] : tr_small_new(0);
    if (!tr_is_int(dflt))
        return tr_raise(&tr_TypeError, "'%T' object cannot be interpreted as an integer", dflt);
    TrType *t = tr_type_of(args[0]);
    if (t->len || tr_type_lookup(t, tr_str_intern_cstr("__len__"))) {
        int64_t n = tr_len(args[0]);
        if (n >= 0)
            return tr_int_from_i64(n);
        if (!tr_err_matches(&tr_TypeError))
            return TR_ERR;
        tr_err_clear();
    }
    TrValue hint = tr_getattr_opt(args[0], tr_str_intern_cstr("__length_hint__"));
    if (!hint) {
        if (tr_err_occurred())
            return TR_ERR;
        return dflt;
    }
    TrValue r = tr_call0(hint);
    if (!r) {
        if (!tr_err_matches(&tr_TypeError))
            return TR_ERR;
        tr_err_clear();
        return dflt;
    }
    if (r == TR_NOTIMPL)
        return dflt;
    if (!tr_is_int(r))
        return tr_raise(&tr_TypeError, "__length_hint__ must be an integer, not %T", r);
    if (tr_int_sign(r) < 0)
        return tr_raise(&tr_ValueError, "__length_hint__() should return >= 0");
    return r;
}

FN(op_call)
{
    if (nargs < 1)
        return tr_raise(&tr_TypeError, "call() missing 1 required positional argument: 'obj'");
    return tr_call(args[0], args + 1, nargs - 1, kw);
}

/* --- itemgetter, attrgetter, methodcaller ----------------------------------------------- */

typedef struct {
    TrObject ob;
    TrValue items; /* tuple: keys, dotted-name tuples (attrgetter), or the call's arguments */
    TrValue name, kwnames; /* methodcaller */
} Getter;

extern TrType tr_itemgetter_type, tr_attrgetter_type, tr_methodcaller_type;

static TrValue itemgetter_new(TrType *type, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_no_kwargs("itemgetter", kw) < 0)
        return TR_ERR;
    if (nargs < 1)
        return tr_raise(&tr_TypeError, "itemgetter expected 1 argument, got 0");
    Getter *g = TR_NEW(Getter, type);
    g->items = tr_tuple_from(args, (int64_t)nargs);
    return tr_val(g);
}

static TrValue itemgetter_call(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    Getter *g = (Getter *)tr_obj(self);
    if (tr_no_kwargs("itemgetter", kw) < 0 || tr_check_nargs("itemgetter", nargs, 1, 1) < 0)
        return TR_ERR;
    TrTuple *t = tr_as_tuple(g->items);
    if (t->len == 1)
        return tr_getitem(args[0], t->items[0]);
    TrValue out = tr_tuple_new(t->len);
    for (int64_t i = 0; i < t->len; i++) {
        TrValue v = tr_getitem(args[0], t->items[i]);
        if (!v)
            return TR_ERR;
        tr_as_tuple(out)->items[i] = v;
    }
    return out;
}

static TrValue args_repr(const char *head, TrValue items)
{
    TrStrBuilder b;
    tr_sbuild_init(&b);
    tr_sbuild_ascii(&b, head, strlen(head));
    tr_sbuild_char(&b, '(');
    if (cu_repr_items(&b, tr_as_tuple(items)->items, tr_as_tuple(items)->len) < 0)
        return TR_ERR;
    tr_sbuild_char(&b, ')');
    return tr_sbuild_finish(&b);
}

static TrValue itemgetter_repr(TrValue self)
{
    return args_repr("operator.itemgetter", ((Getter *)tr_obj(self))->items);
}

/* attrgetter keeps each name split at its dots. */
static TrValue attrgetter_new(TrType *type, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_no_kwargs("attrgetter", kw) < 0)
        return TR_ERR;
    if (nargs < 1)
        return tr_raise(&tr_TypeError, "attrgetter expected 1 argument, got 0");
    TrValue names = tr_tuple_new((int64_t)nargs);
    for (size_t i = 0; i < nargs; i++) {
        if (!tr_is_str(args[i]))
            return tr_raise(&tr_TypeError, "attribute name must be a string");
        TrValue parts = tr_call_method(args[i], "split", (TrValue[]){tr_str_from_cstr(".")}, 1);
        if (!parts)
            return TR_ERR;
        TrList *l = tr_as_list(parts);
        for (int64_t k = 0; k < l->len; k++)
            l->items[k] = tr_str_intern(l->items[k]);
        tr_as_tuple(names)->items[i] = tr_tuple_from(l->items, l->len);
    }
    Getter *g = TR_NEW(Getter, type);
    g->items = names;
    g->name = tr_tuple_from(args, (int64_t)nargs);
    return tr_val(g);
}

static TrValue dotted_get(TrValue obj, TrValue parts)
{
    TrTuple *t = tr_as_tuple(parts);
    for (int64_t i = 0; i < t->len && obj; i++)
        obj = tr_getattr(obj, t->items[i]);
    return obj;
}

static TrValue attrgetter_call(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    Getter *g = (Getter *)tr_obj(self);
    if (tr_no_kwargs("attrgetter", kw) < 0 || tr_check_nargs("attrgetter", nargs, 1, 1) < 0)
        return TR_ERR;
    TrTuple *t = tr_as_tuple(g->items);
    if (t->len == 1)
        return dotted_get(args[0], t->items[0]);
    TrValue out = tr_tuple_new(t->len);
    for (int64_t i = 0; i < t->len; i++) {
        TrValue v = dotted_get(args[0], t->items[i]);
        if (!v)
            return TR_ERR;
        tr_as_tuple(out)->items[i] = v;
    }
    return out;
}

static TrValue attrgetter_repr(TrValue self)
{
    return args_repr("operator.attrgetter", ((Getter *)tr_obj(self))->name);
}

static TrValue methodcaller_new(TrType *type, const TrValue *args, size_t nargs, TrValue kw)
{
    if (nargs < 1)
        return tr_raise(&tr_TypeError, "methodcaller needs at least one argument, the method name");
    if (!tr_is_str(args[0]))
        return tr_raise(&tr_TypeError, "method name must be a string");
    Getter *g = TR_NEW(Getter, type);
    g->name = tr_str_intern(args[0]);
    g->items = tr_tuple_from(args + 1, (int64_t)(nargs - 1 + tr_nkw(kw)));
    g->kwnames = kw;
    return tr_val(g);
}

static TrValue methodcaller_call(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    Getter *g = (Getter *)tr_obj(self);
    if (tr_no_kwargs("methodcaller", kw) < 0 || tr_check_nargs("methodcaller", nargs, 1, 1) < 0)
        return TR_ERR;
    TrValue m = tr_getattr(args[0], g->name);
    if (!m)
        return TR_ERR;
    TrTuple *t = tr_as_tuple(g->items);
    size_t nkw = tr_nkw(g->kwnames);
    return tr_call(m, t->items, (size_t)t->len - nkw, nkw ? g->kwnames : 0);
}

static TrValue methodcaller_repr(TrValue self)
{
    Getter *g = (Getter *)tr_obj(self);
    TrStrBuilder b;
    tr_sbuild_init(&b);
    tr_sbuild_ascii(&b, "operator.methodcaller(", 22);
    TrValue r = tr_repr(g->name);
    if (!r)
        return TR_ERR;
    tr_sbuild_str(&b, r);
    TrTuple *t = tr_as_tuple(g->items);
    size_t nkw = tr_nkw(g->kwnames);
    for (int64_t i = 0; i < t->len; i++) {
        tr_sbuild_ascii(&b, ", ", 2);
        int64_t k = i - (t->len - (int64_t)nkw);
        if (k >= 0) {
            tr_sbuild_str(&b, tr_as_tuple(g->kwnames)->items[k]);
            tr_sbuild_char(&b, '=');
        }
        if (!(r = tr_repr(t->items[i])))
            return TR_ERR;
        tr_sbuild_str(&b, r);
    }
    tr_sbuild_char(&b, ')');
    return tr_sbuild_finish(&b);
}

#define GETTER_TYPE(var, tname, callfn, reprfn, newfn)                                         \
    TrType var = {                                                                             \
        .ob = {&tr_type_type}, .name = tname, .base = &tr_object_type,                         \
        .basicsize = sizeof(Getter), .repr = reprfn, .call = callfn, .new = newfn,             \
    }
GETTER_TYPE(tr_itemgetter_type, "operator.itemgetter", itemgetter_call, itemgetter_repr,
            itemgetter_new);
GETTER_TYPE(tr_attrgetter_type, "operator.attrgetter", attrgetter_call, attrgetter_repr,
            attrgetter_new);
GETTER_TYPE(tr_methodcaller_type, "operator.methodcaller", methodcaller_call,
            methodcaller_repr, methodcaller_new);

/* --- The module ------------------------------------------------------------------------- */

/* Functions that also exist as __name__ (name stripped of a trailing '_'). */
static const TrMethodDef operator_functions[] = {
#define X(name, iname, op) {#name, op_##name, 0}, {#iname, op_##iname, 0},
    BINOPS(X)
#undef X
#define X(name, op) {#name, op_##name, 0},
    CMPS(X)
#undef X
    {"neg", op_neg, 0}, {"pos", op_pos, 0}, {"inv", op_inv, 0}, {"invert", op_invert, 0},
    {"not_", op_not, 0}, {"abs", op_abs, 0}, {"index", op_index, 0},
    {"concat", op_concat, 0}, {"iconcat", op_iconcat, 0}, {"contains", op_contains, 0},
    {"getitem", op_getitem, 0}, {"setitem", op_setitem, 0}, {"delitem", op_delitem, 0},
    {NULL, NULL, 0},
};

static const TrMethodDef operator_plain[] = {
    {"truth", op_truth, 0},         {"is_", op_is, 0},         {"is_not", op_is_not, 0},
    {"countOf", op_countOf, 0},     {"indexOf", op_indexOf, 0},
    {"length_hint", op_length_hint, 0}, {"call", op_call, 0},
    {NULL, NULL, 0},
};

TrValue tr_mod_operator_init(void)
{
    TrValue m = tr_module_new(tr_str_intern_cstr("operator"));
    tr_module_add_functions(m, operator_functions);
    tr_module_add_functions(m, operator_plain);
    for (const TrMethodDef *d = operator_functions; d->name; d++) {
        char buf[40];
        size_t n = strlen(d->name);
        if (d->name[n - 1] == '_')
            n--;
        snprintf(buf, sizeof buf, "__%.*s__", (int)n, d->name);
        TrValue f = tr_builtin_new(d->name, d->fn, m);
        tr_module_add(m, buf, f);
    }
    tr_module_add(m, "__call__", tr_builtin_new("call", op_call, m));
    TrType *types[] = {&tr_itemgetter_type, &tr_attrgetter_type, &tr_methodcaller_type};
    for (int i = 0; i < 3; i++) {
        tr_mod_set_type_module(types[i], "operator");
        tr_module_add(m, strchr(types[i]->name, '.') + 1, tr_val(types[i]));
    }
    return m;
}
