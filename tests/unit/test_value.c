/*
 * test_value.c -- checks the tagging helpers of runtime/value.h: small ints at the edges of their
 * range, flonums that round-trip bit for bit, which doubles get boxed, and that the tags of ints,
 * flonums, pointers, TR_ERR and TR_STOP never overlap. Exit status 0 when every check passes.
 */
#include "runtime/value.h"

#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>

static int failures, checks;

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        checks++;                                                                                  \
        if (!(cond)) {                                                                             \
            if (failures++ < 40) {                                                                 \
                printf("%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond);                    \
                printf(__VA_ARGS__);                                                               \
                printf("\n");                                                                      \
            }                                                                                      \
        }                                                                                          \
    } while (0)

static uint64_t bits_of(double d)
{
    uint64_t b;
    memcpy(&b, &d, 8);
    return b;
}

static double double_of(uint64_t b)
{
    double d;
    memcpy(&d, &b, 8);
    return d;
}

/* xorshift64*: deterministic, so a failure is reproducible. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;
static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1DULL;
}

/* --- Small ints ------------------------------------------------------------------------- */

static void check_small(int64_t x)
{
    CHECK(tr_fits_small(x), "%" PRId64 " should fit", x);
    TrValue v = tr_small_new(x);
    CHECK(tr_is_small(v), "%" PRId64 " not tagged small", x);
    CHECK(!tr_is_flonum(v) && !tr_is_ptr(v), "%" PRId64 " has another tag too", x);
    CHECK(v != TR_ERR && v != TR_STOP, "%" PRId64 " collides with a sentinel", x);
    CHECK(tr_small_val(v) == x, "%" PRId64 " came back as %" PRId64, x, tr_small_val(v));
}

static void test_small_ints(void)
{
    CHECK(TR_SMALL_MAX == (INT64_C(1) << 61) - 1, "TR_SMALL_MAX");
    CHECK(TR_SMALL_MIN == -(INT64_C(1) << 61), "TR_SMALL_MIN");
    const int64_t edges[] = {0, 1, -1, 2, -2, 3, 127, -128, 255, 256, 65535, INT32_MAX, INT32_MIN,
                             (INT64_C(1) << 32), -(INT64_C(1) << 32), (INT64_C(1) << 60),
                             -(INT64_C(1) << 60), TR_SMALL_MAX, TR_SMALL_MIN, TR_SMALL_MAX - 1,
                             TR_SMALL_MIN + 1};
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
        check_small(edges[i]);
    for (int k = 0; k < 61; k++) {
        check_small(INT64_C(1) << k);
        check_small(-(INT64_C(1) << k));
        check_small((INT64_C(1) << k) - 1);
    }
    const int64_t outside[] = {TR_SMALL_MAX + 1, TR_SMALL_MIN - 1, INT64_MAX, INT64_MIN,
                               (INT64_C(1) << 62), -(INT64_C(1) << 62) - 1, INT64_MAX - 1};
    for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++)
        CHECK(!tr_fits_small(outside[i]), "%" PRId64 " should not fit", outside[i]);
    for (int i = 0; i < 200000; i++) {
        int64_t x = (int64_t)rng() >> (rng() % 64 < 3 ? 0 : 2 + rng() % 60);
        if (tr_fits_small(x))
            check_small(x);
        else
            CHECK(x > TR_SMALL_MAX || x < TR_SMALL_MIN, "%" PRId64 " wrongly rejected", x);
    }
    /* Ordering of tagged small ints follows the values (the VM may compare tagged words). */
    CHECK((int64_t)tr_small_new(-5) < (int64_t)tr_small_new(3), "signed order of tagged ints");
}

/* --- Flonums ---------------------------------------------------------------------------- */

/* Whether value.h's scheme should store d inline: top three exponent bits 011 or 100, or +0.0. */
static bool should_be_flonum(double d)
{
    uint64_t b = bits_of(d);
    unsigned top = (unsigned)((b >> 60) & 7);
    return b == 0 || top == 3 || top == 4;
}

/* A double either boxes (TR_ERR) or comes back bit for bit from an inline flonum. */
static void check_double(double d, const char *what)
{
    TrValue v = tr_flonum_try(d);
    if (v == TR_ERR) {
        CHECK(!should_be_flonum(d) || bits_of(d) == 0x3000000000000000ULL,
              "%s: %.17g (bits %016" PRIx64 ") boxed but is in the flonum range", what, d,
              bits_of(d));
        return;
    }
    CHECK(tr_is_flonum(v), "%s: %.17g not tagged flonum", what, d);
    CHECK(!tr_is_small(v) && !tr_is_ptr(v), "%s: %.17g has another tag too", what, d);
    CHECK(v != TR_STOP, "%s: %.17g collides with TR_STOP", what, d);
    double back = tr_flonum_val(v);
    CHECK(bits_of(back) == bits_of(d),
          "%s: %.17g (bits %016" PRIx64 ") came back as %.17g (bits %016" PRIx64 ")", what, d,
          bits_of(d), back, bits_of(back));
}

static void test_flonums(void)
{
    const double inline_ones[] = {0.0, 1.0, -1.0, 0.5, 2.0, 0.1, 0.2, 0.30000000000000004, 3.14159,
                                  -2.5, 1e10, 1e-10, 1e16, 123456.789, 1e76, -1e76, 1e-76, 1e-70,
                                  4294967296.0, 9007199254740993.0, 1.5e-7, 65536.0, 1e22};
    for (size_t i = 0; i < sizeof inline_ones / sizeof inline_ones[0]; i++) {
        double d = inline_ones[i];
        CHECK(tr_flonum_try(d) != TR_ERR, "%.17g should be an inline flonum", d);
        check_double(d, "common value");
    }
    CHECK(tr_flonum_try(0.0) == TR_FLONUM_ZERO, "+0.0 must be TR_FLONUM_ZERO");
    CHECK(tr_flonum_val(TR_FLONUM_ZERO) == 0.0 && !signbit(tr_flonum_val(TR_FLONUM_ZERO)),
          "TR_FLONUM_ZERO must be +0.0");

    const double boxed[] = {-0.0, INFINITY, -INFINITY, NAN, -NAN, 1e300, -1e300, 1e-300, 5e-324,
                            DBL_MAX, DBL_MIN, 1e100, 1e-100, 1e200};
    for (size_t i = 0; i < sizeof boxed / sizeof boxed[0]; i++) {
        double d = boxed[i];
        CHECK(tr_flonum_try(d) == TR_ERR, "%.17g (bits %016" PRIx64 ") should be boxed", d,
              bits_of(d));
    }

    /* Every exponent, both signs, a few mantissas: boxing decision and round trip. */
    for (uint64_t e = 0; e < 2048; e++) {
        for (int s = 0; s < 2; s++) {
            const uint64_t mants[] = {0, 1, 0x8000000000000ULL, 0xFFFFFFFFFFFFFULL,
                                      rng() & 0xFFFFFFFFFFFFFULL};
            for (size_t m = 0; m < 5; m++) {
                double d = double_of(((uint64_t)s << 63) | (e << 52) | mants[m]);
                check_double(d, "exponent sweep");
                if (!isnan(d) && bits_of(d) != 0x3000000000000000ULL)
                    CHECK((tr_flonum_try(d) != TR_ERR) == should_be_flonum(d),
                          "boxing decision for %.17g (bits %016" PRIx64 ")", d, bits_of(d));
            }
        }
    }

    /* The bit pattern whose flonum would equal TR_FLONUM_ZERO (Ruby excludes it too). */
    double collide = double_of(0x3000000000000000ULL); /* 2**-255 = 1.7272337110188893e-77 */
    TrValue cv = tr_flonum_try(collide);
    CHECK(cv == TR_ERR || tr_flonum_val(cv) == collide,
          "2**-255 must box or round-trip, but it reads back as %.17g", tr_flonum_val(cv));

    /* Random bit patterns and random doubles in the range programs use. */
    for (int i = 0; i < 1000000; i++) {
        check_double(double_of(rng()), "random bits");
        double scale = pow(10.0, (int)(rng() % 60) - 30);
        double d = ((double)(int64_t)rng() / 9.2233720368547758e18) * scale;
        check_double(d, "random value");
        check_double(d * 0.1 + 1.0, "random value");
    }

    /* Distinct doubles give distinct words (else two floats would compare identical). */
    CHECK(tr_flonum_try(1.0) != tr_flonum_try(-1.0), "1.0 and -1.0 share a word");
    CHECK(tr_flonum_try(0.5) != tr_flonum_try(0.25), "0.5 and 0.25 share a word");
    CHECK(tr_flonum_try(1.0) != tr_flonum_try(nextafter(1.0, 2.0)), "1.0 and its successor");
}

/* --- Pointers, sentinels, singletons ----------------------------------------------------- */

static void test_pointers(void)
{
    static TrObject objs[4] __attribute__((aligned(16)));
    for (int i = 0; i < 4; i++) {
        TrValue v = tr_val(&objs[i]);
        CHECK(tr_is_ptr(v), "object %d not a pointer", i);
        CHECK(!tr_is_small(v) && !tr_is_flonum(v), "object %d has another tag", i);
        CHECK(tr_obj(v) == &objs[i], "object %d pointer round trip", i);
    }
    CHECK(!tr_is_ptr(TR_ERR) && !tr_is_small(TR_ERR) && !tr_is_flonum(TR_ERR), "TR_ERR tags");
    CHECK(!tr_is_ptr(TR_STOP) && !tr_is_small(TR_STOP) && !tr_is_flonum(TR_STOP), "TR_STOP tags");

    const TrValue singles[] = {TR_NONE, TR_TRUE, TR_FALSE, TR_NOTIMPL, TR_ELLIPSIS};
    for (int i = 0; i < 5; i++) {
        CHECK(tr_is_ptr(singles[i]), "singleton %d is not a pointer", i);
        for (int j = 0; j < i; j++)
            CHECK(singles[i] != singles[j], "singletons %d and %d are the same", i, j);
    }
    CHECK(tr_bool(true) == TR_TRUE && tr_bool(false) == TR_FALSE, "tr_bool");
    CHECK(tr_type_of(tr_small_new(42)) == &tr_int_type, "type of a small int");
    CHECK(tr_type_of(tr_small_new(TR_SMALL_MIN)) == &tr_int_type, "type of the smallest int");
    CHECK(tr_type_of(tr_flonum_try(2.5)) == &tr_float_type, "type of a flonum");
    CHECK(tr_type_of(TR_FLONUM_ZERO) == &tr_float_type, "type of 0.0");
}

int main(void)
{
    test_small_ints();
    test_flonums();
    test_pointers();
    if (failures) {
        printf("test_value: %d of %d checks failed\n", failures, checks);
        return 1;
    }
    printf("test_value: %d checks passed\n", checks);
    return 0;
}
