/*
 * builtins_attr.c -- the builtins about attributes, namespaces and types: getattr, setattr,
 * hasattr, delattr, vars, globals, locals, dir, isinstance, issubclass. globals() and
 * locals() ask the running engine through the hooks in the thread state.
 */
#include "runtime/runtime.h"

/* --- getattr and friends ----------------------------------------------------------------- */

static int check_name(TrValue name)
{
    if (!tr_is_str(name)) {
        tr_raise(&tr_TypeError, "attribute name must be string, not '%s'", tr_type_name(name));
        return -1;
    }
    return 0;
}

static TrValue bi_getattr(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_nargs("getattr", nargs, kw, 2, 3) < 0 || check_name(args[1]) < 0)
        return TR_ERR;
    TrValue v = tr_getattr(args[0], args[1]);
    if (v == TR_ERR && nargs == 3 && tr_err_matches(&tr_AttributeError)) {
        tr_err_clear();
        return args[2];
    }
    return v;
}

static TrValue bi_hasattr(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_nargs("hasattr", nargs, kw, 2, 2) < 0 || check_name(args[1]) < 0)
        return TR_ERR;
    TrValue v = tr_getattr(args[0], args[1]);
    if (v == TR_ERR) {
        if (!tr_err_matches(&tr_AttributeError))
            return TR_ERR;
        tr_err_clear();
        return TR_FALSE;
    }
    return TR_TRUE;
}

static TrValue bi_setattr(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_nargs("setattr", nargs, kw, 3, 3) < 0 || check_name(args[1]) < 0 ||
        tr_setattr(args[0], tr_str_intern(args[1]), args[2]) < 0)
        return TR_ERR;
    return TR_NONE;
}

static TrValue bi_delattr(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_nargs("delattr", nargs, kw, 2, 2) < 0 || check_name(args[1]) < 0 ||
        tr_delattr(args[0], tr_str_intern(args[1])) < 0)
        return TR_ERR;
    return TR_NONE;
}

/* --- Namespaces -------------------------------------------------------------------------- */

static TrValue frame_dict(TrValue (*hook)(void))
{
    if (!hook)
        return tr_dict_new(); /* nothing is running: an empty namespace */
    return hook();
}

static TrValue bi_globals(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (nargs || tr_nkw(kw))
        return tr_raise(&tr_TypeError, "globals() takes no arguments (%d given)",
                        (int)(nargs + tr_nkw(kw)));
    return frame_dict(tr_ts.frame_globals);
}

static TrValue bi_locals(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (nargs || tr_nkw(kw))
        return tr_raise(&tr_TypeError, "locals() takes no arguments (%d given)",
                        (int)(nargs + tr_nkw(kw)));
    return frame_dict(tr_ts.frame_locals);
}

static TrValue bi_vars(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_nargs("vars", nargs, kw, 0, 1) < 0)
        return TR_ERR;
    if (nargs == 0)
        return frame_dict(tr_ts.frame_locals);
    TrValue d = tr_getattr_cstr(args[0], "__dict__");
    if (d == TR_ERR && tr_err_matches(&tr_AttributeError)) {
        tr_err_clear();
        return tr_raise(&tr_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

/* Adds the keys of the mapping d (when it is a dict) to the dict `names`. */
static int add_keys(TrValue names, TrValue d)
{
    if (!d || !tr_is_dict(d))
        return 0;
    int64_t pos = 0;
    TrValue k, v;
    while (tr_dict_next(d, &pos, &k, &v))
        if (tr_dict_set(names, k, TR_NONE) < 0)
            return -1;
    return 0;
}

static int add_type_names(TrValue names, TrType *t)
{
    TrTuple *mro = tr_as_tuple(t->mro);
    for (int64_t i = 0; i < mro->len; i++)
        if (add_keys(names, ((TrType *)tr_obj(mro->items[i]))->dict) < 0)
            return -1;
    return 0;
}

/* dir(o) without a __dir__ method: what object.__dir__ and type.__dir__ would list. */
static TrValue default_dir(TrValue o)
{
    TrValue names = tr_dict_new();
    TrType *t = tr_type_of(o);
    if (t->flags & TR_TYPE_TYPE_SUB) {
        if (add_type_names(names, (TrType *)tr_obj(o)) < 0)
            return TR_ERR;
    } else {
        TrValue d = t == &tr_module_type ? ((TrModule *)tr_obj(o))->dict
                                         : tr_getattr_opt(o, tr_str_intern_cstr("__dict__"));
        if ((!d && tr_err_occurred()) || add_keys(names, d) < 0)
            return TR_ERR;
        if (t != &tr_module_type && add_type_names(names, t) < 0)
            return TR_ERR;
    }
    return tr_dict_keys_list(names);
}

static TrValue bi_dir(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_nargs("dir", nargs, kw, 0, 1) < 0)
        return TR_ERR;
    TrValue list;
    if (nargs == 0) {
        TrValue d = frame_dict(tr_ts.frame_locals);
        if (d == TR_ERR)
            return TR_ERR;
        list = tr_is_dict(d) ? tr_dict_keys_list(d) : tr_list_from_iter(d);
    } else {
        TrValue r;
        if (tr_bi_special(args[0], "__dir__", NULL, 0, &r))
            list = r == TR_ERR ? r : tr_list_from_iter(r);
        else
            list = default_dir(args[0]);
    }
    if (list == TR_ERR || tr_list_sort(list, 0, false) < 0)
        return TR_ERR;
    return list;
}

/* --- isinstance and issubclass ----------------------------------------------------------- */

static bool is_type(TrValue v)
{
    return tr_is_ptr(v) && (tr_obj(v)->type->flags & TR_TYPE_TYPE_SUB);
}

/* 1, 0, or -1 with TypeError when cls (or an item of a nested tuple) is not a type. */
static int isinstance_of(TrValue obj, TrValue cls)
{
    if (is_type(cls))
        return tr_isinstance(obj, (TrType *)tr_obj(cls));
    if (tr_is_tuple(cls)) {
        TrTuple *t = tr_as_tuple(cls);
        for (int64_t i = 0; i < t->len; i++) {
            int r = isinstance_of(obj, t->items[i]);
            if (r != 0)
                return r;
        }
        return 0;
    }
    tr_raise(&tr_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

static int issubclass_of(TrValue derived, TrValue cls)
{
    if (tr_is_tuple(cls)) {
        TrTuple *t = tr_as_tuple(cls);
        for (int64_t i = 0; i < t->len; i++) {
            int r = issubclass_of(derived, t->items[i]);
            if (r != 0)
                return r;
        }
        return 0;
    }
    if (!is_type(derived)) {
        tr_raise(&tr_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    if (!is_type(cls)) {
        tr_raise(&tr_TypeError,
                 "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    return tr_type_is_subtype((TrType *)tr_obj(derived), (TrType *)tr_obj(cls));
}

static TrValue bi_isinstance(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_nargs("isinstance", nargs, kw, 2, 2) < 0)
        return TR_ERR;
    int r = isinstance_of(args[0], args[1]);
    return r < 0 ? TR_ERR : tr_bool(r);
}

static TrValue bi_issubclass(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_nargs("issubclass", nargs, kw, 2, 2) < 0)
        return TR_ERR;
    int r = issubclass_of(args[0], args[1]);
    return r < 0 ? TR_ERR : tr_bool(r);
}

const TrMethodDef tr_builtins_attr_methods[] = {
    {"getattr", bi_getattr, 0},       {"hasattr", bi_hasattr, 0},
    {"setattr", bi_setattr, 0},       {"delattr", bi_delattr, 0},
    {"globals", bi_globals, 0},       {"locals", bi_locals, 0},
    {"vars", bi_vars, 0},             {"dir", bi_dir, 0},
    {"isinstance", bi_isinstance, 0}, {"issubclass", bi_issubclass, 0},
    {NULL, NULL, 0},
};
