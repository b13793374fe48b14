/*
 * mod_random.c -- the _random module: the Mersenne Twister MT19937 generator behind
 * lib/random.py. Seeding follows CPython exactly (init_by_array over the 32-bit words of
 * abs(seed), least significant first), so random() and getrandbits() give CPython's numbers.
 */
#include "runtime/mod_util.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

#define MT_N 624
#define MT_M 397

typedef struct {
    TrObject ob;
    uint32_t *state; /* MT_N words, atomic memory */
    int index;
} MTRandom;

extern TrType tr_random_type;

#define RND(v) ((MTRandom *)tr_obj(v))

/* --- The generator (the reference algorithm by Matsumoto and Nishimura) ----------------- */

static uint32_t genrand(MTRandom *r)
{
    static const uint32_t mag01[2] = {0x0u, 0x9908b0dfu};
    uint32_t *mt = r->state, y;
    if (r->index >= MT_N) {
        int kk;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
            mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 1];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
            mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1];
        }
        y = (mt[MT_N - 1] & 0x80000000u) | (mt[0] & 0x7fffffffu);
        mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1];
        r->index = 0;
    }
    y = mt[r->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= (y >> 18);
    return y;
}

static void init_genrand(MTRandom *r, uint32_t s)
{
    uint32_t *mt = r->state;
    mt[0] = s;
    for (int i = 1; i < MT_N; i++)
        mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    r->index = MT_N;
}

static void init_by_array(MTRandom *r, const uint32_t *key, size_t len)
{
    uint32_t *mt = r->state;
    init_genrand(r, 19650218u);
    size_t i = 1, j = 0, k = MT_N > len ? MT_N : len;
    for (; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= len)
            j = 0;
    }
    for (k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u;
}

/* --- Seeding ---------------------------------------------------------------------------- */

static void seed_urandom(MTRandom *r)
{
    uint32_t key[MT_N];
    FILE *f = fopen("/dev/urandom", "rb");
    size_t got = f ? fread(key, sizeof key[0], MT_N, f) : 0;
    if (f)
        fclose(f);
    if (got != MT_N) { /* no entropy source: time and pid, as CPython's fallback */
        key[0] = (uint32_t)time(NULL);
        key[1] = (uint32_t)getpid();
        key[2] = (uint32_t)clock();
        got = 3;
    }
    init_by_array(r, key, got);
}

static int seed_with(MTRandom *r, TrValue arg)
{
    if (!arg || arg == TR_NONE) {
        seed_urandom(r);
        return 0;
    }
    TrValue n = arg;
    if (!tr_is_int(arg)) {
        int64_t h = tr_hash(arg);
        if (h == -1 && tr_err_occurred())
            return -1;
        n = tr_int_from_i64(h);
    }
    mpz_t z;
    mpz_init(z);
    tr_int_to_mpz(n, z);
    mpz_abs(z, z);
    size_t words = (mpz_sizeinbase(z, 2) + 31) / 32;
    uint32_t *key = tr_alloc_atomic(sizeof(uint32_t) * (words ? words : 1));
    size_t count = 0;
    mpz_export(key, &count, -1, sizeof(uint32_t), 0, 0, z);
    if (count == 0)
        key[count++] = 0;
    init_by_array(r, key, count);
    mpz_clear(z);
    return 0;
}

/* --- Methods ---------------------------------------------------------------------------- */

#define FN(name) static TrValue name(TrValue self, const TrValue *args, size_t nargs, TrValue kw)

FN(rnd_seed)
{
    if (tr_no_kwargs("seed", kw) < 0 || tr_check_nargs("seed", nargs, 0, 1) < 0)
        return TR_ERR;
    return seed_with(RND(self), nargs ? args[0] : 0) < 0 ? TR_ERR : TR_NONE;
}

FN(rnd_random)
{
    if (tr_no_kwargs("random", kw) < 0 || tr_check_nargs("random", nargs, 0, 0) < 0)
        return TR_ERR;
    MTRandom *r = RND(self);
    uint32_t a = genrand(r) >> 5, b = genrand(r) >> 6;
    return tr_float_new((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

FN(rnd_getrandbits)
{
    if (tr_no_kwargs("getrandbits", kw) < 0 || tr_check_nargs("getrandbits", nargs, 1, 1) < 0)
        return TR_ERR;
    int64_t k;
    if (tr_mod_arg_i64(args[0], &k) < 0)
        return TR_ERR;
    if (k < 0)
        return tr_raise(&tr_ValueError, "number of bits must be non-negative");
    MTRandom *r = RND(self);
    if (k == 0)
        return tr_small_new(0);
    if (k <= 32)
        return tr_int_from_i64(genrand(r) >> (32 - k));
    size_t words = (size_t)((k - 1) / 32 + 1);
    uint32_t *w = tr_alloc_atomic(sizeof(uint32_t) * words);
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t x = genrand(r);
        if (k < 32)
            x >>= (32 - k);
        w[i] = x;
    }
    mpz_t z;
    mpz_init(z);
    mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, w);
    return tr_int_take_mpz(z);
}

/* The state as CPython gives it: a tuple of 624 words and the index. */
FN(rnd_getstate)
{
    if (tr_check_nargs("getstate", nargs, 0, 0) < 0)
        return TR_ERR;
    MTRandom *r = RND(self);
    TrValue t = tr_tuple_new(MT_N + 1);
    for (int i = 0; i < MT_N; i++)
        tr_as_tuple(t)->items[i] = tr_int_from_i64(r->state[i]);
    tr_as_tuple(t)->items[MT_N] = tr_int_from_i64(r->index);
    return t;
}

FN(rnd_setstate)
{
    if (tr_check_nargs("setstate", nargs, 1, 1) < 0)
        return TR_ERR;
    TrValue t = args[0];
    if (!tr_is_tuple(t))
        return tr_raise(&tr_TypeError, "state vector must be a tuple");
    if (tr_as_tuple(t)->len != MT_N + 1)
        return tr_raise(&tr_ValueError, "state vector is the wrong size");
    MTRandom *r = RND(self);
    for (int i = 0; i <= MT_N; i++) {
        int64_t x;
        if (tr_mod_arg_i64(tr_as_tuple(t)->items[i], &x) < 0)
            return TR_ERR;
        if (i < MT_N)
            r->state[i] = (uint32_t)x;
        else if (x < 0 || x > MT_N)
            return tr_raise(&tr_ValueError, "invalid state");
        else
            r->index = (int)x;
    }
    return TR_NONE;
}

static const TrMethodDef random_methods[] = {
    {"seed", rnd_seed, 0},         {"random", rnd_random, 0},
    {"getrandbits", rnd_getrandbits, 0}, {"getstate", rnd_getstate, 0},
    {"setstate", rnd_setstate, 0}, {NULL, NULL, 0},
};

static TrValue random_new(TrType *type, const TrValue *args, size_t nargs, TrValue kwnames)
{
    if (type == &tr_random_type && tr_no_kwargs("Random", kwnames) < 0)
        return TR_ERR;
    if (nargs > 1)
        return tr_raise(&tr_TypeError, "Random() expected at most 1 argument, got %zu", nargs);
    MTRandom *r = tr_obj_new(type->basicsize > sizeof(MTRandom) ? type->basicsize
                                                                 : sizeof(MTRandom), type);
    r->state = tr_alloc_atomic(sizeof(uint32_t) * MT_N);
    if (seed_with(r, nargs ? args[0] : 0) < 0)
        return TR_ERR;
    return tr_val(r);
}

TrType tr_random_type = {
    .ob = {&tr_type_type}, .name = "_random.Random", .base = &tr_object_type,
    .flags = TR_TYPE_BASETYPE, .basicsize = sizeof(MTRandom), .new = random_new,
    .methods = random_methods,
};

TrValue tr_mod__random_init(void)
{
    TrValue m = tr_module_new(tr_str_intern_cstr("_random"));
    tr_mod_set_type_module(&tr_random_type, "_random");
    tr_module_add(m, "Random", tr_val(&tr_random_type));
    return m;
}
