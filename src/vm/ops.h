/*
 * ops.h -- the out-of-line parts of instructions whose work is too long for the dispatch loop
 * (unpacking, star-calls, with, raise, imports, match). Private to src/vm. Each returns TR_ERR
 * or -1 with the exception set, like the runtime.
 */
#ifndef TR_VM_OPS_H
#define TR_VM_OPS_H

#include "runtime/list.h"
#include "runtime/tuple.h"
#include "vm/frame.h"

/* UNPACK_SEQUENCE / UNPACK_EX: out[0..n) receives the items so that the first one is on top
   of the stack (out[n-1]), as CPython's unpack_iterable leaves them. */
int vm_unpack(TrValue seq, int before, int after, bool star, TrValue *out);

TrValue vm_format_value(TrValue v, int flags, TrValue spec);

/* CALL_FUNCTION_EX: turns callargs (any iterable) and kwargs (a dict or 0) into an argument
   array (positional, then keyword values), its positional count and kwnames. */
int vm_star_args(TrValue func, TrValue callargs, TrValue kwargs, TrValue **args,
                 size_t *npos, TrValue *kwnames);
int vm_dict_merge(TrValue dict, TrValue update, TrValue func); /* DICT_MERGE */
int vm_dict_update(TrValue dict, TrValue update);              /* DICT_UPDATE */
int vm_list_extend(TrValue list, TrValue iterable);            /* LIST_EXTEND */

TrValue vm_lookup_special(TrValue obj, TrValue name); /* type lookup + binding; 0 if absent */
int vm_before_with(TrValue mgr, TrValue *exit_out, TrValue *res_out);

/* RAISE_VARARGS: returns 1 for a bare re-raise (no new traceback entry), 0 for a new raise;
   either way the exception is pending. */
int vm_do_raise(TrValue exc, TrValue cause);
int vm_check_except_type(TrValue t); /* CHECK_EXC_MATCH's validation */

int vm_import_star(Frame *f, TrValue mod);

TrValue vm_match_keys(TrValue subject, TrValue keys);      /* tuple, None, or TR_ERR */
TrValue vm_match_class(TrValue subject, TrValue type, int nargs, TrValue names);
bool vm_match_sequence(TrValue v);
bool vm_match_mapping(TrValue v);

TrValue vm_make_function(Frame *f, TrValue code, TrValue defaults, TrValue kwdefaults,
                         TrValue annotations, TrValue closure);

TrValue vm_name_error(TrValue name);

/* Used by the interpreter and by the helpers of compiled code (native_rt.c). */
const ExcEntry *vm_find_handler(const CodeObj *co, int lasti);
TrValue vm_unbound_local(CodeObj *co, int i);  /* raises UnboundLocalError; TR_ERR */
TrValue vm_unbound_deref(CodeObj *co, int i);
TrValue vm_ns_get(TrValue ns, TrValue name);   /* 0 when absent (no exception) */
int vm_ns_set(TrValue ns, TrValue name, TrValue v);
TrValue vm_load_global(Frame *f, TrValue name);
TrValue vm_load_name(Frame *f, TrValue name);
TrValue vm_build_map(TrValue *items, int n);
TrValue vm_build_const_key_map(TrValue keys, TrValue *vals, int n);
TrValue vm_build_set(TrValue *items, int n);

/* UNPACK_SEQUENCE's common case: the items of an exact tuple or list of exactly n items, or
   NULL (then vm_unpack). */
static inline const TrValue *vm_unpack_exact(TrValue seq, int n)
{
    if (!tr_is_ptr(seq))
        return NULL;
    TrType *t = tr_obj(seq)->type;
    if (t == &tr_tuple_type && tr_as_tuple(seq)->len == n)
        return tr_as_tuple(seq)->items;
    if (t == &tr_list_type && tr_as_list(seq)->len == n)
        return tr_as_list(seq)->items;
    return NULL;
}

/* FOR_ITER's common case: the next item of a list iterator, or TR_STOP at its end; 0 when it
   is another kind of iterator. */
static inline TrValue vm_list_iter_step(TrValue iter)
{
    if (!tr_is_ptr(iter) || tr_obj(iter)->type != &tr_list_iter_type)
        return 0;
    TrListIter *it = (TrListIter *)tr_obj(iter);
    if (TR_LIKELY(it->seq)) {
        TrList *l = tr_as_list(it->seq);
        if (TR_LIKELY(it->idx < l->len))
            return l->items[it->idx++];
        it->seq = 0;
    }
    return TR_STOP;
}

#endif
