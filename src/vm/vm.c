/*
 * vm.c -- the VM's face to the rest of trident: start-up (hooks into the runtime, generator
 * type, C stack guard), running module code and class bodies, and the entry through which
 * the runtime calls Python functions.
 */
#include "vm/vm.h"
#include "vm/native.h"
#include "vm/frame.h"
#include "vm/gen.h"

#include "runtime/runtime.h"

#include <sys/resource.h>

#define GEN_FLAGS (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)

/* --- C stack guard -------------------------------------------------------------------------- */

/* Python-to-Python calls do not nest the interpreter, but calls from C (sorted's key, __repr__,
   __init__...) do; the guard turns a runaway C recursion into RecursionError. */
extern void *__libc_stack_end;
static char *c_stack_limit;

#define C_STACK_WANT ((rlim_t)64 << 20) /* below the 128 MB kernel gap before mmap space */
#define C_STACK_MARGIN ((size_t)512 << 10)

void vm_c_stack_init(void)
{
    struct rlimit rl;
    size_t size = (size_t)8 << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0) {
        if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < C_STACK_WANT) {
            rlim_t want = C_STACK_WANT;
            if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < want)
                want = rl.rlim_max;
            struct rlimit nl = {want, rl.rlim_max};
            if (want > rl.rlim_cur && setrlimit(RLIMIT_STACK, &nl) == 0)
                rl.rlim_cur = want;
        }
        size = rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > C_STACK_WANT ? (size_t)C_STACK_WANT
                                                                           : (size_t)rl.rlim_cur;
    }
    char *top = __libc_stack_end;
    char *here = __builtin_frame_address(0);
    if (!top || top < here)
        top = here;
    c_stack_limit = top - size + C_STACK_MARGIN;
}

int vm_check_c_stack(void)
{
    if (TR_UNLIKELY((char *)__builtin_frame_address(0) < c_stack_limit)) {
        tr_raise(&tr_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    return 0;
}

/* --- Hooks ---------------------------------------------------------------------------------- */

static TrValue hook_globals(void)
{
    if (!vm_cur_frame)
        return tr_raise(&tr_SystemError, "globals(): no current frame");
    return vm_cur_frame->globals;
}

static TrValue hook_locals(void)
{
    if (!vm_cur_frame)
        return tr_raise(&tr_SystemError, "locals(): no current frame");
    return vm_frame_locals_dict(vm_cur_frame);
}

static TrValue hook_call_with_locals(TrValue fn, TrValue locals)
{
    return vm_call_with_locals((TrFunction *)tr_obj(fn), locals);
}

/* Zero-argument super(): the __class__ cell and the first argument of the running function. */
static int hook_super_args(TrValue *type, TrValue *obj)
{
    Frame *f = vm_cur_frame;
    if (!f || !f->func) {
        tr_raise(&tr_RuntimeError, "super(): no arguments");
        return -1;
    }
    CodeObj *co = f->co;
    if (co->argcount == 0 && !(co->flags & CO_VARARGS)) {
        tr_raise(&tr_RuntimeError, "super(): no arguments");
        return -1;
    }
    TrValue first = f->lp[0];
    if (first && (co->localspluskinds[0] & CO_FAST_CELL) && tr_is_ptr(first) &&
        tr_obj(first)->type == &tr_cell_type)
        first = ((TrCell *)tr_obj(first))->ref;
    if (!first) {
        tr_raise(&tr_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    TrTuple *names = tr_as_tuple(co->localsplusnames);
    for (int i = co->nlocalsplus - co->nfrees; i < co->nlocalsplus; i++) {
        if (!tr_str_eq_cstr(names->items[i], "__class__"))
            continue;
        TrValue cell = f->lp[i];
        TrValue cls = cell ? ((TrCell *)tr_obj(cell))->ref : 0;
        if (!cls) {
            tr_raise(&tr_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        *type = cls;
        *obj = first;
        return 0;
    }
    tr_raise(&tr_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

void (*vm_compile_hook)(CodeObj *co, CodeObj *module);

void vm_init(void)
{
    vm_c_stack_init();
    vm_gen_init();
    tr_ts.frame_globals = hook_globals;
    tr_ts.frame_locals = hook_locals;
    tr_ts.call_with_locals = hook_call_with_locals;
    tr_ts.super_args = hook_super_args;
}

/* --- Running code --------------------------------------------------------------------------- */

TrValue vm_call_function(TrFunction *fn, const TrValue *args, size_t nargs, TrValue kwnames)
{
    CodeObj *co = bc_as_code(fn->code);
    bool heap = (co->flags & GEN_FLAGS) != 0;
    Frame *f = heap ? vm_frame_heap(co) : vm_frame_push(co);
    f->func = fn;
    f->globals = fn->globals;
    f->builtins = fn->builtins ? fn->builtins : tr_builtins();
    if (vm_bind_args(f, fn, args, nargs, kwnames) < 0) {
        if (!heap)
            vm_frame_pop(f);
        return TR_ERR;
    }
    TrValue r = vm_eval(f, false);
    if (!heap)
        vm_frame_pop(f);
    return r;
}

TrValue vm_run_code(CodeObj *co, TrValue globals, TrValue locals)
{
    Frame *f = vm_frame_push(co);
    f->globals = globals;
    f->locals = locals;
    TrValue b = tr_dict_get_cstr(globals, "__builtins__");
    if (b && tr_isinstance(b, &tr_module_type))
        b = ((TrModule *)tr_obj(b))->dict;
    f->builtins = b && tr_is_dict(b) ? b : tr_builtins();
    tr_err_clear(); /* a failed lookup above is not an error here */
    if (vm_compile_hook && !co->native_tried)
        vm_compile_hook(co, locals == globals ? co : NULL);
    TrValue r = co->native ? vm_native_run(f) : vm_eval(f, false);
    vm_frame_pop(f);
    return r;
}

TrValue vm_run_module(CodeObj *co, TrValue globals) { return vm_run_code(co, globals, globals); }

TrValue vm_call_with_locals(TrFunction *fn, TrValue locals)
{
    CodeObj *co = bc_as_code(fn->code);
    Frame *f = vm_frame_push(co);
    f->func = fn;
    f->globals = fn->globals;
    f->builtins = fn->builtins ? fn->builtins : tr_builtins();
    f->locals = locals;
    if (vm_compile_hook && !co->native_tried)
        vm_compile_hook(co, NULL);
    TrValue r = co->native ? vm_native_run(f) : vm_eval(f, false);
    vm_frame_pop(f);
    return r;
}
