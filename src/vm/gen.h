/*
 * gen.h -- generator objects: a suspended heap frame resumed by __next__/send/throw/close,
 * and the SEND protocol shared with `yield from`.
 */
#ifndef TR_VM_GEN_H
#define TR_VM_GEN_H

#include "vm/frame.h"

struct TrGen {
    TrObject ob;
    Frame *frame;          /* NULL once finished */
    TrValue name, qualname;
    TrValue code;
    TrValue exc_state;     /* exception being handled inside the generator while suspended */
    uint8_t state;         /* FRAME_* */
};

extern TrType vm_gen_type, vm_coro_type;

/* generators and coroutines: both are resumed by vm_gen_send */
static inline bool vm_is_gen(TrValue v)
{
    return tr_is_ptr(v) && (tr_obj(v)->type == &vm_gen_type || tr_obj(v)->type == &vm_coro_type);
}

/* Results of resuming: yielded a value, returned one, or raised. */
typedef enum { GEN_NEXT, GEN_RETURN, GEN_ERROR } GenResult;

void vm_gen_init(void);
/* Wraps f (a heap frame, arguments bound) in a new generator. */
TrValue vm_gen_new(Frame *f, TrFunction *fn);
/* Resumes g sending v (or raising the pending exception into it when throwing). */
GenResult vm_gen_send(TrGen *g, TrValue v, bool throwing, TrValue *out);
/* SEND's protocol on any receiver: generators directly, else __next__ / send(). */
GenResult vm_send(TrValue receiver, TrValue v, TrValue *out);
/* GET_AWAITABLE: the iterator an `await` drives. */
TrValue vm_get_awaitable(TrValue v);

#endif
