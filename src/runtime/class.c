/*
 * class.c -- creating classes: builtins.__build_class__ (runs the body, picks the metaclass),
 * type(name, bases, ns) making heap types (C3 MRO, instance layout, __slots__, __set_name__,
 * __init_subclass__), and calling a heap type to make an instance (__new__ then __init__).
 */
#include "runtime/class.h"

#include "runtime/runtime.h"

uint64_t tr_type_epoch = 1;

static TrValue intern(const char *s) { return tr_str_intern_cstr(s); }

/* --- C3 linearization ------------------------------------------------------------------- */

/* Merges the MROs of bases (and the bases list itself) as CPython's mro_implementation. */
static TrValue c3_mro(TrType *t, TrValue bases)
{
    TrTuple *b = tr_as_tuple(bases);
    int64_t nb = b->len, nseq = nb + 1;
    TrValue **seqs = tr_alloc(sizeof(TrValue *) * (size_t)nseq);
    int64_t *lens = tr_alloc(sizeof(int64_t) * (size_t)nseq), *pos = tr_alloc(sizeof(int64_t) * (size_t)nseq);
    for (int64_t i = 0; i < nb; i++) {
        TrTuple *m = tr_as_tuple(((TrType *)tr_obj(b->items[i]))->mro);
        seqs[i] = m->items;
        lens[i] = m->len;
    }
    seqs[nb] = b->items;
    lens[nb] = nb;
    TrValue out = tr_list_new(0);
    tr_list_append(out, tr_val(t));
    for (;;) {
        bool empty = true;
        TrValue cand = 0;
        for (int64_t i = 0; i < nseq; i++) {
            if (pos[i] >= lens[i])
                continue;
            empty = false;
            TrValue c = seqs[i][pos[i]];
            bool in_tail = false;
            for (int64_t j = 0; j < nseq && !in_tail; j++)
                for (int64_t k = pos[j] + 1; k < lens[j]; k++)
                    if (seqs[j][k] == c) {
                        in_tail = true;
                        break;
                    }
            if (!in_tail) {
                cand = c;
                break;
            }
        }
        if (empty)
            break;
        if (!cand) {
            /* CPython lists the heads that could not be placed, in base order, once each */
            TrStrBuilder sb;
            tr_sbuild_init(&sb);
            int n = 0;
            TrValue seen = tr_list_new(0);
            for (int64_t i = 0; i < nseq; i++) {
                if (pos[i] >= lens[i])
                    continue;
                TrValue c = seqs[i][pos[i]];
                if (tr_contains(seen, c) == 1)
                    continue;
                tr_list_append(seen, c);
                if (n++)
                    tr_sbuild_ascii(&sb, ", ", 2);
                const char *nm = ((TrType *)tr_obj(c))->name;
                tr_sbuild_utf8(&sb, nm, strlen(nm));
            }
            return tr_raise(&tr_TypeError,
                            "Cannot create a consistent method resolution\norder (MRO) for "
                            "bases %U", tr_sbuild_finish(&sb));
        }
        tr_list_append(out, cand);
        for (int64_t i = 0; i < nseq; i++)
            if (pos[i] < lens[i] && seqs[i][pos[i]] == cand)
                pos[i]++;
    }
    return tr_tuple_from_iter(out);
}

/* --- Layout ----------------------------------------------------------------------------- */

static TrType *solid_base(TrType *t)
{
    if (tr_is_heap_type(t))
        return tr_heap_type(t)->solid;
    while (t->base && t->basicsize == t->base->basicsize && t->base != &tr_object_type)
        t = t->base;
    return t;
}

static bool var_sized(TrType *solid)
{
    return solid == &tr_tuple_type || solid == &tr_str_type || solid == &tr_bytes_type;
}

/* Offsets for instance attributes at the tail of variable-sized objects. */
enum { ATTRS_NONE = -1, ATTRS_TUPLE_TAIL = -2, ATTRS_STR_TAIL = -3 };

static size_t str_bytes(TrStr *s) { return (sizeof(TrStr) + (size_t)(s->len + 1) * s->kind + 7) & ~(size_t)7; }

TrAttrs *tr_instance_attrs(TrValue v)
{
    TrType *t = tr_obj(v)->type;
    if (!tr_is_heap_type(t))
        return NULL;
    int32_t off = tr_heap_type(t)->attrs_offset;
    if (off >= 0)
        return (TrAttrs *)((char *)tr_obj(v) + off);
    if (off == ATTRS_TUPLE_TAIL)
        return (TrAttrs *)&tr_as_tuple(v)->items[tr_as_tuple(v)->len];
    if (off == ATTRS_STR_TAIL)
        return (TrAttrs *)((char *)tr_obj(v) + str_bytes(tr_as_str(v)));
    return NULL;
}

/* A str subclass instance comes from str.__new__ without room for attributes: copy it into a
   block that has some. */
static TrValue str_with_attrs(TrValue s)
{
    TrStr *o = tr_as_str(s);
    size_t n = str_bytes(o);
    TrStr *c = tr_alloc(n + sizeof(TrAttrs));
    memcpy(c, o, sizeof(TrStr) + (size_t)(o->len + 1) * o->kind);
    if (o->utf8 == (const char *)o->data)
        c->utf8 = (const char *)c->data;
    return tr_val(c);
}

/* --- __slots__ -------------------------------------------------------------------------- */

static int process_slots(TrHeapType *h, TrValue slots, bool *add_dict, TrValue *names_out)
{
    TrValue seq = tr_is_str(slots) ? tr_tuple_pack(1, slots) : tr_tuple_from_iter(slots);
    if (seq == TR_ERR)
        return -1;
    TrTuple *s = tr_as_tuple(seq);
    TrValue names = tr_list_new(0);
    for (int64_t i = 0; i < s->len; i++) {
        TrValue n = s->items[i];
        if (!tr_is_str(n)) {
            tr_raise(&tr_TypeError, "__slots__ items must be strings, not '%s'", tr_type_name(n));
            return -1;
        }
        if (tr_str_eq_cstr(n, "__dict__")) {
            *add_dict = true;
            continue;
        }
        if (tr_str_eq_cstr(n, "__weakref__"))
            continue;
        if (tr_dict_get_str(h->t.dict, n)) {
            tr_raise(&tr_ValueError, "%R in __slots__ conflicts with class variable", n);
            return -1;
        }
        tr_list_append(names, tr_str_intern(n));
    }
    *names_out = tr_tuple_from_iter(names);
    return 0;
}

/* --- type(name, bases, ns) -------------------------------------------------------------- */

static TrValue wrap_if_function(TrValue d, const char *name, TrValue (*wrap)(TrValue))
{
    TrValue k = intern(name);
    TrValue v = tr_dict_get_str(d, k);
    if (v && tr_is_ptr(v) && tr_obj(v)->type == &tr_function_type)
        return tr_dict_set(d, k, wrap(v)) < 0 ? TR_ERR : TR_NONE;
    return TR_NONE;
}

static TrType *calculate_meta(TrType *meta, TrValue bases)
{
    TrTuple *b = tr_as_tuple(bases);
    TrType *winner = meta;
    for (int64_t i = 0; i < b->len; i++) {
        TrType *bt = tr_type_of(b->items[i]);
        if (tr_type_is_subtype(winner, bt))
            continue;
        if (tr_type_is_subtype(bt, winner)) {
            winner = bt;
            continue;
        }
        tr_raise(&tr_TypeError, "metaclass conflict: the metaclass of a derived class must be a "
                                "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

static int call_set_names(TrType *t)
{
    TrValue items = tr_dict_copy(t->dict);
    int64_t pos = 0;
    TrValue k, v;
    while (tr_dict_next(items, &pos, &k, &v)) {
        TrValue f = tr_type_lookup(tr_type_of(v), intern("__set_name__"));
        if (!f)
            continue;
        TrValue args[3] = {v, tr_val(t), k};
        if (tr_call(f, args, 3, 0) == TR_ERR)
            return -1;
    }
    return 0;
}

static int call_init_subclass(TrType *t, TrValue kwargs)
{
    TrTuple *m = tr_as_tuple(t->mro);
    TrValue name = intern("__init_subclass__");
    for (int64_t i = 1; i < m->len; i++) {
        TrType *b = (TrType *)tr_obj(m->items[i]);
        TrValue f = tr_dict_get_str(b->dict, name);
        if (!f)
            continue;
        TrType *ft = tr_type_of(f);
        TrValue bound = ft->descr_get ? ft->descr_get(f, 0, t) : f;
        if (bound == TR_ERR)
            return -1;
        TrValue r = tr_call_ex(bound, tr_tuple_empty(), kwargs);
        return r == TR_ERR ? -1 : 0;
    }
    return 0;
}

TrValue tr_type_new(TrType *meta, TrValue name, TrValue bases, TrValue ns, TrValue kwargs)
{
    if (!tr_is_str(name))
        return tr_raise(&tr_TypeError, "type.__new__() argument 1 must be str, not %T", name);
    if (!tr_is_tuple(bases))
        return tr_raise(&tr_TypeError, "type.__new__() argument 2 must be tuple, not %T", bases);
    if (!tr_is_dict(ns))
        return tr_raise(&tr_TypeError, "type.__new__() argument 3 must be dict, not %T", ns);
    TrTuple *b = tr_as_tuple(bases);
    for (int64_t i = 0; i < b->len; i++) {
        TrValue bv = b->items[i];
        if (!tr_is_ptr(bv) || !(tr_type_of(bv)->flags & TR_TYPE_TYPE_SUB))
            return tr_raise(&tr_TypeError, "bases must be types");
        TrType *bt = (TrType *)tr_obj(bv);
        if (!(bt->flags & TR_TYPE_BASETYPE))
            return tr_raise(&tr_TypeError, "type '%s' is not an acceptable base type", bt->name);
        for (int64_t j = 0; j < i; j++)
            if (b->items[j] == bv)
                return tr_raise(&tr_TypeError, "duplicate base class %s", bt->name);
    }
    if (b->len == 0)
        bases = tr_tuple_pack(1, tr_val(&tr_object_type));
    b = tr_as_tuple(bases);
    meta = calculate_meta(meta, bases);
    if (!meta)
        return TR_ERR;

    /* the base whose layout is the most derived: every other solid base must be its ancestor */
    TrType *best = NULL, *best_solid = NULL;
    for (int64_t i = 0; i < b->len; i++) {
        TrType *bt = (TrType *)tr_obj(b->items[i]);
        TrType *s = solid_base(bt);
        if (!best) {
            best = bt, best_solid = s;
        } else if (tr_type_is_subtype(best_solid, s)) {
            /* keep */
        } else if (tr_type_is_subtype(s, best_solid)) {
            best = bt, best_solid = s;
        } else {
            return tr_raise(&tr_TypeError, "multiple bases have instance lay-out conflict");
        }
    }

    TrHeapType *h = tr_alloc(sizeof(TrHeapType) + 64);
    TrType *t = &h->t;
    t->ob.type = meta;
    t->name = tr_str_utf8(name);
    h->name = name;
    t->base = best;
    t->bases = bases;
    t->flags = TR_TYPE_HEAP | TR_TYPE_BASETYPE;
    TrValue d = tr_dict_copy(ns);
    if (tr_obj(d)->type != &tr_dict_type) {
        TrValue plain = tr_dict_new();
        if (tr_dict_update(plain, d) < 0)
            return TR_ERR;
        d = plain;
    }
    t->dict = d;
    if (!tr_dict_get_cstr(d, "__module__") && tr_ts.frame_globals) {
        TrValue g = tr_ts.frame_globals();
        TrValue mn = g && g != TR_ERR ? tr_dict_get_cstr(g, "__name__") : 0;
        if (g == TR_ERR)
            tr_err_clear();
        if (mn && mn != TR_ERR)
            tr_dict_set_cstr(d, "__module__", mn);
    }
    TrValue qn = tr_dict_get_cstr(d, "__qualname__");
    if (qn) {
        if (!tr_is_str(qn))
            return tr_raise(&tr_TypeError, "type __qualname__ must be a str, not %T", qn);
        tr_dict_del(d, intern("__qualname__"));
    }
    h->qualname = qn ? qn : name;
    if (!tr_dict_get_cstr(d, "__doc__"))
        tr_dict_set_cstr(d, "__doc__", TR_NONE);
    if (wrap_if_function(d, "__new__", tr_staticmethod_new) == TR_ERR ||
        wrap_if_function(d, "__init_subclass__", tr_classmethod_new) == TR_ERR ||
        wrap_if_function(d, "__class_getitem__", tr_classmethod_new) == TR_ERR)
        return TR_ERR;
    /* __eq__ without __hash__ makes instances unhashable */
    if (tr_dict_get_cstr(d, "__eq__") && !tr_dict_get_cstr(d, "__hash__"))
        tr_dict_set_cstr(d, "__hash__", TR_NONE);

    /* instance layout */
    h->solid = best_solid;
    TrHeapType *bh = tr_is_heap_type(best) ? tr_heap_type(best) : NULL;
    bool base_has_attrs = bh && bh->attrs_offset != ATTRS_NONE;
    for (int64_t i = 0; i < b->len; i++) {
        TrType *bt = (TrType *)tr_obj(b->items[i]);
        if (tr_is_heap_type(bt) && tr_heap_type(bt)->attrs_offset != ATTRS_NONE)
            base_has_attrs = true;
    }
    bool exc = (best_solid->flags & TR_TYPE_EXC) != 0;
    bool add_dict = true;
    TrValue slot_names = 0;
    TrValue slots = tr_dict_get_cstr(d, "__slots__");
    if (slots) {
        add_dict = false;
        if (process_slots(h, slots, &add_dict, &slot_names) < 0)
            return TR_ERR;
        if (tr_as_tuple(slot_names)->len && (var_sized(best_solid) ||
                                             best_solid == &tr_int_type))
            return tr_raise(&tr_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                            best_solid->name);
    }
    size_t size = best->basicsize;
    if (base_has_attrs && bh && bh->attrs_offset != ATTRS_NONE) {
        h->attrs_offset = bh->attrs_offset;
    } else if ((base_has_attrs || add_dict) && !exc) {
        /* attrs from a non-primary base, or a new __dict__: room after the layout, except
           where the solid base's data runs past its fixed size (tuple, str, bytes) */
        if (best_solid == &tr_tuple_type) {
            h->attrs_offset = ATTRS_TUPLE_TAIL;
            size += sizeof(TrAttrs);
        } else if (best_solid == &tr_str_type) {
            h->attrs_offset = ATTRS_STR_TAIL;
        } else if (best_solid == &tr_bytes_type) {
            h->attrs_offset = ATTRS_NONE;
        } else {
            h->attrs_offset = (int32_t)size;
            size += sizeof(TrAttrs);
        }
    } else {
        h->attrs_offset = ATTRS_NONE;
    }
    h->slots_offset = (int32_t)size;
    if (slot_names) {
        TrTuple *sn = tr_as_tuple(slot_names);
        for (int64_t i = 0; i < sn->len; i++) {
            tr_dict_set(d, sn->items[i],
                        tr_slot_descr_new(t, sn->items[i], (int32_t)(size + 8 * (size_t)i)));
        }
        size += 8 * (size_t)sn->len;
        h->slots = slot_names;
    }
    t->basicsize = size;
    if (slot_names && tr_as_tuple(slot_names)->len)
        h->solid = t; /* own slots make a new layout */

    TrValue mro = c3_mro(t, bases);
    if (mro == TR_ERR)
        return TR_ERR;
    t->mro = mro;
    /* the MRO's built-in types decide the exception/int/str... flags of the new type */
    TrTuple *mt = tr_as_tuple(mro);
    for (int64_t i = 1; i < mt->len; i++)
        t->flags |= ((TrType *)tr_obj(mt->items[i]))->flags &
                    (TR_TYPE_EXC | TR_TYPE_INT_SUB | TR_TYPE_STR_SUB | TR_TYPE_LIST_SUB |
                     TR_TYPE_TUPLE_SUB | TR_TYPE_DICT_SUB | TR_TYPE_TYPE_SUB);
    tr_type_ready(t);
    tr_slots_fixup(t);

    TrValue cell = tr_dict_get_cstr(d, "__classcell__");
    if (cell) {
        if (!tr_is_ptr(cell) || tr_obj(cell)->type != &tr_cell_type)
            return tr_raise(&tr_TypeError, "__classcell__ must be a nonlocal cell, not %T", cell);
        ((TrCell *)tr_obj(cell))->ref = tr_val(t);
        tr_dict_del(d, intern("__classcell__"));
    }
    tr_type_epoch++;
    if (call_set_names(t) < 0 || call_init_subclass(t, kwargs) < 0)
        return TR_ERR;
    return tr_val(t);
}

/* --- Making instances ------------------------------------------------------------------- */

static TrValue name_new, name_init;
static bool builtin_new_of(TrValue f, TrType **owner)
{
    if (tr_is_ptr(f) && tr_obj(f)->type == &tr_builtin_type &&
        ((TrBuiltin *)tr_obj(f))->fn == tr_tp_new_wrapper) {
        *owner = (TrType *)tr_obj(((TrBuiltin *)tr_obj(f))->self);
        return true;
    }
    return false;
}

static bool is_object_init(TrValue f)
{
    return tr_is_ptr(f) && tr_obj(f)->type == &tr_method_descr_type &&
           ((TrMethodDescr *)tr_obj(f))->def->fn == tr_object_init;
}

static bool new_is_object(TrType *t)
{
    TrType *o;
    TrValue f = tr_type_lookup(t, name_new);
    return f && builtin_new_of(f, &o) && o == &tr_object_type;
}

TrValue tr_object_new_instance(TrType *t)
{
    size_t size = t->basicsize ? t->basicsize : sizeof(TrObject);
    return tr_val(tr_obj_new(size, t));
}

static TrValue object_new_checked(TrType *t, size_t nall)
{
    if (nall) {
        if (!new_is_object(t))
            return tr_raise(&tr_TypeError,
                            "object.__new__() takes exactly one argument (the type to instantiate)");
        if (is_object_init(tr_type_lookup(t, name_init)))
            return tr_raise(&tr_TypeError, "%s() takes no arguments", t->name);
    }
    if (t->flags & TR_TYPE_TYPE_SUB)
        return tr_raise(&tr_TypeError, "object.__new__(%s) is not safe, use type.__new__()",
                        t->name);
    return tr_object_new_instance(t);
}

TrValue tr_object_init(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (nargs + tr_nkw(kwnames)) {
        TrType *t = tr_type_of(self);
        if (!is_object_init(tr_type_lookup(t, name_init)))
            return tr_raise(&tr_TypeError, "object.__init__() takes exactly one argument (the "
                                           "instance to initialize)");
        if (new_is_object(t))
            return tr_raise(&tr_TypeError, "%s.__init__() takes exactly one argument (the "
                                           "instance to initialize)", t->name);
    }
    return TR_NONE;
}

/* Calls the builtin constructor of owner for a (heap) subtype t. */
static TrValue builtin_new(TrType *owner, TrType *t, const TrValue *args, size_t nargs,
                           TrValue kwnames)
{
    if (owner == &tr_object_type)
        return object_new_checked(t, nargs + tr_nkw(kwnames));
    TrValue r = owner->new(t, args, nargs, kwnames);
    if (r != TR_ERR && tr_is_ptr(r) && tr_obj(r)->type == t && tr_is_heap_type(t) &&
        tr_heap_type(t)->attrs_offset == ATTRS_STR_TAIL)
        r = str_with_attrs(r);
    return r;
}

/* type.__new__-style entry stored as `__new__` in built-in types' dicts (self: the type). */
TrValue tr_tp_new_wrapper(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames)
{
    TrType *owner = (TrType *)tr_obj(self);
    if (nargs < 1)
        return tr_raise(&tr_TypeError, "%s.__new__(): not enough arguments", owner->name);
    TrValue tv = args[0];
    if (!tr_is_ptr(tv) || !(tr_type_of(tv)->flags & TR_TYPE_TYPE_SUB))
        return tr_raise(&tr_TypeError, "%s.__new__(X): X is not a type object (%T)", owner->name,
                        tv);
    TrType *t = (TrType *)tr_obj(tv);
    if (!tr_type_is_subtype(t, owner))
        return tr_raise(&tr_TypeError, "%s.__new__(%s): %s is not a subtype of %s", owner->name,
                        t->name, t->name, owner->name);
    if (owner == &tr_type_type && t != &tr_type_type) {
        /* type.__new__(M, name, bases, ns, **kw) from a metaclass */
        size_t nk = tr_nkw(kwnames);
        if (nargs - 1 - nk != 3)
            return tr_raise(&tr_TypeError, "type.__new__() takes exactly 3 arguments (%zd given)",
                            nargs - 1 - nk);
        TrValue kw = 0;
        if (nk) {
            kw = tr_dict_new();
            for (size_t i = 0; i < nk; i++)
                tr_dict_set(kw, tr_as_tuple(kwnames)->items[i], args[nargs - nk + i]);
        }
        return tr_type_new(t, args[1], args[2], args[3], kw);
    }
    return builtin_new(owner, t, args + 1, nargs - 1 - tr_nkw(kwnames), kwnames);
}

static TrValue call_prepend(TrValue f, TrValue first, const TrValue *args, size_t nargs,
                            TrValue kwnames)
{
    size_t n = nargs + tr_nkw(kwnames);
    TrValue *all = tr_alloc(sizeof(TrValue) * (n + 1));
    all[0] = first;
    memcpy(all + 1, args, sizeof(TrValue) * n);
    return tr_call(f, all, nargs + 1, kwnames);
}

/* Calling a heap type: __new__, then __init__ when the result is an instance. */
TrValue tr_heap_type_call(TrValue callee, const TrValue *args, size_t nargs, TrValue kwnames)
{
    TrType *t = (TrType *)tr_obj(callee);
    TrValue nf = tr_type_lookup(t, name_new);
    TrType *owner;
    TrValue obj;
    if (!nf) {
        return tr_raise(&tr_TypeError, "cannot create '%s' instances", t->name);
    } else if (builtin_new_of(nf, &owner)) {
        if (owner == &tr_object_type && nargs + tr_nkw(kwnames) == 0)
            obj = tr_object_new_instance(t);
        else
            obj = builtin_new(owner, t, args, nargs, kwnames);
    } else {
        if (tr_obj(nf)->type == &tr_staticmethod_type)
            nf = ((TrStaticMethod *)tr_obj(nf))->func;
        obj = call_prepend(nf, callee, args, nargs, kwnames);
    }
    if (obj == TR_ERR || !tr_isinstance(obj, t))
        return obj;
    TrType *ot = tr_type_of(obj);
    TrValue init = tr_type_lookup(ot, name_init);
    if (!init || (is_object_init(init) && nargs + tr_nkw(kwnames) == 0))
        return obj;
    TrValue r;
    TrType *it = tr_type_of(init);
    if (it == &tr_function_type || it == &tr_method_descr_type) {
        r = call_prepend(init, obj, args, nargs, kwnames);
    } else {
        TrValue bound = it->descr_get ? it->descr_get(init, obj, ot) : init;
        if (bound == TR_ERR)
            return TR_ERR;
        r = tr_call(bound, args, nargs, kwnames);
    }
    if (r == TR_ERR)
        return TR_ERR;
    if (r != TR_NONE)
        return tr_init_result_error(r);
    return obj;
}

TrValue tr_init_result_error(TrValue r)
{
    return tr_raise(&tr_TypeError, "__init__() should return None, not '%s'", tr_type_name(r));
}

TrValue tr_type_plain_init(TrType *t)
{
    TrType *owner;
    if (!(t->flags & TR_TYPE_HEAP) || (t->flags & TR_TYPE_TYPE_SUB) ||
        tr_type_of(tr_val(t)) != &tr_type_type)
        return 0;
    TrValue nf = tr_type_lookup(t, name_new);
    if (!nf || !builtin_new_of(nf, &owner) || owner != &tr_object_type)
        return 0;
    TrValue init = tr_type_lookup(t, name_init);
    return init && tr_type_of(init) == &tr_function_type ? init : 0;
}

/* --- __build_class__ -------------------------------------------------------------------- */

static TrValue build_class(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames)
{
    size_t nk = tr_nkw(kwnames);
    size_t npos = nargs;
    if (npos < 2)
        return tr_raise(&tr_TypeError, "__build_class__: not enough arguments");
    TrValue func = args[0], name = args[1];
    if (!tr_is_ptr(func) || tr_obj(func)->type != &tr_function_type)
        return tr_raise(&tr_TypeError, "__build_class__: func must be a function");
    if (!tr_is_str(name))
        return tr_raise(&tr_TypeError, "__build_class__: name is not a string");
    TrValue bases = tr_tuple_from(args + 2, (int64_t)npos - 2);
    TrValue meta = 0;
    TrValue kw = nk ? tr_dict_new() : 0;
    for (size_t i = 0; i < nk; i++) {
        TrValue k = tr_as_tuple(kwnames)->items[i];
        if (tr_str_eq_cstr(k, "metaclass"))
            meta = args[npos + i];
        else
            tr_dict_set(kw, k, args[npos + i]);
    }
    if (kw && tr_as_dict(kw)->used == 0)
        kw = 0;
    /* __mro_entries__ is not supported: bases are used as given */
    bool is_class = true;
    if (!meta) {
        meta = tr_as_tuple(bases)->len ? tr_val(tr_type_of(tr_as_tuple(bases)->items[0]))
                                       : tr_val(&tr_type_type);
    } else {
        is_class = tr_is_ptr(meta) && (tr_type_of(meta)->flags & TR_TYPE_TYPE_SUB);
    }
    if (is_class) {
        TrType *w = calculate_meta((TrType *)tr_obj(meta), bases);
        if (!w)
            return TR_ERR;
        meta = tr_val(w);
    }
    TrValue ns;
    TrValue prep = tr_getattr_opt(meta, intern("__prepare__"));
    if (!prep && tr_err_occurred())
        return TR_ERR;
    if (prep && !(tr_is_ptr(prep) && tr_obj(prep)->type == &tr_builtin_type &&
                  ((TrBuiltin *)tr_obj(prep))->self == tr_val(&tr_type_type))) {
        TrValue pa = tr_tuple_pack(2, name, bases);
        ns = tr_call_ex(prep, pa, kw);
        if (ns == TR_ERR)
            return TR_ERR;
    } else {
        ns = tr_dict_new();
    }
    if (!tr_ts.call_with_locals)
        return tr_raise(&tr_SystemError, "__build_class__: no engine to run the class body");
    TrValue cell = tr_ts.call_with_locals(func, ns);
    if (cell == TR_ERR)
        return TR_ERR;
    TrValue margs = tr_tuple_pack(3, name, bases, ns);
    TrValue cls = tr_call_ex(meta, margs, kw);
    if (cls == TR_ERR)
        return TR_ERR;
    if (tr_is_ptr(cell) && tr_obj(cell)->type == &tr_cell_type) {
        TrCell *c = (TrCell *)tr_obj(cell);
        if (!c->ref)
            c->ref = cls;
    }
    return cls;
}

static TrValue type_prepare(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames)
{
    return tr_dict_new();
}

const TrMethodDef tr_builtins_class_methods[] = {
    {"__build_class__", build_class, 0},
    {NULL, NULL, 0},
};

void tr_class_init(void)
{
    name_new = intern("__new__");
    name_init = intern("__init__");
    tr_dict_set_cstr(tr_type_type.dict, "__prepare__",
                     tr_builtin_new("__prepare__", type_prepare, tr_val(&tr_type_type)));
}
