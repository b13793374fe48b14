/*
 * mod_math.c -- the math module's floating-point functions, with CPython's special-value
 * handling and errors (math_1/math_2's "math domain error" / "math range error" rules, its own
 * gamma, lgamma, atan2, remainder, pow, fsum and hypot algorithms so results match bit for
 * bit). Integer functions (factorial, gcd, comb...) are in mod_math_int.c.
 */
#include "runtime/mod_math.h"

#include "runtime/args.h"
#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#include <errno.h>
#include <float.h>
#include <math.h>

static const double pi = 3.141592653589793238462643383279502884197;
static const double logpi = 1.144729885849400174143427351353058711647;

/* --- Argument conversion ---------------------------------------------------------------- */

/* PyFloat_AsDouble: floats, ints, and objects with __float__ or __index__. */
int tr_math_double(TrValue v, double *out)
{
    if (tr_float_get(v, out))
        return 0;
    if (tr_is_int(v)) {
        int ovf = 0;
        *out = tr_int_to_double(v, &ovf);
        return ovf ? -1 : 0;
    }
    TrType *t = tr_type_of(v);
    if (!tr_is_str(v) && (tr_type_lookup(t, tr_str_intern_cstr("__float__")) ||
                          tr_type_lookup(t, tr_str_intern_cstr("__index__")))) {
        TrValue f = tr_float_from(v);
        if (f == TR_ERR)
            return -1;
        *out = tr_float_val(f);
        return 0;
    }
    tr_raise(&tr_TypeError, "must be real number, not %s", t->name);
    return -1;
}

static int one_arg(const char *name, size_t nargs, TrValue kw)
{
    if (tr_nkw(kw)) {
        tr_raise(&tr_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    return tr_check_nargs(name, nargs, 1, 1);
}

static int positional(const char *name, size_t nargs, TrValue kw, size_t min, size_t max)
{
    if (tr_nkw(kw)) {
        tr_raise(&tr_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    return tr_check_nargs(name, nargs, min, max);
}

/* --- Error conventions (CPython's is_error, math_1, math_2) ------------------------------- */

/* With errno set: raises and returns true, or false for a harmless underflow. */
static bool is_error(double x)
{
    if (errno == EDOM) {
        tr_raise(&tr_ValueError, "math domain error");
        return true;
    }
    if (errno == ERANGE) {
        if (fabs(x) < 1.5)
            return false;
        tr_raise(&tr_OverflowError, "math range error");
        return true;
    }
    tr_raise(&tr_ValueError, "math domain error");
    return true;
}

static TrValue math_1(const char *name, const TrValue *args, size_t nargs, TrValue kw,
                      double (*fn)(double), bool can_overflow)
{
    double x;
    if (one_arg(name, nargs, kw) < 0 || tr_math_double(args[0], &x) < 0)
        return TR_ERR;
    errno = 0;
    double r = fn(x);
    if (isnan(r) && !isnan(x))
        return tr_raise(&tr_ValueError, "math domain error");
    if (isinf(r) && isfinite(x)) {
        if (can_overflow)
            return tr_raise(&tr_OverflowError, "math range error");
        return tr_raise(&tr_ValueError, "math domain error");
    }
    if (isfinite(r) && errno && is_error(r))
        return TR_ERR;
    return tr_float_new(r);
}

/* For functions that set errno themselves (EDOM, ERANGE). */
static TrValue math_1a(const char *name, const TrValue *args, size_t nargs, TrValue kw,
                       double (*fn)(double))
{
    double x;
    if (one_arg(name, nargs, kw) < 0 || tr_math_double(args[0], &x) < 0)
        return TR_ERR;
    errno = 0;
    double r = fn(x);
    if (errno && is_error(r))
        return TR_ERR;
    return tr_float_new(r);
}

static TrValue math_2(const char *name, const TrValue *args, size_t nargs, TrValue kw,
                      double (*fn)(double, double))
{
    double x, y;
    if (positional(name, nargs, kw, 2, 2) < 0 || tr_math_double(args[0], &x) < 0 ||
        tr_math_double(args[1], &y) < 0)
        return TR_ERR;
    errno = 0;
    double r = fn(x, y);
    if (isnan(r))
        errno = !isnan(x) && !isnan(y) ? EDOM : 0;
    else if (isinf(r))
        errno = isfinite(x) && isfinite(y) ? ERANGE : 0;
    if (errno && is_error(r))
        return TR_ERR;
    return tr_float_new(r);
}

/* --- CPython's own implementations ------------------------------------------------------ */

static double m_sinpi(double x)
{
    double y = fmod(fabs(x), 2.0), r;
    int n = (int)round(2.0 * y);
    switch (n) {
    case 0: r = sin(pi * y); break;
    case 1: r = cos(pi * (y - 0.5)); break;
    case 2: r = sin(pi * (1.0 - y)); break; /* not -sin(pi*(y-1.0)): keeps +0.0 */
    case 3: r = -cos(pi * (y - 1.5)); break;
    default: r = sin(pi * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num_coeffs[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
static const double lanczos_den_coeffs[LANCZOS_N] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
    13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0};
#define NGAMMA_INTEGRAL 23
static const double gamma_integral[NGAMMA_INTEGRAL] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
    3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
    1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
    51090942171709440000.0, 1124000727777607680000.0};

static double lanczos_sum(double x)
{
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num_coeffs[i];
            den = den * x + lanczos_den_coeffs[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num_coeffs[i];
            den = den / x + lanczos_den_coeffs[i];
        }
    }
    return num / den;
}

static double m_tgamma(double x)
{
    double absx, r, y, z, sqrtpow;
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0)
            return x;
        errno = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        errno = EDOM;
        return copysign(HUGE_VAL, x);
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            errno = EDOM;
            return NAN;
        }
        if (x <= NGAMMA_INTEGRAL)
            return gamma_integral[(int)x - 1];
    }
    absx = fabs(x);
    if (absx < 1e-20) {
        r = 1.0 / x;
        if (isinf(r))
            errno = ERANGE;
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0)
            return 0.0 / m_sinpi(x);
        errno = ERANGE;
        return HUGE_VAL;
    }
    y = absx + lanczos_g_minus_half;
    if (absx > lanczos_g_minus_half) {
        volatile double q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        volatile double q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    if (x < 0.0) {
        r = -pi / m_sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (isinf(r))
        errno = ERANGE;
    return r;
}

static double m_lgamma(double x)
{
    double r, absx;
    if (!isfinite(x))
        return isnan(x) ? x : HUGE_VAL;
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            errno = EDOM;
            return HUGE_VAL;
        }
        return 0.0;
    }
    absx = fabs(x);
    if (absx < 1e-20)
        return -log(absx);
    r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0)
        r = logpi - log(fabs(m_sinpi(absx))) - log(absx) - r;
    if (isinf(r))
        errno = ERANGE;
    return r;
}

static double m_atan2(double y, double x)
{
    if (isnan(x) || isnan(y))
        return NAN;
    if (isinf(y)) {
        if (isinf(x))
            return copysign(copysign(1., x) == 1. ? 0.25 * M_PI : 0.75 * M_PI, y);
        return copysign(0.5 * M_PI, y);
    }
    if (isinf(x) || y == 0.)
        return copysign(copysign(1., x) == 1. ? 0. : M_PI, y);
    return atan2(y, x);
}

static double m_remainder(double x, double y)
{
    if (isfinite(x) && isfinite(y)) {
        if (y == 0.0)
            return NAN;
        double absx = fabs(x), absy = fabs(y), m = fmod(absx, absy), c = absy - m, r;
        if (m < c)
            r = m;
        else if (m > c)
            r = -c;
        else
            r = m - 2.0 * fmod(0.5 * (absx - m), absy); /* halfway: the even multiple */
        return copysign(1.0, x) * r;
    }
    if (isnan(x))
        return x;
    if (isnan(y))
        return y;
    if (isinf(x))
        return NAN;
    return x;
}

static double m_log(double x)
{
    if (isfinite(x)) {
        if (x > 0.0)
            return log(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x) || x > 0.0)
        return x;
    errno = EDOM;
    return NAN;
}

static double m_log2(double x)
{
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0)
            return x;
        errno = EDOM;
        return NAN;
    }
    if (x > 0.0)
        return log2(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
}

static double m_log10(double x)
{
    if (isfinite(x)) {
        if (x > 0.0)
            return log10(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x) || x > 0.0)
        return x;
    errno = EDOM;
    return NAN;
}

static double m_log1p(double x) { return x == 0.0 ? x : log1p(x); }

/* --- One- and two-argument wrappers ---------------------------------------------------- */

#define FUNC1(name, fn, ovf)                                                                       \
    static TrValue math_##name(TrValue self, const TrValue *a, size_t n, TrValue kw)               \
    {                                                                                              \
        return math_1("math." #name, a, n, kw, fn, ovf);                                           \
    }
#define FUNC1A(name, fn)                                                                           \
    static TrValue math_##name(TrValue self, const TrValue *a, size_t n, TrValue kw)               \
    {                                                                                              \
        return math_1a("math." #name, a, n, kw, fn);                                               \
    }
#define FUNC2(name, fn)                                                                            \
    static TrValue math_##name(TrValue self, const TrValue *a, size_t n, TrValue kw)               \
    {                                                                                              \
        return math_2(#name, a, n, kw, fn);                                                        \
    }

FUNC1(acos, acos, false)
FUNC1(acosh, acosh, false)
FUNC1(asin, asin, false)
FUNC1(asinh, asinh, false)
FUNC1(atan, atan, false)
FUNC1(atanh, atanh, false)
FUNC1(cbrt, cbrt, false)
FUNC1(cos, cos, false)
FUNC1(cosh, cosh, true)
FUNC1(exp, exp, true)
FUNC1(exp2, exp2, true)
FUNC1(expm1, expm1, true)
FUNC1(fabs, fabs, false)
FUNC1(log1p, m_log1p, false)
FUNC1(sin, sin, false)
FUNC1(sinh, sinh, true)
FUNC1(sqrt, sqrt, false)
TrValue tr_math_sqrt(TrValue self, const TrValue *a, size_t n, TrValue kw)
    __attribute__((alias("math_sqrt")));
FUNC1(tan, tan, false)
FUNC1(tanh, tanh, false)
FUNC1A(erf, erf)
FUNC1A(erfc, erfc)
FUNC1A(gamma, m_tgamma)
FUNC1A(lgamma, m_lgamma)
FUNC2(atan2, m_atan2)
FUNC2(copysign, copysign)
FUNC2(remainder, m_remainder)

/* --- Rounding to integers ---------------------------------------------------------------- */

/* floor/ceil: __floor__/__ceil__ of the type first, then float conversion. */
static TrValue round_to_int(const char *name, const char *special, const TrValue *args,
                            size_t nargs, TrValue kw, double (*fn)(double))
{
    if (one_arg(name, nargs, kw) < 0)
        return TR_ERR;
    TrValue v = args[0];
    if (!tr_is_float(v)) {
        TrValue f = tr_type_lookup(tr_type_of(v), tr_str_intern_cstr(special));
        if (f)
            return tr_call(f, &v, 1, 0);
    }
    double x;
    if (tr_math_double(v, &x) < 0)
        return TR_ERR;
    return tr_int_from_double(fn(x));
}

static TrValue math_floor(TrValue self, const TrValue *a, size_t n, TrValue kw)
{
    return round_to_int("math.floor", "__floor__", a, n, kw, floor);
}

static TrValue math_ceil(TrValue self, const TrValue *a, size_t n, TrValue kw)
{
    return round_to_int("math.ceil", "__ceil__", a, n, kw, ceil);
}

static TrValue math_trunc(TrValue self, const TrValue *a, size_t n, TrValue kw)
{
    if (one_arg("math.trunc", n, kw) < 0)
        return TR_ERR;
    if (tr_is_float(a[0]))
        return tr_int_from_double(tr_float_val(a[0]));
    TrValue v = a[0];
    TrValue f = tr_type_lookup(tr_type_of(v), tr_str_intern_cstr("__trunc__"));
    if (!f)
        return tr_raise(&tr_TypeError, "type %s doesn't define __trunc__ method",
                        tr_type_name(v));
    return tr_call(f, &v, 1, 0);
}

/* --- Other float functions --------------------------------------------------------------- */

static TrValue math_fmod(TrValue self, const TrValue *a, size_t n, TrValue kw)
{
    double x, y;
    if (positional("fmod", n, kw, 2, 2) < 0 || tr_math_double(a[0], &x) < 0 ||
        tr_math_double(a[1], &y) < 0)
        return TR_ERR;
    if (isinf(y) && isfinite(x))
        return tr_float_new(x);
    errno = 0;
    double r = fmod(x, y);
    if (isnan(r))
        errno = !isnan(x) && !isnan(y) ? EDOM : 0;
    if (errno && is_error(r))
        return TR_ERR;
    return tr_float_new(r);
}

static TrValue math_pow(TrValue self, const TrValue *a, size_t n, TrValue kw)
{
    double x, y, r = 0.;
    if (positional("pow", n, kw, 2, 2) < 0 || tr_math_double(a[0], &x) < 0 ||
        tr_math_double(a[1], &y) < 0)
        return TR_ERR;
    if (!isfinite(x) || !isfinite(y)) {
        errno = 0;
        if (isnan(x)) {
            r = y == 0. ? 1. : x;
        } else if (isnan(y)) {
            r = x == 1. ? 1. : y;
        } else if (isinf(x)) {
            bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.)
                r = odd_y ? x : fabs(x);
            else if (y == 0.)
                r = 1.;
            else
                r = odd_y ? copysign(0., x) : 0.;
        } else {
            if (fabs(x) == 1.0)
                r = 1.;
            else if (y > 0. && fabs(x) > 1.0)
                r = y;
            else if (y < 0. && fabs(x) < 1.0)
                r = -y;
            else
                r = 0.;
        }
    } else {
        errno = 0;
        r = pow(x, y);
        if (isnan(r))
            errno = EDOM;
        else if (isinf(r))
            errno = x == 0. ? EDOM : ERANGE;
    }
    if (errno && is_error(r))
        return TR_ERR;
    return tr_float_new(r);
}

static TrValue math_degrees(TrValue self, const TrValue *a, size_t n, TrValue kw)
{
    double x;
    if (one_arg("math.degrees", n, kw) < 0 || tr_math_double(a[0], &x) < 0)
        return TR_ERR;
    return tr_float_new(x * (180.0 / M_PI));
}

static TrValue math_radians(TrValue self, const TrValue *a, size_t n, TrValue kw)
{
    double x;
    if (one_arg("math.radians", n, kw) < 0 || tr_math_double(a[0], &x) < 0)
        return TR_ERR;
    return tr_float_new(x * (M_PI / 180.0));
}

#define PREDICATE(name, expr)                                                                      \
    static TrValue math_##name(TrValue self, const TrValue *a, size_t n, TrValue kw)               \
    {                                                                                              \
        double x;                                                                                  \
        if (one_arg("math." #name, n, kw) < 0 || tr_math_double(a[0], &x) < 0)                     \
            return TR_ERR;                                                                         \
        return tr_bool(expr);                                                                      \
    }
PREDICATE(isfinite, isfinite(x))
PREDICATE(isnan, isnan(x))
PREDICATE(isinf, isinf(x))
#undef PREDICATE

static TrValue math_isclose(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    TrValue v[4];
    double a, b, rel_tol = 1e-09, abs_tol = 0.0;
    if (tr_parse_args("isclose", args, nargs, kw, names, 2, 4, 0, 2, v) < 0 ||
        tr_math_double(v[0], &a) < 0 || tr_math_double(v[1], &b) < 0 ||
        (v[2] && tr_math_double(v[2], &rel_tol) < 0) ||
        (v[3] && tr_math_double(v[3], &abs_tol) < 0))
        return TR_ERR;
    if (rel_tol < 0.0 || abs_tol < 0.0)
        return tr_raise(&tr_ValueError, "tolerances must be non-negative");
    if (a == b)
        return TR_TRUE;
    if (isinf(a) || isinf(b))
        return TR_FALSE;
    double diff = fabs(b - a);
    return tr_bool(diff <= fabs(rel_tol * b) || diff <= fabs(rel_tol * a) || diff <= abs_tol);
}

static TrValue math_frexp(TrValue self, const TrValue *a, size_t n, TrValue kw)
{
    double x;
    int i = 0;
    if (one_arg("math.frexp", n, kw) < 0 || tr_math_double(a[0], &x) < 0)
        return TR_ERR;
    if (!(isnan(x) || isinf(x) || !x))
        x = frexp(x, &i);
    return tr_tuple_pack(2, tr_float_new(x), tr_small_new(i));
}

static TrValue math_ldexp(TrValue self, const TrValue *a, size_t n, TrValue kw)
{
    double x, r;
    if (positional("ldexp", n, kw, 2, 2) < 0 || tr_math_double(a[0], &x) < 0)
        return TR_ERR;
    if (!tr_is_int(a[1]))
        return tr_raise(&tr_TypeError, "Expected an int as second argument to ldexp.");
    int64_t e;
    if (tr_int_to_i64(a[1], &e) < 0) {
        tr_err_clear();
        e = tr_int_sign(a[1]) < 0 ? INT64_MIN : INT64_MAX;
    }
    errno = 0;
    if (x == 0. || !isfinite(x)) {
        r = x;
    } else if (e > INT32_MAX) {
        r = copysign(HUGE_VAL, x);
        errno = ERANGE;
    } else if (e < INT32_MIN) {
        r = copysign(0., x);
    } else {
        r = ldexp(x, (int)e);
        if (isinf(r))
            errno = ERANGE;
    }
    if (errno && is_error(r))
        return TR_ERR;
    return tr_float_new(r);
}

static TrValue math_modf(TrValue self, const TrValue *a, size_t n, TrValue kw)
{
    double x, y;
    if (one_arg("math.modf", n, kw) < 0 || tr_math_double(a[0], &x) < 0)
        return TR_ERR;
    if (isinf(x))
        return tr_tuple_pack(2, tr_float_new(copysign(0., x)), tr_float_new(x));
    if (isnan(x))
        return tr_tuple_pack(2, tr_float_new(x), tr_float_new(x));
    x = modf(x, &y);
    return tr_tuple_pack(2, tr_float_new(x), tr_float_new(y));
}

static TrValue math_nextafter(TrValue self, const TrValue *a, size_t n, TrValue kw)
{
    double x, y;
    if (positional("nextafter", n, kw, 2, 2) < 0 || tr_math_double(a[0], &x) < 0 ||
        tr_math_double(a[1], &y) < 0)
        return TR_ERR;
    return tr_float_new(nextafter(x, y));
}

static TrValue math_ulp(TrValue self, const TrValue *a, size_t n, TrValue kw)
{
    double x;
    if (one_arg("math.ulp", n, kw) < 0 || tr_math_double(a[0], &x) < 0)
        return TR_ERR;
    if (isnan(x))
        return tr_float_new(x);
    x = fabs(x);
    if (isinf(x))
        return tr_float_new(x);
    double x2 = nextafter(x, HUGE_VAL);
    if (isinf(x2))
        return tr_float_new(x - nextafter(x, -HUGE_VAL));
    return tr_float_new(x2 - x);
}

/* --- Logarithms (ints of any size, as CPython's loghelper) ------------------------------ */

static TrValue loghelper(TrValue arg, double (*fn)(double), const char *name)
{
    if (tr_is_int(arg)) {
        if (tr_int_sign(arg) <= 0)
            return tr_raise(&tr_ValueError, "math domain error");
        int ovf = 0;
        double x = tr_int_to_double(arg, &ovf);
        if (!ovf)
            return tr_float_new(fn(x));
        tr_err_clear();
        /* arg ~= m * 2**e with m correctly rounded in [0.5, 1) */
        int64_t e = tr_int_bit_length(arg);
        TrValue p = tr_int_lshift(tr_small_new(1), tr_int_from_i64(e));
        TrValue q = p == TR_ERR ? TR_ERR : tr_int_truediv(arg, p);
        if (q == TR_ERR)
            return TR_ERR;
        double m = tr_float_val(q);
        if (m == 1.0) {
            m = 0.5;
            e++;
        }
        return tr_float_new(fn(m) + fn(2.0) * (double)e);
    }
    TrValue a[1] = {arg};
    return math_1(name, a, 1, 0, fn, false);
}

static TrValue math_log(TrValue self, const TrValue *a, size_t n, TrValue kw)
{
    if (tr_nkw(kw))
        return tr_raise(&tr_TypeError, "log() takes no keyword arguments");
    if (n < 1 || n > 2)
        return tr_raise(&tr_TypeError, "math.log requires 1 to 2 arguments");
    TrValue num = loghelper(a[0], m_log, "math.log");
    if (num == TR_ERR || n == 1)
        return num;
    TrValue den = loghelper(a[1], m_log, "math.log");
    if (den == TR_ERR)
        return TR_ERR;
    return tr_binop(num, den, TR_OP_TRUEDIV);
}

static TrValue math_log2(TrValue self, const TrValue *a, size_t n, TrValue kw)
{
    if (one_arg("math.log2", n, kw) < 0)
        return TR_ERR;
    return loghelper(a[0], m_log2, "math.log2");
}

static TrValue math_log10(TrValue self, const TrValue *a, size_t n, TrValue kw)
{
    if (one_arg("math.log10", n, kw) < 0)
        return TR_ERR;
    return loghelper(a[0], m_log10, "math.log10");
}

/* --- fsum (Shewchuk / Hettinger msum, CPython's exact rounding) ------------------------- */

static TrValue math_fsum(TrValue self, const TrValue *a, size_t nargs, TrValue kw)
{
    if (one_arg("math.fsum", nargs, kw) < 0)
        return TR_ERR;
    TrValue it = tr_iter(a[0]);
    if (it == TR_ERR)
        return TR_ERR;
    size_t n = 0, m = 32;
    double *p = tr_alloc_atomic(m * sizeof(double));
    double x, y, t, xsave, special_sum = 0.0, inf_sum = 0.0;
    volatile double hi, yr, lo = 0.0;
    for (;;) {
        TrValue item = tr_next(it);
        if (item == TR_ERR)
            return TR_ERR;
        if (item == TR_STOP)
            break;
        if (tr_math_double(item, &x) < 0)
            return TR_ERR;
        xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            y = p[j];
            if (fabs(x) < fabs(y)) {
                t = x;
                x = y;
                y = t;
            }
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                if (isfinite(xsave))
                    return tr_raise(&tr_OverflowError, "intermediate overflow in fsum");
                if (isinf(xsave))
                    inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            } else {
                if (n >= m) {
                    m *= 2;
                    p = tr_realloc(p, m * sizeof(double));
                }
                p[n++] = x;
            }
        }
    }
    if (special_sum != 0.0) {
        if (isnan(inf_sum))
            return tr_raise(&tr_ValueError, "-inf + inf in fsum");
        return tr_float_new(special_sum);
    }
    hi = 0.0;
    if (n > 0) {
        hi = p[--n];
        while (n > 0) {
            x = hi;
            y = p[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                break;
        }
        /* half-even rounding across several partials */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            y = lo * 2.0;
            x = hi + y;
            yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    return tr_float_new(hi);
}

/* --- hypot and dist (CPython's vector_norm) ---------------------------------------------- */

static double vector_norm(size_t n, const double *vec, double max, bool found_nan)
{
    const double T27 = 134217729.0; /* ldexp(1.0, 27) + 1.0 */
    double x, scale, oldcsum, csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
    double t, hi, lo, h;
    int max_e;
    if (isinf(max))
        return max;
    if (found_nan)
        return NAN;
    if (max == 0.0 || n <= 1)
        return max;
    frexp(max, &max_e);
    if (max_e < -1023) {
        /* ldexp(1.0, -max_e) would overflow: divide by max instead */
        for (size_t i = 0; i < n; i++) {
            x = vec[i] / max;
            x = x * x;
            oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;
        }
        return max * sqrt(csum - 1.0 + frac1);
    }
    scale = ldexp(1.0, -max_e);
    for (size_t i = 0; i < n; i++) {
        x = vec[i] * scale;
        t = x * T27;
        hi = t - (t - x); /* Veltkamp-Dekker split */
        lo = x - hi;
        x = hi * hi;
        oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
        x = 2.0 * hi * lo;
        oldcsum = csum;
        csum += x;
        frac2 += (oldcsum - csum) + x;
        frac3 += lo * lo;
    }
    h = sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
    x = h;
    t = x * T27;
    hi = t - (t - x);
    lo = x - hi;
    x = -hi * hi;
    oldcsum = csum;
    csum += x;
    frac1 += (oldcsum - csum) + x;
    x = -2.0 * hi * lo;
    oldcsum = csum;
    csum += x;
    frac2 += (oldcsum - csum) + x;
    x = -lo * lo;
    oldcsum = csum;
    csum += x;
    frac3 += (oldcsum - csum) + x;
    x = csum - 1.0 + (frac1 + frac2 + frac3);
    return (h + x / (2.0 * h)) / scale;
}

static TrValue math_hypot(TrValue self, const TrValue *a, size_t n, TrValue kw)
{
    if (tr_nkw(kw))
        return tr_raise(&tr_TypeError, "hypot() takes no keyword arguments");
    double *coords = tr_alloc_atomic((n + 1) * sizeof(double)), max = 0.0;
    bool found_nan = false;
    for (size_t i = 0; i < n; i++) {
        double x;
        if (tr_math_double(a[i], &x) < 0)
            return TR_ERR;
        x = fabs(x);
        coords[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    return tr_float_new(vector_norm(n, coords, max, found_nan));
}

static TrValue as_tuple(TrValue v)
{
    return tr_is_tuple(v) ? v : tr_tuple_from_iter(v);
}

static TrValue math_dist(TrValue self, const TrValue *a, size_t nargs, TrValue kw)
{
    if (positional("dist", nargs, kw, 2, 2) < 0)
        return TR_ERR;
    TrValue p = as_tuple(a[0]);
    if (p == TR_ERR)
        return TR_ERR;
    TrValue q = as_tuple(a[1]);
    if (q == TR_ERR)
        return TR_ERR;
    int64_t n = tr_as_tuple(p)->len;
    if (n != tr_as_tuple(q)->len)
        return tr_raise(&tr_ValueError, "both points must have the same number of dimensions");
    double *diffs = tr_alloc_atomic(((size_t)n + 1) * sizeof(double)), max = 0.0;
    bool found_nan = false;
    for (int64_t i = 0; i < n; i++) {
        double px, qx;
        if (tr_math_double(tr_as_tuple(p)->items[i], &px) < 0 ||
            tr_math_double(tr_as_tuple(q)->items[i], &qx) < 0)
            return TR_ERR;
        double x = fabs(px - qx);
        diffs[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    return tr_float_new(vector_norm((size_t)n, diffs, max, found_nan));
}

/* --- The module ------------------------------------------------------------------------- */

static const TrMethodDef math_methods[] = {
    {"acos", math_acos, 0},         {"acosh", math_acosh, 0},     {"asin", math_asin, 0},
    {"asinh", math_asinh, 0},       {"atan", math_atan, 0},       {"atan2", math_atan2, 0},
    {"atanh", math_atanh, 0},       {"cbrt", math_cbrt, 0},       {"ceil", math_ceil, 0},
    {"comb", tr_math_comb, 0},      {"copysign", math_copysign, 0}, {"cos", math_cos, 0},
    {"cosh", math_cosh, 0},         {"degrees", math_degrees, 0}, {"dist", math_dist, 0},
    {"erf", math_erf, 0},           {"erfc", math_erfc, 0},       {"exp", math_exp, 0},
    {"exp2", math_exp2, 0},         {"expm1", math_expm1, 0},     {"fabs", math_fabs, 0},
    {"factorial", tr_math_factorial, 0}, {"floor", math_floor, 0}, {"fmod", math_fmod, 0},
    {"frexp", math_frexp, 0},       {"fsum", math_fsum, 0},       {"gamma", math_gamma, 0},
    {"gcd", tr_math_gcd, 0},        {"hypot", math_hypot, 0},     {"isclose", math_isclose, 0},
    {"isfinite", math_isfinite, 0}, {"isinf", math_isinf, 0},     {"isnan", math_isnan, 0},
    {"isqrt", tr_math_isqrt, 0},    {"lcm", tr_math_lcm, 0},      {"ldexp", math_ldexp, 0},
    {"lgamma", math_lgamma, 0},     {"log", math_log, 0},         {"log10", math_log10, 0},
    {"log1p", math_log1p, 0},       {"log2", math_log2, 0},       {"modf", math_modf, 0},
    {"nextafter", math_nextafter, 0}, {"perm", tr_math_perm, 0},  {"pow", math_pow, 0},
    {"prod", tr_math_prod, 0},      {"radians", math_radians, 0}, {"remainder", math_remainder, 0},
    {"sin", math_sin, 0},           {"sinh", math_sinh, 0},       {"sqrt", math_sqrt, 0},
    {"tan", math_tan, 0},           {"tanh", math_tanh, 0},       {"trunc", math_trunc, 0},
    {"ulp", math_ulp, 0},           {NULL, NULL, 0},
};

TrValue tr_mod_math_init(void)
{
    TrValue m = tr_module_new(tr_str_intern_cstr("math"));
    tr_module_add_functions(m, math_methods);
    tr_module_add(m, "pi", tr_float_new(M_PI));
    tr_module_add(m, "e", tr_float_new(M_E));
    tr_module_add(m, "tau", tr_float_new(2.0 * M_PI));
    tr_module_add(m, "inf", tr_float_new(HUGE_VAL));
    tr_module_add(m, "nan", tr_float_new(NAN));
    return m;
}
