/*
 * vm.h -- the bytecode interpreter. vm_init installs the VM's hooks into the runtime (entry of
 * Python functions, globals()/locals()); vm_run_module executes a module's code object.
 */
#ifndef TR_VM_H
#define TR_VM_H

#include "bytecode/code.h"
#include "runtime/func.h"

void vm_init(void);
/* Called before a code object first runs when set (the JIT's compile-everything mode); it may
   set co->native. Sets co->native_tried either way. module: the code of co's module when known
   (co is module code, or a function defined by it), else NULL. */
extern void (*vm_compile_hook)(CodeObj *co, CodeObj *module);
/* Runs module code in globals (a dict). Returns the result or TR_ERR with the exception
   pending (its traceback filled in). */
TrValue vm_run_module(CodeObj *co, TrValue globals);
/* Runs code with the given namespaces (exec/eval): locals may be any mapping. */
TrValue vm_run_code(CodeObj *co, TrValue globals, TrValue locals);
/* Runs a function's code with a namespace instead of fast locals, and no arguments: the body
   of a class statement (what __build_class__ does with the class namespace). */
TrValue vm_call_with_locals(TrFunction *fn, TrValue locals);
/* The TrEntryFn of functions whose code the VM runs. */
TrValue vm_call_function(TrFunction *fn, const TrValue *args, size_t nargs, TrValue kwnames);

#endif
