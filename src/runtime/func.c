/*
 * func.c -- callable objects: Python functions (called through their entry pointer, which the
 * VM or compiled code installs), closure cells, built-in functions, method and getset
 * descriptors of built-in types, and bound methods.
 */
#include "runtime/runtime.h"

#include <alloca.h>

/* --- Python functions ------------------------------------------------------------------- */

TrValue tr_function_new(TrValue code, TrValue globals, TrValue name, TrValue qualname)
{
    TrFunction *f = TR_NEW(TrFunction, &tr_function_type);
    f->code = code;
    f->globals = globals;
    f->builtins = tr_builtins();
    f->name = name;
    f->qualname = qualname;
    f->doc = TR_NONE;
    TrValue mod = tr_dict_get_cstr(globals, "__name__");
    f->module = mod && mod != TR_ERR ? mod : TR_NONE;
    return tr_val(f);
}

static TrValue function_call(TrValue callee, const TrValue *args, size_t nargs, TrValue kw)
{
    TrFunction *f = (TrFunction *)tr_obj(callee);
    return f->entry(f, args, nargs, kw);
}

static TrValue function_repr(TrValue v)
{
    TrFunction *f = (TrFunction *)tr_obj(v);
    return tr_str_fmt("<function %U at %p>", f->qualname, (void *)f);
}

static TrValue function_descr_get(TrValue f, TrValue obj, TrType *type)
{
    return obj ? tr_bound_method_new(f, obj) : f;
}

#define FN(v) ((TrFunction *)tr_obj(v))
static TrValue or_none(TrValue v) { return v ? v : TR_NONE; }
static TrValue fn_name(TrValue v) { return FN(v)->name; }
static TrValue fn_qualname(TrValue v) { return FN(v)->qualname; }
static TrValue fn_module(TrValue v) { return FN(v)->module; }
static TrValue fn_doc(TrValue v) { return FN(v)->doc; }
static TrValue fn_defaults(TrValue v) { return or_none(FN(v)->defaults); }
static TrValue fn_kwdefaults(TrValue v) { return or_none(FN(v)->kwdefaults); }
static TrValue fn_closure(TrValue v) { return or_none(FN(v)->closure); }
static TrValue fn_globals(TrValue v) { return FN(v)->globals; }
static TrValue fn_code(TrValue v) { return FN(v)->code; }
static TrValue fn_dict(TrValue v)
{
    if (!FN(v)->dict)
        FN(v)->dict = tr_dict_new();
    return FN(v)->dict;
}
static TrValue fn_annotations(TrValue v)
{
    if (!FN(v)->annotations)
        FN(v)->annotations = tr_dict_new();
    return FN(v)->annotations;
}
static int fn_set_annotations(TrValue v, TrValue x)
{
    if (x && x != TR_NONE && !tr_is_dict(x)) {
        tr_raise(&tr_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    FN(v)->annotations = x == TR_NONE ? 0 : x;
    return 0;
}
static int set_str_field(TrValue *field, TrValue value, const char *what)
{
    if (!value || !tr_is_str(value)) {
        tr_raise(&tr_TypeError, "%s must be set to a string object", what);
        return -1;
    }
    *field = value;
    return 0;
}
static int fn_set_name(TrValue v, TrValue x) { return set_str_field(&FN(v)->name, x, "__name__"); }
static int fn_set_qualname(TrValue v, TrValue x)
{
    return set_str_field(&FN(v)->qualname, x, "__qualname__");
}
static int fn_set_doc(TrValue v, TrValue x)
{
    FN(v)->doc = x ? x : TR_NONE;
    return 0;
}
static int fn_set_module(TrValue v, TrValue x)
{
    FN(v)->module = x ? x : TR_NONE;
    return 0;
}
static int fn_set_defaults(TrValue v, TrValue x)
{
    FN(v)->defaults = x == TR_NONE ? 0 : x;
    return 0;
}

static const TrGetSetDef function_getsets[] = {
    {"__name__", fn_name, fn_set_name},
    {"__qualname__", fn_qualname, fn_set_qualname},
    {"__module__", fn_module, fn_set_module},
    {"__doc__", fn_doc, fn_set_doc},
    {"__defaults__", fn_defaults, fn_set_defaults},
    {"__kwdefaults__", fn_kwdefaults, NULL},
    {"__closure__", fn_closure, NULL},
    {"__globals__", fn_globals, NULL},
    {"__code__", fn_code, NULL},
    {"__dict__", fn_dict, NULL},
    {"__annotations__", fn_annotations, fn_set_annotations},
    {NULL, NULL, NULL},
};

/* Function attributes (f.x = 1) live in f.__dict__. */
static TrValue function_getattr(TrValue self, TrValue name)
{
    if (FN(self)->dict) {
        TrValue v = tr_dict_get_str(FN(self)->dict, name);
        if (v)
            return v;
    }
    return tr_generic_getattr(self, name);
}

static int function_setattr(TrValue self, TrValue name, TrValue value)
{
    TrValue d = tr_type_lookup(&tr_function_type, name);
    if (d)
        return tr_generic_setattr(self, name, value);
    if (!value) {
        if (!FN(self)->dict || !tr_dict_get_str(FN(self)->dict, name)) {
            tr_raise(&tr_AttributeError, "'function' object has no attribute '%U'", name);
            return -1;
        }
        return tr_dict_del(FN(self)->dict, name);
    }
    return tr_dict_set(fn_dict(self), name, value);
}

TrType tr_function_type = {
    .ob = {&tr_type_type}, .name = "function", .basicsize = sizeof(TrFunction),
    .repr = function_repr, .call = function_call, .descr_get = function_descr_get,
    .getattr = function_getattr, .setattr = function_setattr, .getsets = function_getsets,
};

/* --- Cells ------------------------------------------------------------------------------ */

TrValue tr_cell_new(TrValue v)
{
    TrCell *c = TR_NEW(TrCell, &tr_cell_type);
    c->ref = v;
    return tr_val(c);
}

static TrValue cell_repr(TrValue v)
{
    TrCell *c = (TrCell *)tr_obj(v);
    if (!c->ref)
        return tr_str_fmt("<cell at %p: empty>", (void *)c);
    return tr_str_fmt("<cell at %p: %s object at %p>", (void *)c, tr_type_name(c->ref),
                      (void *)tr_obj(c->ref));
}

static TrValue cell_contents(TrValue v)
{
    TrCell *c = (TrCell *)tr_obj(v);
    if (!c->ref)
        return tr_raise(&tr_ValueError, "Cell is empty");
    return c->ref;
}

static const TrGetSetDef cell_getsets[] = {
    {"cell_contents", cell_contents, NULL},
    {NULL, NULL, NULL},
};

TrType tr_cell_type = {
    .ob = {&tr_type_type}, .name = "cell", .basicsize = sizeof(TrCell), .repr = cell_repr,
    .getsets = cell_getsets,
};

/* --- Built-in functions and methods ------------------------------------------------------ */

TrValue tr_builtin_new(const char *name, TrCFunc fn, TrValue self)
{
    TrBuiltin *b = TR_NEW(TrBuiltin, &tr_builtin_type);
    b->name = name;
    b->fn = fn;
    b->self = self;
    return tr_val(b);
}

static TrValue builtin_call(TrValue callee, const TrValue *args, size_t nargs, TrValue kw)
{
    TrBuiltin *b = (TrBuiltin *)tr_obj(callee);
    return b->fn(b->self, args, nargs, kw);
}

static TrValue builtin_repr(TrValue v)
{
    TrBuiltin *b = (TrBuiltin *)tr_obj(v);
    if (!b->self || tr_type_of(b->self) == &tr_module_type)
        return tr_str_fmt("<built-in function %s>", b->name);
    return tr_str_fmt("<built-in method %s of %s object at %p>", b->name, tr_type_name(b->self),
                      (void *)tr_obj(b->self));
}

static TrValue builtin_name(TrValue v) { return tr_str_from_cstr(((TrBuiltin *)tr_obj(v))->name); }
static TrValue builtin_self(TrValue v)
{
    TrValue s = ((TrBuiltin *)tr_obj(v))->self;
    return s ? s : TR_NONE;
}
static TrValue builtin_doc(TrValue v) { return TR_NONE; }

static const TrGetSetDef builtin_getsets[] = {
    {"__name__", builtin_name, NULL},
    {"__qualname__", builtin_name, NULL},
    {"__self__", builtin_self, NULL},
    {"__doc__", builtin_doc, NULL},
    {NULL, NULL, NULL},
};

TrType tr_builtin_type = {
    .ob = {&tr_type_type}, .name = "builtin_function_or_method",
    .basicsize = sizeof(TrBuiltin), .repr = builtin_repr, .call = builtin_call,
    .getsets = builtin_getsets,
};

/* --- Method descriptors ------------------------------------------------------------------ */

#define MD(v) ((TrMethodDescr *)tr_obj(v))

static TrValue method_descr_get(TrValue d, TrValue obj, TrType *type)
{
    if (!obj)
        return d;
    return tr_builtin_new(MD(d)->def->name, MD(d)->def->fn, obj);
}

/* list.append(xs, 1): the first argument is self and must be an instance of the owner. */
static TrValue method_descr_call(TrValue callee, const TrValue *args, size_t nargs, TrValue kw)
{
    TrMethodDescr *d = MD(callee);
    if (nargs < 1)
        return tr_raise(&tr_TypeError, "unbound method %s.%s() needs an argument",
                        d->owner->name, d->def->name);
    if (!tr_isinstance(args[0], d->owner))
        return tr_raise(&tr_TypeError,
                        "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                        d->def->name, d->owner->name, tr_type_name(args[0]));
    return d->def->fn(args[0], args + 1, nargs - 1, kw);
}

static TrValue method_descr_repr(TrValue v)
{
    return tr_str_fmt("<method '%s' of '%s' objects>", MD(v)->def->name, MD(v)->owner->name);
}

static TrValue method_descr_name(TrValue v) { return tr_str_from_cstr(MD(v)->def->name); }
static const TrGetSetDef method_descr_getsets[] = {
    {"__name__", method_descr_name, NULL},
    {NULL, NULL, NULL},
};

TrType tr_method_descr_type = {
    .ob = {&tr_type_type}, .name = "method_descriptor", .basicsize = sizeof(TrMethodDescr),
    .repr = method_descr_repr, .call = method_descr_call, .descr_get = method_descr_get,
    .getsets = method_descr_getsets,
};

/* dict.fromkeys and friends: bound to the class whether reached through it or an instance */
static TrValue classmethod_descr_get(TrValue d, TrValue obj, TrType *type)
{
    TrType *t = obj ? tr_type_of(obj) : type;
    return tr_builtin_new(MD(d)->def->name, MD(d)->def->fn, tr_val(t));
}

static TrValue classmethod_descr_repr(TrValue v)
{
    return tr_str_fmt("<method '%s' of '%s' objects>", MD(v)->def->name, MD(v)->owner->name);
}

TrType tr_classmethod_descr_type = {
    .ob = {&tr_type_type}, .name = "classmethod_descriptor",
    .basicsize = sizeof(TrMethodDescr), .repr = classmethod_descr_repr,
    .descr_get = classmethod_descr_get,
};

/* --- Getset descriptors ------------------------------------------------------------------ */

#define GS(v) ((TrGetSetDescr *)tr_obj(v))

static TrValue getset_get(TrValue d, TrValue obj, TrType *type)
{
    if (!obj)
        return d;
    return GS(d)->def->get(obj);
}

static int getset_set(TrValue d, TrValue obj, TrValue value)
{
    const TrGetSetDef *g = GS(d)->def;
    if (!g->set) {
        tr_raise(&tr_AttributeError, "attribute '%s' of '%s' objects is not writable", g->name,
                 GS(d)->owner->name);
        return -1;
    }
    return g->set(obj, value);
}

static TrValue getset_repr(TrValue v)
{
    return tr_str_fmt("<attribute '%s' of '%s' objects>", GS(v)->def->name, GS(v)->owner->name);
}

TrType tr_getset_descr_type = {
    .ob = {&tr_type_type}, .name = "getset_descriptor", .basicsize = sizeof(TrGetSetDescr),
    .repr = getset_repr, .descr_get = getset_get, .descr_set = getset_set,
};

/* --- Bound methods ----------------------------------------------------------------------- */

TrValue tr_bound_method_new(TrValue func, TrValue self)
{
    TrBoundMethod *m = TR_NEW(TrBoundMethod, &tr_bound_method_type);
    m->func = func;
    m->self = self;
    return tr_val(m);
}

static TrValue bound_method_call(TrValue callee, const TrValue *args, size_t nargs, TrValue kw)
{
    TrBoundMethod *m = (TrBoundMethod *)tr_obj(callee);
    size_t total = nargs + tr_nkw(kw);
    TrValue *all = total < 64 ? alloca((total + 1) * sizeof(TrValue))
                              : tr_alloc((total + 1) * sizeof(TrValue));
    all[0] = m->self;
    for (size_t i = 0; i < total; i++)
        all[i + 1] = args[i];
    return tr_call(m->func, all, nargs + 1, kw);
}

static TrValue bound_method_repr(TrValue v)
{
    TrBoundMethod *m = (TrBoundMethod *)tr_obj(v);
    TrValue name = tr_getattr_opt(m->func, tr_str_intern_cstr("__qualname__"));
    if (name == TR_ERR)
        return TR_ERR;
    TrValue r = tr_repr(m->self);
    if (r == TR_ERR)
        return TR_ERR;
    return tr_str_fmt("<bound method %S of %U>", name ? name : tr_str_from_cstr("?"), r);
}

static TrValue bm_func(TrValue v) { return ((TrBoundMethod *)tr_obj(v))->func; }
static TrValue bm_self(TrValue v) { return ((TrBoundMethod *)tr_obj(v))->self; }
static TrValue bm_name(TrValue v) { return tr_getattr_cstr(bm_func(v), "__name__"); }

static const TrGetSetDef bound_method_getsets[] = {
    {"__func__", bm_func, NULL},
    {"__self__", bm_self, NULL},
    {"__name__", bm_name, NULL},
    {NULL, NULL, NULL},
};

static TrValue bound_method_richcmp(TrValue a, TrValue b, int op)
{
    if ((op != TR_EQ && op != TR_NE) || tr_type_of(b) != &tr_bound_method_type)
        return TR_NOTIMPL;
    TrBoundMethod *x = (TrBoundMethod *)tr_obj(a), *y = (TrBoundMethod *)tr_obj(b);
    bool eq = x->self == y->self && x->func == y->func;
    return tr_bool(op == TR_EQ ? eq : !eq);
}

static int64_t bound_method_hash(TrValue v)
{
    TrBoundMethod *m = (TrBoundMethod *)tr_obj(v);
    int64_t h = tr_hash_pointer(tr_obj(m->self)) ^ tr_hash_pointer(tr_obj(m->func));
    return h == -1 ? -2 : h;
}

TrType tr_bound_method_type = {
    .ob = {&tr_type_type}, .name = "method", .basicsize = sizeof(TrBoundMethod),
    .repr = bound_method_repr, .call = bound_method_call, .getsets = bound_method_getsets,
    .richcmp = bound_method_richcmp, .hash = bound_method_hash,
};
