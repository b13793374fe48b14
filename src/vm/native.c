/*
 * native.c -- entering compiled code from a call, and resuming the interpreter from it
 * (native.h). Frames of compiled code are ordinary data-stack frames, so tracebacks, super()
 * and globals() see them like interpreted ones.
 */
#include "vm/native.h"

#include "runtime/runtime.h"
#include "vm/vm.h"

TrValue vm_native_run(Frame *f)
{
    if (TR_UNLIKELY(tr_enter_call() < 0))
        return TR_ERR;
    TrValue r = vm_native_exec(f);
    tr_leave_call();
    return r;
}

TrValue vm_native_call(TrFunction *fn, const TrValue *args, size_t nargs, TrValue kwnames)
{
    CodeObj *co = bc_as_code(fn->code);
    if (TR_UNLIKELY(!co->native)) /* given up after too many failed guards */
        return vm_call_function(fn, args, nargs, kwnames);
    if (TR_LIKELY(vm_native_simple(co, nargs, kwnames)))
        return vm_native_call_simple(fn, co, args, nargs);
    Frame *f = vm_frame_push(co);
    f->func = fn;
    f->globals = fn->globals;
    f->builtins = fn->builtins ? fn->builtins : tr_builtins();
    if (vm_bind_args(f, fn, args, nargs, kwnames) < 0) {
        vm_frame_pop(f);
        return TR_ERR;
    }
    TrValue r = vm_native_run(f);
    vm_frame_pop(f);
    return r;
}

/* Failed guards after which a code object's machine code is no longer entered: its guesses
   do not hold for this program (ints past 62 bits, lists of something else), and every failure
   costs a resumption in the interpreter. A JIT would recompile without the guesses; machine
   code built ahead of time can only step aside. */
#define NATIVE_DEOPT_LIMIT 64
/* Failed guards after which machine code that guesses gives way to its fallback (compiled
   without any guess: generic operations, no deoptimization). */
#define NATIVE_FALLBACK_AFTER 8

TrValue vm_native_resume(Frame *f, int pc, int depth, int throwing)
{
    CodeObj *co = f->co;
    if (!throwing) {
        co->deopts++;
        if (co->fallback && co->deopts >= NATIVE_FALLBACK_AFTER) {
            co->native = co->fallback; /* frames running the old code finish in it */
            co->fallback = NULL;
            co->deopts = 0;
        } else if (co->deopts == NATIVE_DEOPT_LIMIT) {
            co->native = NULL; /* frames running it now finish in it; new calls use the VM */
        }
    }
    /* vm_eval makes f its entry frame, linked to the frame that was current before f */
    vm_cur_frame = f->back;
    f->ip = f->co->code + pc + (throwing ? 1 : 0);
    f->sp = frame_stack_base(f) + depth;
    /* vm_eval counts f in the call depth again: uncount it meanwhile, else a handler of
       RecursionError in the deepest frame would hit the limit once more and never run */
    tr_leave_call();
    TrValue r = vm_eval(f, throwing != 0);
    tr_ts.depth++;
    vm_cur_frame = f;
    return r;
}

TrValue vm_native_error(Frame *f, int pc)
{
    CodeObj *co = f->co;
    if (TR_UNLIKELY(!tr_ts.exc))
        tr_raise(&tr_SystemError, "error return without exception set");
    tr_exc_add_frame(tr_ts.exc, co->filename, vm_frame_line(f, pc), co->name);
    return TR_ERR;
}
