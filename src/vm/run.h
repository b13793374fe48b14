/*
 * run.h -- running module bodies the way python3 does: the __main__ module of a program, an
 * imported module (sys.modules bookkeeping, dunder names), a namespace package, and the
 * SyntaxError of a module that did not compile. Shared by `trident run`, the import loader and
 * AOT-built executables, so that all of them behave and report errors alike.
 */
#ifndef TR_VM_RUN_H
#define TR_VM_RUN_H

#include "bytecode/code.h"

/* The dunder names of a __main__ module's globals, in python3's order. */
void vm_init_main_globals(TrValue globals);
/* Makes module __main__ with those globals and __file__ (none when file is NULL, as for -c),
   and registers it in sys.modules. */
TrValue vm_main_module_new(const char *file);
/* Runs co as the body of mod; an uncaught exception prints its traceback (SystemExit gives its
   code). Flushes the standard streams and returns the exit status. */
int vm_run_main(CodeObj *co, TrValue mod);

/* Imports: runs co as the body of module `name` from `file` (pkgdir: the package's folder,
   __path__[0], or NULL for a plain module). In sys.modules while the body runs and removed
   again if it fails. Returns the module (sys.modules[name]) or TR_ERR. */
TrValue vm_exec_module(TrValue name, CodeObj *co, const char *file, const char *pkgdir);
/* A namespace package: a folder without __init__.py. */
TrValue vm_namespace_module(TrValue name, const char *dir);
/* Raises the SyntaxError (type: "SyntaxError", "IndentationError" or "TabError") of a module
   that failed to compile, with CPython's attributes; line, col, end_col 0 and text NULL when
   unknown. Returns TR_ERR. */
TrValue vm_raise_syntax_error(const char *type, const char *msg, const char *file, int line,
                              int col, int end_col, const char *text);

#endif
