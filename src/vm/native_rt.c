/*
 * native_rt.c -- the helpers of native_rt.h: one per generic IR operation, each doing what the
 * interpreter's instruction does with the same shared functions.
 */
#include "vm/native_rt.h"

#include "runtime/runtime.h"
#include "vm/attrcache.h"
#include "vm/fastops.h"
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/quick.h"
#include "vm/vm.h"

static inline TrValue name_at(Frame *f, int64_t k) { return tr_as_tuple(f->co->names)->items[k]; }

TrValue rt_binop(TrValue a, TrValue b, int64_t op)
{
    TrValue v = vm_fast_binop(a, b, (int)op);
    if (v)
        return v;
    if (tr_type_of(a) == &tr_int_type && tr_type_of(b) == &tr_int_type) {
        v = tr_int_binop(a, b, (int)(op % TR_OP__COUNT));
        if (v != TR_NOTIMPL)
            return v;
    }
    return tr_binop(a, b, (int)op);
}

TrValue rt_compare(TrValue a, TrValue b, int64_t op)
{
    TrValue v = vm_fast_compare(a, b, (int)op);
    return v ? v : tr_richcmp(a, b, (int)op);
}

int rt_truth(TrValue v)
{
    if (v == TR_TRUE)
        return 1;
    if (v == TR_FALSE || v == TR_NONE)
        return 0;
    if (tr_is_small(v))
        return v != tr_small_new(0);
    return tr_truth(v);
}

TrValue rt_not(TrValue v)
{
    int t = rt_truth(v);
    return t < 0 ? TR_ERR : tr_bool(!t);
}

TrValue rt_contains(TrValue item, TrValue container, int64_t invert)
{
    int r = tr_contains(container, item);
    return r < 0 ? TR_ERR : tr_bool(r ^ (invert != 0));
}

TrValue rt_check_local(Frame *f, TrValue v, int64_t slot)
{
    return v ? v : vm_unbound_local(f->co, (int)slot);
}

/* A miss of the cache below: fills it (quickening the instruction if needed) or does the full
   lookup, which raises NameError. */
static __attribute__((noinline)) TrValue load_global_miss(Frame *f, int64_t name, int64_t pc)
{
    TrValue nm = name_at(f, name);
    GlobalCache *c = vm_gcache_at(f->co, (int)pc);
    TrValue v = c ? vm_gcache_fill(c, f->globals, f->builtins, nm) : 0;
    return v ? v : vm_load_global(f, nm);
}

/* The interpreter's LOAD_GLOBAL cache, shared: the slot is named by the quickened word. */
TrValue rt_load_global(Frame *f, int64_t name, int64_t pc)
{
    BcWord w = f->co->code[pc];
    if (TR_LIKELY((int)BC_OP(w) == QOP_LOAD_GLOBAL_CACHED)) {
        TrValue v = vm_gcache_hit(&vm_gcache[BC_ARG(w)], f->globals, f->builtins);
        if (TR_LIKELY(v))
            return v;
    }
    return load_global_miss(f, name, pc);
}

TrValue rt_load_global_q(Frame *f, int64_t name, int64_t pc)
{
    TrValue v = rt_load_global(f, name, pc);
    if (!v)
        tr_err_clear();
    return v;
}

int rt_store_global(Frame *f, int64_t name, TrValue v)
{
    return tr_dict_set(f->globals, name_at(f, name), v);
}

int rt_delete_global(Frame *f, int64_t name)
{
    TrValue nm = name_at(f, name);
    if (!tr_dict_get_str(f->globals, nm)) {
        if (!tr_err_occurred())
            vm_name_error(nm);
        return -1;
    }
    return tr_dict_del(f->globals, nm);
}

TrValue rt_load_name(Frame *f, int64_t name) { return vm_load_name(f, name_at(f, name)); }

int rt_store_name(Frame *f, int64_t name, TrValue v)
{
    if (!f->locals) {
        tr_raise(&tr_SystemError, "no locals found when storing %R", name_at(f, name));
        return -1;
    }
    return vm_ns_set(f->locals, name_at(f, name), v);
}

int rt_delete_name(Frame *f, int64_t name)
{
    TrValue nm = name_at(f, name);
    if (!f->locals) {
        tr_raise(&tr_SystemError, "no locals when deleting %R", nm);
        return -1;
    }
    if (tr_is_dict(f->locals)) {
        if (!tr_dict_get_str(f->locals, nm)) {
            if (!tr_err_occurred())
                vm_name_error(nm);
            return -1;
        }
        return tr_dict_del(f->locals, nm);
    }
    if (tr_delitem(f->locals, nm) < 0) {
        if (tr_err_matches(&tr_KeyError)) {
            tr_err_clear();
            vm_name_error(nm);
        }
        return -1;
    }
    return 0;
}

TrValue rt_load_deref(Frame *f, TrValue cell, int64_t slot)
{
    TrValue v = ((TrCell *)tr_obj(cell))->ref;
    return v ? v : vm_unbound_deref(f->co, (int)slot);
}

TrValue rt_load_classderef(Frame *f, TrValue cell, int64_t slot)
{
    TrValue name = tr_as_tuple(f->co->localsplusnames)->items[slot];
    TrValue v = f->locals ? vm_ns_get(f->locals, name) : 0;
    if (v)
        return v;
    if (tr_err_occurred())
        return TR_ERR;
    return rt_load_deref(f, cell, slot);
}

void rt_store_deref(TrValue cell, TrValue v) { ((TrCell *)tr_obj(cell))->ref = v; }

int rt_delete_deref(Frame *f, TrValue cell, int64_t slot)
{
    TrCell *c = (TrCell *)tr_obj(cell);
    if (!c->ref) {
        vm_unbound_deref(f->co, (int)slot);
        return -1;
    }
    c->ref = 0;
    return 0;
}

TrValue rt_make_cell(TrValue v) { return tr_cell_new(v); }

TrValue rt_closure_item(Frame *f, int64_t k) { return tr_as_tuple(f->func->closure)->items[k]; }

/* The name operand of the (possibly quickened) instruction at pc. */
static TrValue name_of(Frame *f, int64_t pc)
{
    return name_at(f, BC_ARG(vm_generic_word(f->co->code[pc])));
}

/* The attribute instructions use the interpreter's caches (attrcache.h): the hit paths below are
   interp.c's LOAD_ATTR / LOAD_METHOD / STORE_ATTR ones (keep them alike); misses go to the
   cache's own slow paths, which fill it. The hit paths call nothing, so that they need no stack
   frame: a code object's first miss allocates its caches (vm_attr_cache). */
static inline AttrCache *site_cache(Frame *f, int64_t pc)
{
    AttrCache *caches = f->co->cache;
    return caches ? &caches[pc] : NULL;
}

static __attribute__((noinline)) TrValue load_attr_miss(Frame *f, TrValue obj, int64_t pc)
{
    return vm_load_attr_slow(vm_attr_cache(f->co, (int)pc), obj, name_of(f, pc));
}

TrValue rt_load_attr(Frame *f, TrValue obj, int64_t pc)
{
    AttrCache *ac = site_cache(f, pc);
    if (ac && tr_is_ptr(obj) && tr_obj(obj)->type == ac->type && ac->epoch == tr_type_epoch) {
        if (ac->member) {
            TrValue v = *(TrValue *)((char *)tr_obj(obj) + ac->member);
            if (v) /* unset members raise in the slow path */
                return v;
        } else {
            TrAttrs *at = vm_fixed_attrs(obj, ac->type);
            if (at->shape == ac->shape)
                return at->values[ac->index];
        }
    }
    TrValue mv = ac ? vm_module_attr_hit(ac, obj) : 0;
    if (mv)
        return mv;
    return load_attr_miss(f, obj, pc);
}

static __attribute__((noinline)) TrValue load_method_miss(Frame *f, TrValue obj, int64_t pc)
{
    TrValue self;
    TrValue v = vm_load_method_slow(vm_attr_cache(f->co, (int)pc), obj, name_of(f, pc), &self);
    if (!v)
        return TR_ERR;
    return self ? v | 4 : v;
}

TrValue rt_load_method(Frame *f, TrValue obj, int64_t pc)
{
    AttrCache *ac = site_cache(f, pc);
    if (ac && tr_is_ptr(obj) && tr_obj(obj)->type == ac->type && ac->epoch == tr_type_epoch &&
        (ac->index == ATTRCACHE_TYPE_ONLY ||
         (vm_fixed_attrs(obj, ac->type)->shape == ac->shape &&
          !vm_fixed_attrs(obj, ac->type)->dict)))
        return ac->method | 4;
    return load_method_miss(f, obj, pc);
}

static __attribute__((noinline)) int store_attr_miss(Frame *f, TrValue owner, TrValue value,
                                                     int64_t pc)
{
    return vm_store_attr_slow(vm_attr_cache(f->co, (int)pc), owner, name_of(f, pc), value);
}

int rt_store_attr(Frame *f, TrValue owner, TrValue value, int64_t pc)
{
    AttrCache *ac = site_cache(f, pc);
    if (ac && tr_is_ptr(owner) && tr_obj(owner)->type == ac->type && ac->epoch == tr_type_epoch) {
        if (ac->member) {
            *(TrValue *)((char *)tr_obj(owner) + ac->member) = value;
            return 0;
        }
        TrAttrs *at = vm_fixed_attrs(owner, ac->type);
        if (at->shape == ac->shape) {
            at->values[ac->index] = value;
            return 0;
        }
    }
    return store_attr_miss(f, owner, value, pc);
}

int rt_delete_attr(Frame *f, TrValue obj, int64_t name) { return tr_delattr(obj, name_at(f, name)); }

TrValue rt_getitem(TrValue a, TrValue b)
{
    TrValue v = vm_fast_getitem(a, b);
    return v ? v : tr_getitem(a, b);
}

int rt_setitem(TrValue a, TrValue b, TrValue v)
{
    if (tr_is_small(b) && tr_is_ptr(a) && tr_obj(a)->type == &tr_list_type) {
        TrList *l = tr_as_list(a);
        int64_t i = tr_small_val(b);
        if (i < 0)
            i += l->len;
        if ((uint64_t)i < (uint64_t)l->len) {
            l->items[i] = v;
            return 0;
        }
    }
    return tr_setitem(a, b, v);
}

TrValue rt_for_next(TrValue it)
{
    TrValue fast = vm_list_iter_step(it);
    if (fast)
        return fast;
    TrValue (*next)(TrValue) = tr_type_of(it)->next;
    TrValue v = next ? next(it) : tr_next(it);
    if (TR_UNLIKELY(v == TR_ERR)) {
        if (!tr_err_matches(&tr_StopIteration))
            return TR_ERR;
        tr_err_clear();
        return TR_STOP;
    }
    return v;
}

/* CALL of callable with args[0..nargs) and no keywords: Python functions with machine code,
   built-in functions and methods of built-in types directly, as the interpreter's CALL does;
   anything else through tr_call. */
static inline TrValue call_positional(TrValue callable, TrValue *args, size_t nargs)
{
    if (TR_LIKELY(tr_is_ptr(callable))) {
        TrType *t = tr_obj(callable)->type;
        if (t == &tr_function_type) {
            TrFunction *fn = (TrFunction *)tr_obj(callable);
            CodeObj *co = bc_as_code(fn->code);
            if (fn->entry == vm_native_call && co->native && vm_native_simple(co, nargs, 0))
                return vm_native_call_simple(fn, co, args, nargs);
        } else if (t == &tr_builtin_type) {
            TrBuiltin *bi = (TrBuiltin *)tr_obj(callable);
            return bi->fn(bi->self, args, nargs, 0);
        } else if (t == &tr_method_descr_type && nargs > 0) {
            TrMethodDescr *d = (TrMethodDescr *)tr_obj(callable);
            TrType *st = tr_type_of(args[0]);
            if (st == d->owner || tr_type_is_subtype(st, d->owner))
                return d->def->fn(args[0], args + 1, nargs - 1, 0);
        }
    }
    return tr_call(callable, args, nargs, 0);
}

TrValue rt_call(Frame *f, TrValue *items, int64_t n, int64_t kwconst)
{
    if (TR_LIKELY(kwconst < 0)) {
        if (items[0]) /* (method, self, args) or (callable, self, args) */
            return call_positional(items[0], items + 1, (size_t)n - 1);
        TrValue callable = items[1];
        if (tr_is_ptr(callable) && tr_obj(callable)->type == &tr_bound_method_type) {
            TrBoundMethod *bm = (TrBoundMethod *)tr_obj(callable);
            items[0] = bm->func; /* the slots are this call's own: unpack in place */
            items[1] = bm->self;
            return call_positional(items[0], items + 1, (size_t)n - 1);
        }
        return call_positional(callable, items + 2, (size_t)n - 2);
    }
    TrValue kw = tr_as_tuple(f->co->consts)->items[kwconst];
    size_t nargs = (size_t)n - 2, nkw = tr_nkw(kw);
    if (items[0])
        return tr_call(items[0], items + 1, nargs + 1 - nkw, kw);
    return tr_call(items[1], items + 2, nargs - nkw, kw);
}

/* vm_native_call_simple for a caller that is compiled code of the callee's module: f is the
   current frame, the callee has no free variables and takes exactly these arguments. */
TrValue rt_call_direct(Frame *f, TrValue *items, int64_t n)
{
    TrFunction *fn = (TrFunction *)tr_obj(items[0]);
    CodeObj *co = bc_as_code(fn->code);
    NativeFn code = (NativeFn)co->native;
    if (TR_UNLIKELY(!code)) /* given up after failed guards */
        return vm_call_function(fn, items + 1, (size_t)n - 1, 0);
    /* vm_frame_push_quick and vm_native_exec, with what a direct call knows left out: the
       callee has no free variables, is no generator, takes exactly the arguments given */
    size_t words = frame_words(co);
    TrValue *top = vm_ds_top;
    if (TR_UNLIKELY(tr_ts.depth >= tr_ts.recursion_limit || !top ||
                    (size_t)(vm_ds_limit - top) < words))
        return vm_native_call_simple(fn, co, items + 1, (size_t)n - 1);
    Frame *nf = (Frame *)top;
    vm_ds_top = top + words;
    tr_ts.depth++;
    nf->co = co;
    nf->func = fn;
    nf->globals = fn->globals;
    nf->builtins = fn->builtins ? fn->builtins : tr_builtins();
    nf->locals = 0;
    nf->back = f;
    nf->ip = co->code;
    nf->sp = nf->lp + co->nlocalsplus;
    nf->gen = NULL;
    nf->ds_prev = top;
    nf->ds_chunk = vm_ds_chunk;
    nf->state = FRAME_RUNNING;
    nf->entry = false;
    int64_t k = 1;
    for (; k < n; k++)
        nf->lp[k - 1] = items[k];
    for (k--; k < co->nlocalsplus; k++) { /* few: a loop, not a memset call */
        nf->lp[k] = 0;
        __asm__("" : : "r"(k));
    }
    vm_cur_frame = nf;
    TrValue r = code(nf);
    vm_cur_frame = f;
    tr_ts.depth--;
    if (TR_LIKELY(nf->ds_chunk == vm_ds_chunk))
        vm_ds_top = top;
    else
        vm_frame_pop(nf);
    return r;
}

TrValue rt_call_ex(Frame *f, TrValue *items, int64_t n, int64_t has_kwargs)
{
    TrValue callable = items[1], *args;
    size_t npos;
    TrValue kwnames;
    if (vm_star_args(callable, items[2], has_kwargs ? items[3] : 0, &args, &npos, &kwnames) < 0)
        return TR_ERR;
    return tr_call(callable, args, npos, kwnames);
}

TrValue rt_build_tuple(TrValue *items, int64_t n, int64_t count) { return tr_tuple_from(items, n); }
TrValue rt_build_list(TrValue *items, int64_t n, int64_t count) { return tr_list_from(items, n); }
TrValue rt_build_set(TrValue *items, int64_t n, int64_t count) { return vm_build_set(items, (int)n); }
TrValue rt_build_map(TrValue *items, int64_t n, int64_t pairs) { return vm_build_map(items, (int)pairs); }

TrValue rt_build_const_key_map(TrValue *items, int64_t n, int64_t count)
{
    return vm_build_const_key_map(items[count], items, (int)count);
}

TrValue rt_build_string(TrValue *items, int64_t n, int64_t count)
{
    return tr_str_build(items, (size_t)n);
}

TrValue rt_build_slice(TrValue *items, int64_t n, int64_t count)
{
    return tr_slice_new(items[0], items[1], n == 3 ? items[2] : TR_NONE);
}

TrValue rt_make_function(Frame *f, TrValue *items, int64_t n, int64_t fl)
{
    int k = 0;
    TrValue defs = (fl & 1) ? items[k++] : 0;
    TrValue kwd = (fl & 2) ? items[k++] : 0;
    TrValue ann = (fl & 4) ? items[k++] : 0;
    TrValue closure = (fl & 8) ? items[k++] : 0;
    return vm_make_function(f, items[k], defs, kwd, ann, closure);
}

int rt_raise(Frame *f, TrValue *items, int64_t n, int64_t count)
{
    vm_do_raise(n >= 1 ? items[0] : 0, n >= 2 ? items[1] : 0);
    return -1;
}

TrValue rt_list_to_tuple(TrValue list)
{
    TrList *l = tr_as_list(list);
    return tr_tuple_from(l->items, l->len);
}

int rt_unpack(Frame *f, TrValue seq, int64_t how, int64_t depth)
{
    TrValue *out = frame_stack_base(f) + depth;
    const TrValue *items;
    if (!(how & (1 << 16)) && (items = vm_unpack_exact(seq, (int)how))) {
        for (int64_t i = 0; i < how; i++) /* the last item lowest, as vm_unpack stores them */
            out[how - 1 - i] = items[i];
        return 0;
    }
    if (how & (1 << 16))
        return vm_unpack(seq, (int)(how & 0xFF), (int)((how >> 8) & 0xFF), true, out);
    return vm_unpack(seq, (int)how, 0, false, out);
}

TrValue rt_format_value(TrValue v, TrValue spec, int64_t flags)
{
    if (!spec && (flags & 3) == 0 && tr_is_ptr(v) && tr_obj(v)->type == &tr_str_type)
        return v;
    return vm_format_value(v, (int)flags, spec);
}

TrValue rt_import_name(Frame *f, TrValue level, TrValue fromlist, int64_t name)
{
    return tr_import(name_at(f, name), f->globals, fromlist, (int)tr_small_val(level));
}

TrValue rt_import_from(Frame *f, TrValue mod, int64_t name)
{
    return tr_import_from(mod, name_at(f, name));
}

int rt_import_star(Frame *f, TrValue mod) { return vm_import_star(f, mod); }

TrValue rt_load_build_class(Frame *f)
{
    TrValue v = vm_ns_get(f->builtins, tr_str_intern_cstr("__build_class__"));
    if (!v && !tr_err_occurred())
        tr_raise(&tr_NameError, "__build_class__ not found");
    return v;
}

TrValue rt_load_assertion_error(void) { return tr_val(&tr_AssertionError); }

int rt_setup_annotations(Frame *f)
{
    TrValue key = tr_str_intern_cstr("__annotations__");
    if (!f->locals) {
        tr_raise(&tr_SystemError, "no locals found when setting up annotations");
        return -1;
    }
    TrValue v = vm_ns_get(f->locals, key);
    if (v)
        return 0;
    if (tr_err_occurred())
        return -1;
    return vm_ns_set(f->locals, key, tr_dict_new());
}

int rt_print_expr(TrValue v)
{
    if (v == TR_NONE)
        return 0;
    TrValue s = tr_repr(v);
    if (!s || tr_file_write_str(tr_sys_stdout(), s) < 0)
        return -1;
    return tr_file_write_str(tr_sys_stdout(), tr_str_from_cstr("\n"));
}

TrValue rt_get_len(TrValue v)
{
    int64_t n = tr_len(v);
    return n < 0 ? TR_ERR : tr_int_from_i64(n);
}

TrValue rt_before_with(Frame *f, TrValue mgr, int64_t depth)
{
    TrValue ex, res;
    if (vm_before_with(mgr, &ex, &res) < 0)
        return TR_ERR;
    frame_stack_base(f)[depth] = ex;
    return res;
}
