/*
 * builtins_seq.c -- the builtins that consume iterables: min, max, sum, sorted, any, all,
 * iter (with the callable_iterator type of iter(f, sentinel)) and next. sum keeps CPython
 * 3.11's int and float fast paths, so float sums round exactly as CPython's do.
 */
#include "runtime/runtime.h"

/* --- min and max ------------------------------------------------------------------------- */

static TrValue min_max(const TrValue *args, size_t nargs, TrValue kw, int op)
{
    const char *name = op == TR_LT ? "min" : "max";
    static const char *const kwnames[] = {"key", "default"};
    TrValue o[2] = {0, 0};
    if (nargs == 0)
        return tr_raise(&tr_TypeError, "%s expected at least 1 argument, got 0", name);
    if (tr_nkw(kw) > 2)
        return tr_raise(&tr_TypeError, "%s() takes at most 2 keyword arguments (%d given)", name,
                        (int)tr_nkw(kw));
    if (tr_bi_kwargs(name, args, nargs, kw, kwnames, 2, o) < 0)
        return TR_ERR;
    TrValue key = o[0] == TR_NONE ? 0 : o[0], dflt = o[1];
    if (dflt && nargs > 1)
        return tr_raise(&tr_TypeError,
                        "Cannot specify a default for %s() with multiple positional arguments",
                        name);
    TrValue it = 0;
    if (nargs == 1 && (it = tr_iter(args[0])) == TR_ERR)
        return TR_ERR;
    TrValue best = 0, bestkey = 0;
    for (size_t i = 0;; i++) {
        TrValue item = it ? tr_next(it) : i < nargs ? args[i] : TR_STOP;
        if (item == TR_STOP)
            break;
        if (item == TR_ERR)
            return TR_ERR;
        TrValue k = key ? tr_call1(key, item) : item;
        if (k == TR_ERR)
            return TR_ERR;
        if (!best) {
            best = item, bestkey = k;
            continue;
        }
        int c = tr_richcmp_bool(k, bestkey, op == TR_LT ? TR_LT : TR_GT);
        if (c < 0)
            return TR_ERR;
        if (c)
            best = item, bestkey = k;
    }
    if (best)
        return best;
    if (dflt)
        return dflt;
    return tr_raise(&tr_ValueError, "%s() arg is an empty sequence", name);
}

static TrValue bi_min(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return min_max(args, nargs, kw, TR_LT);
}

static TrValue bi_max(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return min_max(args, nargs, kw, TR_GT);
}

/* --- sum --------------------------------------------------------------------------------- */

/* An exact int (or bool) that fits a C long, as PyLong_AsLongAndOverflow would accept. */
static bool small_long(TrValue v, int64_t *out)
{
    if (tr_is_small(v)) {
        *out = tr_small_val(v);
        return true;
    }
    if (v == TR_TRUE || v == TR_FALSE) {
        *out = v == TR_TRUE;
        return true;
    }
    if (tr_is_ptr(v) && tr_obj(v)->type == &tr_int_type) {
        TrBigInt *b = (TrBigInt *)tr_obj(v);
        if (!mpz_fits_slong_p(b->z))
            return false;
        *out = mpz_get_si(b->z);
        return true;
    }
    return false;
}

static TrValue sum_iter(TrValue it, TrValue result)
{
    TrValue item;
    int64_t acc;
    /* Ints while they fit a C long; the first other item leaves through the generic add. */
    if (tr_isinstance_exact(result, &tr_int_type) && small_long(result, &acc)) {
        for (;;) {
            item = tr_next(it);
            if (item == TR_STOP)
                return tr_int_from_i64(acc);
            if (item == TR_ERR)
                return TR_ERR;
            int64_t b, sum;
            if ((tr_is_small(item) || tr_type_of(item) == &tr_int_type ||
                 tr_type_of(item) == &tr_bool_type) &&
                small_long(item, &b) && !__builtin_add_overflow(acc, b, &sum)) {
                acc = sum;
                continue;
            }
            result = tr_binop(tr_int_from_i64(acc), item, TR_OP_ADD);
            if (result == TR_ERR)
                return TR_ERR;
            break;
        }
    }
    /* Floats: a plain double sum (3.11 has no compensated summation), ints that fit a long
       converted on the way. */
    if (tr_is_float(result)) {
        double f = tr_float_val(result);
        for (;;) {
            item = tr_next(it);
            if (item == TR_STOP)
                return tr_float_new(f);
            if (item == TR_ERR)
                return TR_ERR;
            int64_t b;
            if (tr_is_float(item)) {
                f += tr_float_val(item);
                continue;
            }
            if (tr_is_int(item) && small_long(item, &b)) {
                f += (double)b;
                continue;
            }
            result = tr_binop(tr_float_new(f), item, TR_OP_ADD);
            if (result == TR_ERR)
                return TR_ERR;
            break;
        }
    }
    for (;;) {
        item = tr_next(it);
        if (item == TR_STOP)
            return result;
        if (item == TR_ERR)
            return TR_ERR;
        result = tr_binop(result, item, TR_OP_ADD);
        if (result == TR_ERR)
            return TR_ERR;
    }
}

static TrValue bi_sum(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const kwnames[] = {"start"};
    TrValue start = 0;
    if (tr_bi_kwargs("sum", args, nargs, kw, kwnames, 1, &start) < 0)
        return TR_ERR;
    size_t total = nargs + tr_nkw(kw);
    if (nargs == 0)
        return tr_raise(&tr_TypeError, "sum() takes at least 1 positional argument (0 given)");
    if (total > 2)
        return tr_raise(&tr_TypeError, "sum() takes at most 2 arguments (%d given)", (int)total);
    if (nargs == 2)
        start = args[1];
    TrValue it = tr_iter(args[0]);
    if (it == TR_ERR)
        return TR_ERR;
    if (!start)
        start = tr_small_new(0);
    else if (tr_is_str(start))
        return tr_raise(&tr_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    else if (tr_isinstance(start, &tr_bytes_type))
        return tr_raise(&tr_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    else if (tr_isinstance(start, &tr_bytearray_type))
        return tr_raise(&tr_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    return sum_iter(it, start);
}

/* --- sorted, any, all -------------------------------------------------------------------- */

static TrValue bi_sorted(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const kwnames[] = {"key", "reverse"};
    TrValue o[2] = {0, 0};
    if (nargs != 1)
        return tr_raise(&tr_TypeError, "sorted expected 1 argument, got %d", (int)nargs);
    if (tr_bi_kwargs("sort", args, nargs, kw, kwnames, 2, o) < 0)
        return TR_ERR;
    int reverse = 0;
    if (o[1]) {
        TrValue r = tr_index(o[1]);
        if (r == TR_ERR || (reverse = tr_truth(r)) < 0)
            return TR_ERR;
    }
    TrValue list = tr_list_from_iter(args[0]);
    if (list == TR_ERR)
        return TR_ERR;
    if (tr_list_sort(list, o[0] == TR_NONE ? 0 : o[0], reverse) < 0)
        return TR_ERR;
    return list;
}

/* any (want = 1) and all (want = 0): stop at the first item whose truth is `want`. */
static TrValue any_all(const char *name, const TrValue *args, size_t nargs, TrValue kw, int want)
{
    if (tr_bi_one_arg(name, nargs, kw) < 0)
        return TR_ERR;
    TrValue it = tr_iter(args[0]);
    if (it == TR_ERR)
        return TR_ERR;
    for (;;) {
        TrValue x = tr_next(it);
        if (x == TR_STOP)
            return tr_bool(!want);
        if (x == TR_ERR)
            return TR_ERR;
        int t = tr_truth(x);
        if (t < 0)
            return TR_ERR;
        if (t == want)
            return tr_bool(want);
    }
}

static TrValue bi_any(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return any_all("any", args, nargs, kw, 1);
}

static TrValue bi_all(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return any_all("all", args, nargs, kw, 0);
}

/* --- iter and next ----------------------------------------------------------------------- */

typedef struct TrCallIter {
    TrObject ob;
    TrValue func;     /* 0 once exhausted */
    TrValue sentinel;
} TrCallIter;

static TrValue calliter_iter(TrValue self) { return self; }

static TrValue calliter_next(TrValue self)
{
    TrCallIter *ci = (TrCallIter *)tr_obj(self);
    if (!ci->func)
        return TR_STOP;
    TrValue r = tr_call0(ci->func);
    if (r == TR_ERR) {
        if (tr_err_matches(&tr_StopIteration)) {
            tr_err_clear();
            ci->func = 0;
            return TR_STOP;
        }
        return TR_ERR;
    }
    int eq = tr_eq(r, ci->sentinel);
    if (eq < 0)
        return TR_ERR;
    if (eq) {
        ci->func = 0;
        return TR_STOP;
    }
    return r;
}

TrType tr_callable_iterator_type = {
    .ob = {&tr_type_type}, .name = "callable_iterator", .basicsize = sizeof(TrCallIter),
    .iter = calliter_iter, .next = calliter_next,
};

static TrValue bi_iter(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_nargs("iter", nargs, kw, 1, 2) < 0)
        return TR_ERR;
    if (nargs == 1)
        return tr_iter(args[0]);
    if (!tr_callable(args[0]))
        return tr_raise(&tr_TypeError, "iter(v, w): v must be callable");
    TrCallIter *ci = TR_NEW(TrCallIter, &tr_callable_iterator_type);
    ci->func = args[0];
    ci->sentinel = args[1];
    return tr_val(ci);
}

static TrValue bi_next(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    if (tr_bi_nargs("next", nargs, kw, 1, 2) < 0)
        return TR_ERR;
    if (!tr_type_of(args[0])->next)
        return tr_raise(&tr_TypeError, "'%s' object is not an iterator", tr_type_name(args[0]));
    /* the slot itself, not tr_next: a generator's StopIteration(value) must reach the caller */
    TrValue r = tr_type_of(args[0])->next(args[0]);
    if (r == TR_STOP) {
        if (nargs == 2)
            return args[1];
        return tr_raise_value(tr_val(&tr_StopIteration));
    }
    if (r == TR_ERR && nargs == 2 && tr_err_matches(&tr_StopIteration)) {
        tr_err_clear();
        return args[1];
    }
    return r;
}

const TrMethodDef tr_builtins_seq_methods[] = {
    {"min", bi_min, 0}, {"max", bi_max, 0},   {"sum", bi_sum, 0},   {"sorted", bi_sorted, 0},
    {"any", bi_any, 0}, {"all", bi_all, 0},   {"iter", bi_iter, 0}, {"next", bi_next, 0},
    {NULL, NULL, 0},
};
