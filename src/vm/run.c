/*
 * run.c -- module bodies run as python3 runs them (run.h): __main__, imported modules and
 * namespace packages, and the SyntaxError of a module that did not compile. `trident run`, the
 * source loader (src/cli/loader.c) and AOT executables (src/aot/exe) all come through here.
 */
#include "vm/run.h"

#include "runtime/runtime.h"
#include "vm/vm.h"

#include <string.h>

/* --- __main__ ----------------------------------------------------------------------------- */

void vm_init_main_globals(TrValue globals)
{
    /* python3's names and order: __name__ and __doc__ are there already */
    tr_dict_set_cstr(globals, "__package__", TR_NONE);
    tr_dict_set_cstr(globals, "__loader__", TR_NONE);
    tr_dict_set_cstr(globals, "__spec__", TR_NONE);
    tr_dict_set_cstr(globals, "__annotations__", tr_dict_new());
    tr_dict_set_cstr(globals, "__builtins__", tr_builtins_module());
}

TrValue vm_main_module_new(const char *file)
{
    TrValue main_name = tr_str_intern_cstr("__main__");
    TrValue mod = tr_module_new(main_name);
    TrValue globals = ((TrModule *)tr_obj(mod))->dict;
    vm_init_main_globals(globals);
    if (file) {
        tr_dict_set_cstr(globals, "__file__", tr_str_from_cstr(file));
        tr_dict_set_cstr(globals, "__cached__", TR_NONE);
    }
    tr_dict_set(tr_sys_modules(), main_name, mod);
    return mod;
}

int vm_run_main(CodeObj *co, TrValue mod)
{
    TrValue r = vm_run_module(co, ((TrModule *)tr_obj(mod))->dict);
    int status = 0;
    if (r == TR_ERR)
        status = tr_exc_handle_uncaught(tr_err_fetch());
    tr_runtime_fini();
    return status;
}

/* --- Imported modules --------------------------------------------------------------------- */

TrValue vm_exec_module(TrValue name, CodeObj *co, const char *file, const char *pkgdir)
{
    TrValue mod = tr_module_new(name);
    TrValue g = ((TrModule *)tr_obj(mod))->dict;
    int64_t dot = -1;
    for (int64_t i = tr_as_str(name)->len - 1; i >= 0 && dot < 0; i--)
        if (tr_str_char(tr_as_str(name), i) == '.')
            dot = i;
    TrValue package = pkgdir ? name : tr_str_slice(name, 0, dot < 0 ? 0 : dot, 1);
    tr_dict_set_cstr(g, "__package__", package);
    tr_dict_set_cstr(g, "__loader__", TR_NONE);
    tr_dict_set_cstr(g, "__spec__", TR_NONE);
    if (pkgdir) {
        TrValue path = tr_list_new(1);
        tr_list_append(path, tr_str_from_cstr(pkgdir));
        tr_dict_set_cstr(g, "__path__", path);
    }
    tr_dict_set_cstr(g, "__file__", tr_str_from_cstr(file));
    tr_dict_set_cstr(g, "__cached__", TR_NONE); /* no .pyc files; the key is there as in CPython */
    tr_dict_set_cstr(g, "__builtins__", tr_builtins_module());
    /* in sys.modules before its body runs: a circular import sees the partial module */
    TrValue modules = tr_sys_modules();
    if (tr_dict_set(modules, name, mod) < 0)
        return TR_ERR;
    tr_module_initializing(name, true);
    TrValue r = vm_run_module(co, g);
    tr_module_initializing(name, false);
    if (r == TR_ERR) {
        TrValue exc = tr_err_fetch();
        if (tr_dict_get(modules, name))
            tr_dict_del(modules, name);
        tr_err_restore(exc);
        return TR_ERR;
    }
    TrValue m = tr_dict_get(modules, name); /* the body may have replaced itself */
    if (!m && !tr_err_occurred())
        return tr_raise(&tr_KeyError, "%R", name);
    return m;
}

TrValue vm_namespace_module(TrValue name, const char *dir)
{
    TrValue mod = tr_module_new(name);
    TrValue g = ((TrModule *)tr_obj(mod))->dict;
    tr_dict_set_cstr(g, "__package__", name);
    tr_dict_set_cstr(g, "__loader__", TR_NONE);
    tr_dict_set_cstr(g, "__spec__", TR_NONE);
    tr_dict_set_cstr(g, "__file__", TR_NONE);
    TrValue path = tr_list_new(1);
    tr_list_append(path, tr_str_from_cstr(dir));
    tr_dict_set_cstr(g, "__path__", path);
    tr_dict_set(tr_sys_modules(), name, mod);
    return mod;
}

/* A compile error of an imported module is a SyntaxError exception (catchable, shown with the
   traceback through the import) carrying CPython's attributes. */
TrValue vm_raise_syntax_error(const char *type, const char *msg, const char *file, int line,
                              int col, int end_col, const char *text)
{
    TrType *t = &tr_SyntaxError;
    if (type && !strcmp(type, "IndentationError"))
        t = &tr_IndentationError;
    else if (type && !strcmp(type, "TabError"))
        t = &tr_TabError;
    TrValue msgv = tr_str_from_cstr(msg ? msg : "invalid syntax");
    TrValue exc = tr_exc_new(t, &msgv, 1);
    if (exc == TR_ERR)
        return TR_ERR;
    TrValue textv = text ? tr_str_fmt("%s\n", text) : TR_NONE;
    struct {
        const char *name;
        TrValue v;
    } attrs[] = {
        {"msg", msgv},
        {"filename", tr_str_from_cstr(file)},
        {"lineno", line ? tr_small_new(line) : TR_NONE},
        {"offset", col ? tr_small_new(col) : TR_NONE},
        {"text", textv},
        {"end_lineno", line ? tr_small_new(line) : TR_NONE},
        {"end_offset", end_col ? tr_small_new(end_col) : TR_NONE},
        {"print_file_and_line", TR_NONE},
    };
    for (size_t i = 0; i < TR_ARRAY_LEN(attrs); i++)
        tr_setattr(exc, tr_str_intern_cstr(attrs[i].name), attrs[i].v);
    tr_err_clear();
    return tr_raise_value(exc);
}
