/*
 * mod_math_int.c -- the math module's integer functions on GMP: factorial, gcd, lcm, comb,
 * perm, isqrt, and prod (generic multiplication). Errors and messages are CPython 3.11's.
 */
#include "runtime/mod_math.h"

#include "runtime/args.h"
#include "runtime/exc.h"
#include "runtime/int.h"

static int one_arg(const char *name, size_t nargs, TrValue kw)
{
    if (tr_nkw(kw)) {
        tr_raise(&tr_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    return tr_check_nargs(name, nargs, 1, 1);
}

TrValue tr_math_factorial(TrValue self, const TrValue *a, size_t n, TrValue kw)
{
    if (one_arg("math.factorial", n, kw) < 0)
        return TR_ERR;
    TrValue v = tr_index(a[0]);
    if (v == TR_ERR)
        return TR_ERR;
    int64_t x;
    if (tr_int_to_i64(v, &x) < 0) {
        tr_err_clear();
        if (tr_int_sign(v) < 0)
            return tr_raise(&tr_ValueError, "factorial() not defined for negative values");
        return tr_raise(&tr_OverflowError,
                        "factorial() argument should not exceed 9223372036854775807");
    }
    if (x < 0)
        return tr_raise(&tr_ValueError, "factorial() not defined for negative values");
    mpz_t r;
    mpz_init(r);
    mpz_fac_ui(r, (unsigned long)x);
    return tr_int_take_mpz(r);
}

/* gcd/lcm fold over their arguments (each through __index__). */
static TrValue fold(const TrValue *a, size_t n, TrValue kw, const char *name, bool lcm)
{
    if (tr_nkw(kw))
        return tr_raise(&tr_TypeError, "%s() takes no keyword arguments", name);
    mpz_t acc, t;
    mpz_init_set_ui(acc, lcm ? 1 : 0);
    mpz_init(t);
    for (size_t i = 0; i < n; i++) {
        TrValue v = tr_index(a[i]);
        if (v == TR_ERR)
            return TR_ERR;
        tr_int_to_mpz(v, t);
        if (lcm)
            mpz_lcm(acc, acc, t);
        else
            mpz_gcd(acc, acc, t);
    }
    return tr_int_take_mpz(acc);
}

TrValue tr_math_gcd(TrValue self, const TrValue *a, size_t n, TrValue kw)
{
    return fold(a, n, kw, "gcd", false);
}

TrValue tr_math_lcm(TrValue self, const TrValue *a, size_t n, TrValue kw)
{
    return fold(a, n, kw, "lcm", true);
}

/* n and k as ints, checked non-negative; returns -1 on error. */
static int comb_args(const char *name, const TrValue *a, size_t nargs, TrValue kw, size_t min,
                     mpz_t n, TrValue *k)
{
    if (tr_nkw(kw)) {
        tr_raise(&tr_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (tr_check_nargs(name, nargs, min, 2) < 0)
        return -1;
    TrValue nv = tr_index(a[0]);
    if (nv == TR_ERR)
        return -1;
    *k = 0;
    if (nargs > 1 && a[1] != TR_NONE) {
        *k = tr_index(a[1]);
        if (*k == TR_ERR)
            return -1;
    }
    if (tr_int_sign(nv) < 0) {
        tr_raise(&tr_ValueError, "n must be a non-negative integer");
        return -1;
    }
    if (*k && tr_int_sign(*k) < 0) {
        tr_raise(&tr_ValueError, "k must be a non-negative integer");
        return -1;
    }
    tr_int_to_mpz(nv, n);
    return 0;
}

TrValue tr_math_comb(TrValue self, const TrValue *a, size_t nargs, TrValue kw)
{
    mpz_t n, k, r;
    mpz_init(n);
    mpz_init(k);
    mpz_init(r);
    TrValue kv;
    if (comb_args("comb", a, nargs, kw, 2, n, &kv) < 0)
        return TR_ERR;
    tr_int_to_mpz(kv, k);
    if (mpz_cmp(k, n) > 0)
        return tr_small_new(0);
    mpz_sub(r, n, k); /* comb(n, k) == comb(n, n - k): use the smaller */
    if (mpz_cmp(r, k) < 0)
        mpz_set(k, r);
    if (!mpz_fits_slong_p(k))
        return tr_raise(&tr_OverflowError, "min(n - k, k) must not exceed %lld",
                        (long long)INT64_MAX);
    mpz_bin_ui(r, n, mpz_get_ui(k));
    return tr_int_take_mpz(r);
}

TrValue tr_math_perm(TrValue self, const TrValue *a, size_t nargs, TrValue kw)
{
    if (!tr_nkw(kw) && (nargs == 1 || (nargs == 2 && a[1] == TR_NONE)))
        return tr_math_factorial(self, a, 1, 0); /* perm(n) is n! */
    mpz_t n, k, r, f;
    mpz_init(n);
    mpz_init(k);
    mpz_init(r);
    mpz_init(f);
    TrValue kv;
    if (comb_args("perm", a, nargs, kw, 1, n, &kv) < 0)
        return TR_ERR;
    if (kv)
        tr_int_to_mpz(kv, k);
    else
        mpz_set(k, n);
    if (mpz_cmp(k, n) > 0)
        return tr_small_new(0);
    if (!mpz_fits_slong_p(k))
        return tr_raise(&tr_OverflowError, "k must not exceed %lld", (long long)INT64_MAX);
    unsigned long kk = mpz_get_ui(k);
    mpz_bin_ui(r, n, kk);
    mpz_fac_ui(f, kk);
    mpz_mul(r, r, f);
    return tr_int_take_mpz(r);
}

TrValue tr_math_isqrt(TrValue self, const TrValue *a, size_t nargs, TrValue kw)
{
    if (one_arg("math.isqrt", nargs, kw) < 0)
        return TR_ERR;
    TrValue v = tr_index(a[0]);
    if (v == TR_ERR)
        return TR_ERR;
    if (tr_int_sign(v) < 0)
        return tr_raise(&tr_ValueError, "isqrt() argument must be nonnegative");
    mpz_t z;
    mpz_init(z);
    tr_int_to_mpz(v, z);
    mpz_sqrt(z, z);
    return tr_int_take_mpz(z);
}

TrValue tr_math_prod(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const names[] = {"iterable", "start"};
    TrValue v[2];
    if (tr_parse_args("prod", args, nargs, kw, names, 1, 2, 1, 1, v) < 0)
        return TR_ERR;
    TrValue it = tr_iter(v[0]);
    if (it == TR_ERR)
        return TR_ERR;
    TrValue result = v[1] ? v[1] : tr_small_new(1);
    for (;;) {
        TrValue item = tr_next(it);
        if (item == TR_ERR)
            return TR_ERR;
        if (item == TR_STOP)
            return result;
        result = tr_binop(result, item, TR_OP_MUL);
        if (result == TR_ERR)
            return TR_ERR;
    }
}
