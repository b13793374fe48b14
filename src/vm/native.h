/*
 * native.h -- how compiled code (AOT or JIT) and the interpreter meet: the entry through which
 * a function with machine code is called, and the exits through which compiled code hands a
 * frame back to the interpreter (a failed guard, or an error inside a try block).
 *
 * Compiled code has the signature TrValue fn(Frame *f): f is bound and current (vm_cur_frame);
 * its locals live in registers, not in f->lp, except at exits, where the compiled code stores
 * every local and stack slot of the exit's frame state into f before calling vm_native_resume.
 */
#ifndef TR_VM_NATIVE_H
#define TR_VM_NATIVE_H

#include "vm/frame.h"

typedef TrValue (*NativeFn)(Frame *f);

/* The TrEntryFn of functions whose code object has machine code. */
TrValue vm_native_call(TrFunction *fn, const TrValue *args, size_t nargs, TrValue kwnames);
/* Runs a bound frame's machine code with f current; pops nothing. */
TrValue vm_native_run(Frame *f);

/* Exit: the frame's localsplus and value stack slots [0, depth) hold the state before
   instruction pc. Resumes the interpreter there: re-executes pc (a failed guard) or, throwing,
   raises the pending exception at pc so that its handler runs. Returns the function's result. */
TrValue vm_native_resume(Frame *f, int pc, int depth, int throwing);
/* Exit of an error outside every try block: adds f's traceback entry for pc, returns TR_ERR. */
TrValue vm_native_error(Frame *f, int pc);

#endif
