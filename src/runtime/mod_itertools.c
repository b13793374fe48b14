/*
 * mod_itertools.c -- the itertools module: the infinite iterators (count, cycle, repeat), the
 * terminating ones (accumulate, chain, compress, dropwhile, filterfalse, groupby, islice,
 * pairwise, starmap, takewhile, tee, zip_longest); the combinatoric ones live in
 * mod_itertools_comb.c. Types carry CPython's dotted names ("itertools.count") for messages.
 */
#include "runtime/mod_itertools.h"

#include "runtime/containers_util.h"

#define ITER_TYPE(var, tname, ctype, nextfn, newfn)                                            \
    TrType var = {                                                                             \
        .ob = {&tr_type_type}, .name = tname, .base = &tr_object_type,                         \
        .flags = TR_TYPE_BASETYPE, .basicsize = sizeof(ctype), .repr = cu_default_repr,        \
        .iter = cu_iter_self, .next = nextfn, .new = newfn,                                    \
    }

#define SELF(T) T *s = (T *)tr_obj(self)

static void *iobj(TrType *type, size_t size)
{
    return tr_obj_new(type->basicsize > size ? type->basicsize : size, type);
}

/* --- count ------------------------------------------------------------------------------ */

typedef struct {
    TrObject ob;
    TrValue cur, step;
} Count;

static const char *const count_kw[] = {"start", "step"};

static TrValue count_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    TrValue a[2];
    if (tr_parse_args("count", args, nargs, kwnames, count_kw, 0, 2, 0, 2, a) < 0)
        return TR_ERR;
    TrValue start = a[0] ? a[0] : tr_small_new(0), step = a[1] ? a[1] : tr_small_new(1);
    for (int i = 0; i < 2; i++) {
        TrValue v = i ? step : start;
        TrType *t = tr_type_of(v);
        if (!tr_is_int(v) && !tr_is_float(v) && !tr_isinstance(v, &tr_complex_type) &&
            !tr_type_lookup(t, tr_str_intern_cstr("__add__")))
            return tr_raise(&tr_TypeError, "a number is required");
    }
    Count *c = iobj(type, sizeof(Count));
    c->cur = start;
    c->step = step;
    return tr_val(c);
}

static TrValue count_next(TrValue self)
{
    SELF(Count);
    TrValue r = s->cur;
    if (tr_is_small(r) && tr_is_small(s->step)) {
        s->cur = tr_int_add(r, s->step);
        return r;
    }
    TrValue n = tr_binop(r, s->step, TR_OP_ADD);
    if (!n)
        return TR_ERR;
    s->cur = n;
    return r;
}

static TrValue count_repr(TrValue self)
{
    SELF(Count);
    if (tr_is_small(s->step) && tr_small_val(s->step) == 1)
        return tr_str_fmt("count(%R)", s->cur);
    return tr_str_fmt("count(%R, %R)", s->cur, s->step);
}

TrType tr_itertools_count_type = {
    .ob = {&tr_type_type}, .name = "itertools.count", .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE, .basicsize = sizeof(Count), .repr = count_repr,
    .iter = cu_iter_self, .next = count_next, .new = count_new,
};

/* --- cycle ------------------------------------------------------------------------------ */

typedef struct {
    TrObject ob;
    TrValue it, saved; /* it: 0 once exhausted, then replay saved */
    int64_t idx;
} Cycle;

static TrValue cycle_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (tr_no_kwargs("cycle", kwnames) < 0 || tr_check_nargs("cycle", nargs, 1, 1) < 0)
        return TR_ERR;
    TrValue it = tr_iter(args[0]);
    if (!it)
        return TR_ERR;
    Cycle *c = iobj(type, sizeof(Cycle));
    c->it = it;
    c->saved = tr_list_new(0);
    return tr_val(c);
}

static TrValue cycle_next(TrValue self)
{
    SELF(Cycle);
    if (s->it) {
        TrValue v = tr_next(s->it);
        if (!v)
            return TR_ERR;
        if (v != TR_STOP) {
            tr_list_append(s->saved, v);
            return v;
        }
        s->it = 0;
    }
    TrList *l = tr_as_list(s->saved);
    if (l->len == 0)
        return TR_STOP;
    if (s->idx >= l->len)
        s->idx = 0;
    return l->items[s->idx++];
}

ITER_TYPE(tr_itertools_cycle_type, "itertools.cycle", Cycle, cycle_next, cycle_new);

/* --- repeat ----------------------------------------------------------------------------- */

typedef struct {
    TrObject ob;
    TrValue obj;
    int64_t left; /* -1: forever */
} Repeat;

static const char *const repeat_kw[] = {"object", "times"};

static TrValue repeat_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    TrValue a[2];
    if (tr_parse_args("repeat", args, nargs, kwnames, repeat_kw, 1, 2, 0, 2, a) < 0)
        return TR_ERR;
    int64_t n = -1;
    if (a[1]) {
        if (!tr_is_int(a[1]))
            return tr_raise(&tr_TypeError, "'%T' object cannot be interpreted as an integer",
                            a[1]);
        if (tr_int_to_i64(a[1], &n) < 0)
            return TR_ERR;
        if (n < 0)
            n = 0;
    }
    Repeat *r = iobj(type, sizeof(Repeat));
    r->obj = a[0];
    r->left = n;
    return tr_val(r);
}

static TrValue repeat_next(TrValue self)
{
    SELF(Repeat);
    if (s->left == 0)
        return TR_STOP;
    if (s->left > 0)
        s->left--;
    return s->obj;
}

static TrValue repeat_repr(TrValue self)
{
    SELF(Repeat);
    if (s->left < 0)
        return tr_str_fmt("repeat(%R)", s->obj);
    return tr_str_fmt("repeat(%R, %lld)", s->obj, (long long)s->left);
}

static TrValue repeat_length_hint(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    SELF(Repeat);
    if (s->left < 0)
        return tr_raise(&tr_TypeError, "len() of unsized object");
    return tr_int_from_i64(s->left);
}

static const TrMethodDef repeat_methods[] = {
    {"__length_hint__", repeat_length_hint, 0},
    {NULL, NULL, 0},
};

TrType tr_itertools_repeat_type = {
    .ob = {&tr_type_type}, .name = "itertools.repeat", .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE, .basicsize = sizeof(Repeat), .repr = repeat_repr,
    .iter = cu_iter_self, .next = repeat_next, .new = repeat_new, .methods = repeat_methods,
};

/* --- accumulate ------------------------------------------------------------------------- */

typedef struct {
    TrObject ob;
    TrValue it, func, total, initial; /* total 0: nothing yet; func 0: addition */
} Accumulate;

static const char *const accumulate_kw[] = {"iterable", "func", "initial"};

static TrValue accumulate_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    TrValue a[3];
    if (tr_parse_args("accumulate", args, nargs, kwnames, accumulate_kw, 1, 3, 0, 2, a) < 0)
        return TR_ERR;
    TrValue it = tr_iter(a[0]);
    if (!it)
        return TR_ERR;
    Accumulate *acc = iobj(type, sizeof(Accumulate));
    acc->it = it;
    acc->func = a[1] && a[1] != TR_NONE ? a[1] : 0;
    acc->initial = a[2] && a[2] != TR_NONE ? a[2] : 0;
    return tr_val(acc);
}

static TrValue accumulate_next(TrValue self)
{
    SELF(Accumulate);
    if (s->initial) {
        s->total = s->initial;
        s->initial = 0;
        return s->total;
    }
    TrValue v = tr_next(s->it);
    if (v == TR_STOP || !v)
        return v;
    if (!s->total) {
        s->total = v;
        return v;
    }
    TrValue t = s->func ? tr_call2(s->func, s->total, v) : tr_binop(s->total, v, TR_OP_ADD);
    if (!t)
        return TR_ERR;
    s->total = t;
    return t;
}

ITER_TYPE(tr_itertools_accumulate_type, "itertools.accumulate", Accumulate, accumulate_next,
          accumulate_new);

/* --- chain ------------------------------------------------------------------------------ */

typedef struct {
    TrObject ob;
    TrValue source; /* iterator over the iterables, 0 when done */
    TrValue active; /* current iterator or 0 */
} Chain;

static TrValue chain_make(TrType *type, TrValue source)
{
    Chain *c = iobj(type, sizeof(Chain));
    c->source = source;
    return tr_val(c);
}

static TrValue chain_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (tr_no_kwargs("chain", kwnames) < 0)
        return TR_ERR;
    TrValue src = tr_iter(tr_tuple_from(args, (int64_t)nargs));
    return src ? chain_make(type, src) : TR_ERR;
}

static TrValue chain_next(TrValue self)
{
    SELF(Chain);
    for (;;) {
        if (!s->active) {
            if (!s->source)
                return TR_STOP;
            TrValue nxt = tr_next(s->source);
            if (!nxt)
                return TR_ERR;
            if (nxt == TR_STOP) {
                s->source = 0;
                return TR_STOP;
            }
            if (!(s->active = tr_iter(nxt)))
                return TR_ERR;
        }
        TrValue v = tr_next(s->active);
        if (v != TR_STOP)
            return v;
        s->active = 0;
    }
}

static TrValue chain_from_iterable(TrValue cls, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_no_kwargs("from_iterable", kw) < 0 ||
        tr_check_nargs("from_iterable", nargs, 1, 1) < 0)
        return TR_ERR;
    TrValue src = tr_iter(args[0]);
    return src ? chain_make((TrType *)tr_obj(cls), src) : TR_ERR;
}

static const TrMethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, TR_METH_CLASS},
    {NULL, NULL, 0},
};

TrType tr_itertools_chain_type = {
    .ob = {&tr_type_type}, .name = "itertools.chain", .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE, .basicsize = sizeof(Chain), .repr = cu_default_repr,
    .iter = cu_iter_self, .next = chain_next, .new = chain_new, .methods = chain_methods,
};

/* --- compress --------------------------------------------------------------------------- */

typedef struct {
    TrObject ob;
    TrValue data, sel;
} Compress;

static const char *const compress_kw[] = {"data", "selectors"};

static TrValue compress_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    TrValue a[2];
    if (tr_parse_args("compress", args, nargs, kwnames, compress_kw, 2, 2, 0, 2, a) < 0)
        return TR_ERR;
    Compress *c = iobj(type, sizeof(Compress));
    if (!(c->data = tr_iter(a[0])) || !(c->sel = tr_iter(a[1])))
        return TR_ERR;
    return tr_val(c);
}

static TrValue compress_next(TrValue self)
{
    SELF(Compress);
    for (;;) {
        TrValue d = tr_next(s->data);
        if (d == TR_STOP || !d)
            return d;
        TrValue k = tr_next(s->sel);
        if (k == TR_STOP || !k)
            return k;
        int t = tr_truth(k);
        if (t < 0)
            return TR_ERR;
        if (t)
            return d;
    }
}

ITER_TYPE(tr_itertools_compress_type, "itertools.compress", Compress, compress_next,
          compress_new);

/* --- dropwhile, takewhile, filterfalse -------------------------------------------------- */

typedef struct {
    TrObject ob;
    TrValue pred, it;
    bool done; /* dropwhile: dropping finished; takewhile: stopped */
} PredIter;

static TrValue pred_make(const char *name, TrType *type, const TrValue *args, size_t nargs,
                         TrValue kwnames)
{
    if (tr_no_kwargs(name, kwnames) < 0 || tr_check_nargs(name, nargs, 2, 2) < 0)
        return TR_ERR;
    TrValue it = tr_iter(args[1]);
    if (!it)
        return TR_ERR;
    PredIter *p = iobj(type, sizeof(PredIter));
    p->pred = args[0];
    p->it = it;
    return tr_val(p);
}

static int pred_test(PredIter *s, TrValue v)
{
    if (s->pred == TR_NONE)
        return tr_truth(v);
    TrValue r = tr_call1(s->pred, v);
    return r ? tr_truth(r) : -1;
}

static TrValue dropwhile_new(TrType *type, const TrValue *args, size_t nargs, TrValue kw)
{
    return pred_make("dropwhile", type, args, nargs, kw);
}

static TrValue dropwhile_next(TrValue self)
{
    SELF(PredIter);
    for (;;) {
        TrValue v = tr_next(s->it);
        if (v == TR_STOP || !v || s->done)
            return v;
        TrValue r = tr_call1(s->pred, v);
        int t = r ? tr_truth(r) : -1;
        if (t < 0)
            return TR_ERR;
        if (!t) {
            s->done = true;
            return v;
        }
    }
}

static TrValue takewhile_new(TrType *type, const TrValue *args, size_t nargs, TrValue kw)
{
    return pred_make("takewhile", type, args, nargs, kw);
}

static TrValue takewhile_next(TrValue self)
{
    SELF(PredIter);
    if (s->done)
        return TR_STOP;
    TrValue v = tr_next(s->it);
    if (v == TR_STOP || !v)
        return v;
    TrValue r = tr_call1(s->pred, v);
    int t = r ? tr_truth(r) : -1;
    if (t < 0)
        return TR_ERR;
    if (t)
        return v;
    s->done = true;
    return TR_STOP;
}

static TrValue filterfalse_new(TrType *type, const TrValue *args, size_t nargs, TrValue kw)
{
    return pred_make("filterfalse", type, args, nargs, kw);
}

static TrValue filterfalse_next(TrValue self)
{
    SELF(PredIter);
    for (;;) {
        TrValue v = tr_next(s->it);
        if (v == TR_STOP || !v)
            return v;
        int t = pred_test(s, v);
        if (t < 0)
            return TR_ERR;
        if (!t)
            return v;
    }
}

ITER_TYPE(tr_itertools_dropwhile_type, "itertools.dropwhile", PredIter, dropwhile_next,
          dropwhile_new);
ITER_TYPE(tr_itertools_takewhile_type, "itertools.takewhile", PredIter, takewhile_next,
          takewhile_new);
ITER_TYPE(tr_itertools_filterfalse_type, "itertools.filterfalse", PredIter, filterfalse_next,
          filterfalse_new);

/* --- groupby ---------------------------------------------------------------------------- */

typedef struct {
    TrObject ob;
    TrValue it, keyfunc;
    TrValue tgtkey, currkey, currvalue; /* 0 when unset */
    TrValue currgrouper;
} GroupBy;

typedef struct {
    TrObject ob;
    TrValue parent, tgtkey;
} Grouper;

static const char *const groupby_kw[] = {"iterable", "key"};

static TrValue groupby_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    TrValue a[2];
    if (tr_parse_args("groupby", args, nargs, kwnames, groupby_kw, 1, 2, 0, 2, a) < 0)
        return TR_ERR;
    TrValue it = tr_iter(a[0]);
    if (!it)
        return TR_ERR;
    GroupBy *g = iobj(type, sizeof(GroupBy));
    g->it = it;
    g->keyfunc = a[1] && a[1] != TR_NONE ? a[1] : 0;
    return tr_val(g);
}

/* Advances to the next value and its key; 1, 0 at the end, -1 on error. */
static int groupby_step(GroupBy *g)
{
    TrValue v = tr_next(g->it);
    if (!v)
        return -1;
    if (v == TR_STOP)
        return 0;
    TrValue k = v;
    if (g->keyfunc && !(k = tr_call1(g->keyfunc, v)))
        return -1;
    g->currvalue = v;
    g->currkey = k;
    return 1;
}

extern TrType tr_itertools_grouper_type;

static TrValue groupby_next(TrValue self)
{
    SELF(GroupBy);
    s->currgrouper = 0;
    for (;;) {
        if (s->currkey) {
            if (!s->tgtkey)
                break;
            int eq = tr_eq(s->tgtkey, s->currkey);
            if (eq < 0)
                return TR_ERR;
            if (!eq)
                break;
        }
        int r = groupby_step(s);
        if (r <= 0)
            return r < 0 ? TR_ERR : TR_STOP;
    }
    s->tgtkey = s->currkey;
    Grouper *gr = TR_NEW(Grouper, &tr_itertools_grouper_type);
    gr->parent = self;
    gr->tgtkey = s->tgtkey;
    s->currgrouper = tr_val(gr);
    return tr_tuple_pack(2, s->currkey, tr_val(gr));
}

static TrValue grouper_next(TrValue self)
{
    SELF(Grouper);
    GroupBy *g = (GroupBy *)tr_obj(s->parent);
    if (g->currgrouper != self)
        return TR_STOP;
    if (!g->currvalue) {
        int r = groupby_step(g);
        if (r <= 0)
            return r < 0 ? TR_ERR : TR_STOP;
    }
    int eq = tr_eq(s->tgtkey, g->currkey);
    if (eq <= 0)
        return eq < 0 ? TR_ERR : TR_STOP;
    TrValue v = g->currvalue;
    g->currvalue = 0;
    return v;
}

ITER_TYPE(tr_itertools_groupby_type, "itertools.groupby", GroupBy, groupby_next, groupby_new);
ITER_TYPE(tr_itertools_grouper_type, "itertools._grouper", Grouper, grouper_next, NULL);

/* --- islice ----------------------------------------------------------------------------- */

typedef struct {
    TrObject ob;
    TrValue it; /* 0 when done */
    int64_t next, stop, step, cnt; /* stop -1: none */
} ISlice;

static int islice_arg(TrValue v, int64_t *out, const char *msg)
{
    if (v == TR_NONE)
        return 0;
    int64_t n = -1;
    if (cu_has_index(v)) {
        TrValue i = tr_index(v);
        if (!i || tr_int_to_i64(i, &n) < 0) {
            tr_err_clear();
            n = -1;
        }
    }
    if (n < 0) {
        tr_raise(&tr_ValueError, "%s", msg);
        return -1;
    }
    *out = n;
    return 0;
}

static TrValue islice_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (tr_no_kwargs("islice", kwnames) < 0 || tr_check_nargs("islice", nargs, 2, 4) < 0)
        return TR_ERR;
    int64_t start = 0, stop = -1, step = 1;
    static const char smsg[] = "Stop argument for islice() must be None or an integer: "
                               "0 <= x <= sys.maxsize.";
    static const char imsg[] = "Indices for islice() must be None or an integer: "
                               "0 <= x <= sys.maxsize.";
    if (nargs == 2) {
        if (islice_arg(args[1], &stop, smsg) < 0)
            return TR_ERR;
    } else {
        if (islice_arg(args[1], &start, imsg) < 0 || islice_arg(args[2], &stop, smsg) < 0)
            return TR_ERR;
        if (nargs == 4 && args[3] != TR_NONE) {
            step = -1;
            if (cu_has_index(args[3])) {
                TrValue i = tr_index(args[3]);
                if (!i || tr_int_to_i64(i, &step) < 0) {
                    tr_err_clear();
                    step = -1;
                }
            }
            if (step <= 0)
                return tr_raise(&tr_ValueError,
                                "Step for islice() must be a positive integer or None.");
        }
    }
    TrValue it = tr_iter(args[0]);
    if (!it)
        return TR_ERR;
    ISlice *s = iobj(type, sizeof(ISlice));
    s->it = it;
    s->next = start;
    s->stop = stop;
    s->step = step;
    return tr_val(s);
}

static TrValue islice_next(TrValue self)
{
    SELF(ISlice);
    if (!s->it)
        return TR_STOP;
    while (s->cnt < s->next) {
        TrValue v = tr_next(s->it);
        if (v == TR_STOP || !v) {
            s->it = 0;
            return v;
        }
        s->cnt++;
    }
    if (s->stop != -1 && s->cnt >= s->stop) {
        s->it = 0;
        return TR_STOP;
    }
    TrValue v = tr_next(s->it);
    if (v == TR_STOP || !v) {
        s->it = 0;
        return v;
    }
    s->cnt++;
    int64_t old = s->next;
    s->next += s->step;
    if (s->next < old || (s->stop != -1 && s->next > s->stop))
        s->next = s->stop;
    return v;
}

ITER_TYPE(tr_itertools_islice_type, "itertools.islice", ISlice, islice_next, islice_new);

/* --- pairwise --------------------------------------------------------------------------- */

typedef struct {
    TrObject ob;
    TrValue it, old; /* it 0: done */
} Pairwise;

static TrValue pairwise_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (tr_no_kwargs("pairwise", kwnames) < 0 || tr_check_nargs("pairwise", nargs, 1, 1) < 0)
        return TR_ERR;
    TrValue it = tr_iter(args[0]);
    if (!it)
        return TR_ERR;
    Pairwise *p = iobj(type, sizeof(Pairwise));
    p->it = it;
    return tr_val(p);
}

static TrValue pairwise_next(TrValue self)
{
    SELF(Pairwise);
    if (!s->it)
        return TR_STOP;
    if (!s->old) {
        TrValue v = tr_next(s->it);
        if (v == TR_STOP || !v) {
            s->it = 0;
            return v;
        }
        s->old = v;
    }
    TrValue v = tr_next(s->it);
    if (v == TR_STOP || !v) {
        s->it = 0;
        s->old = 0;
        return v;
    }
    TrValue r = tr_tuple_pack(2, s->old, v);
    s->old = v;
    return r;
}

ITER_TYPE(tr_itertools_pairwise_type, "itertools.pairwise", Pairwise, pairwise_next,
          pairwise_new);

/* --- starmap ---------------------------------------------------------------------------- */

typedef struct {
    TrObject ob;
    TrValue func, it;
} Starmap;

static TrValue starmap_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (tr_no_kwargs("starmap", kwnames) < 0 || tr_check_nargs("starmap", nargs, 2, 2) < 0)
        return TR_ERR;
    TrValue it = tr_iter(args[1]);
    if (!it)
        return TR_ERR;
    Starmap *m = iobj(type, sizeof(Starmap));
    m->func = args[0];
    m->it = it;
    return tr_val(m);
}

static TrValue starmap_next(TrValue self)
{
    SELF(Starmap);
    TrValue v = tr_next(s->it);
    if (v == TR_STOP || !v)
        return v;
    TrValue t = tr_is_tuple(v) ? v : tr_tuple_from_iter(v);
    if (!t) {
        if (tr_err_matches(&tr_TypeError)) {
            tr_err_clear();
            return tr_raise(&tr_TypeError, "'%T' object is not iterable", v);
        }
        return TR_ERR;
    }
    return tr_call(s->func, tr_as_tuple(t)->items, (size_t)tr_as_tuple(t)->len, 0);
}

ITER_TYPE(tr_itertools_starmap_type, "itertools.starmap", Starmap, starmap_next, starmap_new);

/* --- tee -------------------------------------------------------------------------------- */

/* The copies share one buffer of the items read so far; each copy keeps its own position. */
typedef struct {
    TrObject ob;
    TrValue it;  /* 0 once exhausted */
    TrValue buf; /* list */
} TeeData;

typedef struct {
    TrObject ob;
    TrValue data; /* TeeData */
    int64_t pos;
} Tee;

extern TrType tr_itertools_tee_type, tr_itertools_teedata_type;

static TrValue tee_make(TrValue data, int64_t pos)
{
    Tee *t = TR_NEW(Tee, &tr_itertools_tee_type);
    t->data = data;
    t->pos = pos;
    return tr_val(t);
}

static TrValue tee_next(TrValue self)
{
    SELF(Tee);
    TeeData *d = (TeeData *)tr_obj(s->data);
    TrList *l = tr_as_list(d->buf);
    if (s->pos < l->len)
        return l->items[s->pos++];
    if (!d->it)
        return TR_STOP;
    TrValue v = tr_next(d->it);
    if (!v)
        return TR_ERR;
    if (v == TR_STOP) {
        d->it = 0;
        return TR_STOP;
    }
    tr_list_append(d->buf, v);
    s->pos++;
    return v;
}

static TrValue tee_copy(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    SELF(Tee);
    return tee_make(s->data, s->pos);
}

static const TrMethodDef tee_methods[] = {
    {"__copy__", tee_copy, 0},
    {NULL, NULL, 0},
};

TrType tr_itertools_tee_type = {
    .ob = {&tr_type_type}, .name = "itertools._tee", .base = &tr_object_type,
    .basicsize = sizeof(Tee), .repr = cu_default_repr, .iter = cu_iter_self,
    .next = tee_next, .methods = tee_methods,
};

TrType tr_itertools_teedata_type = {
    .ob = {&tr_type_type}, .name = "itertools._tee_dataobject", .base = &tr_object_type,
    .basicsize = sizeof(TeeData), .repr = cu_default_repr,
};

static TrValue it_tee(TrValue self, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (tr_no_kwargs("tee", kwnames) < 0 || tr_check_nargs("tee", nargs, 1, 2) < 0)
        return TR_ERR;
    int64_t n = 2;
    if (nargs == 2) {
        if (!tr_is_int(args[1]))
            return tr_raise(&tr_TypeError, "'%T' object cannot be interpreted as an integer",
                            args[1]);
        if (tr_int_to_i64(args[1], &n) < 0)
            return TR_ERR;
        if (n < 0)
            return tr_raise(&tr_ValueError, "n must be >= 0");
    }
    TrValue it = tr_iter(args[0]);
    if (!it)
        return TR_ERR;
    TrValue out = tr_tuple_new(n);
    if (n == 0)
        return out;
    TrValue data;
    int64_t pos = 0;
    if (tr_type_of(it) == &tr_itertools_tee_type) {
        data = ((Tee *)tr_obj(it))->data;
        pos = ((Tee *)tr_obj(it))->pos;
    } else {
        TeeData *d = TR_NEW(TeeData, &tr_itertools_teedata_type);
        d->it = it;
        d->buf = tr_list_new(0);
        data = tr_val(d);
    }
    for (int64_t i = 0; i < n; i++)
        tr_as_tuple(out)->items[i] = tee_make(data, pos);
    return out;
}

/* --- zip_longest ------------------------------------------------------------------------ */

typedef struct {
    TrObject ob;
    TrValue its; /* tuple; an exhausted slot holds 0 */
    TrValue fill;
    int64_t active;
} ZipLongest;

static TrValue zip_longest_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    TrValue fill = TR_NONE;
    size_t nkw = tr_nkw(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        TrValue k = tr_as_tuple(kwnames)->items[i];
        if (!tr_str_eq_cstr(k, "fillvalue"))
            return tr_raise(&tr_TypeError,
                            "zip_longest() got an unexpected keyword argument '%U'", k);
        fill = args[nargs + i];
    }
    TrValue its = tr_tuple_new((int64_t)nargs);
    for (size_t i = 0; i < nargs; i++) {
        TrValue it = tr_iter(args[i]);
        if (!it) {
            if (tr_err_matches(&tr_TypeError)) {
                tr_err_clear();
                return tr_raise(&tr_TypeError,
                                "zip_longest argument #%d must support iteration",
                                (int)i + 1);
            }
            return TR_ERR;
        }
        tr_as_tuple(its)->items[i] = it;
    }
    ZipLongest *z = iobj(type, sizeof(ZipLongest));
    z->its = its;
    z->fill = fill;
    z->active = (int64_t)nargs;
    return tr_val(z);
}

static TrValue zip_longest_next(TrValue self)
{
    SELF(ZipLongest);
    TrTuple *its = tr_as_tuple(s->its);
    if (its->len == 0 || s->active == 0)
        return TR_STOP;
    TrValue out = tr_tuple_new(its->len);
    for (int64_t i = 0; i < its->len; i++) {
        TrValue v = s->fill;
        if (its->items[i]) {
            v = tr_next(its->items[i]);
            if (!v)
                return TR_ERR;
            if (v == TR_STOP) {
                its->items[i] = 0;
                if (--s->active == 0)
                    return TR_STOP;
                v = s->fill;
            }
        }
        tr_as_tuple(out)->items[i] = v;
    }
    return out;
}

ITER_TYPE(tr_itertools_zip_longest_type, "itertools.zip_longest", ZipLongest, zip_longest_next,
          zip_longest_new);

/* --- The module ------------------------------------------------------------------------- */

static const TrMethodDef itertools_functions[] = {
    {"tee", it_tee, 0},
    {NULL, NULL, 0},
};

TrValue tr_mod_itertools_init(void)
{
    static TrType *const types[] = {
        &tr_itertools_count_type,     &tr_itertools_cycle_type,
        &tr_itertools_repeat_type,    &tr_itertools_accumulate_type,
        &tr_itertools_chain_type,     &tr_itertools_compress_type,
        &tr_itertools_dropwhile_type, &tr_itertools_takewhile_type,
        &tr_itertools_filterfalse_type, &tr_itertools_groupby_type,
        &tr_itertools_islice_type,    &tr_itertools_pairwise_type,
        &tr_itertools_starmap_type,   &tr_itertools_zip_longest_type,
        &tr_itertools_product_type,   &tr_itertools_permutations_type,
        &tr_itertools_combinations_type, &tr_itertools_cwr_type,
        &tr_itertools_grouper_type,   &tr_itertools_tee_type,
        &tr_itertools_teedata_type,
    };
    TrValue m = tr_module_new(tr_str_intern_cstr("itertools"));
    tr_module_add_functions(m, itertools_functions);
    for (size_t i = 0; i < TR_ARRAY_LEN(types); i++) {
        tr_type_ready(types[i]);
        tr_mod_set_type_module(types[i], "itertools");
        const char *dot = strrchr(types[i]->name, '.');
        if (dot[1] != '_')
            tr_module_add(m, dot + 1, tr_val(types[i]));
    }
    tr_module_add(m, "_tee", tr_val(&tr_itertools_tee_type));
    tr_module_add(m, "_grouper", tr_val(&tr_itertools_grouper_type));
    return m;
}
