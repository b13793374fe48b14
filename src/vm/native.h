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

#include "runtime/builtins.h"
#include "runtime/state.h"
#include "runtime/tuple.h"
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

/* --- The call path, inline so that compiled call sites (rt_call) share it ----------------- */

/* A call that binds nothing: exactly the positional parameters, no keywords. */
static inline bool vm_native_simple(const CodeObj *co, size_t nargs, TrValue kwnames)
{
    return !kwnames && nargs == (size_t)co->argcount && !co->kwonlyargcount &&
           !(co->flags & (CO_VARARGS | CO_VARKEYWORDS));
}

/* vm_native_run without the call-depth accounting: COPY_FREE_VARS, then f's machine code with
   f current. */
static inline TrValue vm_native_exec(Frame *f)
{
    CodeObj *co = f->co;
    if (co->nfrees) { /* COPY_FREE_VARS, done here so the frame has them (super()) */
        TrTuple *cl = tr_as_tuple(f->func->closure);
        int off = co->nlocalsplus - co->nfrees;
        for (int i = 0; i < co->nfrees; i++)
            f->lp[off + i] = cl->items[i];
    }
    f->back = vm_cur_frame;
    f->state = FRAME_RUNNING;
    vm_cur_frame = f;
    TrValue r = ((NativeFn)co->native)(f);
    vm_cur_frame = f->back;
    f->state = FRAME_DONE;
    return r;
}

/* vm_native_call of a simple call (vm_native_simple): fn's code co has machine code. */
static inline TrValue vm_native_call_simple(TrFunction *fn, CodeObj *co, const TrValue *args,
                                            size_t nargs)
{
    if (TR_UNLIKELY(++tr_ts.depth > tr_ts.recursion_limit)) {
        tr_ts.depth--;
        tr_enter_call(); /* raises RecursionError */
        return TR_ERR;
    }
    Frame *f = vm_frame_push_quick(co, (int)nargs);
    if (TR_UNLIKELY(!f))
        f = vm_frame_push(co);
    for (size_t i = 0; i < nargs; i++)
        f->lp[i] = args[i];
    f->func = fn;
    f->globals = fn->globals;
    f->builtins = fn->builtins ? fn->builtins : tr_builtins();
    TrValue r = vm_native_exec(f);
    tr_leave_call();
    vm_frame_pop_quick(f);
    return r;
}

#endif
