/*
 * native_rt.h -- the runtime helpers compiled code calls for the generic operations of the IR
 * (ir_ops.def names each op's helper and argument order). Each does what the interpreter's
 * instruction does, through the same functions (ops.h, fastops.h), so both modes behave alike.
 * Errors: TR_ERR or -1 with the exception pending, as everywhere in the runtime.
 */
#ifndef TR_VM_NATIVE_RT_H
#define TR_VM_NATIVE_RT_H

#include "vm/frame.h"

TrValue rt_binop(TrValue a, TrValue b, int64_t op);
TrValue rt_compare(TrValue a, TrValue b, int64_t op);
int rt_truth(TrValue v);
TrValue rt_not(TrValue v);
TrValue rt_contains(TrValue item, TrValue container, int64_t invert);
TrValue rt_check_local(Frame *f, TrValue v, int64_t slot);
/* imm: the name index; pc: the LOAD_GLOBAL, whose cache (quick.h) is the interpreter's */
TrValue rt_load_global(Frame *f, int64_t name, int64_t pc);
TrValue rt_load_global_q(Frame *f, int64_t name, int64_t pc); /* 0 when missing, nothing raised */
int rt_store_global(Frame *f, int64_t name, TrValue v);
int rt_delete_global(Frame *f, int64_t name);
TrValue rt_load_name(Frame *f, int64_t name);
int rt_store_name(Frame *f, int64_t name, TrValue v);
int rt_delete_name(Frame *f, int64_t name);
TrValue rt_load_deref(Frame *f, TrValue cell, int64_t slot);
TrValue rt_load_classderef(Frame *f, TrValue cell, int64_t slot);
void rt_store_deref(TrValue cell, TrValue v);
int rt_delete_deref(Frame *f, TrValue cell, int64_t slot);
TrValue rt_make_cell(TrValue v);
TrValue rt_closure_item(Frame *f, int64_t k);
TrValue rt_load_attr(Frame *f, TrValue obj, int64_t pc);
/* LOAD_METHOD: a plain method of type(obj) comes back with bit 2 set (tag 100, never a
   value): the stack slots are then (method, obj); anything else is the attribute, slots
   (NULL, attribute). lm_slot0/lm_slot1 in the IR decode it. */
TrValue rt_load_method(Frame *f, TrValue obj, int64_t pc);
int rt_store_attr(Frame *f, TrValue owner, TrValue value, int64_t pc);
int rt_delete_attr(Frame *f, TrValue obj, int64_t name);
TrValue rt_getitem(TrValue container, TrValue key);
int rt_setitem(TrValue container, TrValue key, TrValue value);
TrValue rt_for_next(TrValue it);
/* s-operand helpers: items[0..n) were stored into the frame's value stack by compiled code. */
TrValue rt_call(Frame *f, TrValue *items, int64_t n, int64_t kwnames_const);
/* items: (function, its positional args); the function passed the func_code_is guard. */
TrValue rt_call_direct(Frame *f, TrValue *items, int64_t n);
TrValue rt_call_ex(Frame *f, TrValue *items, int64_t n, int64_t has_kwargs);
TrValue rt_build_tuple(TrValue *items, int64_t n, int64_t count);
TrValue rt_build_list(TrValue *items, int64_t n, int64_t count);
TrValue rt_build_set(TrValue *items, int64_t n, int64_t count);
TrValue rt_build_map(TrValue *items, int64_t n, int64_t pairs);
TrValue rt_build_const_key_map(TrValue *items, int64_t n, int64_t count);
TrValue rt_build_string(TrValue *items, int64_t n, int64_t count);
TrValue rt_build_slice(TrValue *items, int64_t n, int64_t count);
TrValue rt_make_function(Frame *f, TrValue *items, int64_t n, int64_t flags);
int rt_raise(Frame *f, TrValue *items, int64_t n, int64_t count);
TrValue rt_list_to_tuple(TrValue list);
int rt_unpack(Frame *f, TrValue seq, int64_t how, int64_t depth);
TrValue rt_format_value(TrValue v, TrValue spec, int64_t flags);
TrValue rt_import_name(Frame *f, TrValue level, TrValue fromlist, int64_t name);
TrValue rt_import_from(Frame *f, TrValue mod, int64_t name);
int rt_import_star(Frame *f, TrValue mod);
TrValue rt_load_build_class(Frame *f);
TrValue rt_load_assertion_error(void);
int rt_setup_annotations(Frame *f);
int rt_print_expr(TrValue v);
TrValue rt_get_len(TrValue v);
TrValue rt_before_with(Frame *f, TrValue mgr, int64_t depth);

#endif
