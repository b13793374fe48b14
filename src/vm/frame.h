/*
 * frame.h -- VM frames: the code being run, its namespaces, its localsplus slots (locals, cells,
 * free variables) followed by its value stack. Frames of ordinary calls live on the VM's data
 * stack (libgc chunks, pushed and popped LIFO); frames of generators live on the GC heap.
 */
#ifndef TR_VM_FRAME_H
#define TR_VM_FRAME_H

#include "bytecode/code.h"
#include "runtime/func.h"

typedef struct TrGen TrGen;

enum { FRAME_CREATED, FRAME_RUNNING, FRAME_SUSPENDED, FRAME_DONE };
enum { FRAME_PLAIN, FRAME_INIT };

typedef struct Frame Frame;
struct Frame {
    CodeObj *co;
    TrFunction *func;         /* NULL for module code and exec */
    TrValue globals, builtins;
    TrValue locals;           /* namespace of module and class bodies; 0 in functions */
    Frame *back;              /* the frame that was running when this one started */
    const BcWord *ip;         /* next instruction, saved while the frame is not executing */
    TrValue *sp;              /* stack top, saved likewise */
    TrGen *gen;               /* owning generator, or NULL */
    TrValue *ds_prev;         /* data-stack top before the push (NULL: heap frame) */
    void *ds_chunk;           /* data-stack chunk current before the push */
    uint8_t state;            /* FRAME_* (used by generator frames) */
    bool entry;               /* returning from it returns from the C call of the interpreter */
    uint8_t kind;             /* FRAME_PLAIN, or FRAME_INIT: __init__ run by a CALL of its class
                                 (the caller's stack already holds the instance, see interp.c) */
    TrValue lp[];             /* localsplus[co->nlocalsplus], then the value stack */
};

static inline TrValue *frame_stack_base(Frame *f) { return f->lp + f->co->nlocalsplus; }
static inline int frame_lasti(const Frame *f) { return (int)(f->ip - f->co->code) - 1; }

static inline size_t frame_words(const CodeObj *co)
{
    /* +2: slack so that an off-by-one stack size from the compiler cannot corrupt memory */
    return (sizeof(Frame) + 7) / 8 + (size_t)co->nlocalsplus + (size_t)co->stacksize + 2;
}

/* Frame allocation. Both zero localsplus and set the stack pointer to the stack base. */
Frame *vm_frame_push(CodeObj *co);  /* on the data stack */
void vm_frame_pop(Frame *f);        /* must be the most recently pushed frame */
Frame *vm_frame_heap(CodeObj *co);  /* on the GC heap, for generators */
Frame *vm_frame_to_heap(Frame *f);  /* copies a data-stack frame (RETURN_GENERATOR) */

/* The data stack, for the inline forms below (frame.c owns it). */
typedef struct DsChunk DsChunk;
extern DsChunk *vm_ds_chunk;
extern TrValue *vm_ds_top, *vm_ds_limit;

/* vm_frame_push for the call path of the interpreter: the caller sets func, globals, builtins,
   back and lp[0..nset); the rest of localsplus is zeroed here (unbound locals). The value stack
   is left as it is: nothing reads a slot above sp, and the stale words there only matter to the
   conservative collector, which sees zeros above vm_ds_top (frame.c clears that part at the
   start of each collection). NULL when the current chunk is full (use vm_frame_push then). */
static inline __attribute__((always_inline)) Frame *vm_frame_push_quick(CodeObj *co, int nset)
{
    size_t words = frame_words(co);
    TrValue *top = vm_ds_top;
    if (TR_UNLIKELY(!top || (size_t)(vm_ds_limit - top) < words))
        return NULL;
    Frame *f = (Frame *)top;
    vm_ds_top = top + words;
    f->co = co;
    f->locals = 0;
    f->gen = NULL;
    f->ds_prev = top;
    f->ds_chunk = vm_ds_chunk;
    f->state = FRAME_CREATED;
    f->entry = false;
    f->kind = FRAME_PLAIN;
    f->ip = co->code;
    f->sp = f->lp + co->nlocalsplus;
    /* a plain loop: most frames have 0-4 locals past the arguments, and a memset call costs
       more than that (the empty asm keeps gcc from turning the loop into one) */
    for (TrValue *p = f->lp + nset, *end = f->lp + co->nlocalsplus; p < end; p++) {
        *p = 0;
        __asm__("" : : "r"(p));
    }
    return f;
}

/* vm_frame_pop, inline when f is not the first frame of its chunk. */
static inline void vm_frame_pop_quick(Frame *f)
{
    if (TR_LIKELY(f->ds_chunk == vm_ds_chunk && f->ds_prev != (TrValue *)1))
        vm_ds_top = f->ds_prev;
    else
        vm_frame_pop(f);
}

/* The frame executing now (innermost), or NULL. */
extern Frame *vm_cur_frame;
/* CPython's chain of exception states, one level per running generator: vm_exc_raw is the
   innermost level's own value (0: None), vm_exc_outer the effective value below it;
   tr_ts.handled is always vm_exc_raw, or vm_exc_outer when that is 0. */
extern TrValue vm_exc_raw, vm_exc_outer;

int vm_frame_line(const Frame *f, int lasti); /* line of instruction lasti */
TrValue vm_frame_locals_dict(Frame *f);      /* locals(): the namespace, or a snapshot */

/* --- call.c: binding arguments to parameters ---------------------------------------------- */

/* Fills f->lp from the call's arguments with CPython's rules and TypeError messages.
   Returns 0, or -1 with the exception set. */
int vm_bind_args(Frame *f, TrFunction *fn, const TrValue *args, size_t nargs, TrValue kwnames);
/* "__main__.f()"-style name of a callable, for call-site messages (CALL_FUNCTION_EX). */
TrValue vm_func_str(TrValue callee);

/* --- interp.c ----------------------------------------------------------------------------- */

/* Runs f, already bound, as an entry frame until it returns or yields. If throwing, the
   pending exception is raised at the frame's current instruction first. The caller pops f. */
TrValue vm_eval(Frame *f, bool throwing);
/* Checks that the C stack has room for another nested run of the interpreter; -1 +
   RecursionError if not. */
int vm_check_c_stack(void);
void vm_c_stack_init(void);

#endif
