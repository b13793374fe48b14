/*
 * module.c -- module objects, the table of built-in modules (modules.def), and import:
 * sys.modules first, then built-in modules, then the engine's file hook.
 */
#include "runtime/runtime.h"

#include <string.h>

TrValue (*tr_import_file_hook)(TrValue name);

#define MOD(v) ((TrModule *)tr_obj(v))

TrValue tr_module_new(TrValue name)
{
    TrModule *m = TR_NEW(TrModule, &tr_module_type);
    m->name = name;
    m->dict = tr_dict_new();
    tr_dict_set_cstr(m->dict, "__name__", name);
    tr_dict_set_cstr(m->dict, "__doc__", TR_NONE);
    return tr_val(m);
}

void tr_module_add_functions(TrValue mod, const TrMethodDef *defs)
{
    for (const TrMethodDef *d = defs; d->name; d++) {
        TrValue f = tr_builtin_new(d->name, d->fn, mod);
        tr_dict_set(MOD(mod)->dict, tr_str_intern_cstr(d->name), f);
    }
}

int tr_module_add(TrValue mod, const char *name, TrValue value)
{
    return tr_dict_set(MOD(mod)->dict, tr_str_intern_cstr(name), value);
}

static bool is_builtin_name(const char *name);

static TrValue module_repr(TrValue v)
{
    TrValue file = tr_dict_get_cstr(MOD(v)->dict, "__file__");
    if (file && file != TR_ERR && tr_is_str(file))
        return tr_str_fmt("<module %R from %R>", MOD(v)->name, file);
    tr_err_clear();
    if (is_builtin_name(tr_str_utf8(MOD(v)->name)) || tr_str_eq_cstr(MOD(v)->name, "__main__"))
        return tr_str_fmt("<module %R (built-in)>", MOD(v)->name);
    if (tr_dict_get_cstr(MOD(v)->dict, "__path__")) /* a namespace package */
        return tr_str_fmt("<module %R (namespace)>", MOD(v)->name);
    tr_err_clear();
    return tr_str_fmt("<module %R>", MOD(v)->name);
}

static TrValue module_getattr(TrValue self, TrValue name)
{
    TrValue v = tr_dict_get_str(MOD(self)->dict, name);
    if (v)
        return v;
    if (tr_type_lookup(&tr_module_type, name))
        return tr_generic_getattr(self, name);
    /* PEP 562: a module-level __getattr__ is asked for missing names */
    TrValue hook = tr_dict_get_cstr(MOD(self)->dict, "__getattr__");
    if (hook && hook != TR_ERR)
        return tr_call(hook, &name, 1, 0);
    return tr_raise_attr_error(self, name, "module '%U' has no attribute '%U'",
                               MOD(self)->name, name);
}

static int module_setattr(TrValue self, TrValue name, TrValue value)
{
    if (!value) {
        if (!tr_dict_get_str(MOD(self)->dict, name)) {
            tr_raise(&tr_AttributeError, "module '%U' has no attribute '%U'", MOD(self)->name,
                     name);
            return -1;
        }
        return tr_dict_del(MOD(self)->dict, name);
    }
    return tr_dict_set(MOD(self)->dict, name, value);
}

static TrValue module_get_dict(TrValue self) { return MOD(self)->dict; }

/* types.ModuleType(name, doc=None) */
static TrValue module_new_slot(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    static const char *const names[] = {"name", "doc"};
    TrValue out[2];
    if (tr_parse_args("module", args, nargs, kwnames, names, 1, 2, 0, 2, out) < 0)
        return TR_ERR;
    TrValue name = out[0], doc = out[1] ? out[1] : TR_NONE;
    if (!tr_is_str(name))
        return tr_raise(&tr_TypeError, "module.__init__() argument 'name' must be str, not %T",
                        name);
    TrValue m = tr_module_new(name);
    tr_dict_set_cstr(MOD(m)->dict, "__doc__", doc);
    tr_dict_set_cstr(MOD(m)->dict, "__package__", TR_NONE);
    tr_dict_set_cstr(MOD(m)->dict, "__loader__", TR_NONE);
    tr_dict_set_cstr(MOD(m)->dict, "__spec__", TR_NONE);
    return m;
}

static const TrGetSetDef module_getsets[] = {
    {"__dict__", module_get_dict, NULL},
    {NULL, NULL, NULL},
};

TrType tr_module_type = {
    .ob = {&tr_type_type}, .name = "module", .basicsize = sizeof(TrModule),
    .repr = module_repr, .getattr = module_getattr, .setattr = module_setattr,
    .getsets = module_getsets, .new = module_new_slot,
};

/* --- Built-in modules -------------------------------------------------------------------- */

#define MODULE(name, init) TrValue init(void);
#include "runtime/modules.def"
#undef MODULE

static const struct {
    const char *name;
    TrValue (*init)(void);
} builtin_modules[] = {
#define MODULE(name, init) {#name, init},
#include "runtime/modules.def"
#undef MODULE
};

static bool is_builtin_name(const char *name)
{
    if (strcmp(name, "builtins") == 0)
        return true;
    for (size_t i = 0; i < TR_ARRAY_LEN(builtin_modules); i++)
        if (strcmp(builtin_modules[i].name, name) == 0)
            return true;
    return false;
}

TrValue tr_builtin_module(const char *name)
{
    TrValue modules = tr_sys_modules();
    TrValue m = tr_dict_get_cstr(modules, name);
    if (m)
        return m;
    if (strcmp(name, "builtins") == 0)
        return tr_builtins_module();
    for (size_t i = 0; i < TR_ARRAY_LEN(builtin_modules); i++)
        if (strcmp(builtin_modules[i].name, name) == 0) {
            m = builtin_modules[i].init();
            if (m != TR_ERR)
                tr_dict_set_cstr(modules, name, m);
            return m;
        }
    return 0;
}

/* --- import ------------------------------------------------------------------------------
   CPython's __import__: resolve a relative name against the importing module's package, import
   every parent package first (each submodule becomes an attribute of its parent), then pick
   what the IMPORT_NAME result must be (the top package for `import a.b`). */

static TrValue not_found(TrValue name, TrValue msg)
{
    TrValue exc = tr_exc_new(&tr_ModuleNotFoundError, &msg, 1);
    if (exc == TR_ERR)
        return TR_ERR;
    tr_setattr(exc, tr_str_intern_cstr("name"), name);
    return tr_raise_value(exc);
}

/* Index of the last '.' in s (a str) at or before `end` (exclusive), or -1. */
static int64_t last_dot(TrValue s, int64_t end)
{
    TrStr *t = tr_as_str(s);
    for (int64_t i = end - 1; i >= 0; i--)
        if (tr_str_char(t, i) == '.')
            return i;
    return -1;
}

static TrValue str_prefix(TrValue s, int64_t n) { return tr_str_slice(s, 0, n, 1); }

static TrValue resolve_name(TrValue name, TrValue globals, int level)
{
    TrValue pkg = 0;
    if (globals && tr_is_dict(globals)) {
        pkg = tr_dict_get_cstr(globals, "__package__");
        if (!pkg && tr_err_occurred())
            return TR_ERR;
        if (pkg == TR_NONE)
            pkg = 0;
        if (pkg && !tr_is_str(pkg))
            return tr_raise(&tr_TypeError, "package must be a string");
        if (!pkg) {
            TrValue modname = tr_dict_get_cstr(globals, "__name__");
            if (!modname || !tr_is_str(modname))
                return tr_raise(&tr_KeyError, "'__name__' not in globals");
            if (tr_dict_get_cstr(globals, "__path__"))
                pkg = modname;
            else {
                int64_t dot = last_dot(modname, tr_as_str(modname)->len);
                pkg = str_prefix(modname, dot < 0 ? 0 : dot);
            }
        }
    }
    if (!pkg || tr_as_str(pkg)->len == 0)
        return tr_raise(&tr_ImportError, "attempted relative import with no known parent "
                                         "package");
    int64_t end = tr_as_str(pkg)->len;
    for (int i = 1; i < level; i++) {
        end = last_dot(pkg, end);
        if (end < 0)
            return tr_raise(&tr_ImportError, "attempted relative import beyond top-level "
                                             "package");
    }
    TrValue base = str_prefix(pkg, end);
    return tr_as_str(name)->len ? tr_str_fmt("%U.%U", base, name) : base;
}

static TrValue import_abs(TrValue name);

/* `import a.b.c`: a, then a.b, then a.b.c; each found in its parent's __path__. */
static TrValue import_abs_uncached(TrValue name)
{
    int64_t dot = last_dot(name, tr_as_str(name)->len);
    TrValue parent = 0;
    if (dot >= 0) {
        TrValue pname = str_prefix(name, dot);
        parent = import_abs(pname);
        if (parent == TR_ERR)
            return TR_ERR;
        TrValue m = tr_dict_get(tr_sys_modules(), name); /* the parent may have imported it */
        if (m && m != TR_NONE)
            return m;
        if (tr_err_occurred())
            return TR_ERR;
        TrValue path = tr_getattr_opt(parent, tr_str_intern_cstr("__path__"));
        if (!path) {
            if (tr_err_occurred())
                return TR_ERR;
            return not_found(name, tr_str_fmt("No module named %R; %R is not a package", name,
                                              pname));
        }
    } else {
        TrValue m = tr_builtin_module(tr_str_utf8(name));
        if (m)
            return m;
        if (tr_err_occurred())
            return TR_ERR;
    }
    TrValue m = 0;
    if (tr_import_file_hook) {
        m = tr_import_file_hook(name);
        if (!m && tr_err_occurred())
            return TR_ERR;
    }
    if (!m)
        return not_found(name, tr_str_fmt("No module named %R", name));
    if (parent) {
        TrValue child = tr_str_slice(name, dot + 1, tr_as_str(name)->len, 1);
        if (tr_setattr(parent, tr_str_intern(child), m) < 0)
            return TR_ERR;
    }
    return m;
}

static TrValue import_abs(TrValue name)
{
    TrValue m = tr_dict_get(tr_sys_modules(), name);
    if (!m && tr_err_occurred())
        return TR_ERR;
    if (m == TR_NONE)
        return not_found(name, tr_str_fmt("import of %U halted; None in sys.modules", name));
    return m ? m : import_abs_uncached(name);
}

/* `from pkg import a, b`: names that are not attributes yet may be submodules. */
static int handle_fromlist(TrValue mod, TrValue fromlist, bool recursive)
{
    TrValue it = tr_iter(fromlist);
    if (it == TR_ERR)
        return -1;
    TrValue modname = 0;
    for (;;) {
        TrValue x = tr_next(it);
        if (x == TR_ERR)
            return -1;
        if (x == TR_STOP)
            return 0;
        if (!tr_is_str(x)) {
            if (recursive)
                tr_raise(&tr_TypeError, "Item in %U.__all__ must be str, not %T",
                         modname ? modname : tr_str_from_cstr("?"), x);
            else
                tr_raise(&tr_TypeError, "Item in ``from list'' must be str, not %T", x);
            return -1;
        }
        if (!modname) {
            modname = tr_getattr(mod, tr_str_intern_cstr("__name__"));
            if (modname == TR_ERR)
                return -1;
        }
        if (tr_str_eq_cstr(x, "*")) {
            if (recursive)
                continue;
            TrValue all = tr_getattr_opt(mod, tr_str_intern_cstr("__all__"));
            if (!all) {
                if (tr_err_occurred())
                    return -1;
                continue;
            }
            if (handle_fromlist(mod, all, true) < 0)
                return -1;
            continue;
        }
        TrValue have = tr_getattr_opt(mod, x);
        if (have)
            continue;
        if (tr_err_occurred())
            return -1;
        TrValue full = tr_str_fmt("%U.%U", modname, x);
        if (import_abs(full) != TR_ERR)
            continue;
        if (!tr_err_matches(&tr_ModuleNotFoundError))
            return -1;
        /* a missing submodule is not an error here: IMPORT_FROM reports the missing name */
        TrValue exc = tr_err_fetch();
        TrValue ename = tr_getattr_opt(exc, tr_str_intern_cstr("name"));
        tr_err_clear();
        if (!ename || !tr_is_str(ename) || !tr_str_eq(ename, full)) {
            tr_err_restore(exc);
            return -1;
        }
    }
}

static bool fromlist_empty(TrValue fromlist)
{
    if (!fromlist || fromlist == TR_NONE)
        return true;
    if (tr_is_tuple(fromlist))
        return tr_as_tuple(fromlist)->len == 0;
    if (tr_is_list(fromlist))
        return tr_as_list(fromlist)->len == 0;
    int t = tr_truth(fromlist);
    if (t < 0)
        tr_err_clear();
    return t <= 0;
}

TrValue tr_import(TrValue name, TrValue globals, TrValue fromlist, int level)
{
    if (!tr_is_str(name))
        return tr_raise(&tr_TypeError, "module name must be str, not %T", name);
    if (level < 0)
        return tr_raise(&tr_ValueError, "level must be >= 0");
    TrValue absname = name;
    if (level > 0) {
        absname = resolve_name(name, globals, level);
        if (absname == TR_ERR)
            return TR_ERR;
    } else if (tr_as_str(name)->len == 0) {
        return tr_raise(&tr_ValueError, "Empty module name");
    }
    TrValue mod = import_abs(absname);
    if (mod == TR_ERR)
        return TR_ERR;
    if (fromlist_empty(fromlist)) {
        int64_t len = tr_as_str(name)->len;
        if (len == 0)
            return mod;
        int64_t first = 0;
        while (first < len && tr_str_char(tr_as_str(name), first) != '.')
            first++;
        if (first == len)
            return mod;
        if (level == 0)
            return import_abs(str_prefix(name, first));
        /* `from .a.b import` never gets here; __import__('a.b', level=1) returns .a */
        int64_t cut = len - first;
        TrValue top = str_prefix(absname, tr_as_str(absname)->len - cut);
        TrValue m = tr_dict_get(tr_sys_modules(), top);
        if (!m && !tr_err_occurred())
            return tr_raise(&tr_KeyError, "%R not in sys.modules as expected", top);
        return m;
    }
    /* a plain module (the common case) needs no fromlist work: look without raising */
    TrValue path = tr_isinstance_exact(mod, &tr_module_type)
                       ? tr_dict_get_cstr(MOD(mod)->dict, "__path__")
                       : tr_getattr_opt(mod, tr_str_intern_cstr("__path__"));
    if (!path)
        return tr_err_occurred() ? TR_ERR : mod;
    return handle_fromlist(mod, fromlist, false) < 0 ? TR_ERR : mod;
}

/* Names of the modules whose body is running, for the circular-import hint of IMPORT_FROM. */
static TrValue initializing;

void tr_module_initializing(TrValue name, bool on)
{
    TrValue pending = tr_err_fetch(); /* called while an import's exception propagates */
    if (!initializing)
        initializing = tr_dict_new();
    if (on)
        tr_dict_set(initializing, name, TR_TRUE);
    else if (tr_dict_get(initializing, name))
        tr_dict_del(initializing, name);
    tr_err_clear();
    if (pending)
        tr_err_restore(pending);
}

TrValue tr_import_from(TrValue mod, TrValue name)
{
    TrValue v = tr_getattr_opt(mod, name);
    if (v || tr_err_occurred())
        return v;
    TrValue pkg = tr_getattr_opt(mod, tr_str_intern_cstr("__name__"));
    tr_err_clear();
    if (pkg && !tr_is_str(pkg))
        pkg = 0;
    if (pkg) { /* a submodule that is in sys.modules but not (yet) an attribute */
        v = tr_dict_get(tr_sys_modules(), tr_str_fmt("%U.%U", pkg, name));
        if (v)
            return v;
        tr_err_clear();
    }
    TrValue file = tr_getattr_opt(mod, tr_str_intern_cstr("__file__"));
    tr_err_clear();
    if (file && !tr_is_str(file))
        file = 0;
    TrValue msg;
    if (!pkg)
        msg = tr_str_fmt("cannot import name '%U' from <unknown module name>", name);
    else if (initializing && tr_dict_get(initializing, pkg))
        msg = tr_str_fmt("cannot import name '%U' from partially initialized module '%U' "
                         "(most likely due to a circular import) (%U)", name, pkg,
                         file ? file : tr_str_from_cstr("unknown location"));
    else if (file)
        msg = tr_str_fmt("cannot import name '%U' from '%U' (%U)", name, pkg, file);
    else
        msg = tr_str_fmt("cannot import name '%U' from '%U' (unknown location)", name, pkg);
    tr_err_clear();
    TrValue exc = tr_exc_new(&tr_ImportError, &msg, 1);
    if (!exc)
        return TR_ERR;
    tr_setattr(exc, tr_str_intern_cstr("name"), pkg ? pkg : TR_NONE);
    tr_setattr(exc, tr_str_intern_cstr("path"), file ? file : TR_NONE);
    tr_err_clear();
    return tr_raise_value(exc);
}
