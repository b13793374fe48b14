/*
 * ops.c -- the long tails of instructions, kept out of the dispatch loop: unpacking, star-call
 * arguments, dict merges, f-string conversions, with, raise, imports, pattern matching,
 * MAKE_FUNCTION. Messages are CPython 3.11's.
 */
#include "vm/native.h"
#include "vm/ops.h"
#include "vm/vm.h"

#include "runtime/runtime.h"

static bool is_iterable_type(TrType *t) { return t->iter || t->getitem; }

static int ns_store(TrValue ns, TrValue name, TrValue v)
{
    if (tr_is_ptr(ns) && tr_obj(ns)->type == &tr_dict_type)
        return tr_dict_set(ns, name, v);
    return tr_setitem(ns, name, v);
}

/* NameError with CPython 3.11's hint: the closest name among the frame's locals, then its
   globals, then the builtins, shown as "Did you mean: 'x'?" when the error is printed. */
TrValue vm_name_error(TrValue name)
{
    TrValue locals = tr_ts.frame_locals ? tr_ts.frame_locals() : 0;
    TrValue globals = tr_ts.frame_globals ? tr_ts.frame_globals() : 0;
    Frame *cur = vm_cur_frame;
    if (locals && locals != TR_ERR && cur && cur->co->native && !cur->locals) {
        /* compiled code keeps locals in registers: offer every local name (CPython offers the
           bound ones; the difference shows only when the close name is unbound) */
        TrTuple *names = tr_as_tuple(cur->co->localsplusnames);
        for (int64_t i = 0; i < names->len; i++)
            if (tr_dict_set(locals, names->items[i], TR_NONE) < 0)
                return TR_ERR;
    }
    if (locals == TR_ERR || globals == TR_ERR)
        tr_err_clear(), locals = globals = 0;
    TrValue dicts[3] = {locals, globals, tr_builtins()};
    TrValue hint = tr_exc_suggest(name, dicts, 3);
    tr_raise(&tr_NameError, "name '%U' is not defined", name);
    TrValue exc = tr_ts.exc;
    tr_setattr(exc, tr_str_intern_cstr("name"), name);
    ((TrExc *)tr_obj(exc))->suggestion = hint;
    return TR_ERR;
}

/* --- Unpacking ---------------------------------------------------------------------------- */

int vm_unpack(TrValue seq, int before, int after, bool star, TrValue *out)
{
    TrValue it = tr_iter(seq);
    if (!it) {
        if (tr_err_matches(&tr_TypeError) && !is_iterable_type(tr_type_of(seq))) {
            tr_err_clear();
            tr_raise(&tr_TypeError, "cannot unpack non-iterable %T object", seq);
        }
        return -1;
    }
    TrValue *top = out + before + after + (star ? 1 : 0);
    for (int i = 0; i < before; i++) {
        TrValue v = tr_next(it);
        if (v == TR_ERR)
            return -1;
        if (v == TR_STOP) {
            if (star)
                tr_raise(&tr_ValueError,
                         "not enough values to unpack (expected at least %d, got %d)",
                         before + after, i);
            else
                tr_raise(&tr_ValueError, "not enough values to unpack (expected %d, got %d)",
                         before, i);
            return -1;
        }
        *--top = v;
    }
    if (!star) {
        TrValue v = tr_next(it);
        if (v == TR_ERR)
            return -1;
        if (v != TR_STOP) {
            tr_raise(&tr_ValueError, "too many values to unpack (expected %d)", before);
            return -1;
        }
        return 0;
    }
    TrValue l = tr_list_from_iter(it);
    if (!l)
        return -1;
    TrList *lst = tr_as_list(l);
    int64_t n = lst->len;
    if (n < after) {
        tr_raise(&tr_ValueError, "not enough values to unpack (expected at least %d, got %lld)",
                 before + after, (long long)(before + n));
        return -1;
    }
    *--top = l;
    for (int j = after; j > 0; j--)
        *--top = lst->items[n - j];
    lst->len = n - after;
    return 0;
}

/* --- f-strings ---------------------------------------------------------------------------- */

TrValue vm_format_value(TrValue v, int flags, TrValue spec)
{
    switch (flags & 3) {
    case 1: v = tr_str(v); break;
    case 2: v = tr_repr(v); break;
    case 3: v = tr_ascii(v); break;
    default: break;
    }
    if (!v)
        return TR_ERR;
    if (!spec && tr_is_ptr(v) && tr_obj(v)->type == &tr_str_type)
        return v;
    return tr_format(v, spec ? spec : tr_str_empty());
}

/* --- Star calls and merges ---------------------------------------------------------------- */

/* Calls fn(key, value) for each item of a dict or mapping (via keys() and []); a mapping
   without keys() gives AttributeError-style failure as -2 with no exception set. */
typedef int (*ItemFn)(TrValue dict, TrValue key, TrValue value, TrValue ctx);

static int each_item(TrValue src, ItemFn fn, TrValue dict, TrValue ctx)
{
    if (tr_is_dict(src)) {
        int64_t pos = 0;
        TrValue k, v;
        while (tr_dict_next(src, &pos, &k, &v))
            if (fn(dict, k, v, ctx) < 0)
                return -1;
        return 0;
    }
    TrValue keys = tr_getattr_opt(src, tr_str_intern_cstr("keys"));
    if (!keys) {
        if (tr_err_occurred() && !tr_err_matches(&tr_AttributeError))
            return -1;
        tr_err_clear();
        return -2;
    }
    TrValue klist = tr_call0(keys);
    if (!klist)
        return -1;
    TrValue it = tr_iter(klist);
    if (!it)
        return -1;
    for (;;) {
        TrValue k = tr_next(it);
        if (k == TR_ERR)
            return -1;
        if (k == TR_STOP)
            return 0;
        TrValue v = tr_getitem(src, k);
        if (!v || fn(dict, k, v, ctx) < 0)
            return -1;
    }
}

static int merge_item(TrValue dict, TrValue k, TrValue v, TrValue func)
{
    TrValue old = tr_dict_get(dict, k);
    if (old == TR_ERR && tr_err_occurred())
        return -1;
    if (old) {
        TrValue fs = vm_func_str(func);
        if (!fs)
            return -1;
        if (!tr_is_str(k))
            tr_raise(&tr_TypeError, "%U keywords must be strings", fs);
        else
            tr_raise(&tr_TypeError, "%U got multiple values for keyword argument '%S'", fs, k);
        return -1;
    }
    return tr_dict_set(dict, k, v);
}

int vm_dict_merge(TrValue dict, TrValue update, TrValue func)
{
    int r = each_item(update, merge_item, dict, func);
    if (r == -2) {
        TrValue fs = vm_func_str(func);
        if (fs)
            tr_raise(&tr_TypeError, "%U argument after ** must be a mapping, not %T", fs, update);
        return -1;
    }
    return r;
}

static int update_item(TrValue dict, TrValue k, TrValue v, TrValue ctx)
{
    return tr_dict_set(dict, k, v);
}

int vm_dict_update(TrValue dict, TrValue update)
{
    int r = each_item(update, update_item, dict, 0);
    if (r == -2) {
        tr_raise(&tr_TypeError, "'%T' object is not a mapping", update);
        return -1;
    }
    return r;
}

int vm_list_extend(TrValue list, TrValue iterable)
{
    if (tr_list_extend(list, iterable) == 0)
        return 0;
    if (tr_err_matches(&tr_TypeError) && !is_iterable_type(tr_type_of(iterable))) {
        tr_err_clear();
        tr_raise(&tr_TypeError, "Value after * must be an iterable, not %T", iterable);
    }
    return -1;
}

int vm_star_args(TrValue func, TrValue callargs, TrValue kwargs, TrValue **args, size_t *npos,
                 TrValue *kwnames)
{
    if (kwargs && !(tr_is_ptr(kwargs) && tr_obj(kwargs)->type == &tr_dict_type)) {
        TrValue d = tr_dict_new();
        if (vm_dict_merge(d, kwargs, func) < 0)
            return -1;
        kwargs = d;
    }
    if (!(tr_is_ptr(callargs) && tr_obj(callargs)->type == &tr_tuple_type)) {
        if (!is_iterable_type(tr_type_of(callargs))) {
            TrValue fs = vm_func_str(func);
            if (fs)
                tr_raise(&tr_TypeError, "%U argument after * must be an iterable, not %T", fs,
                         callargs);
            return -1;
        }
        callargs = tr_tuple_from_iter(callargs);
        if (!callargs)
            return -1;
    }
    TrTuple *t = tr_as_tuple(callargs);
    int64_t nk = kwargs ? tr_as_dict(kwargs)->used : 0;
    *npos = (size_t)t->len;
    if (!nk) {
        *args = t->items;
        *kwnames = 0;
        return 0;
    }
    TrValue *arr = tr_alloc((size_t)(t->len + nk) * sizeof(TrValue));
    for (int64_t i = 0; i < t->len; i++)
        arr[i] = t->items[i];
    TrValue names = tr_tuple_new(nk);
    int64_t pos = 0, i = 0;
    TrValue k, v;
    while (tr_dict_next(kwargs, &pos, &k, &v) && i < nk) {
        if (!tr_is_str(k)) {
            tr_raise(&tr_TypeError, "keywords must be strings");
            return -1;
        }
        tr_as_tuple(names)->items[i] = k;
        arr[t->len + i] = v;
        i++;
    }
    *args = arr;
    *kwnames = names;
    return 0;
}

/* --- with --------------------------------------------------------------------------------- */

TrValue vm_lookup_special(TrValue obj, TrValue name)
{
    TrType *t = tr_type_of(obj);
    TrValue a = tr_type_lookup(t, name);
    if (!a)
        return 0;
    TrType *at = tr_type_of(a);
    if (at->descr_get)
        return at->descr_get(a, obj, t);
    return a;
}

int vm_before_with(TrValue mgr, TrValue *exit_out, TrValue *res_out)
{
    TrValue enter = vm_lookup_special(mgr, tr_str_intern_cstr("__enter__"));
    if (!enter) {
        if (!tr_err_occurred())
            tr_raise(&tr_TypeError, "'%T' object does not support the context manager protocol",
                     mgr);
        return -1;
    }
    TrValue ex = vm_lookup_special(mgr, tr_str_intern_cstr("__exit__"));
    if (!ex) {
        if (!tr_err_occurred())
            tr_raise(&tr_TypeError,
                     "'%T' object does not support the context manager protocol (missed "
                     "__exit__ method)",
                     mgr);
        return -1;
    }
    TrValue res = tr_call0(enter);
    if (!res)
        return -1;
    *exit_out = ex;
    *res_out = res;
    return 0;
}

/* --- raise and except --------------------------------------------------------------------- */

int vm_do_raise(TrValue exc, TrValue cause)
{
    if (!exc) {
        TrValue h = tr_ts.handled;
        if (!h || h == TR_NONE) {
            tr_raise(&tr_RuntimeError, "No active exception to reraise");
            return 0;
        }
        tr_err_restore(h);
        return 1;
    }
    TrValue value;
    if (tr_is_exc_type(exc)) {
        value = tr_call0(exc);
        if (!value)
            return 0;
        if (!tr_is_exc(value)) {
            tr_raise(&tr_TypeError,
                     "calling %R should have returned an instance of BaseException, not %R", exc,
                     tr_val(tr_type_of(value)));
            return 0;
        }
    } else if (tr_is_exc(exc)) {
        value = exc;
    } else {
        tr_raise(&tr_TypeError, "exceptions must derive from BaseException");
        return 0;
    }
    if (cause) {
        TrValue fixed;
        if (tr_is_exc_type(cause)) {
            fixed = tr_call0(cause);
            if (!fixed)
                return 0;
        } else if (tr_is_exc(cause)) {
            fixed = cause;
        } else if (cause == TR_NONE) {
            fixed = 0;
        } else {
            tr_raise(&tr_TypeError, "exception causes must derive from BaseException");
            return 0;
        }
        TrExc *e = (TrExc *)tr_obj(value);
        e->cause = fixed;
        e->suppress_context = true;
    }
    tr_raise_value(value);
    return 0;
}

int vm_check_except_type(TrValue t)
{
    if (tr_is_tuple(t)) {
        TrTuple *tu = tr_as_tuple(t);
        for (int64_t i = 0; i < tu->len; i++)
            if (!tr_is_exc_type(tu->items[i]))
                goto bad;
        return 0;
    }
    if (tr_is_exc_type(t))
        return 0;
bad:
    tr_raise(&tr_TypeError,
             "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

/* --- Imports ------------------------------------------------------------------------------ */

int vm_import_star(Frame *f, TrValue mod)
{
    if (!f->locals) {
        tr_raise(&tr_SystemError, "no locals found during 'import *'");
        return -1;
    }
    TrValue all = tr_getattr_opt(mod, tr_str_intern_cstr("__all__"));
    bool skip_private = false;
    if (!all) {
        if (tr_err_occurred() && !tr_err_matches(&tr_AttributeError))
            return -1;
        tr_err_clear();
        TrValue d = tr_getattr(mod, tr_str_intern_cstr("__dict__"));
        if (!d)
            return -1;
        all = tr_is_dict(d) ? tr_dict_keys_list(d) : tr_list_from_iter(d);
        if (!all)
            return -1;
        skip_private = true;
    }
    TrValue it = tr_iter(all);
    if (!it)
        return -1;
    for (;;) {
        TrValue name = tr_next(it);
        if (name == TR_ERR)
            return -1;
        if (name == TR_STOP)
            return 0;
        if (skip_private && tr_is_str(name) && tr_as_str(name)->len > 0 &&
            tr_str_char(tr_as_str(name), 0) == '_')
            continue;
        TrValue v = tr_getattr(mod, name);
        if (!v || ns_store(f->locals, name, v) < 0)
            return -1;
    }
}

/* --- Pattern matching --------------------------------------------------------------------- */

bool vm_match_mapping(TrValue v) { return tr_is_dict(v); }

bool vm_match_sequence(TrValue v)
{
    return tr_is_list(v) || tr_is_tuple(v) || tr_isinstance(v, &tr_range_type);
}

TrValue vm_match_keys(TrValue subject, TrValue keys)
{
    TrTuple *k = tr_as_tuple(keys);
    if (k->len == 0)
        return tr_tuple_empty();
    TrValue seen = tr_set_new();
    TrValue vals = tr_tuple_new(k->len);
    TrValue get = 0;
    bool exact = tr_is_ptr(subject) && tr_obj(subject)->type == &tr_dict_type;
    if (!exact) {
        get = tr_getattr(subject, tr_str_intern_cstr("get"));
        if (!get)
            return TR_ERR;
    }
    TrValue dummy = tr_val(tr_obj_new(sizeof(TrObject), &tr_object_type));
    for (int64_t i = 0; i < k->len; i++) {
        TrValue key = k->items[i];
        int dup = tr_set_contains(seen, key);
        if (dup < 0)
            return TR_ERR;
        if (dup)
            return tr_raise(&tr_ValueError, "mapping pattern checks duplicate key (%R)", key);
        if (tr_set_add(seen, key) < 0)
            return TR_ERR;
        TrValue v;
        if (exact) {
            v = tr_dict_get(subject, key);
            if (!v) {
                if (tr_err_occurred())
                    return TR_ERR;
                return TR_NONE;
            }
        } else {
            v = tr_call2(get, key, dummy);
            if (!v)
                return TR_ERR;
            if (v == dummy)
                return TR_NONE;
        }
        tr_as_tuple(vals)->items[i] = v;
    }
    return vals;
}

static bool is_match_self_type(TrType *t)
{
    static TrType *const self_types[] = {
        &tr_bool_type, &tr_bytearray_type, &tr_bytes_type, &tr_dict_type, &tr_float_type,
        &tr_frozenset_type, &tr_int_type, &tr_list_type, &tr_set_type, &tr_str_type,
        &tr_tuple_type,
    };
    for (size_t i = 0; i < TR_ARRAY_LEN(self_types); i++)
        if (tr_type_is_subtype(t, self_types[i]))
            return true;
    return false;
}

/* Appends getattr(subject, name) to attrs; 0 on success, 1 if missing (no match), -1 error. */
static int match_attr(TrValue subject, TrType *type, TrValue name, TrValue seen, TrValue attrs)
{
    int dup = tr_set_contains(seen, name);
    if (dup < 0)
        return -1;
    if (dup) {
        tr_raise(&tr_TypeError, "%s() got multiple sub-patterns for attribute %R", type->name,
                 name);
        return -1;
    }
    if (tr_set_add(seen, name) < 0)
        return -1;
    TrValue v = tr_getattr(subject, name);
    if (!v) {
        if (tr_err_matches(&tr_AttributeError)) {
            tr_err_clear();
            return 1;
        }
        return -1;
    }
    return tr_list_append(attrs, v);
}

TrValue vm_match_class(TrValue subject, TrValue typev, int nargs, TrValue names)
{
    if (!tr_isinstance(typev, &tr_type_type))
        return tr_raise(&tr_TypeError, "called match pattern must be a class");
    TrType *type = (TrType *)tr_obj(typev);
    if (!tr_isinstance(subject, type))
        return TR_NONE;
    TrValue attrs = tr_list_new(nargs);
    TrValue seen = tr_set_new();
    if (nargs) {
        bool match_self = false;
        TrValue margs = tr_getattr_opt(typev, tr_str_intern_cstr("__match_args__"));
        int64_t allowed;
        if (margs) {
            if (!tr_is_tuple(margs))
                return tr_raise(&tr_TypeError, "%s.__match_args__ must be a tuple (got %T)",
                                type->name, margs);
            allowed = tr_as_tuple(margs)->len;
        } else {
            if (tr_err_occurred()) {
                if (!tr_err_matches(&tr_AttributeError))
                    return TR_ERR;
                tr_err_clear();
            }
            match_self = is_match_self_type(type);
            allowed = match_self ? 1 : 0;
        }
        if (allowed < nargs)
            return tr_raise(&tr_TypeError, "%s() accepts %lld positional sub-pattern%s (%d given)",
                            type->name, (long long)allowed, allowed == 1 ? "" : "s", nargs);
        if (match_self) {
            if (tr_list_append(attrs, subject) < 0)
                return TR_ERR;
        } else {
            for (int i = 0; i < nargs; i++) {
                TrValue name = tr_as_tuple(margs)->items[i];
                if (!tr_is_str(name))
                    return tr_raise(&tr_TypeError,
                                    "__match_args__ elements must be strings (got %T)", name);
                int r = match_attr(subject, type, name, seen, attrs);
                if (r)
                    return r < 0 ? TR_ERR : TR_NONE;
            }
        }
    }
    TrTuple *kw = tr_as_tuple(names);
    for (int64_t i = 0; i < kw->len; i++) {
        int r = match_attr(subject, type, kw->items[i], seen, attrs);
        if (r)
            return r < 0 ? TR_ERR : TR_NONE;
    }
    return tr_tuple_from(tr_as_list(attrs)->items, tr_as_list(attrs)->len);
}

/* --- Functions ---------------------------------------------------------------------------- */

TrValue vm_make_function(Frame *f, TrValue code, TrValue defaults, TrValue kwdefaults,
                         TrValue annotations, TrValue closure)
{
    CodeObj *co = bc_as_code(code);
    TrValue fv = tr_function_new(code, f->globals, co->name, co->qualname);
    if (!fv)
        return TR_ERR;
    TrFunction *fn = (TrFunction *)tr_obj(fv);
    if (vm_compile_hook && !co->native_tried)
        vm_compile_hook(co, !f->func && f->locals == f->globals ? f->co : NULL);
    fn->entry = co->native ? vm_native_call : vm_call_function;
    fn->builtins = f->builtins;
    fn->defaults = defaults;
    fn->kwdefaults = kwdefaults;
    fn->closure = closure;
    TrTuple *consts = tr_as_tuple(co->consts);
    /* 3.11: the docstring is the first constant (the compiler puts None first otherwise) */
    if (consts->len > 0 && tr_is_str(consts->items[0]))
        fn->doc = consts->items[0];
    if (!fn->module) {
        TrValue m = tr_dict_get_cstr(f->globals, "__name__");
        fn->module = m ? m : TR_NONE;
        tr_err_clear();
    }
    if (annotations) {
        if (tr_is_tuple(annotations)) { /* 3.11: flat (name, value, name, value...) */
            TrTuple *t = tr_as_tuple(annotations);
            TrValue d = tr_dict_new();
            for (int64_t i = 0; i + 1 < t->len; i += 2)
                if (tr_dict_set(d, t->items[i], t->items[i + 1]) < 0)
                    return TR_ERR;
            annotations = d;
        }
        fn->annotations = annotations;
    }
    return fv;
}

/* --- Shared with compiled code: names, locals, building ---------------------------------- */

const ExcEntry *vm_find_handler(const CodeObj *co, int lasti)
{
    for (int i = 0; i < co->nexctab; i++) {
        const ExcEntry *e = &co->exctab[i];
        if (lasti >= e->start && lasti < e->end)
            return e;
    }
    return NULL;
}

TrValue vm_unbound_local(CodeObj *co, int i)
{
    return tr_raise(&tr_UnboundLocalError,
                    "cannot access local variable '%U' where it is not associated with a value",
                    tr_as_tuple(co->localsplusnames)->items[i]);
}

TrValue vm_unbound_deref(CodeObj *co, int i)
{
    if (co->localspluskinds[i] & CO_FAST_FREE)
        return tr_raise(&tr_NameError,
                        "cannot access free variable '%U' where it is not associated with a "
                        "value in enclosing scope",
                        tr_as_tuple(co->localsplusnames)->items[i]);
    return vm_unbound_local(co, i);
}

/* LOAD_NAME / LOAD_GLOBAL: a dict, or any mapping for class namespaces from __prepare__. */
TrValue vm_ns_get(TrValue ns, TrValue name)
{
    if (TR_LIKELY(tr_is_ptr(ns) && tr_obj(ns)->type == &tr_dict_type))
        return tr_dict_get_str(ns, name);
    TrValue v = tr_getitem(ns, name);
    if (!v && tr_err_matches(&tr_KeyError)) {
        tr_err_clear();
        return 0;
    }
    return v;
}

int vm_ns_set(TrValue ns, TrValue name, TrValue v)
{
    if (TR_LIKELY(tr_is_ptr(ns) && tr_obj(ns)->type == &tr_dict_type))
        return tr_dict_set(ns, name, v);
    return tr_setitem(ns, name, v);
}

TrValue vm_load_global(Frame *f, TrValue name)
{
    TrValue v = tr_dict_get_str(f->globals, name);
    if (v)
        return v;
    if (tr_err_occurred())
        return TR_ERR;
    v = vm_ns_get(f->builtins, name);
    if (v || tr_err_occurred())
        return v;
    return vm_name_error(name);
}

TrValue vm_load_name(Frame *f, TrValue name)
{
    TrValue v;
    if (f->locals) {
        v = vm_ns_get(f->locals, name);
        if (v || tr_err_occurred())
            return v;
    } else {
        return tr_raise(&tr_SystemError, "no locals when loading %R", name);
    }
    return vm_load_global(f, name);
}


TrValue vm_build_map(TrValue *items, int n)
{
    TrValue d = tr_dict_new();
    for (int i = 0; i < n; i++)
        if (tr_dict_set(d, items[2 * i], items[2 * i + 1]) < 0)
            return TR_ERR;
    return d;
}

TrValue vm_build_const_key_map(TrValue keys, TrValue *vals, int n)
{
    TrValue d = tr_dict_new();
    TrTuple *k = tr_as_tuple(keys);
    for (int i = 0; i < n; i++)
        if (tr_dict_set(d, k->items[i], vals[i]) < 0)
            return TR_ERR;
    return d;
}

TrValue vm_build_set(TrValue *items, int n)
{
    TrValue s = tr_set_new();
    for (int i = 0; i < n; i++)
        if (tr_set_add(s, items[i]) < 0)
            return TR_ERR;
    return s;
}
