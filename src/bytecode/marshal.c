/*
 * marshal.c -- the byte format of marshal.h. A stream is the magic "TRM1" and one value; a value
 * is a tag byte and its body. Integers are LEB128 varints (signed ones zigzagged). A str that
 * appears again (names, the filename of every code object) is written once and then referred
 * to by its index ('r'), which keeps both the data and the load small.
 */
#include "bytecode/marshal.h"

#include "runtime/runtime.h"

#include <string.h>

static const char magic[4] = {'T', 'R', 'M', '1'};

enum { /* value tags */
    M_NONE = 'N', M_TRUE = 'T', M_FALSE = 'F', M_ELLIPSIS = '.', M_SMALL = 'i', M_BIG = 'l',
    M_FLOAT = 'g', M_COMPLEX = 'y', M_STR = 's', M_REF = 'r', M_BYTES = 'b', M_TUPLE = '(',
    M_FROZENSET = 'z', M_CODE = 'c',
};

/* --- Writing ------------------------------------------------------------------------------ */

typedef struct Writer {
    StrBuf *out;
    const char *why;
    TrValue *refs; /* open-addressing set of strs written: keys (GC memory: they are values) */
    int32_t *ref_ix;
    uint64_t mask;
    int32_t nrefs;
} Writer;

static void put_uv(Writer *w, uint64_t v)
{
    do {
        uint8_t b = v & 0x7F;
        v >>= 7;
        sb_putc(w->out, (char)(b | (v ? 0x80 : 0)));
    } while (v);
}

static void put_sv(Writer *w, int64_t v) { put_uv(w, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63)); }

static void put_u64(Writer *w, uint64_t v)
{
    char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (char)(v >> (8 * i));
    sb_append(w->out, b, 8);
}

static void put_double(Writer *w, double d)
{
    uint64_t bits;
    memcpy(&bits, &d, 8);
    put_u64(w, bits);
}

/* The index of s if written before (and -1 after remembering it otherwise). */
static int32_t ref_lookup(Writer *w, TrValue s)
{
    if ((uint64_t)(w->nrefs + 1) * 2 > w->mask + 1) {
        uint64_t ncap = w->mask ? (w->mask + 1) * 2 : 256;
        TrValue *keys = tr_alloc(sizeof(TrValue) * ncap);
        int32_t *ix = tr_alloc_atomic(sizeof(int32_t) * ncap);
        for (uint64_t i = 0; w->mask && i <= w->mask; i++) {
            if (!w->refs[i])
                continue;
            uint64_t h = (w->refs[i] >> 3) * 0x9E3779B97F4A7C15u & (ncap - 1);
            while (keys[h])
                h = (h + 1) & (ncap - 1);
            keys[h] = w->refs[i];
            ix[h] = w->ref_ix[i];
        }
        w->refs = keys;
        w->ref_ix = ix;
        w->mask = ncap - 1;
    }
    uint64_t h = (s >> 3) * 0x9E3779B97F4A7C15u & w->mask;
    for (; w->refs[h]; h = (h + 1) & w->mask)
        if (w->refs[h] == s)
            return w->ref_ix[h];
    w->refs[h] = s;
    w->ref_ix[h] = w->nrefs++;
    return -1;
}

static bool put_value(Writer *w, TrValue v);

static bool put_items(Writer *w, const TrValue *items, int64_t n)
{
    put_uv(w, (uint64_t)n);
    for (int64_t i = 0; i < n; i++)
        if (!put_value(w, items[i]))
            return false;
    return true;
}

static void put_str(Writer *w, TrValue v)
{
    int32_t ref = ref_lookup(w, v);
    if (ref >= 0) {
        sb_putc(w->out, M_REF);
        put_uv(w, (uint64_t)ref);
        return;
    }
    TrStr *s = tr_as_str(v);
    sb_putc(w->out, M_STR);
    sb_putc(w->out, (char)(s->kind | (s->interned ? 0x80 : 0)));
    put_uv(w, (uint64_t)s->len);
    sb_append(w->out, (const char *)s->data, (size_t)(s->len * s->kind));
}

static void put_bigint(Writer *w, TrValue v)
{
    TrBigInt *b = (TrBigInt *)tr_obj(v);
    size_t n = (mpz_sizeinbase(b->z, 2) + 7) / 8;
    uint8_t *mag = tr_alloc_atomic(n ? n : 1);
    size_t got = 0;
    mpz_export(mag, &got, -1, 1, 0, 0, b->z); /* least significant byte first */
    sb_putc(w->out, M_BIG);
    sb_putc(w->out, mpz_sgn(b->z) < 0 ? '-' : '+');
    put_uv(w, got);
    sb_append(w->out, (const char *)mag, got);
}

static bool put_code(Writer *w, CodeObj *co)
{
    sb_putc(w->out, M_CODE);
    if (!put_value(w, co->name) || !put_value(w, co->qualname) || !put_value(w, co->filename))
        return false;
    const int ints[] = {co->firstlineno, co->argcount, co->posonlyargcount, co->kwonlyargcount,
                        co->flags, co->nlocalsplus, co->nlocals, co->ncells, co->nfrees,
                        co->stacksize, co->ncode, co->nexctab};
    for (size_t i = 0; i < TR_ARRAY_LEN(ints); i++)
        put_sv(w, ints[i]);
    sb_append(w->out, (const char *)co->localspluskinds, (size_t)co->nlocalsplus);
    for (int i = 0; i < co->ncode; i++)
        put_uv(w, co->code[i]);
    for (int i = 0; i < co->ncode; i++) /* lines mostly repeat or grow: store the differences */
        put_sv(w, (int64_t)co->lines[i] - (i ? co->lines[i - 1] : co->firstlineno));
    for (int i = 0; i < co->nexctab; i++) {
        const ExcEntry *e = &co->exctab[i];
        put_sv(w, e->start);
        put_sv(w, e->end);
        put_sv(w, e->handler);
        put_sv(w, e->depth);
        sb_putc(w->out, e->lasti ? 1 : 0);
    }
    return put_value(w, co->consts) && put_value(w, co->names) &&
           put_value(w, co->localsplusnames);
}

static bool put_value(Writer *w, TrValue v)
{
    if (v == TR_NONE || v == TR_TRUE || v == TR_FALSE || v == TR_ELLIPSIS) {
        sb_putc(w->out, v == TR_NONE ? M_NONE : v == TR_TRUE ? M_TRUE : v == TR_FALSE ? M_FALSE
                                                                                     : M_ELLIPSIS);
        return true;
    }
    if (tr_is_small(v)) {
        sb_putc(w->out, M_SMALL);
        put_sv(w, tr_small_val(v));
        return true;
    }
    TrType *t = tr_type_of(v);
    if (t == &tr_float_type) {
        sb_putc(w->out, M_FLOAT);
        put_double(w, tr_float_val(v));
    } else if (t == &tr_int_type) {
        put_bigint(w, v);
    } else if (t == &tr_str_type) {
        put_str(w, v);
    } else if (t == &tr_complex_type) {
        TrComplex *c = (TrComplex *)tr_obj(v);
        sb_putc(w->out, M_COMPLEX);
        put_double(w, c->re);
        put_double(w, c->im);
    } else if (t == &tr_bytes_type) {
        TrBytes *b = (TrBytes *)tr_obj(v);
        sb_putc(w->out, M_BYTES);
        put_uv(w, (uint64_t)b->len);
        sb_append(w->out, (const char *)b->data, (size_t)b->len);
    } else if (t == &tr_tuple_type) {
        sb_putc(w->out, M_TUPLE);
        return put_items(w, tr_as_tuple(v)->items, tr_as_tuple(v)->len);
    } else if (t == &tr_frozenset_type) {
        /* in table order: re-adding in that order rebuilds the same iteration order */
        TrSet *s = (TrSet *)tr_obj(v);
        TrValue *items = tr_alloc(sizeof(TrValue) * (size_t)(s->used + 1));
        int64_t pos = 0, n = 0;
        TrValue k;
        while (tr_set_next(v, &pos, &k))
            items[n++] = k;
        sb_putc(w->out, M_FROZENSET);
        return put_items(w, items, n);
    } else if (t == &bc_code_type) {
        return put_code(w, bc_as_code(v));
    } else {
        w->why = "a constant of a type that cannot be marshalled";
        return false;
    }
    return true;
}

bool bc_marshal_value(TrValue v, StrBuf *out, const char **why)
{
    Writer w = {.out = out};
    sb_append(out, magic, sizeof magic);
    if (put_value(&w, v))
        return true;
    *why = w.why;
    return false;
}

bool bc_marshal(CodeObj *co, StrBuf *out, const char **why)
{
    return bc_marshal_value(tr_val(co), out, why);
}

/* --- Reading ------------------------------------------------------------------------------ */

typedef struct Reader {
    const uint8_t *p, *end;
    bool bad;
    TrValue *refs; /* strs in the order written (GC memory) */
    int32_t nrefs, caprefs;
    int depth;
} Reader;

static bool need(Reader *r, size_t n)
{
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = true;
        return false;
    }
    return true;
}

static uint8_t get_byte(Reader *r) { return need(r, 1) ? *r->p++ : 0; }

static uint64_t get_uv(Reader *r)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        uint8_t b = get_byte(r);
        v |= (uint64_t)(b & 0x7F) << shift;
        if (!(b & 0x80))
            return v;
    }
    r->bad = true;
    return 0;
}

static int64_t get_sv(Reader *r)
{
    uint64_t u = get_uv(r);
    return (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
}

/* A count of items each taking at least `unit` bytes: bad when the data cannot hold them. */
static int64_t get_count(Reader *r, size_t unit)
{
    uint64_t n = get_uv(r);
    if (r->bad || n > (uint64_t)(r->end - r->p) / (unit ? unit : 1)) {
        r->bad = true;
        return 0;
    }
    return (int64_t)n;
}

static int get_int(Reader *r)
{
    int64_t v = get_sv(r);
    if (v < INT32_MIN || v > INT32_MAX)
        r->bad = true;
    return (int)v;
}

static double get_double(Reader *r)
{
    uint64_t bits = 0;
    if (need(r, 8))
        for (int i = 0; i < 8; i++)
            bits |= (uint64_t)*r->p++ << (8 * i);
    double d;
    memcpy(&d, &bits, 8);
    return d;
}

static TrValue get_value(Reader *r);

static TrValue get_str(Reader *r)
{
    uint8_t kb = get_byte(r);
    int kind = kb & 0x7F;
    int64_t len = get_count(r, (size_t)(kind ? kind : 1));
    if (r->bad || (kind != 1 && kind != 2 && kind != 4) || !need(r, (size_t)(len * kind))) {
        r->bad = true;
        return TR_ERR;
    }
    TrValue s = tr_str_new_kind(len, kind);
    memcpy(tr_as_str(s)->data, r->p, (size_t)(len * kind));
    r->p += len * kind;
    tr_str_fix(s);
    if (kb & 0x80)
        s = tr_str_intern(s);
    if (r->nrefs == r->caprefs) {
        int32_t cap = r->caprefs ? r->caprefs * 2 : 256;
        TrValue *n = tr_alloc(sizeof(TrValue) * (size_t)cap);
        if (r->nrefs)
            memcpy(n, r->refs, sizeof(TrValue) * (size_t)r->nrefs);
        r->refs = n;
        r->caprefs = cap;
    }
    r->refs[r->nrefs++] = s;
    return s;
}

static TrValue get_bigint(Reader *r)
{
    uint8_t sign = get_byte(r);
    int64_t n = get_count(r, 1);
    if (r->bad || (sign != '+' && sign != '-'))
        return r->bad = true, TR_ERR;
    mpz_t z;
    mpz_init(z);
    mpz_import(z, (size_t)n, -1, 1, 0, 0, r->p);
    r->p += n;
    if (sign == '-')
        mpz_neg(z, z);
    TrValue v = tr_int_from_mpz(z);
    mpz_clear(z);
    return v;
}

static TrValue get_tuple(Reader *r)
{
    int64_t n = get_count(r, 1);
    if (r->bad)
        return TR_ERR;
    TrValue t = tr_tuple_new(n);
    for (int64_t i = 0; i < n; i++) {
        TrValue item = get_value(r);
        if (item == TR_ERR)
            return TR_ERR;
        tr_as_tuple(t)->items[i] = item;
    }
    return t;
}

static bool is_tuple_of_str(TrValue t, int64_t len)
{
    if (!tr_is_tuple(t) || (len >= 0 && tr_as_tuple(t)->len != len))
        return false;
    for (int64_t i = 0; i < tr_as_tuple(t)->len; i++)
        if (!tr_is_str(tr_as_tuple(t)->items[i]))
            return false;
    return true;
}

static TrValue get_code(Reader *r)
{
    CodeObj *co = bc_code_new();
    co->name = get_value(r);
    co->qualname = get_value(r);
    co->filename = get_value(r);
    int *ints[] = {&co->firstlineno, &co->argcount, &co->posonlyargcount, &co->kwonlyargcount,
                   &co->flags, &co->nlocalsplus, &co->nlocals, &co->ncells, &co->nfrees,
                   &co->stacksize, &co->ncode, &co->nexctab};
    for (size_t i = 0; i < TR_ARRAY_LEN(ints); i++)
        *ints[i] = get_int(r);
    if (r->bad || co->nlocalsplus < 0 || co->ncode < 0 || co->nexctab < 0 ||
        !need(r, (size_t)co->nlocalsplus + (size_t)co->ncode * 2 + (size_t)co->nexctab * 5))
        return r->bad = true, TR_ERR;
    co->localspluskinds = tr_alloc_atomic((size_t)co->nlocalsplus + 1);
    memcpy(co->localspluskinds, r->p, (size_t)co->nlocalsplus);
    r->p += co->nlocalsplus;
    co->code = tr_alloc_atomic(sizeof(BcWord) * (size_t)(co->ncode + 1));
    co->lines = tr_alloc_atomic(sizeof(int32_t) * (size_t)(co->ncode + 1));
    for (int i = 0; i < co->ncode; i++) {
        uint64_t word = get_uv(r);
        if (word > UINT32_MAX || BC_OP(word) >= OP__COUNT)
            r->bad = true;
        co->code[i] = (BcWord)word;
    }
    for (int i = 0; i < co->ncode; i++)
        co->lines[i] = (int32_t)(get_sv(r) + (i ? co->lines[i - 1] : co->firstlineno));
    co->exctab = tr_alloc_atomic(sizeof(ExcEntry) * (size_t)(co->nexctab + 1));
    memset(co->exctab, 0, sizeof(ExcEntry) * (size_t)(co->nexctab + 1)); /* padding too */
    for (int i = 0; i < co->nexctab; i++) {
        ExcEntry *e = &co->exctab[i];
        e->start = get_int(r);
        e->end = get_int(r);
        e->handler = get_int(r);
        e->depth = get_int(r);
        e->lasti = get_byte(r) != 0;
    }
    co->consts = get_value(r);
    co->names = get_value(r);
    co->localsplusnames = get_value(r);
    /* the VM trusts these shapes: reject anything else rather than crash later */
    if (r->bad || !tr_is_str(co->name) || !tr_is_str(co->qualname) || !tr_is_str(co->filename) ||
        !tr_is_tuple(co->consts) || !is_tuple_of_str(co->names, -1) ||
        !is_tuple_of_str(co->localsplusnames, co->nlocalsplus))
        return r->bad = true, TR_ERR;
    return tr_val(co);
}

static TrValue get_value(Reader *r)
{
    if (++r->depth > 200) /* the compiler nests code and tuples far less deeply */
        return r->bad = true, TR_ERR;
    TrValue v = TR_ERR;
    uint8_t tag = get_byte(r);
    switch (r->bad ? 0 : tag) {
    case M_NONE: v = TR_NONE; break;
    case M_TRUE: v = TR_TRUE; break;
    case M_FALSE: v = TR_FALSE; break;
    case M_ELLIPSIS: v = TR_ELLIPSIS; break;
    case M_SMALL: v = tr_int_from_i64(get_sv(r)); break;
    case M_BIG: v = get_bigint(r); break;
    case M_FLOAT: v = tr_float_new(get_double(r)); break;
    case M_COMPLEX: {
        double re = get_double(r);
        v = tr_complex_new(re, get_double(r));
        break;
    }
    case M_STR: v = get_str(r); break;
    case M_REF: {
        uint64_t i = get_uv(r);
        v = i < (uint64_t)r->nrefs ? r->refs[i] : TR_ERR;
        break;
    }
    case M_BYTES: {
        int64_t n = get_count(r, 1);
        if (!r->bad) {
            v = tr_bytes_new(r->p, (size_t)n);
            r->p += n;
        }
        break;
    }
    case M_TUPLE: v = get_tuple(r); break;
    case M_FROZENSET: {
        TrValue t = get_tuple(r);
        v = t == TR_ERR ? TR_ERR : tr_frozenset_new(t);
        break;
    }
    case M_CODE: v = get_code(r); break;
    default: break;
    }
    r->depth--;
    if (v == TR_ERR)
        r->bad = true;
    return v;
}

TrValue bc_unmarshal_value(const uint8_t *data, size_t size)
{
    Reader r = {.p = data, .end = data + size};
    TrValue v = TR_ERR;
    if (size >= sizeof magic && memcmp(data, magic, sizeof magic) == 0) {
        r.p += sizeof magic;
        v = get_value(&r);
    }
    if (r.bad || v == TR_ERR || r.p != r.end) {
        if (tr_err_occurred()) /* e.g. MemoryError from an allocation: keep it */
            return TR_ERR;
        return tr_raise(&tr_ValueError, "bad marshal data");
    }
    return v;
}

CodeObj *bc_unmarshal(const uint8_t *data, size_t size)
{
    TrValue v = bc_unmarshal_value(data, size);
    if (v == TR_ERR)
        return NULL;
    if (!bc_is_code(v)) {
        tr_raise(&tr_ValueError, "bad marshal data");
        return NULL;
    }
    return bc_as_code(v);
}

/* --- Walking ------------------------------------------------------------------------------ */

static void walk(CodeObj *co, BcCodeFn *fn, void *ctx, int *index)
{
    fn(co, (*index)++, ctx);
    TrTuple *t = tr_as_tuple(co->consts);
    for (int64_t i = 0; i < t->len; i++)
        if (bc_is_code(t->items[i]))
            walk(bc_as_code(t->items[i]), fn, ctx, index);
}

int bc_code_walk(CodeObj *co, BcCodeFn *fn, void *ctx)
{
    int index = 0;
    walk(co, fn, ctx, &index);
    return index;
}
