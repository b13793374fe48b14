/*
 * module.h -- module objects and the table of built-in modules (sys, math, ...). A built-in
 * module is created on first import by its init function and cached in sys.modules.
 */
#ifndef TR_MODULE_H
#define TR_MODULE_H

#include "runtime/object.h"

typedef struct TrModule {
    TrObject ob;
    TrValue name; /* str */
    TrValue dict;
} TrModule;

extern TrType tr_module_type;

TrValue tr_module_new(TrValue name); /* sets __name__ in its dict */
/* Adds functions from a NULL-terminated table to a module. */
void tr_module_add_functions(TrValue mod, const TrMethodDef *defs);
int tr_module_add(TrValue mod, const char *name, TrValue value);

/* The built-in modules: name and init function, defined in modules.def. */
TrValue tr_builtin_module(const char *name); /* created once; 0 if there is no such module */

/* import: looks in sys.modules, then built-in modules, then (hook set by the engine) files.
   Raises ModuleNotFoundError: No module named 'x'. */
TrValue tr_import(TrValue name, TrValue globals, TrValue fromlist, int level);
extern TrValue (*tr_import_file_hook)(TrValue name); /* 0 + no exception: not found */
/* The hook is given the absolute dotted name; the parent package is imported already (its
   __path__ is where to look). It puts the module in sys.modules before running its body,
   marks it with tr_module_initializing meanwhile, and removes it again if the body fails. */
void tr_module_initializing(TrValue name, bool on);
/* IMPORT_FROM: the attribute, else the submodule from sys.modules, else CPython's ImportError
   ("cannot import name 'x' from 'm' (path)", "... from partially initialized module ...")
   with its name and path attributes. */
TrValue tr_import_from(TrValue mod, TrValue name);

TrValue tr_sys_modules(void); /* the sys.modules dict */
TrValue tr_sys_module(void);
TrValue tr_sys_stdout(void);  /* current sys.stdout object */
TrValue tr_sys_stderr(void);
void tr_sys_set_argv(int argc, char **argv); /* argv[0] is the script name */

#endif
