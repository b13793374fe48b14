/*
 * mod_bisect.c -- the bisect module: binary search of a sorted sequence (bisect_left/right) and
 * insertion keeping it sorted (insort_left/right), with lo/hi bounds and key=, as CPython 3.11.
 * Only __lt__ is used, and `insort` inserts through the sequence's own insert method.
 */
#include "runtime/mod_util.h"

static const char *const bisect_kw[] = {"a", "x", "lo", "hi", "key"};

/* Returns the insertion point, or -1 with an exception. */
static int64_t search(const char *name, const TrValue *args, size_t nargs, TrValue kwnames,
                      bool right, bool insort, TrValue *a_out, TrValue *x_out)
{
    TrValue v[5];
    if (tr_parse_args(name, args, nargs, kwnames, bisect_kw, 2, 5, 0, 4, v) < 0)
        return -1;
    int64_t lo = 0, hi = -1;
    if (v[2] && tr_mod_arg_i64(v[2], &lo) < 0)
        return -1;
    if (lo < 0) {
        tr_raise(&tr_ValueError, "lo must be non-negative");
        return -1;
    }
    if (v[3] && v[3] != TR_NONE && tr_mod_arg_i64(v[3], &hi) < 0)
        return -1;
    if (hi == -1 && (!v[3] || v[3] == TR_NONE)) {
        if ((hi = tr_len(v[0])) < 0)
            return -1;
    }
    TrValue key = v[4] && v[4] != TR_NONE ? v[4] : 0;
    TrValue x = v[1];
    TrValue kx = x;
    if (key && insort && !(kx = tr_call1(key, x)))
        return -1;
    while (lo < hi) {
        int64_t mid = (int64_t)(((uint64_t)lo + (uint64_t)hi) / 2);
        TrValue item = tr_getitem(v[0], tr_int_from_i64(mid));
        if (!item)
            return -1;
        if (key && !(item = tr_call1(key, item)))
            return -1;
        int lt = right ? tr_richcmp_bool(kx, item, TR_LT) : tr_richcmp_bool(item, kx, TR_LT);
        if (lt < 0)
            return -1;
        if (right ? lt : !lt)
            hi = mid;
        else
            lo = mid + 1;
    }
    *a_out = v[0];
    *x_out = x;
    return lo;
}

static TrValue do_bisect(const char *name, const TrValue *args, size_t nargs, TrValue kw,
                         bool right)
{
    TrValue a, x;
    int64_t i = search(name, args, nargs, kw, right, false, &a, &x);
    return i < 0 ? TR_ERR : tr_int_from_i64(i);
}

static TrValue do_insort(const char *name, const TrValue *args, size_t nargs, TrValue kw,
                         bool right)
{
    TrValue a, x;
    int64_t i = search(name, args, nargs, kw, right, true, &a, &x);
    if (i < 0)
        return TR_ERR;
    TrValue r = tr_call_method(a, "insert", (TrValue[]){tr_int_from_i64(i), x}, 2);
    return r ? TR_NONE : TR_ERR;
}

#define FN(name) static TrValue name(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
FN(bisect_left) { return do_bisect("bisect_left", args, nargs, kw, false); }
FN(bisect_right) { return do_bisect("bisect_right", args, nargs, kw, true); }
FN(insort_left) { return do_insort("insort_left", args, nargs, kw, false); }
FN(insort_right) { return do_insort("insort_right", args, nargs, kw, true); }

static const TrMethodDef bisect_functions[] = {
    {"bisect_left", bisect_left, 0}, {"bisect_right", bisect_right, 0},
    {"insort_left", insort_left, 0}, {"insort_right", insort_right, 0},
    {NULL, NULL, 0},
};

TrValue tr_mod_bisect_init(void)
{
    TrValue m = tr_module_new(tr_str_intern_cstr("bisect"));
    tr_module_add_functions(m, bisect_functions);
    tr_module_add(m, "bisect", tr_builtin_new("bisect_right", bisect_right, m));
    tr_module_add(m, "insort", tr_builtin_new("insort_right", insort_right, m));
    return m;
}
