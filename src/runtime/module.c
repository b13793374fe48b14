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

static TrValue module_repr(TrValue v)
{
    TrValue file = tr_dict_get_cstr(MOD(v)->dict, "__file__");
    if (file && file != TR_ERR)
        return tr_str_fmt("<module %R from %R>", MOD(v)->name, file);
    return tr_str_fmt("<module %R (built-in)>", MOD(v)->name);
}

static TrValue module_getattr(TrValue self, TrValue name)
{
    TrValue v = tr_dict_get_str(MOD(self)->dict, name);
    if (v)
        return v;
    if (tr_type_lookup(&tr_module_type, name))
        return tr_generic_getattr(self, name);
    return tr_raise(&tr_AttributeError, "module '%U' has no attribute '%U'", MOD(self)->name,
                    name);
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

static const TrGetSetDef module_getsets[] = {
    {"__dict__", module_get_dict, NULL},
    {NULL, NULL, NULL},
};

TrType tr_module_type = {
    .ob = {&tr_type_type}, .name = "module", .basicsize = sizeof(TrModule),
    .repr = module_repr, .getattr = module_getattr, .setattr = module_setattr,
    .getsets = module_getsets,
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

TrValue tr_import(TrValue name, TrValue globals, TrValue fromlist, int level)
{
    if (level > 0)
        return tr_raise(&tr_ImportError, "attempted relative import with no known parent "
                                         "package");
    TrValue m = tr_dict_get_str(tr_sys_modules(), name);
    if (m)
        return m;
    m = tr_builtin_module(tr_str_utf8(name));
    if (m)
        return m;
    if (tr_import_file_hook) {
        m = tr_import_file_hook(name);
        if (m)
            return m;
        if (tr_err_occurred())
            return TR_ERR;
    }
    TrValue args[1] = {tr_str_fmt("No module named %R", name)};
    TrValue exc = tr_exc_new(&tr_ModuleNotFoundError, args, 1);
    tr_setattr(exc, tr_str_intern_cstr("name"), name);
    return tr_raise_value(exc);
}
