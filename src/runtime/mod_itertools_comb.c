/*
 * mod_itertools_comb.c -- the combinatoric iterators of itertools: product, permutations,
 * combinations, combinations_with_replacement. Each pool is read into a tuple first, and the
 * results come in CPython's (lexicographic by position) order.
 */
#include "runtime/mod_itertools.h"

#include "runtime/containers_util.h"

typedef struct {
    TrObject ob;
    TrValue pools; /* product: tuple of tuples; others: one tuple */
    int64_t *idx;  /* indices (cycles follow for permutations) */
    int64_t *cyc;
    int64_t r;
    TrValue result; /* last result, 0 before the first */
    bool done;
} Comb;

#define COMB_TYPE(var, tname, nextfn, newfn)                                                   \
    TrType var = {                                                                             \
        .ob = {&tr_type_type}, .name = tname, .base = &tr_object_type,                         \
        .flags = TR_TYPE_BASETYPE, .basicsize = sizeof(Comb), .repr = cu_default_repr,         \
        .iter = cu_iter_self, .next = nextfn, .new = newfn,                                    \
    }

static Comb *comb_new(TrType *type, TrValue pools, int64_t r)
{
    Comb *c = tr_obj_new(type->basicsize > sizeof(Comb) ? type->basicsize : sizeof(Comb), type);
    c->pools = pools;
    c->r = r;
    c->idx = tr_alloc_atomic(sizeof(int64_t) * (size_t)(r + 1));
    c->cyc = tr_alloc_atomic(sizeof(int64_t) * (size_t)(r + 1));
    return c;
}

static TrValue pool_item(TrValue pool, int64_t i) { return tr_as_tuple(pool)->items[i]; }
static int64_t pool_len(TrValue pool) { return tr_as_tuple(pool)->len; }

/* --- product ---------------------------------------------------------------------------- */

static TrValue product_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    int64_t repeat = 1;
    size_t nkw = tr_nkw(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        TrValue k = tr_as_tuple(kwnames)->items[i];
        if (!tr_str_eq_cstr(k, "repeat"))
            return tr_raise(&tr_TypeError, "product() got an unexpected keyword argument '%U'",
                            k);
        if (tr_mod_arg_i64(args[nargs + i], &repeat) < 0)
            return TR_ERR;
        if (repeat < 0)
            return tr_raise(&tr_ValueError, "repeat argument cannot be negative");
    }
    int64_t n = (int64_t)nargs * repeat;
    TrValue pools = tr_tuple_new(n);
    for (size_t i = 0; i < nargs; i++) {
        TrValue t = tr_tuple_from_iter(args[i]);
        if (!t)
            return TR_ERR;
        for (int64_t k = 0; k < repeat; k++)
            tr_as_tuple(pools)->items[k * (int64_t)nargs + (int64_t)i] = t;
    }
    Comb *c = comb_new(type, pools, n);
    for (int64_t i = 0; i < n; i++) {
        c->idx[i] = 0;
        if (pool_len(pool_item(pools, i)) == 0)
            c->done = true;
    }
    return tr_val(c);
}

static TrValue product_next(TrValue self)
{
    Comb *c = (Comb *)tr_obj(self);
    if (c->done)
        return TR_STOP;
    int64_t n = c->r;
    if (c->result) {
        int64_t i = n - 1;
        for (; i >= 0; i--) {
            if (++c->idx[i] < pool_len(pool_item(c->pools, i)))
                break;
            c->idx[i] = 0;
        }
        if (i < 0) {
            c->done = true;
            return TR_STOP;
        }
    }
    TrValue out = tr_tuple_new(n);
    for (int64_t i = 0; i < n; i++)
        tr_as_tuple(out)->items[i] = pool_item(pool_item(c->pools, i), c->idx[i]);
    c->result = out;
    return out;
}

COMB_TYPE(tr_itertools_product_type, "itertools.product", product_next, product_new);

/* --- Shared argument parsing: (iterable, r) --------------------------------------------- */

static const char *const comb_kw[] = {"iterable", "r"};

/* Reads the pool and r; r_required: combinations need r, permutations default to len. */
static int comb_args(const char *name, const TrValue *args, size_t nargs, TrValue kwnames,
                     bool r_required, TrValue *pool, int64_t *r)
{
    TrValue a[2];
    if (tr_parse_args(name, args, nargs, kwnames, comb_kw, r_required ? 2 : 1, 2, 0, 2, a) < 0)
        return -1;
    if (!(*pool = tr_tuple_from_iter(a[0])))
        return -1;
    *r = pool_len(*pool);
    if (a[1] && a[1] != TR_NONE) {
        if (!tr_is_int(a[1])) {
            tr_raise(&tr_TypeError, "Expected int as r");
            return -1;
        }
        if (tr_int_to_i64(a[1], r) < 0)
            return -1;
        if (*r < 0) {
            tr_raise(&tr_ValueError, "r must be non-negative");
            return -1;
        }
    } else if (a[1] == TR_NONE && r_required) {
        tr_raise(&tr_TypeError, "Expected int as r");
        return -1;
    }
    return 0;
}

static TrValue pick(Comb *c, int64_t n)
{
    TrValue out = tr_tuple_new(c->r);
    for (int64_t i = 0; i < c->r; i++)
        tr_as_tuple(out)->items[i] = pool_item(c->pools, c->idx[i]);
    (void)n;
    c->result = out;
    return out;
}

/* --- permutations ----------------------------------------------------------------------- */

static TrValue permutations_new(TrType *type, const TrValue *args, size_t nargs, TrValue kw)
{
    TrValue pool;
    int64_t r;
    if (comb_args("permutations", args, nargs, kw, false, &pool, &r) < 0)
        return TR_ERR;
    int64_t n = pool_len(pool);
    Comb *c = comb_new(type, pool, r);
    c->idx = tr_alloc_atomic(sizeof(int64_t) * (size_t)(n + 1));
    for (int64_t i = 0; i < n; i++)
        c->idx[i] = i;
    for (int64_t i = 0; i < r; i++)
        c->cyc[i] = n - i;
    c->done = r > n;
    return tr_val(c);
}

static TrValue permutations_next(TrValue self)
{
    Comb *c = (Comb *)tr_obj(self);
    if (c->done)
        return TR_STOP;
    int64_t n = pool_len(c->pools), r = c->r;
    if (c->result) {
        if (n == 0) {
            c->done = true;
            return TR_STOP;
        }
        int64_t i = r - 1;
        for (; i >= 0; i--) {
            if (--c->cyc[i] == 0) {
                int64_t first = c->idx[i];
                for (int64_t j = i; j < n - 1; j++)
                    c->idx[j] = c->idx[j + 1];
                c->idx[n - 1] = first;
                c->cyc[i] = n - i;
            } else {
                int64_t j = c->cyc[i];
                int64_t t = c->idx[i];
                c->idx[i] = c->idx[n - j];
                c->idx[n - j] = t;
                break;
            }
        }
        if (i < 0) {
            c->done = true;
            return TR_STOP;
        }
    }
    return pick(c, n);
}

COMB_TYPE(tr_itertools_permutations_type, "itertools.permutations", permutations_next,
          permutations_new);

/* --- combinations ----------------------------------------------------------------------- */

static TrValue combinations_new(TrType *type, const TrValue *args, size_t nargs, TrValue kw)
{
    TrValue pool;
    int64_t r;
    if (comb_args("combinations", args, nargs, kw, true, &pool, &r) < 0)
        return TR_ERR;
    Comb *c = comb_new(type, pool, r);
    for (int64_t i = 0; i < r; i++)
        c->idx[i] = i;
    c->done = r > pool_len(pool);
    return tr_val(c);
}

static TrValue combinations_next(TrValue self)
{
    Comb *c = (Comb *)tr_obj(self);
    if (c->done)
        return TR_STOP;
    int64_t n = pool_len(c->pools), r = c->r;
    if (c->result) {
        int64_t i = r - 1;
        while (i >= 0 && c->idx[i] == i + n - r)
            i--;
        if (i < 0) {
            c->done = true;
            return TR_STOP;
        }
        c->idx[i]++;
        for (int64_t j = i + 1; j < r; j++)
            c->idx[j] = c->idx[j - 1] + 1;
    }
    return pick(c, n);
}

COMB_TYPE(tr_itertools_combinations_type, "itertools.combinations", combinations_next,
          combinations_new);

/* --- combinations_with_replacement ------------------------------------------------------ */

static TrValue cwr_new(TrType *type, const TrValue *args, size_t nargs, TrValue kw)
{
    TrValue pool;
    int64_t r;
    if (comb_args("combinations_with_replacement", args, nargs, kw, true, &pool, &r) < 0)
        return TR_ERR;
    Comb *c = comb_new(type, pool, r);
    for (int64_t i = 0; i < r; i++)
        c->idx[i] = 0;
    c->done = pool_len(pool) == 0 && r > 0;
    return tr_val(c);
}

static TrValue cwr_next(TrValue self)
{
    Comb *c = (Comb *)tr_obj(self);
    if (c->done)
        return TR_STOP;
    int64_t n = pool_len(c->pools), r = c->r;
    if (c->result) {
        int64_t i = r - 1;
        while (i >= 0 && c->idx[i] == n - 1)
            i--;
        if (i < 0) {
            c->done = true;
            return TR_STOP;
        }
        int64_t v = c->idx[i] + 1;
        for (int64_t j = i; j < r; j++)
            c->idx[j] = v;
    }
    return pick(c, n);
}

COMB_TYPE(tr_itertools_cwr_type, "itertools.combinations_with_replacement", cwr_next, cwr_new);
