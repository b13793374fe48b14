/*
 * int.c -- int arithmetic: the small-int fast paths and their GMP fallbacks, conversions to
 * and from C numbers and doubles (correctly rounded), comparison and hashing.
 * Every result is normalized: a value in the small range is never returned as a TrBigInt.
 * Operands may be small ints, big ints, bools or instances of int subclasses.
 */
#include "runtime/int.h"

#include "runtime/exc.h"
#include "runtime/float.h"

#include "runtime/tuple.h"

#include <float.h>
#include <math.h>

/* --- GMP on libgc ----------------------------------------------------------------------- */

/* Limbs hold no pointers, so they come from atomic memory; the TrBigInt holding the mpz_t is
   scanned, which keeps its limbs alive. GMP's free becomes a no-op: the collector reclaims. */
static void *gmp_alloc(size_t n) { return tr_alloc_atomic(n); }
static void *gmp_realloc(void *p, size_t old, size_t n) { return tr_realloc(p, n); }
static void gmp_free(void *p, size_t n) {}

void tr_int_init(void) { mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free); }

/* --- Representation --------------------------------------------------------------------- */

bool tr_is_int(TrValue v)
{
    if (tr_is_small(v))
        return true;
    return tr_is_ptr(v) && (tr_obj(v)->type->flags & TR_TYPE_INT_SUB);
}

/* The value of a small int or bool; false for big ints and int-subclass instances. */
static inline bool as_small(TrValue v, int64_t *x)
{
    if (tr_is_small(v)) {
        *x = tr_small_val(v);
        return true;
    }
    if (v == TR_TRUE || v == TR_FALSE) {
        *x = v == TR_TRUE;
        return true;
    }
    return false;
}

/* A read-only mpz view of any int; small values use the caller's limb as storage. */
typedef struct ZTmp {
    mpz_t z;
    mp_limb_t limb;
} ZTmp;

static mpz_srcptr zview(TrValue v, ZTmp *t)
{
    int64_t x;
    if (as_small(v, &x)) {
        t->limb = x < 0 ? (mp_limb_t)0 - (mp_limb_t)x : (mp_limb_t)x;
        return mpz_roinit_n(t->z, &t->limb, x < 0 ? -1 : x > 0 ? 1 : 0);
    }
    return ((TrBigInt *)tr_obj(v))->z;
}

/* Ints of up to 127 bits (the "wide" range, one or two limbs) take a fast path in __int128
   arithmetic: the 64-bit values of hashes and LCGs exceed the small range, and GMP's calls
   and limb allocations cost several times the operation itself. A wide result is stored with
   its limbs inside the object (no separate limb block). TrBigInts are never modified after
   they are made, so GMP never reallocates those limbs. */
typedef __int128 i128;
typedef unsigned __int128 u128;

typedef struct TrWideInt {
    TrBigInt big;
    mp_limb_t limbs[2];
} TrWideInt;

static inline bool as_wide(TrValue v, i128 *x)
{
    int64_t s;
    if (TR_LIKELY(as_small(v, &s))) {
        *x = s;
        return true;
    }
    mpz_srcptr z = ((TrBigInt *)tr_obj(v))->z;
    int n = z->_mp_size, an = n < 0 ? -n : n;
    if (an > 2)
        return false;
    u128 m = z->_mp_d[0];
    if (an == 2) {
        if (z->_mp_d[1] >> 63)
            return false;
        m |= (u128)z->_mp_d[1] << 64;
    }
    *x = n < 0 ? -(i128)m : (i128)m;
    return true;
}

static TrValue from_wide(i128 r)
{
    if (r >= TR_SMALL_MIN && r <= TR_SMALL_MAX)
        return tr_small_new((int64_t)r);
    TrWideInt *w = TR_NEW(TrWideInt, &tr_int_type);
    u128 m = r < 0 ? (u128)0 - (u128)r : (u128)r;
    w->limbs[0] = (mp_limb_t)m;
    w->limbs[1] = (mp_limb_t)(m >> 64);
    int n = w->limbs[1] ? 2 : 1;
    w->big.z->_mp_alloc = 2;
    w->big.z->_mp_size = r < 0 ? -n : n;
    w->big.z->_mp_d = w->limbs;
    return tr_val(w);
}

/* Takes ownership of z's limbs (no copy). */
static TrValue take_mpz(mpz_t z)
{
    if (mpz_fits_slong_p(z)) {
        long x = mpz_get_si(z);
        if (tr_fits_small(x))
            return tr_small_new(x);
    }
    TrBigInt *b = TR_NEW(TrBigInt, &tr_int_type);
    b->z[0] = z[0];
    return tr_val(b);
}

TrValue tr_int_from_mpz(const mpz_t z)
{
    mpz_t c;
    mpz_init_set(c, z);
    return take_mpz(c);
}

TrValue tr_int_from_i64(int64_t x)
{
    if (tr_fits_small(x))
        return tr_small_new(x);
    return from_wide(x);
}

TrValue tr_int_from_u64(uint64_t x)
{
    if (x <= (uint64_t)TR_SMALL_MAX)
        return tr_small_new((int64_t)x);
    return from_wide(x);
}

/* The canonical form of an int: bools and subclass instances become plain ints. */
TrValue tr_int_exact(TrValue v)
{
    int64_t x;
    if (tr_is_small(v))
        return v;
    if (as_small(v, &x))
        return tr_small_new(x);
    if (tr_obj(v)->type == &tr_int_type)
        return v;
    return tr_int_from_mpz(((TrBigInt *)tr_obj(v))->z);
}

int tr_int_sign(TrValue v)
{
    int64_t x;
    if (as_small(v, &x))
        return x < 0 ? -1 : x > 0;
    return mpz_sgn(((TrBigInt *)tr_obj(v))->z);
}

void tr_int_to_mpz(TrValue v, mpz_t out)
{
    ZTmp t;
    mpz_set(out, zview(v, &t));
}

int tr_int_to_i64(TrValue v, int64_t *out)
{
    if (as_small(v, out))
        return 0;
    mpz_srcptr z = ((TrBigInt *)tr_obj(v))->z;
    if (mpz_fits_slong_p(z)) {
        *out = mpz_get_si(z);
        return 0;
    }
    tr_raise(&tr_OverflowError, "Python int too large to convert to C long");
    return -1;
}

/* --- Correctly rounded conversion to double ---------------------------------------------- */

/* The double nearest (q + sticky*eps) * 2**exp2, for q >= 0, with ties to even and gradual
   underflow; *overflow set when it is too large. sticky says bits below q were nonzero. */
static double round_scaled(mpz_srcptr q, bool sticky, long exp2, int *overflow)
{
    long nb = (long)mpz_sizeinbase(q, 2);
    if (mpz_sgn(q) == 0)
        return 0.0;
    long top = nb + exp2; /* value lies in [2**(top-1), 2**top) */
    if (top > DBL_MAX_EXP) {
        *overflow = 1;
        return HUGE_VAL;
    }
    long p = top - 1 >= DBL_MIN_EXP - 1 ? DBL_MANT_DIG : top + 1074; /* bits we can keep */
    if (p < 0)
        return 0.0;
    long drop = nb - p;
    if (drop <= 0)
        return ldexp(mpz_get_d(q), (int)exp2); /* exact */
    mpz_t m;
    mpz_init(m);
    mpz_tdiv_q_2exp(m, q, (mp_bitcnt_t)drop);
    bool half = mpz_tstbit(q, (mp_bitcnt_t)(drop - 1));
    bool rest = sticky || mpz_scan1(q, 0) < (mp_bitcnt_t)(drop - 1);
    uint64_t mant = mpz_get_ui(m);
    if (half && (rest || (mant & 1)))
        mant++;
    double d = ldexp((double)mant, (int)(exp2 + drop));
    if (isinf(d))
        *overflow = 1;
    return d;
}

static double mpz_to_double(mpz_srcptr z, int *overflow)
{
    if (mpz_sizeinbase(z, 2) <= DBL_MANT_DIG)
        return mpz_get_d(z); /* exact */
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    double d = round_scaled(a, false, 0, overflow);
    return mpz_sgn(z) < 0 ? -d : d;
}

double tr_int_to_double(TrValue v, int *overflow)
{
    int64_t x;
    int ovf = 0;
    if (as_small(v, &x))
        return (double)x; /* the conversion rounds to nearest even */
    double d = mpz_to_double(((TrBigInt *)tr_obj(v))->z, &ovf);
    if (ovf) {
        if (overflow)
            *overflow = 1;
        tr_raise(&tr_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return d;
}

TrValue tr_int_from_double(double d)
{
    if (isinf(d))
        return tr_raise(&tr_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d))
        return tr_raise(&tr_ValueError, "cannot convert float NaN to integer");
    d = trunc(d);
    if (fabs(d) < 9.2e18)
        return tr_int_from_i64((int64_t)d);
    mpz_t z;
    mpz_init_set_d(z, d);
    return take_mpz(z);
}

/* --- Arithmetic ------------------------------------------------------------------------- */

TrValue tr_int_add(TrValue a, TrValue b)
{
    int64_t x, y;
    i128 wx, wy, wr;
    if (as_small(a, &x) && as_small(b, &y))
        return tr_int_from_i64(x + y);
    if (as_wide(a, &wx) && as_wide(b, &wy) && !__builtin_add_overflow(wx, wy, &wr))
        return from_wide(wr);
    ZTmp ta, tb;
    mpz_t r;
    mpz_init(r);
    mpz_add(r, zview(a, &ta), zview(b, &tb));
    return take_mpz(r);
}

TrValue tr_int_sub(TrValue a, TrValue b)
{
    int64_t x, y;
    i128 wx, wy, wr;
    if (as_small(a, &x) && as_small(b, &y))
        return tr_int_from_i64(x - y);
    if (as_wide(a, &wx) && as_wide(b, &wy) && !__builtin_sub_overflow(wx, wy, &wr))
        return from_wide(wr);
    ZTmp ta, tb;
    mpz_t r;
    mpz_init(r);
    mpz_sub(r, zview(a, &ta), zview(b, &tb));
    return take_mpz(r);
}

TrValue tr_int_mul(TrValue a, TrValue b)
{
    int64_t x, y, r;
    i128 wx, wy, wr;
    if (as_small(a, &x) && as_small(b, &y) && !__builtin_mul_overflow(x, y, &r))
        return tr_int_from_i64(r);
    if (as_wide(a, &wx) && as_wide(b, &wy) && !__builtin_mul_overflow(wx, wy, &wr))
        return from_wide(wr);
    ZTmp ta, tb;
    mpz_t z;
    mpz_init(z);
    mpz_mul(z, zview(a, &ta), zview(b, &tb));
    return take_mpz(z);
}

TrValue tr_int_neg(TrValue a)
{
    int64_t x;
    if (as_small(a, &x))
        return tr_int_from_i64(-x);
    mpz_t r;
    mpz_init(r);
    mpz_neg(r, ((TrBigInt *)tr_obj(a))->z);
    return take_mpz(r);
}

TrValue tr_int_abs(TrValue a) { return tr_int_sign(a) < 0 ? tr_int_neg(a) : tr_int_exact(a); }

TrValue tr_int_invert(TrValue a)
{
    int64_t x;
    if (as_small(a, &x))
        return tr_int_from_i64(~x);
    mpz_t r;
    mpz_init(r);
    mpz_com(r, ((TrBigInt *)tr_obj(a))->z);
    return take_mpz(r);
}

/* Floor division and modulo with Python's signs (the remainder takes the divisor's sign). */
static int divmod_core(TrValue a, TrValue b, TrValue *q, TrValue *m, const char *zmsg)
{
    int64_t x, y;
    if (tr_int_sign(b) == 0) {
        tr_raise(&tr_ZeroDivisionError, "%s", zmsg);
        return -1;
    }
    if (as_small(a, &x) && as_small(b, &y)) {
        int64_t qq = x / y, mm = x % y; /* |x| < 2**61: no int64 overflow */
        if (mm != 0 && ((mm < 0) != (y < 0))) {
            qq -= 1;
            mm += y;
        }
        if (q)
            *q = tr_int_from_i64(qq);
        if (m)
            *m = tr_small_new(mm);
        return 0;
    }
    i128 wx, wy; /* |wx| < 2**127: no overflow either */
    if (as_wide(a, &wx) && as_wide(b, &wy)) {
        i128 qq = wx / wy, mm = wx % wy;
        if (mm != 0 && ((mm < 0) != (wy < 0))) {
            qq -= 1;
            mm += wy;
        }
        if (q)
            *q = from_wide(qq);
        if (m)
            *m = from_wide(mm);
        return 0;
    }
    ZTmp ta, tb;
    mpz_t zq, zm;
    mpz_init(zq);
    mpz_init(zm);
    mpz_fdiv_qr(zq, zm, zview(a, &ta), zview(b, &tb));
    if (q)
        *q = take_mpz(zq);
    if (m)
        *m = take_mpz(zm);
    return 0;
}

TrValue tr_int_floordiv(TrValue a, TrValue b)
{
    TrValue q;
    if (divmod_core(a, b, &q, NULL, "integer division or modulo by zero") < 0)
        return TR_ERR;
    return q;
}

TrValue tr_int_mod(TrValue a, TrValue b)
{
    TrValue m;
    if (divmod_core(a, b, NULL, &m, "integer modulo by zero") < 0)
        return TR_ERR;
    return m;
}

TrValue tr_int_divmod(TrValue a, TrValue b)
{
    TrValue q, m;
    if (divmod_core(a, b, &q, &m, "integer division or modulo by zero") < 0)
        return TR_ERR;
    return tr_tuple_pack(2, q, m);
}

TrValue tr_int_truediv(TrValue a, TrValue b)
{
    int64_t x, y;
    const int64_t exact = INT64_C(1) << DBL_MANT_DIG;
    if (tr_int_sign(b) == 0)
        return tr_raise(&tr_ZeroDivisionError, "division by zero");
    if (as_small(a, &x) && as_small(b, &y) && x <= exact && x >= -exact && y <= exact &&
        y >= -exact)
        return tr_float_new((double)x / (double)y); /* both exact: one rounding */
    ZTmp ta, tb;
    mpz_srcptr za = zview(a, &ta), zb = zview(b, &tb);
    bool neg = (mpz_sgn(za) < 0) != (mpz_sgn(zb) < 0);
    if (mpz_sgn(za) == 0)
        return tr_float_new(neg ? -0.0 : 0.0);
    mpz_t na, nb, q, r;
    mpz_init(na);
    mpz_init(nb);
    mpz_init(q);
    mpz_init(r);
    mpz_abs(na, za);
    mpz_abs(nb, zb);
    /* Scale so that the quotient has at least 55 bits: enough for rounding with a sticky bit,
       also when the result is subnormal. */
    long shift = (long)mpz_sizeinbase(nb, 2) - (long)mpz_sizeinbase(na, 2) + 55;
    if (shift > 0)
        mpz_mul_2exp(na, na, (mp_bitcnt_t)shift);
    else
        mpz_mul_2exp(nb, nb, (mp_bitcnt_t)-shift);
    mpz_tdiv_qr(q, r, na, nb);
    int ovf = 0;
    double d = round_scaled(q, mpz_sgn(r) != 0, -shift, &ovf);
    if (ovf)
        return tr_raise(&tr_OverflowError, "integer division result too large for a float");
    return tr_float_new(neg ? -d : d);
}

/* Raises MemoryError for results that could not be stored anyway (as CPython ends up doing). */
static TrValue too_big(void) { return tr_raise(&tr_MemoryError, ""); }

#define MAX_RESULT_BITS (INT64_C(1) << 36)

TrValue tr_int_pow(TrValue a, TrValue b)
{
    int64_t x, y;
    if (tr_int_sign(b) < 0) {
        /* CPython hands negative exponents to float pow */
        int ovf = 0;
        double da = tr_int_to_double(a, &ovf);
        if (ovf)
            return TR_ERR;
        double db = tr_int_to_double(b, &ovf);
        if (ovf)
            return TR_ERR;
        return tr_float_pow(da, db);
    }
    if (as_small(a, &x) && as_small(b, &y)) {
        int64_t r = 1, base = x;
        bool ok = true;
        for (int64_t e = y; e > 0 && ok; e >>= 1) {
            if ((e & 1) && __builtin_mul_overflow(r, base, &r))
                ok = false;
            if (e > 1 && __builtin_mul_overflow(base, base, &base))
                ok = false;
        }
        if (ok)
            return tr_int_from_i64(r);
    }
    ZTmp ta, tb;
    mpz_srcptr za = zview(a, &ta), zb = zview(b, &tb);
    if (mpz_cmp_ui(za, 1) == 0 || mpz_sgn(za) == 0)
        return tr_int_exact(mpz_sgn(zb) == 0 ? tr_small_new(1) : a);
    if (mpz_cmp_si(za, -1) == 0)
        return tr_small_new(mpz_odd_p(zb) ? -1 : 1);
    if (!mpz_fits_ulong_p(zb))
        return too_big();
    unsigned long e = mpz_get_ui(zb);
    if ((double)mpz_sizeinbase(za, 2) * (double)e > (double)MAX_RESULT_BITS)
        return too_big();
    mpz_t r;
    mpz_init(r);
    mpz_pow_ui(r, za, e);
    return take_mpz(r);
}

TrValue tr_int_powmod(TrValue a, TrValue b, TrValue m)
{
    ZTmp ta, tb, tm;
    mpz_srcptr za = zview(a, &ta), zb = zview(b, &tb), zm = zview(m, &tm);
    if (mpz_sgn(zm) == 0)
        return tr_raise(&tr_ValueError, "pow() 3rd argument cannot be 0");
    mpz_t am, base, r;
    mpz_init(am);
    mpz_init(base);
    mpz_init(r);
    mpz_abs(am, zm);
    if (mpz_cmp_ui(am, 1) == 0)
        return tr_small_new(0);
    mpz_mod(base, za, am);
    if (mpz_sgn(zb) < 0) {
        if (!mpz_invert(base, base, am))
            return tr_raise(&tr_ValueError, "base is not invertible for the given modulus");
        mpz_t e;
        mpz_init(e);
        mpz_neg(e, zb);
        mpz_powm(r, base, e, am);
    } else {
        mpz_powm(r, base, zb, am);
    }
    if (mpz_sgn(zm) < 0 && mpz_sgn(r) != 0)
        mpz_add(r, r, zm); /* result takes the modulus' sign */
    return take_mpz(r);
}

/* --- Shifts and bitwise operations -------------------------------------------------------- */

TrValue tr_int_lshift(TrValue a, TrValue b)
{
    int64_t x, y;
    if (tr_int_sign(b) < 0)
        return tr_raise(&tr_ValueError, "negative shift count");
    if (tr_int_sign(a) == 0)
        return tr_small_new(0);
    if (as_small(a, &x) && as_small(b, &y) && y < 62) {
        __int128 r = (__int128)x * ((__int128)1 << y);
        if (r >= TR_SMALL_MIN && r <= TR_SMALL_MAX)
            return tr_small_new((int64_t)r);
    }
    ZTmp ta, tb;
    mpz_srcptr zb = zview(b, &tb);
    mpz_t lim;
    mpz_init_set_ui(lim, 30);
    mpz_mul_2exp(lim, lim, 63);
    if (mpz_cmp(zb, lim) >= 0) /* CPython: the shift in 30-bit digits must fit ssize_t */
        return tr_raise(&tr_OverflowError, "too many digits in integer");
    if (!mpz_fits_slong_p(zb) || mpz_get_si(zb) > MAX_RESULT_BITS)
        return too_big();
    mpz_t r;
    mpz_init(r);
    mpz_mul_2exp(r, zview(a, &ta), (mp_bitcnt_t)mpz_get_si(zb));
    return take_mpz(r);
}

TrValue tr_int_rshift(TrValue a, TrValue b)
{
    int64_t x, y;
    if (tr_int_sign(b) < 0)
        return tr_raise(&tr_ValueError, "negative shift count");
    if (as_small(a, &x) && as_small(b, &y))
        return tr_small_new(y >= 63 ? (x < 0 ? -1 : 0) : x >> y); /* arithmetic: floors */
    i128 wx;
    if (as_wide(a, &wx) && as_small(b, &y))
        return from_wide(y >= 127 ? (wx < 0 ? -1 : 0) : wx >> y);
    ZTmp ta, tb;
    mpz_srcptr za = zview(a, &ta), zb = zview(b, &tb);
    if (!mpz_fits_ulong_p(zb) || mpz_get_ui(zb) >= mpz_sizeinbase(za, 2))
        return tr_small_new(mpz_sgn(za) < 0 ? -1 : 0);
    mpz_t r;
    mpz_init(r);
    mpz_fdiv_q_2exp(r, za, mpz_get_ui(zb));
    return take_mpz(r);
}

/* GMP's logical operations already use two's-complement semantics on negatives. */
#define BITOP(name, cop, gmpfn)                                                                    \
    TrValue tr_int_##name(TrValue a, TrValue b)                                                    \
    {                                                                                              \
        int64_t x, y;                                                                              \
        if (as_small(a, &x) && as_small(b, &y))                                                    \
            return tr_small_new(x cop y);                                                          \
        i128 wx, wy;                                                                               \
        if (as_wide(a, &wx) && as_wide(b, &wy))                                                    \
            return from_wide(wx cop wy);                                                           \
        ZTmp ta, tb;                                                                               \
        mpz_t r;                                                                                   \
        mpz_init(r);                                                                               \
        gmpfn(r, zview(a, &ta), zview(b, &tb));                                                    \
        return take_mpz(r);                                                                        \
    }
BITOP(and, &, mpz_and)
BITOP(or, |, mpz_ior)
BITOP(xor, ^, mpz_xor)
#undef BITOP

/* --- Comparison and hashing ------------------------------------------------------------- */

int tr_int_cmp(TrValue a, TrValue b)
{
    int64_t x, y;
    i128 wx, wy;
    if (as_small(a, &x) && as_small(b, &y))
        return (x > y) - (x < y);
    if (as_wide(a, &wx) && as_wide(b, &wy))
        return (wx > wy) - (wx < wy);
    ZTmp ta, tb;
    int c = mpz_cmp(zview(a, &ta), zview(b, &tb));
    return (c > 0) - (c < 0);
}

/* Exact comparison of an int with a double (also huge ints, infinities); d is not a nan. */
int tr_int_cmp_double(TrValue a, double d)
{
    int64_t x;
    if (as_small(a, &x) && x < (INT64_C(1) << 53) && x > -(INT64_C(1) << 53)) {
        double dx = (double)x;
        return (dx > d) - (dx < d);
    }
    ZTmp t;
    int c = mpz_cmp_d(zview(a, &t), d); /* exact, accepts infinities */
    return (c > 0) - (c < 0);
}

#define HASH_MODULUS ((UINT64_C(1) << 61) - 1)

int64_t tr_int_hash(TrValue v)
{
    i128 x;
    uint64_t h;
    bool neg;
    if (as_wide(v, &x)) {
        neg = x < 0;
        h = (uint64_t)((neg ? (u128)0 - (u128)x : (u128)x) % HASH_MODULUS);
    } else {
        mpz_srcptr z = ((TrBigInt *)tr_obj(v))->z;
        mpz_t r;
        mpz_init(r);
        neg = mpz_sgn(z) < 0;
        mpz_abs(r, z);
        h = mpz_fdiv_ui(r, HASH_MODULUS);
    }
    int64_t s = neg ? -(int64_t)h : (int64_t)h;
    return s == -1 ? -2 : s;
}

/* --- Misc helpers for methods and other modules ------------------------------------------- */

int64_t tr_int_bit_length(TrValue v)
{
    int64_t x;
    if (as_small(v, &x)) {
        uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        return u ? 64 - __builtin_clzll(u) : 0;
    }
    return (int64_t)mpz_sizeinbase(((TrBigInt *)tr_obj(v))->z, 2);
}

TrValue tr_int_round(TrValue v, TrValue ndigits)
{
    if (!ndigits || ndigits == TR_NONE || tr_int_sign(ndigits) >= 0)
        return tr_int_exact(v);
    /* round half to even at 10**-ndigits */
    TrValue n = tr_int_neg(ndigits);
    if (!tr_is_small(n) || tr_small_val(n) > 100000000)
        return tr_small_new(0);
    mpz_t p, q, r, r2;
    mpz_init(p);
    mpz_init(q);
    mpz_init(r);
    mpz_init(r2);
    mpz_ui_pow_ui(p, 10, (unsigned long)tr_small_val(n));
    ZTmp t;
    mpz_fdiv_qr(q, r, zview(v, &t), p);
    mpz_mul_2exp(r2, r, 1);
    int c = mpz_cmp(r2, p);
    if (c > 0 || (c == 0 && mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
    mpz_mul(q, q, p);
    return take_mpz(q);
}

/* Read-only view of an int as an mpz for other modules (math): valid while v lives. */
mpz_srcptr tr_int_mpz_view(TrValue v, mpz_t tmp_storage, mp_limb_t *limb)
{
    int64_t x;
    if (as_small(v, &x)) {
        *limb = x < 0 ? (mp_limb_t)0 - (mp_limb_t)x : (mp_limb_t)x;
        return mpz_roinit_n(tmp_storage, limb, x < 0 ? -1 : x > 0 ? 1 : 0);
    }
    return ((TrBigInt *)tr_obj(v))->z;
}

TrValue tr_int_take_mpz(mpz_t z) { return take_mpz(z); }
