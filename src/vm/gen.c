/*
 * gen.c -- generator objects. A generator owns a heap frame that RETURN_GENERATOR left just
 * after its prologue; __next__/send push the sent value and resume it, throw raises into it
 * (delegating to a `yield from` subiterator first, as CPython's _gen_throw does), close throws
 * GeneratorExit. Each generator keeps its own "exception being handled" while suspended.
 */
#include "vm/gen.h"

#include "runtime/runtime.h"

#include <stdio.h>

/* --- Resuming ----------------------------------------------------------------------------- */

static TrValue stop_value(void) /* value of the pending StopIteration, which is taken */
{
    TrValue e = tr_err_fetch();
    TrExc *x = (TrExc *)tr_obj(e);
    if (x->args && tr_as_tuple(x->args)->len > 0)
        return tr_as_tuple(x->args)->items[0];
    return TR_NONE;
}

GenResult vm_gen_send(TrGen *g, TrValue v, bool throwing, TrValue *out)
{
    if (g->state == FRAME_RUNNING) {
        tr_raise(&tr_ValueError, "generator already executing");
        return GEN_ERROR;
    }
    if (g->state == FRAME_DONE) {
        if (throwing)
            return GEN_ERROR; /* the thrown exception stays pending */
        *out = TR_NONE;
        return GEN_RETURN;
    }
    if (g->state == FRAME_CREATED && !throwing && v != TR_NONE) {
        tr_raise(&tr_TypeError, "can't send non-None value to a just-started generator");
        return GEN_ERROR;
    }
    Frame *f = g->frame;
    if (!throwing)
        *f->sp++ = v;
    g->state = FRAME_RUNNING;

    /* The generator's level of the exception-info chain, as in CPython. */
    TrValue saved_raw = vm_exc_raw, saved_outer = vm_exc_outer, saved_handled = tr_ts.handled;
    vm_exc_outer = tr_ts.handled;
    vm_exc_raw = g->exc_state;
    if (g->exc_state)
        tr_ts.handled = g->exc_state;

    TrValue r = vm_eval(f, throwing);

    g->exc_state = vm_exc_raw;
    vm_exc_raw = saved_raw;
    vm_exc_outer = saved_outer;
    tr_ts.handled = saved_handled;

    if (f->state == FRAME_SUSPENDED) {
        g->state = FRAME_SUSPENDED;
        *out = r;
        return GEN_NEXT;
    }
    g->state = FRAME_DONE;
    g->frame = NULL;
    g->exc_state = 0;
    if (!r) {
        if (tr_err_matches(&tr_StopIteration)) { /* PEP 479 */
            TrValue si = tr_err_fetch();
            tr_raise(&tr_RuntimeError, "generator raised StopIteration");
            TrExc *e = (TrExc *)tr_obj(tr_ts.exc);
            e->cause = si;
            e->context = si;
            e->suppress_context = true;
        }
        return GEN_ERROR;
    }
    *out = r;
    return GEN_RETURN;
}

GenResult vm_send(TrValue receiver, TrValue v, TrValue *out)
{
    if (vm_is_gen(receiver))
        return vm_gen_send((TrGen *)tr_obj(receiver), v, false, out);
    TrValue r;
    if (v == TR_NONE) {
        r = tr_next(receiver);
        if (r == TR_STOP) {
            *out = TR_NONE;
            return GEN_RETURN;
        }
    } else {
        r = tr_call_method(receiver, "send", &v, 1);
    }
    if (r) {
        *out = r;
        return GEN_NEXT;
    }
    if (tr_err_matches(&tr_StopIteration)) {
        *out = stop_value();
        return GEN_RETURN;
    }
    return GEN_ERROR;
}

/* The subiterator of a `yield from` the generator is suspended in, or 0. */
static TrValue gen_yf(TrGen *g)
{
    if (g->state != FRAME_SUSPENDED || !g->frame)
        return 0;
    Frame *f = g->frame;
    BcWord next = *f->ip;
    if (BC_OP(next) != OP_RESUME || BC_ARG(next) < 2)
        return 0;
    return f->sp[-1];
}

static TrValue gen_close(TrGen *g);

static int close_iter(TrValue yf)
{
    TrValue r;
    if (vm_is_gen(yf)) {
        r = gen_close((TrGen *)tr_obj(yf));
    } else {
        TrValue m = tr_getattr_opt(yf, tr_str_intern_cstr("close"));
        if (!m) {
            if (tr_err_occurred())
                return -1;
            return 0;
        }
        r = tr_call0(m);
    }
    return r ? 0 : -1;
}

/* Raises the instance exc into g (after giving a `yield from` subiterator its chance). */
static GenResult gen_throw_exc(TrGen *g, TrValue exc, TrValue *out)
{
    TrValue yf = gen_yf(g);
    if (yf) {
        if (tr_isinstance(exc, &tr_GeneratorExit)) {
            g->state = FRAME_RUNNING;
            int err = close_iter(yf);
            g->state = FRAME_SUSPENDED;
            if (err < 0)
                return vm_gen_send(g, TR_NONE, true, out);
            goto throw_here;
        }
        GenResult res;
        TrValue ret = 0;
        if (vm_is_gen(yf)) {
            g->state = FRAME_RUNNING;
            res = gen_throw_exc((TrGen *)tr_obj(yf), exc, &ret);
            g->state = FRAME_SUSPENDED;
        } else {
            TrValue m = tr_getattr_opt(yf, tr_str_intern_cstr("throw"));
            if (!m) {
                if (tr_err_occurred())
                    return vm_gen_send(g, TR_NONE, true, out);
                goto throw_here;
            }
            g->state = FRAME_RUNNING;
            ret = tr_call1(m, exc);
            g->state = FRAME_SUSPENDED;
            res = ret ? GEN_NEXT : GEN_ERROR;
        }
        if (res == GEN_NEXT) {
            *out = ret;
            return GEN_NEXT;
        }
        /* The subiterator finished: drop it and continue after the SEND loop. */
        Frame *f = g->frame;
        f->sp--;
        BcWord send = f->ip[-2];
        f->ip = f->co->code + BC_ARG(send);
        if (res == GEN_RETURN)
            return vm_gen_send(g, ret, false, out);
        if (tr_err_matches(&tr_StopIteration))
            return vm_gen_send(g, stop_value(), false, out);
        return vm_gen_send(g, TR_NONE, true, out);
    }
throw_here:
    tr_err_restore(exc);
    return vm_gen_send(g, TR_NONE, true, out);
}

static TrValue gen_close(TrGen *g)
{
    if (g->state == FRAME_CREATED) {
        g->state = FRAME_DONE;
        g->frame = NULL;
        return TR_NONE;
    }
    if (g->state == FRAME_DONE)
        return TR_NONE;
    TrValue yf = gen_yf(g);
    int err = 0;
    if (yf) {
        g->state = FRAME_RUNNING;
        err = close_iter(yf);
        g->state = FRAME_SUSPENDED;
    }
    if (err == 0)
        tr_raise_value(tr_val(&tr_GeneratorExit));
    TrValue out;
    GenResult res = vm_gen_send(g, TR_NONE, true, &out);
    if (res == GEN_NEXT)
        return tr_raise(&tr_RuntimeError, "generator ignored GeneratorExit");
    if (res == GEN_RETURN)
        return TR_NONE;
    if (tr_err_matches(&tr_StopIteration) || tr_err_matches(&tr_GeneratorExit)) {
        tr_err_clear();
        return TR_NONE;
    }
    return TR_ERR;
}

/* --- The type ----------------------------------------------------------------------------- */

static TrValue raise_stop(TrValue value)
{
    if (value == TR_NONE)
        return tr_raise_value(tr_val(&tr_StopIteration));
    return tr_raise_stop_iteration(value);
}

static TrValue finish(GenResult res, TrValue out)
{
    if (res == GEN_NEXT)
        return out;
    if (res == GEN_RETURN)
        return raise_stop(out);
    return TR_ERR;
}

static TrValue gen_iternext(TrValue self)
{
    TrValue out;
    GenResult res = vm_gen_send((TrGen *)tr_obj(self), TR_NONE, false, &out);
    if (res == GEN_NEXT)
        return out;
    if (res == GEN_RETURN)
        return out == TR_NONE ? TR_STOP : tr_raise_stop_iteration(out);
    return TR_ERR;
}

static TrValue gen_iter(TrValue self) { return self; }

static TrValue gen_repr(TrValue self)
{
    TrGen *g = (TrGen *)tr_obj(self);
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)g);
    return tr_str_fmt("<%s object %U at %s>", tr_type_name(self), g->qualname, addr);
}

static TrValue m_next(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_no_kwargs("__next__", kw) < 0 || tr_check_nargs("__next__", nargs, 0, 0) < 0)
        return TR_ERR;
    TrValue out;
    GenResult res = vm_gen_send((TrGen *)tr_obj(self), TR_NONE, false, &out);
    return finish(res, out);
}

static TrValue m_send(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_no_kwargs("send", kw) < 0 || tr_check_nargs("send", nargs, 1, 1) < 0)
        return TR_ERR;
    TrValue out;
    GenResult res = vm_gen_send((TrGen *)tr_obj(self), args[0], false, &out);
    return finish(res, out);
}

static TrValue m_throw(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_no_kwargs("throw", kw) < 0 || tr_check_nargs("throw", nargs, 1, 3) < 0)
        return TR_ERR;
    TrValue typ = args[0], val = nargs > 1 ? args[1] : TR_NONE;
    if (nargs > 2 && args[2] != TR_NONE)
        return tr_raise(&tr_TypeError, "throw() third argument must be a traceback object");
    TrValue exc;
    if (tr_is_exc_type(typ)) {
        if (val != TR_NONE && tr_isinstance(val, (TrType *)tr_obj(typ)))
            exc = val;
        else if (val == TR_NONE)
            exc = tr_call0(typ);
        else if (tr_is_tuple(val))
            exc = tr_call(typ, tr_as_tuple(val)->items, (size_t)tr_as_tuple(val)->len, 0);
        else
            exc = tr_call1(typ, val);
        if (!exc)
            return TR_ERR;
    } else if (tr_is_exc(typ)) {
        if (val != TR_NONE)
            return tr_raise(&tr_TypeError, "instance exception may not have a separate value");
        exc = typ;
    } else {
        return tr_raise(&tr_TypeError,
                        "exceptions must be classes or instances deriving from BaseException, "
                        "not %T",
                        typ);
    }
    TrValue out;
    GenResult res = gen_throw_exc((TrGen *)tr_obj(self), exc, &out);
    return finish(res, out);
}

static TrValue m_close(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_no_kwargs("close", kw) < 0 || tr_check_nargs("close", nargs, 0, 0) < 0)
        return TR_ERR;
    return gen_close((TrGen *)tr_obj(self));
}

static TrValue m_iter(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return self;
}

static TrValue g_name(TrValue self) { return ((TrGen *)tr_obj(self))->name; }
static TrValue g_qualname(TrValue self) { return ((TrGen *)tr_obj(self))->qualname; }
static TrValue g_code(TrValue self) { return ((TrGen *)tr_obj(self))->code; }
static TrValue g_running(TrValue self)
{
    return tr_bool(((TrGen *)tr_obj(self))->state == FRAME_RUNNING);
}
static TrValue g_suspended(TrValue self)
{
    return tr_bool(((TrGen *)tr_obj(self))->state == FRAME_SUSPENDED);
}
static TrValue g_yieldfrom(TrValue self)
{
    TrValue yf = gen_yf((TrGen *)tr_obj(self));
    return yf ? yf : TR_NONE;
}

static int set_name(TrValue self, TrValue v)
{
    if (!v || !tr_is_str(v)) {
        tr_raise(&tr_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    ((TrGen *)tr_obj(self))->name = v;
    return 0;
}

static int set_qualname(TrValue self, TrValue v)
{
    if (!v || !tr_is_str(v)) {
        tr_raise(&tr_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    ((TrGen *)tr_obj(self))->qualname = v;
    return 0;
}

static const TrMethodDef gen_methods[] = {
    {"__next__", m_next, 0},
    {"__iter__", m_iter, 0},
    {"send", m_send, 0},
    {"throw", m_throw, 0},
    {"close", m_close, 0},
    {NULL, NULL, 0},
};

static const TrGetSetDef gen_getsets[] = {
    {"__name__", g_name, set_name},
    {"__qualname__", g_qualname, set_qualname},
    {"gi_code", g_code, NULL},
    {"gi_running", g_running, NULL},
    {"gi_suspended", g_suspended, NULL},
    {"gi_yieldfrom", g_yieldfrom, NULL},
    {NULL, NULL, NULL},
};

TrType vm_gen_type = {
    .ob = {&tr_type_type},
    .name = "generator",
    .base = &tr_object_type,
    .basicsize = sizeof(TrGen),
    .repr = gen_repr,
    .iter = gen_iter,
    .next = gen_iternext,
    .methods = gen_methods,
    .getsets = gen_getsets,
};

static const TrMethodDef coro_methods[] = {
    {"send", m_send, 0},
    {"throw", m_throw, 0},
    {"close", m_close, 0},
    {NULL, NULL, 0},
};

static const TrGetSetDef coro_getsets[] = {
    {"__name__", g_name, set_name},
    {"__qualname__", g_qualname, set_qualname},
    {"cr_code", g_code, NULL},
    {"cr_running", g_running, NULL},
    {"cr_suspended", g_suspended, NULL},
    {"cr_await", g_yieldfrom, NULL},
    {NULL, NULL, NULL},
};

/* A coroutine is a generator that is not iterable; `await` drives it (GET_AWAITABLE). */
TrType vm_coro_type = {
    .ob = {&tr_type_type},
    .name = "coroutine",
    .base = &tr_object_type,
    .basicsize = sizeof(TrGen),
    .repr = gen_repr,
    .methods = coro_methods,
    .getsets = coro_getsets,
};

void vm_gen_init(void)
{
    tr_type_ready(&vm_gen_type);
    tr_type_ready(&vm_coro_type);
}

TrValue vm_get_awaitable(TrValue v)
{
    if (tr_is_ptr(v) && tr_obj(v)->type == &vm_coro_type) {
        if (gen_yf((TrGen *)tr_obj(v)))
            return tr_raise(&tr_RuntimeError, "coroutine is being awaited already");
        return v;
    }
    TrValue aw = tr_type_lookup(tr_type_of(v), tr_str_intern_cstr("__await__"));
    if (!aw)
        return tr_raise(&tr_TypeError, "object %T can't be used in 'await' expression", v);
    TrValue it = tr_call1(aw, v);
    if (!it)
        return TR_ERR;
    if (!tr_type_of(it)->next || (tr_is_ptr(it) && tr_obj(it)->type == &vm_coro_type))
        return tr_raise(&tr_TypeError, "__await__() returned non-iterator of type '%T'", it);
    return it;
}

TrValue vm_gen_new(Frame *f, TrFunction *fn)
{
    TrGen *g = TR_NEW(TrGen, (f->co->flags & CO_COROUTINE) ? &vm_coro_type : &vm_gen_type);
    g->frame = f;
    g->code = tr_val(f->co);
    g->name = fn && fn->name ? fn->name : f->co->name;
    g->qualname = fn && fn->qualname ? fn->qualname : f->co->qualname;
    g->state = FRAME_CREATED;
    f->gen = g;
    return tr_val(g);
}
