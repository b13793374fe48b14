/*
 * interp.c -- the dispatch loop: runs CPython 3.11 bytecode (our encoding: one word per
 * instruction, absolute jump targets) with computed goto. Calls of Python functions push a
 * frame on the data stack and continue in the same loop, so Python recursion does not grow the
 * C stack; returns and uncaught exceptions pop back to the caller frame. Small-int and flonum
 * arithmetic is done inline; everything else goes through the runtime's generic protocols.
 */
#include "vm/attrcache.h"
#include "vm/fastops.h"
#include "vm/frame.h"
#include "vm/gen.h"
#include "vm/ops.h"
#include "vm/quick.h"
#include "vm/vm.h"

#include "runtime/runtime.h"

#define GEN_FLAGS (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)

TrValue vm_exc_raw, vm_exc_outer;

static int truth_slow(TrValue v) { return tr_truth(v); }

/* The constructs whose instructions the VM does not run yet, named for the user. */
static TrValue unsupported(int op)
{
    const char *what;
    switch (op) {
    case OP_GET_AITER: case OP_GET_ANEXT: case OP_END_ASYNC_FOR: what = "'async for'"; break;
    case OP_BEFORE_ASYNC_WITH: what = "'async with'"; break;
    case OP_ASYNC_GEN_WRAP: what = "asynchronous generators"; break;
    case OP_PREP_RERAISE_STAR: case OP_CHECK_EG_MATCH: what = "'except*' (exception groups)"; break;
    default: return tr_raise(&tr_SystemError, "unsupported opcode %s", bc_op_names[op]);
    }
    return tr_raise(&tr_NotImplementedError, "%s is not supported by trident yet", what);
}

/* --- The loop ----------------------------------------------------------------------------- */

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"

TrValue vm_eval(Frame *entry, bool throwing)
{
    static void *const labels[256] = {
        [0 ... 255] = &&L_bad_opcode,
#define OP(name, kind, caches) [OP_##name] = &&L_##name,
#include "bytecode/opcodes.def"
#undef OP
#define QOP(name, generic) [QOP_##name] = &&L_##name,
#include "vm/quick.def"
#undef QOP
    };
#pragma GCC diagnostic pop

    Frame *f = entry;
    Frame *const saved_cur = vm_cur_frame;
    CodeObj *co;
    const BcWord *code, *ip;
    TrValue *sp, *lp;
    const TrValue *consts, *names;
    BcWord w;
    TrValue kwnames = 0;
    TrValue r, a, b, v;
    /* call state for do_call */
    TrValue callable, *args, *base;
    size_t npos;

    if (TR_UNLIKELY(vm_check_c_stack() < 0 || tr_enter_call() < 0)) {
        entry->state = FRAME_DONE;
        return TR_ERR;
    }
    entry->back = saved_cur;
    entry->entry = true;
    entry->state = FRAME_RUNNING;

#define LOAD_FRAME()                                                                               \
    do {                                                                                           \
        co = f->co;                                                                                \
        code = co->code;                                                                           \
        ip = f->ip;                                                                                \
        sp = f->sp;                                                                                \
        lp = f->lp;                                                                                \
        consts = tr_as_tuple(co->consts)->items;                                                   \
        names = tr_as_tuple(co->names)->items;                                                     \
        vm_cur_frame = f;                                                                          \
    } while (0)
#define DISPATCH()                                                                                 \
    do {                                                                                           \
        w = *ip++;                                                                                 \
        goto *labels[w & 0xFF];                                                                    \
    } while (0)
#define TARGET(name) L_##name:
#define OPARG ((int)(w >> 8))
#define PUSH(x) (*sp++ = (x))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(n)])
#define JUMPTO(t) (ip = code + (t))
#define CHECK(x)                                                                                   \
    do {                                                                                           \
        if (TR_UNLIKELY(!(x)))                                                                     \
            goto error;                                                                            \
    } while (0)
#define CHECK_INT(x)                                                                               \
    do {                                                                                           \
        if (TR_UNLIKELY((x) < 0))                                                                  \
            goto error;                                                                            \
    } while (0)
#define TRUTH(x, out)                                                                              \
    do {                                                                                           \
        TrValue t_ = (x);                                                                          \
        if (t_ == TR_TRUE)                                                                         \
            out = 1;                                                                               \
        else if (t_ == TR_FALSE || t_ == TR_NONE)                                                  \
            out = 0;                                                                               \
        else if (tr_is_small(t_))                                                                  \
            out = t_ != tr_small_new(0);                                                           \
        else {                                                                                     \
            out = truth_slow(t_);                                                                  \
            if (out < 0)                                                                           \
                goto error;                                                                        \
        }                                                                                          \
    } while (0)

    LOAD_FRAME();
    if (throwing)
        goto error;
    DISPATCH();

    /* --- Stack and constants --- */
    TARGET(NOP) DISPATCH();
    TARGET(RESUME) DISPATCH();
    TARGET(CACHE) DISPATCH();
    TARGET(EXTENDED_ARG) DISPATCH(); /* never emitted: arguments have 24 bits */
    TARGET(POP_TOP) sp--; DISPATCH();
    TARGET(PUSH_NULL) PUSH(0); DISPATCH();
    TARGET(LOAD_CONST_Q) PUSH(consts[OPARG]); DISPATCH();
    TARGET(COPY) a = PEEK(OPARG); PUSH(a); DISPATCH();
    TARGET(SWAP) {
        int n = OPARG;
        a = TOP();
        TOP() = PEEK(n);
        PEEK(n) = a;
        DISPATCH();
    }

    /* --- Locals, cells, names --- */
    TARGET(LOAD_FAST_Q) {
        v = lp[OPARG];
        if (TR_UNLIKELY(!v)) {
            vm_unbound_local(co, OPARG);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_FAST_Q) lp[OPARG] = POP(); DISPATCH();
    TARGET(DELETE_FAST) {
        if (TR_UNLIKELY(!lp[OPARG])) {
            vm_unbound_local(co, OPARG);
            goto error;
        }
        lp[OPARG] = 0;
        DISPATCH();
    }
    TARGET(MAKE_CELL) {
        v = tr_cell_new(lp[OPARG]);
        CHECK(v);
        lp[OPARG] = v;
        DISPATCH();
    }
    TARGET(COPY_FREE_VARS) {
        int n = OPARG;
        TrTuple *cl = tr_as_tuple(f->func->closure);
        int off = co->nlocalsplus - n;
        for (int i = 0; i < n; i++)
            lp[off + i] = cl->items[i];
        DISPATCH();
    }
    TARGET(LOAD_CLOSURE) PUSH(lp[OPARG]); DISPATCH();
    TARGET(LOAD_DEREF) {
        v = ((TrCell *)tr_obj(lp[OPARG]))->ref;
        if (TR_UNLIKELY(!v)) {
            vm_unbound_deref(co, OPARG);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(LOAD_CLASSDEREF) {
        TrValue name = tr_as_tuple(co->localsplusnames)->items[OPARG];
        v = f->locals ? vm_ns_get(f->locals, name) : 0;
        if (!v) {
            if (tr_err_occurred())
                goto error;
            v = ((TrCell *)tr_obj(lp[OPARG]))->ref;
            if (!v) {
                vm_unbound_deref(co, OPARG);
                goto error;
            }
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_DEREF) ((TrCell *)tr_obj(lp[OPARG]))->ref = POP(); DISPATCH();
    TARGET(DELETE_DEREF) {
        TrCell *c = (TrCell *)tr_obj(lp[OPARG]);
        if (!c->ref) {
            vm_unbound_deref(co, OPARG);
            goto error;
        }
        c->ref = 0;
        DISPATCH();
    }
    load_global_generic: {
        if (OPARG & 1)
            PUSH(0);
        v = vm_load_global(f, names[OPARG >> 1]);
        CHECK(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_GLOBAL) CHECK_INT(tr_dict_set(f->globals, names[OPARG], POP())); DISPATCH();
    TARGET(DELETE_GLOBAL) {
        TrValue name = names[OPARG];
        v = tr_dict_get_str(f->globals, name);
        if (!v) {
            if (!tr_err_occurred())
                vm_name_error(name);
            goto error;
        }
        CHECK_INT(tr_dict_del(f->globals, name));
        DISPATCH();
    }
    TARGET(LOAD_NAME) {
        v = vm_load_name(f, names[OPARG]);
        CHECK(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_NAME) {
        if (!f->locals) {
            tr_raise(&tr_SystemError, "no locals found when storing %R", names[OPARG]);
            goto error;
        }
        CHECK_INT(vm_ns_set(f->locals, names[OPARG], POP()));
        DISPATCH();
    }
    TARGET(DELETE_NAME) {
        TrValue name = names[OPARG];
        if (!f->locals) {
            tr_raise(&tr_SystemError, "no locals when deleting %R", name);
            goto error;
        }
        if (tr_is_dict(f->locals)) {
            v = tr_dict_get_str(f->locals, name);
            if (!v) {
                if (!tr_err_occurred())
                    vm_name_error(name);
                goto error;
            }
            CHECK_INT(tr_dict_del(f->locals, name));
        } else if (tr_delitem(f->locals, name) < 0) {
            if (tr_err_matches(&tr_KeyError)) {
                tr_err_clear();
                vm_name_error(name);
            }
            goto error;
        }
        DISPATCH();
    }

    /* --- Attributes and items --- */
    TARGET(LOAD_ATTR) {
        a = TOP();
        AttrCache *ac = vm_attr_cache(co, (int)(ip - code) - 1);
        if (tr_is_ptr(a) && tr_obj(a)->type == ac->type && ac->epoch == tr_type_epoch) {
            if (ac->member) {
                v = *(TrValue *)((char *)tr_obj(a) + ac->member);
                if (v) { /* unset members raise in the slow path */
                    TOP() = v;
                    DISPATCH();
                }
            } else {
                TrAttrs *at = vm_fixed_attrs(a, ac->type);
                if (at->shape == ac->shape) {
                    TOP() = at->values[ac->index];
                    DISPATCH();
                }
            }
        } else if ((v = vm_module_attr_hit(ac, a))) {
            TOP() = v;
            DISPATCH();
        }
        v = vm_load_attr_slow(ac, a, names[OPARG]);
        CHECK(v);
        TOP() = v;
        DISPATCH();
    }
    TARGET(LOAD_METHOD) {
        TrValue self;
        a = TOP();
        AttrCache *ac = vm_attr_cache(co, (int)(ip - code) - 1);
        if (tr_is_ptr(a) && tr_obj(a)->type == ac->type && ac->epoch == tr_type_epoch &&
            (ac->index == ATTRCACHE_TYPE_ONLY ||
             (vm_fixed_attrs(a, ac->type)->shape == ac->shape &&
              !vm_fixed_attrs(a, ac->type)->dict))) {
            TOP() = ac->method;
            PUSH(a);
            DISPATCH();
        }
        v = vm_load_method_slow(ac, a, names[OPARG], &self);
        CHECK(v);
        if (self) {
            TOP() = v;
            PUSH(self);
        } else {
            TOP() = 0;
            PUSH(v);
        }
        DISPATCH();
    }
    TARGET(STORE_ATTR) {
        a = POP(); /* owner */
        v = POP();
        AttrCache *ac = vm_attr_cache(co, (int)(ip - code) - 1);
        if (tr_is_ptr(a) && tr_obj(a)->type == ac->type) {
            if (ac->epoch == tr_type_epoch) {
                if (ac->member) {
                    *(TrValue *)((char *)tr_obj(a) + ac->member) = v;
                    DISPATCH();
                }
                TrAttrs *at = vm_fixed_attrs(a, ac->type);
                if (at->shape == ac->shape) {
                    at->values[ac->index] = v;
                    DISPATCH();
                }
            } else if (ac->epoch == (tr_type_epoch | ATTRCACHE_ADD_BIT) &&
                       vm_attrs_add(ac, vm_fixed_attrs(a, ac->type), v)) {
                DISPATCH();
            }
        }
        CHECK_INT(vm_store_attr_slow(ac, a, names[OPARG], v));
        DISPATCH();
    }
    TARGET(DELETE_ATTR) {
        a = POP();
        CHECK_INT(tr_delattr(a, names[OPARG]));
        DISPATCH();
    }
    TARGET(BINARY_SUBSCR) {
        b = POP();
        a = TOP();
        if ((v = vm_fast_getitem(a, b))) {
            TOP() = v;
            DISPATCH();
        }
        v = tr_getitem(a, b);
        CHECK(v);
        TOP() = v;
        DISPATCH();
    }
    TARGET(STORE_SUBSCR) {
        b = POP(); /* key */
        a = POP(); /* container */
        v = POP();
        if (tr_is_small(b) && tr_is_ptr(a) && tr_obj(a)->type == &tr_list_type) {
            TrList *l = tr_as_list(a);
            int64_t i = tr_small_val(b);
            if (i < 0)
                i += l->len;
            if ((uint64_t)i < (uint64_t)l->len) {
                l->items[i] = v;
                DISPATCH();
            }
        }
        CHECK_INT(tr_setitem(a, b, v));
        DISPATCH();
    }
    TARGET(DELETE_SUBSCR) {
        b = POP();
        a = POP();
        CHECK_INT(tr_delitem(a, b));
        DISPATCH();
    }

    /* --- Operators --- */
    TARGET(BINARY_OP_OTHER)
    binary_op_generic: {
        b = POP();
        a = TOP();
        v = vm_fast_binop(a, b, OPARG);
        if (!v && tr_type_of(a) == &tr_int_type && tr_type_of(b) == &tr_int_type) {
            /* big ints: straight to int arithmetic (immutable, so in-place is plain) */
            v = tr_int_binop(a, b, OPARG % TR_OP__COUNT);
            CHECK(v);
            if (v == TR_NOTIMPL)
                v = 0;
        }
        if (!v) {
            v = tr_binop(a, b, OPARG);
            CHECK(v);
        }
        TOP() = v;
        DISPATCH();
    }
    TARGET(COMPARE_OP_Q) {
        b = POP();
        a = TOP();
        v = vm_fast_compare(a, b, OPARG);
        if (!v) {
            if (OPARG <= TR_GE && vm_both_str(a, b)) {
                v = tr_bool(vm_str_compare(a, b, OPARG));
            } else {
                v = tr_richcmp(a, b, OPARG);
                CHECK(v);
            }
        }
        TOP() = v;
        DISPATCH();
    }
    TARGET(IS_OP) {
        b = POP();
        a = TOP();
        TOP() = tr_bool((a == b) ^ (OPARG != 0));
        DISPATCH();
    }
    TARGET(CONTAINS_OP) {
        b = POP(); /* container */
        a = TOP();
        int res = tr_contains(b, a);
        CHECK_INT(res);
        TOP() = tr_bool(res ^ (OPARG != 0));
        DISPATCH();
    }
    TARGET(UNARY_NEGATIVE) {
        a = TOP();
        if (tr_is_small(a) && a != tr_small_new(TR_SMALL_MIN)) {
            TOP() = tr_small_new(-tr_small_val(a));
            DISPATCH();
        }
        v = tr_unop(a, TR_UN_NEG);
        CHECK(v);
        TOP() = v;
        DISPATCH();
    }
    TARGET(UNARY_POSITIVE) {
        v = tr_unop(TOP(), TR_UN_POS);
        CHECK(v);
        TOP() = v;
        DISPATCH();
    }
    TARGET(UNARY_INVERT) {
        a = TOP();
        if (tr_is_small(a)) {
            TOP() = tr_small_new(~tr_small_val(a));
            DISPATCH();
        }
        v = tr_unop(a, TR_UN_INVERT);
        CHECK(v);
        TOP() = v;
        DISPATCH();
    }
    TARGET(UNARY_NOT) {
        int t;
        TRUTH(TOP(), t);
        TOP() = tr_bool(!t);
        DISPATCH();
    }

    /* --- Jumps --- */
    TARGET(JUMP_FORWARD) JUMPTO(OPARG); DISPATCH();
    TARGET(JUMP_BACKWARD) JUMPTO(OPARG); DISPATCH();
    TARGET(JUMP_BACKWARD_NO_INTERRUPT) JUMPTO(OPARG); DISPATCH();
    TARGET(POP_JUMP_FORWARD_IF_FALSE)
    TARGET(POP_JUMP_BACKWARD_IF_FALSE) {
        int t;
        TRUTH(POP(), t);
        if (!t)
            JUMPTO(OPARG);
        DISPATCH();
    }
    TARGET(POP_JUMP_FORWARD_IF_TRUE)
    TARGET(POP_JUMP_BACKWARD_IF_TRUE) {
        int t;
        TRUTH(POP(), t);
        if (t)
            JUMPTO(OPARG);
        DISPATCH();
    }
    TARGET(POP_JUMP_FORWARD_IF_NONE)
    TARGET(POP_JUMP_BACKWARD_IF_NONE) {
        if (POP() == TR_NONE)
            JUMPTO(OPARG);
        DISPATCH();
    }
    TARGET(POP_JUMP_FORWARD_IF_NOT_NONE)
    TARGET(POP_JUMP_BACKWARD_IF_NOT_NONE) {
        if (POP() != TR_NONE)
            JUMPTO(OPARG);
        DISPATCH();
    }
    TARGET(JUMP_IF_FALSE_OR_POP) {
        int t;
        TRUTH(TOP(), t);
        if (!t)
            JUMPTO(OPARG);
        else
            sp--;
        DISPATCH();
    }
    TARGET(JUMP_IF_TRUE_OR_POP) {
        int t;
        TRUTH(TOP(), t);
        if (t)
            JUMPTO(OPARG);
        else
            sp--;
        DISPATCH();
    }

    /* --- Iteration --- */
    TARGET(GET_ITER) {
        v = tr_iter(TOP());
        CHECK(v);
        TOP() = v;
        DISPATCH();
    }
    TARGET(FOR_ITER_Q)
    for_iter_generic: {
        a = TOP();
        TrValue (*next)(TrValue) = tr_type_of(a)->next;
        v = next ? next(a) : tr_next(a);
        if (TR_LIKELY(v != TR_STOP && v != TR_ERR)) {
            PUSH(v);
            DISPATCH();
        }
        if (v == TR_ERR) {
            if (!tr_err_matches(&tr_StopIteration))
                goto error;
            tr_err_clear();
        }
        sp--;
        JUMPTO(OPARG);
        DISPATCH();
    }

    /* --- Building --- */
    TARGET(BUILD_TUPLE) {
        int n = OPARG;
        v = tr_tuple_from(sp - n, n);
        CHECK(v);
        sp -= n;
        PUSH(v);
        DISPATCH();
    }
    TARGET(BUILD_LIST) {
        int n = OPARG;
        v = tr_list_from(sp - n, n);
        CHECK(v);
        sp -= n;
        PUSH(v);
        DISPATCH();
    }
    TARGET(BUILD_SET) {
        int n = OPARG;
        v = vm_build_set(sp - n, n);
        CHECK(v);
        sp -= n;
        PUSH(v);
        DISPATCH();
    }
    TARGET(BUILD_MAP) {
        int n = OPARG;
        v = vm_build_map(sp - 2 * n, n);
        CHECK(v);
        sp -= 2 * n;
        PUSH(v);
        DISPATCH();
    }
    TARGET(BUILD_CONST_KEY_MAP) {
        int n = OPARG;
        v = vm_build_const_key_map(TOP(), sp - 1 - n, n);
        CHECK(v);
        sp -= n + 1;
        PUSH(v);
        DISPATCH();
    }
    TARGET(BUILD_STRING) {
        int n = OPARG;
        v = tr_str_build(sp - n, (size_t)n);
        CHECK(v);
        sp -= n;
        PUSH(v);
        DISPATCH();
    }
    TARGET(BUILD_SLICE) {
        TrValue step = OPARG == 3 ? POP() : TR_NONE;
        b = POP();
        a = TOP();
        v = tr_slice_new(a, b, step);
        CHECK(v);
        TOP() = v;
        DISPATCH();
    }
    TARGET(LIST_APPEND) {
        v = POP();
        CHECK_INT(tr_list_append(PEEK(OPARG), v));
        DISPATCH();
    }
    TARGET(SET_ADD) {
        v = POP();
        CHECK_INT(tr_set_add(PEEK(OPARG), v));
        DISPATCH();
    }
    TARGET(MAP_ADD) {
        v = POP();
        a = POP();
        CHECK_INT(tr_dict_set(PEEK(OPARG), a, v));
        DISPATCH();
    }
    TARGET(LIST_EXTEND) {
        v = POP();
        CHECK_INT(vm_list_extend(PEEK(OPARG), v));
        DISPATCH();
    }
    TARGET(SET_UPDATE) {
        v = POP();
        CHECK_INT(tr_set_update(PEEK(OPARG), v));
        DISPATCH();
    }
    TARGET(DICT_UPDATE) {
        v = POP();
        CHECK_INT(vm_dict_update(PEEK(OPARG), v));
        DISPATCH();
    }
    TARGET(DICT_MERGE) {
        v = POP();
        CHECK_INT(vm_dict_merge(PEEK(OPARG), v, PEEK(OPARG + 2)));
        DISPATCH();
    }
    TARGET(LIST_TO_TUPLE) {
        TrList *l = tr_as_list(TOP());
        v = tr_tuple_from(l->items, l->len);
        CHECK(v);
        TOP() = v;
        DISPATCH();
    }
    TARGET(UNPACK_SEQUENCE) {
        int n = OPARG;
        a = TOP();
        if (tr_is_ptr(a) && (tr_obj(a)->type == &tr_tuple_type ||
                             tr_obj(a)->type == &tr_list_type)) {
            int64_t len;
            TrValue *items;
            if (tr_obj(a)->type == &tr_tuple_type) {
                len = tr_as_tuple(a)->len;
                items = tr_as_tuple(a)->items;
            } else {
                len = tr_as_list(a)->len;
                items = tr_as_list(a)->items;
            }
            if (len == n) {
                sp--;
                for (int i = n - 1; i >= 0; i--)
                    PUSH(items[i]);
                DISPATCH();
            }
        }
        sp--;
        CHECK_INT(vm_unpack(a, n, 0, false, sp));
        sp += n;
        DISPATCH();
    }
    TARGET(UNPACK_EX) {
        int before = OPARG & 0xFF, after = OPARG >> 8;
        a = POP();
        CHECK_INT(vm_unpack(a, before, after, true, sp));
        sp += before + after + 1;
        DISPATCH();
    }
    TARGET(FORMAT_VALUE) {
        TrValue spec = (OPARG & 4) ? POP() : 0;
        a = TOP();
        if (!spec && (OPARG & 3) == 0 && tr_is_ptr(a) && tr_obj(a)->type == &tr_str_type)
            DISPATCH();
        v = vm_format_value(a, OPARG, spec);
        CHECK(v);
        TOP() = v;
        DISPATCH();
    }

    /* --- Functions and calls --- */
    TARGET(MAKE_FUNCTION) {
        int fl = OPARG;
        TrValue fcode = POP();
        TrValue closure = (fl & 8) ? POP() : 0;
        TrValue ann = (fl & 4) ? POP() : 0;
        TrValue kwd = (fl & 2) ? POP() : 0;
        TrValue defs = (fl & 1) ? POP() : 0;
        v = vm_make_function(f, fcode, defs, kwd, ann, closure);
        CHECK(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(KW_NAMES) kwnames = consts[OPARG]; DISPATCH();
    TARGET(PRECALL) DISPATCH(); /* bound methods are unpacked by CALL */
    TARGET(CALL) {
        int n = OPARG;
        base = sp - n - 2;
        if (base[0]) { /* method and self (LOAD_METHOD), or callable and self */
            callable = base[0];
            args = base + 1;
            npos = (size_t)n + 1;
            if (tr_is_ptr(callable) && tr_obj(callable)->type == &tr_method_descr_type) {
                /* a method of a built-in type found by LOAD_METHOD: call its C function */
                TrMethodDescr *d = (TrMethodDescr *)tr_obj(callable);
                TrType *st = tr_type_of(args[0]);
                if (st == d->owner || tr_type_is_subtype(st, d->owner)) {
                    size_t nk = tr_nkw(kwnames);
                    r = d->def->fn(args[0], args + 1, npos - 1 - nk, kwnames);
                    kwnames = 0;
                    sp = base;
                    CHECK(r);
                    PUSH(r);
                    DISPATCH();
                }
            }
        } else {
            callable = base[1];
            args = base + 2;
            npos = (size_t)n;
            if (tr_is_ptr(callable) && tr_obj(callable)->type == &tr_bound_method_type) {
                TrBoundMethod *bm = (TrBoundMethod *)tr_obj(callable);
                base[0] = callable = bm->func;
                base[1] = bm->self;
                args = base + 1;
                npos++;
            }
        }
        b = kwnames;
        kwnames = 0;
        npos -= tr_nkw(b);
        goto do_call;
    }
    TARGET(CALL_FUNCTION_EX) {
        TrValue kwargs = (OPARG & 1) ? POP() : 0;
        TrValue callargs = POP();
        callable = TOP();
        base = sp - 2;
        CHECK_INT(vm_star_args(callable, callargs, kwargs, &args, &npos, &b));
        goto do_call;
    }
    /* callable, args[0..npos) + keyword values named by b, result replaces base[0] */
do_call:
    if (tr_is_ptr(callable)) {
        TrType *ct = tr_obj(callable)->type;
        if (ct == &tr_function_type) {
            TrFunction *fn = (TrFunction *)tr_obj(callable);
            CodeObj *nco = bc_as_code(fn->code);
            if (fn->entry == vm_call_function && !(nco->flags & GEN_FLAGS)) {
                if (TR_UNLIKELY(++tr_ts.depth > tr_ts.recursion_limit)) {
                    tr_ts.depth--;
                    CHECK_INT(tr_enter_call()); /* raises RecursionError */
                }
                Frame *nf;
                /* the common call: exactly the positional parameters, nothing to bind */
                if (!b && npos == (size_t)nco->argcount && !nco->kwonlyargcount &&
                    !(nco->flags & (CO_VARARGS | CO_VARKEYWORDS)) &&
                    (nf = vm_frame_push_quick(nco, (int)npos))) {
                    for (size_t i = 0; i < npos; i++)
                        nf->lp[i] = args[i];
                    nf->func = fn;
                    nf->globals = fn->globals;
                    nf->builtins = fn->builtins ? fn->builtins : tr_builtins();
                } else {
                    nf = vm_frame_push(nco);
                    nf->func = fn;
                    nf->globals = fn->globals;
                    nf->builtins = fn->builtins ? fn->builtins : tr_builtins();
                    if (TR_UNLIKELY(vm_bind_args(nf, fn, args, npos, b) < 0)) {
                        vm_frame_pop(nf);
                        tr_leave_call();
                        goto error;
                    }
                }
                nf->back = f;
                f->ip = ip;
                f->sp = base;
                f = nf;
                LOAD_FRAME();
                DISPATCH();
            }
        } else if (ct == &tr_type_type && !b) {
            /* Class(args) with object.__new__ and a Python __init__: the instance goes where
               the result will be, and __init__ runs as a frame of this loop (FRAME_INIT). */
            TrType *t = (TrType *)tr_obj(callable);
            AttrCache *ac = vm_attr_cache(co, (int)(ip - code) - 1);
            if (ac->type != t || ac->epoch != tr_type_epoch) {
                ac->type = t;
                ac->epoch = tr_type_epoch;
                ac->method = tr_type_plain_init(t);
            }
            TrFunction *fn = ac->method ? (TrFunction *)tr_obj(ac->method) : NULL;
            CodeObj *nco = fn ? bc_as_code(fn->code) : NULL;
            Frame *nf;
            if (fn && fn->entry == vm_call_function && npos + 1 == (size_t)nco->argcount &&
                !nco->kwonlyargcount &&
                !(nco->flags & (CO_VARARGS | CO_VARKEYWORDS | GEN_FLAGS)) &&
                tr_ts.depth < tr_ts.recursion_limit &&
                (nf = vm_frame_push_quick(nco, (int)npos + 1))) {
                TrValue obj = tr_object_new_instance(t);
                tr_ts.depth++;
                nf->lp[0] = obj;
                for (size_t i = 0; i < npos; i++)
                    nf->lp[i + 1] = args[i];
                nf->func = fn;
                nf->globals = fn->globals;
                nf->builtins = fn->builtins ? fn->builtins : tr_builtins();
                nf->kind = FRAME_INIT;
                nf->back = f;
                base[0] = obj;
                f->ip = ip;
                f->sp = base + 1;
                f = nf;
                LOAD_FRAME();
                DISPATCH();
            }
        } else if (ct == &tr_builtin_type) {
            TrBuiltin *bi = (TrBuiltin *)tr_obj(callable);
            r = bi->fn(bi->self, args, npos, b);
            sp = base;
            CHECK(r);
            PUSH(r);
            DISPATCH();
        }
    }
    r = tr_call(callable, args, npos, b);
    sp = base;
    CHECK(r);
    PUSH(r);
    DISPATCH();

    TARGET(RETURN_VALUE) {
        r = POP();
        f->state = FRAME_DONE;
        goto do_return;
    }
    TARGET(RETURN_GENERATOR) {
        Frame *h = f->ds_prev ? vm_frame_to_heap(f) : f;
        h->ip = ip;
        h->sp = sp;
        h->entry = false;
        r = vm_gen_new(h, f->func);
        CHECK(r);
        h->state = FRAME_CREATED;
        goto do_return;
    }
do_return:
    tr_leave_call();
    if (f == entry) {
        f->ip = ip;
        f->sp = sp;
        vm_cur_frame = saved_cur;
        return r;
    }
    {
        Frame *back = f->back;
        bool init = f->kind == FRAME_INIT;
        vm_frame_pop_quick(f);
        f = back;
        LOAD_FRAME();
        if (TR_UNLIKELY(init)) { /* the instance is on the stack already */
            if (r != TR_NONE) {
                sp--;
                tr_init_result_error(r);
                goto error;
            }
            DISPATCH();
        }
        PUSH(r);
        DISPATCH();
    }

    /* --- Generators --- */
    TARGET(YIELD_VALUE) {
        r = POP();
        f->ip = ip;
        f->sp = sp;
        f->state = FRAME_SUSPENDED;
        tr_leave_call();
        vm_cur_frame = saved_cur;
        return r;
    }
    TARGET(GET_YIELD_FROM_ITER) {
        a = TOP();
        if (!vm_is_gen(a)) {
            v = tr_iter(a);
            CHECK(v);
            TOP() = v;
        }
        DISPATCH();
    }
    TARGET(SEND) {
        v = POP();
        a = TOP();
        GenResult res = vm_send(a, v, &r);
        if (res == GEN_ERROR)
            goto error;
        if (res == GEN_RETURN) {
            TOP() = r;
            JUMPTO(OPARG);
            DISPATCH();
        }
        PUSH(r);
        DISPATCH();
    }

    /* --- Exceptions --- */
    TARGET(PUSH_EXC_INFO) {
        v = TOP();
        TOP() = vm_exc_raw ? vm_exc_raw : TR_NONE;
        vm_exc_raw = tr_ts.handled = v;
        PUSH(v);
        DISPATCH();
    }
    TARGET(POP_EXCEPT) {
        v = POP();
        vm_exc_raw = v == TR_NONE ? 0 : v;
        tr_ts.handled = vm_exc_raw ? vm_exc_raw : vm_exc_outer;
        DISPATCH();
    }
    TARGET(CHECK_EXC_MATCH) {
        b = POP();
        CHECK_INT(vm_check_except_type(b));
        TrValue m = tr_bool(tr_exc_matches(TOP(), b));
        PUSH(m);
        DISPATCH();
    }
    TARGET(RERAISE) {
        v = POP();
        tr_err_restore(v);
        goto exception_unwind;
    }
    TARGET(RAISE_VARARGS) {
        TrValue cause = 0, exc = 0;
        if (OPARG >= 2)
            cause = POP();
        if (OPARG >= 1)
            exc = POP();
        if (vm_do_raise(exc, cause))
            goto exception_unwind;
        goto error;
    }
    TARGET(LOAD_ASSERTION_ERROR) PUSH(tr_val(&tr_AssertionError)); DISPATCH();
    TARGET(BEFORE_WITH) {
        TrValue ex;
        CHECK_INT(vm_before_with(TOP(), &ex, &v));
        TOP() = ex;
        PUSH(v);
        DISPATCH();
    }
    TARGET(WITH_EXCEPT_START) {
        /* stack: __exit__, lasti, previous exception, exception */
        TrValue exc = TOP();
        TrValue xargs[3] = {tr_val(tr_type_of(exc)), exc, TR_NONE};
        v = tr_call(PEEK(4), xargs, 3, 0);
        CHECK(v);
        PUSH(v);
        DISPATCH();
    }

    /* --- Modules and classes --- */
    TARGET(IMPORT_NAME) {
        TrValue fromlist = POP();
        a = TOP(); /* level */
        v = tr_import(names[OPARG], f->globals, fromlist, (int)tr_small_val(a));
        CHECK(v);
        TOP() = v;
        DISPATCH();
    }
    TARGET(IMPORT_FROM) {
        v = tr_import_from(TOP(), names[OPARG]);
        CHECK(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(IMPORT_STAR) {
        a = POP();
        CHECK_INT(vm_import_star(f, a));
        DISPATCH();
    }
    TARGET(LOAD_BUILD_CLASS) {
        v = vm_ns_get(f->builtins, tr_str_intern_cstr("__build_class__"));
        if (!v) {
            if (!tr_err_occurred())
                tr_raise(&tr_NameError, "__build_class__ not found");
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(SETUP_ANNOTATIONS) {
        TrValue key = tr_str_intern_cstr("__annotations__");
        if (!f->locals) {
            tr_raise(&tr_SystemError, "no locals found when setting up annotations");
            goto error;
        }
        v = vm_ns_get(f->locals, key);
        if (!v) {
            if (tr_err_occurred())
                goto error;
            CHECK_INT(vm_ns_set(f->locals, key, tr_dict_new()));
        }
        DISPATCH();
    }
    TARGET(PRINT_EXPR) {
        v = POP();
        if (v != TR_NONE) {
            TrValue s = tr_repr(v);
            CHECK(s);
            CHECK_INT(tr_file_write_str(tr_sys_stdout(), s));
            CHECK_INT(tr_file_write_str(tr_sys_stdout(), tr_str_from_cstr("\n")));
        }
        DISPATCH();
    }

    /* --- Pattern matching --- */
    TARGET(GET_LEN) {
        int64_t n = tr_len(TOP());
        CHECK_INT(n);
        PUSH(tr_int_from_i64(n));
        DISPATCH();
    }
    TARGET(MATCH_MAPPING) {
        v = tr_bool(vm_match_mapping(TOP()));
        PUSH(v);
        DISPATCH();
    }
    TARGET(MATCH_SEQUENCE) {
        v = tr_bool(vm_match_sequence(TOP()));
        PUSH(v);
        DISPATCH();
    }
    TARGET(MATCH_KEYS) {
        v = vm_match_keys(PEEK(2), TOP());
        CHECK(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(MATCH_CLASS) {
        TrValue mnames = POP();
        TrValue type = POP();
        v = vm_match_class(TOP(), type, OPARG, mnames);
        CHECK(v);
        TOP() = v;
        DISPATCH();
    }

    TARGET(GET_AWAITABLE) {
        v = vm_get_awaitable(TOP());
        CHECK(v);
        TOP() = v;
        DISPATCH();
    }

    /* --- Not supported yet (async iteration and with, exception groups) --- */
    TARGET(GET_AITER)
    TARGET(GET_ANEXT)
    TARGET(BEFORE_ASYNC_WITH)
    TARGET(END_ASYNC_FOR)
    TARGET(ASYNC_GEN_WRAP)
    TARGET(PREP_RERAISE_STAR)
    TARGET(CHECK_EG_MATCH) {
        unsupported(w & 0xFF);
        goto error;
    }
#include "vm/interp_quick.inc"

L_bad_opcode:
    tr_raise(&tr_SystemError, "unknown opcode %d", (int)(w & 0xFF));
    goto error;

    /* --- Unwinding --- */
error:
    if (TR_UNLIKELY(!tr_ts.exc))
        tr_raise(&tr_SystemError, "error return without exception set");
    tr_exc_add_frame(tr_ts.exc, co->filename, vm_frame_line(f, (int)(ip - code) - 1), co->name);
exception_unwind: {
        const ExcEntry *h = vm_find_handler(co, (int)(ip - code) - 1);
        if (h) {
            sp = lp + co->nlocalsplus + h->depth;
            if (h->lasti)
                PUSH(tr_small_new((int)(ip - code) - 1));
            PUSH(tr_err_fetch());
            JUMPTO(h->handler);
            kwnames = 0;
            DISPATCH();
        }
    }
    tr_leave_call();
    if (f == entry) {
        f->ip = ip;
        f->sp = sp;
        f->state = FRAME_DONE;
        vm_cur_frame = saved_cur;
        return TR_ERR;
    }
    {
        Frame *back = f->back;
        vm_frame_pop(f);
        f = back;
        LOAD_FRAME();
        goto error;
    }
}
