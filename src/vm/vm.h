/*
 * vm.h -- the bytecode interpreter. vm_init installs the VM's hooks into the runtime (entry of
 * Python functions, globals()/locals()); vm_run_module executes a module's code object.
 */
#ifndef TR_VM_H
#define TR_VM_H

#include "bytecode/code.h"
#include "runtime/func.h"

void vm_init(void);
/* Runs module code in globals (a dict). Returns the result or TR_ERR with the exception
   pending (its traceback filled in). */
TrValue vm_run_module(CodeObj *co, TrValue globals);
/* The TrEntryFn of functions whose code the VM runs. */
TrValue vm_call_function(TrFunction *fn, const TrValue *args, size_t nargs, TrValue kwnames);

#endif
