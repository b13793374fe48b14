/*
 * str.c -- the str type's core: construction at the narrowest width, UTF-8 in and out,
 * interning, hashing (CPython's SipHash-1-3, fixed key), comparison, concatenation, slicing,
 * repr, the code point builder and tr_str_fmt. Methods live in str_methods*.c.
 */
#define _GNU_SOURCE /* memmem */
#include "runtime/runtime.h"
#include "runtime/unicode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- Allocation ------------------------------------------------------------------------- */

/* Not atomic, because utf8 may point at a separate block; but only the type and utf8 words
   are scanned (tr_alloc_str), never the text. */
static TrStr *str_alloc(int64_t len, int kind)
{
    TrStr *s = tr_alloc_str(sizeof(TrStr) + (size_t)(len + 1) * (size_t)kind);
    s->ob.type = &tr_str_type;
    s->len = len;
    s->hash = -1;
    s->kind = (uint8_t)kind;
    return s;
}

static int kind_for(uint32_t maxchar)
{
    return maxchar < 0x100 ? 1 : maxchar < 0x10000 ? 2 : 4;
}

static inline void put_char(TrStr *s, int64_t i, uint32_t c)
{
    switch (s->kind) {
    case 1: s->data[i] = (uint8_t)c; break;
    case 2: ((uint16_t *)s->data)[i] = (uint16_t)c; break;
    default: ((uint32_t *)s->data)[i] = c; break;
    }
}

static void set_ascii(TrStr *s)
{
    s->ascii = false;
    s->utf8 = NULL; /* tr_str_new_kind may have pointed it at the data */
    s->utf8_len = 0;
    if (s->kind != 1)
        return;
    for (int64_t i = 0; i < s->len; i++)
        if (s->data[i] >= 128)
            return;
    s->ascii = true;
    s->utf8 = (const char *)s->data;
    s->utf8_len = s->len;
}

TrValue tr_str_new_kind(int64_t len, int kind)
{
    TrStr *s = str_alloc(len, kind);
    s->ascii = kind == 1; /* callers writing Latin-1 call tr_str_fix(s) */
    if (s->ascii) {
        s->utf8 = (const char *)s->data;
        s->utf8_len = len;
    }
    return tr_val(s);
}

void tr_str_fix(TrValue v)
{
    set_ascii(tr_as_str(v));
}

static TrValue empty_str, char_cache[256];

TrValue tr_str_empty(void)
{
    if (!empty_str)
        empty_str = tr_str_intern(tr_str_new_kind(0, 1));
    return empty_str;
}

TrValue tr_str_from_char(uint32_t cp)
{
    if (cp < 256) {
        if (!char_cache[cp]) {
            TrStr *s = str_alloc(1, 1);
            s->data[0] = (uint8_t)cp;
            set_ascii(s);
            char_cache[cp] = tr_str_intern(tr_val(s));
        }
        return char_cache[cp];
    }
    TrStr *s = str_alloc(1, kind_for(cp));
    put_char(s, 0, cp);
    return tr_val(s);
}

TrValue tr_str_from_codepoints(const uint32_t *cps, int64_t n)
{
    uint32_t maxc = 0;
    for (int64_t i = 0; i < n; i++)
        if (cps[i] > maxc)
            maxc = cps[i];
    if (n == 0)
        return tr_str_empty();
    if (n == 1 && maxc < 256)
        return tr_str_from_char(maxc);
    TrStr *s = str_alloc(n, kind_for(maxc));
    for (int64_t i = 0; i < n; i++)
        put_char(s, i, cps[i]);
    if (maxc < 128) {
        s->ascii = true;
        s->utf8 = (const char *)s->data;
        s->utf8_len = n;
    }
    return tr_val(s);
}

/* A canonical (narrowest) str from code points s[start + k*step], k < n. */
TrValue tr_str_sub(const TrStr *src, int64_t start, int64_t step, int64_t n)
{
    if (n <= 0)
        return tr_str_empty();
    if (n == 1) {
        uint32_t c = tr_str_char(src, start);
        return tr_str_from_char(c);
    }
    uint32_t maxc = 0;
    if (src->ascii)
        maxc = 127;
    else
        for (int64_t k = 0, i = start; k < n; k++, i += step) {
            uint32_t c = tr_str_char(src, i);
            if (c > maxc)
                maxc = c;
        }
    TrStr *s = str_alloc(n, kind_for(maxc));
    if (s->kind == src->kind && step == 1)
        memcpy(s->data, src->data + start * src->kind, (size_t)(n * src->kind));
    else
        for (int64_t k = 0, i = start; k < n; k++, i += step)
            put_char(s, k, tr_str_char(src, i));
    if (maxc < 128) {
        s->ascii = true;
        s->utf8 = (const char *)s->data;
        s->utf8_len = n;
    }
    return tr_val(s);
}

/* --- UTF-8 ------------------------------------------------------------------------------ */

/* Lenient: also decodes the surrogates tr_str_utf8 writes for lone surrogates; a stray byte
   decodes as itself (never happens on valid input). */
int tr_utf8_decode(const unsigned char *s, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC0 && c < 0xE0 && (s[1] & 0xC0) == 0x80) {
        *cp = ((c & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if (c >= 0xE0 && c < 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        *cp = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    if (c >= 0xF0 && c < 0xF8 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
        (s[3] & 0xC0) == 0x80) {
        *cp = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        return 4;
    }
    *cp = c;
    return 1;
}

/* Length of the valid UTF-8 sequence at s[0..n), or 0 if invalid (strict: no surrogates,
   no overlong forms, nothing past U+10FFFF). */
int tr_utf8_seq_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    if (c < 0xC2)
        return 0;
    if (c < 0xE0)
        return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c < 0xF0) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0))
            return 0;
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
            return 0;
        return 4;
    }
    return 0;
}

bool tr_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        int k = tr_utf8_seq_len(p + i, n - i);
        if (!k)
            return false;
        i += (size_t)k;
    }
    return true;
}

TrValue tr_str_from_utf8(const char *str, size_t n)
{
    const unsigned char *p = (const unsigned char *)str;
    uint32_t maxc = 0;
    int64_t len = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        if (p[i] < 0x80) {
            c = p[i++];
        } else {
            i += (size_t)tr_utf8_decode(p + i, &c);
        }
        if (c > maxc)
            maxc = c;
        len++;
    }
    if (len == 0)
        return tr_str_empty();
    if (len == 1 && maxc < 256)
        return tr_str_from_char(maxc);
    TrStr *s = str_alloc(len, kind_for(maxc));
    if (maxc < 128) {
        memcpy(s->data, str, n);
        s->ascii = true;
        s->utf8 = (const char *)s->data;
        s->utf8_len = len;
        return tr_val(s);
    }
    int64_t k = 0;
    for (size_t i = 0; i < n; k++) {
        uint32_t c;
        i += (size_t)tr_utf8_decode(p + i, &c);
        put_char(s, k, c);
    }
    return tr_val(s);
}

TrValue tr_str_from_cstr(const char *s)
{
    return tr_str_from_utf8(s, strlen(s));
}

static size_t utf8_put(char *out, uint32_t c)
{
    unsigned char *o = (unsigned char *)out;
    if (c < 0x80) {
        o[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (unsigned char)(0xC0 | (c >> 6));
        o[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (c >> 12));
        o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (c >> 18));
    o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

const char *tr_str_utf8_len(TrValue v, size_t *n)
{
    TrStr *s = tr_as_str(v);
    if (!s->utf8) {
        size_t total = 0;
        for (int64_t i = 0; i < s->len; i++) {
            uint32_t c = tr_str_char(s, i);
            total += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        }
        char *buf = tr_alloc_atomic(total + 1);
        size_t k = 0;
        for (int64_t i = 0; i < s->len; i++)
            k += utf8_put(buf + k, tr_str_char(s, i));
        buf[k] = 0;
        s->utf8_len = (int64_t)k;
        s->utf8 = buf;
    }
    if (n)
        *n = (size_t)s->utf8_len;
    return s->utf8;
}

const char *tr_str_utf8(TrValue s)
{
    return tr_str_utf8_len(s, NULL);
}

/* --- Hashing ---------------------------------------------------------------------------- */

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define HALF_ROUND(a, b, c, d, s, t)                                                               \
    a += b;                                                                                        \
    c += d;                                                                                        \
    b = ROTL(b, s) ^ a;                                                                            \
    d = ROTL(d, t) ^ c;                                                                            \
    a = ROTL(a, 32);
#define SIP_ROUND(v0, v1, v2, v3)                                                                  \
    HALF_ROUND(v0, v1, v2, v3, 13, 16);                                                            \
    HALF_ROUND(v2, v1, v0, v3, 17, 21);

/* CPython's SipHash-1-3 with the key PYTHONHASHSEED=0 gives (all zero), so hashes, and set
   orders that depend on them, equal CPython's under that setting. */
int64_t tr_hash_bytes(const void *src, size_t n)
{
    if (n == 0)
        return 0;
    const uint8_t *in = src;
    uint64_t b = (uint64_t)n << 56;
    uint64_t v0 = 0x736f6d6570736575ULL, v1 = 0x646f72616e646f6dULL;
    uint64_t v2 = 0x6c7967656e657261ULL, v3 = 0x7465646279746573ULL;
    while (n >= 8) {
        uint64_t mi;
        memcpy(&mi, in, 8);
        in += 8;
        n -= 8;
        v3 ^= mi;
        SIP_ROUND(v0, v1, v2, v3);
        v0 ^= mi;
    }
    uint64_t t = 0;
    memcpy(&t, in, n);
    b |= t;
    v3 ^= b;
    SIP_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    int64_t h = (int64_t)((v0 ^ v1) ^ (v2 ^ v3));
    return h == -1 ? -2 : h;
}

int64_t tr_str_hash(TrValue v)
{
    TrStr *s = tr_as_str(v);
    if (s->hash == -1)
        s->hash = tr_hash_bytes(s->data, (size_t)(s->len * s->kind));
    return s->hash;
}

/* --- Comparison ------------------------------------------------------------------------- */

bool tr_str_eq(TrValue a, TrValue b)
{
    if (a == b)
        return true;
    TrStr *x = tr_as_str(a), *y = tr_as_str(b);
    if (x->len != y->len)
        return false;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash)
        return false;
    if (x->kind == y->kind)
        return memcmp(x->data, y->data, (size_t)(x->len * x->kind)) == 0;
    for (int64_t i = 0; i < x->len; i++)
        if (tr_str_char(x, i) != tr_str_char(y, i))
            return false;
    return true;
}

bool tr_str_eq_cstr(TrValue a, const char *s)
{
    size_t n;
    const char *u = tr_str_utf8_len(a, &n);
    return strlen(s) == n && memcmp(u, s, n) == 0;
}

int tr_str_cmp(TrValue a, TrValue b)
{
    TrStr *x = tr_as_str(a), *y = tr_as_str(b);
    int64_t n = x->len < y->len ? x->len : y->len;
    if (x->kind == 1 && y->kind == 1) {
        int r = memcmp(x->data, y->data, (size_t)n);
        if (r)
            return r < 0 ? -1 : 1;
    } else {
        for (int64_t i = 0; i < n; i++) {
            uint32_t c = tr_str_char(x, i), d = tr_str_char(y, i);
            if (c != d)
                return c < d ? -1 : 1;
        }
    }
    return x->len < y->len ? -1 : x->len > y->len ? 1 : 0;
}

/* --- Interning -------------------------------------------------------------------------- */

static TrValue *intern_tab; /* open addressing, power-of-two size; tr_alloc'ed so it is scanned */
static int64_t intern_mask = -1, intern_used;

static void intern_grow(void)
{
    int64_t oldsize = intern_mask + 1;
    int64_t size = oldsize ? oldsize * 2 : 1024;
    TrValue *old = intern_tab;
    intern_tab = tr_alloc(sizeof(TrValue) * (size_t)size);
    intern_mask = size - 1;
    for (int64_t i = 0; i < oldsize; i++) {
        if (!old[i])
            continue;
        uint64_t j = (uint64_t)tr_str_hash(old[i]) & (uint64_t)intern_mask;
        while (intern_tab[j])
            j = (j + 1) & (uint64_t)intern_mask;
        intern_tab[j] = old[i];
    }
}

TrValue tr_str_intern(TrValue v)
{
    TrStr *s = tr_as_str(v);
    if (s->interned)
        return v;
    if ((intern_used + 1) * 2 > intern_mask + 1)
        intern_grow();
    uint64_t j = (uint64_t)tr_str_hash(v) & (uint64_t)intern_mask;
    while (intern_tab[j]) {
        if (tr_str_eq(intern_tab[j], v))
            return intern_tab[j];
        j = (j + 1) & (uint64_t)intern_mask;
    }
    if (s->ob.type != &tr_str_type) { /* a subclass instance: intern a plain copy */
        TrStr *c = str_alloc(s->len, s->kind);
        memcpy(c->data, s->data, (size_t)(s->len * s->kind));
        set_ascii(c);
        s = c;
    }
    s->interned = true;
    intern_tab[j] = tr_val(s);
    intern_used++;
    return tr_val(s);
}

/* Most callers pass string literals (slot names, "__init__"...), many times each: a small
   table keyed by the pointer remembers the result, checked with strcmp because the same address
   may hold other text later (a caller's buffer). Static, so the collector sees the values. */
static struct {
    const char *key;
    TrValue str;
} intern_cstr_cache[256];

TrValue tr_str_intern_cstr(const char *s)
{
    size_t h = ((uintptr_t)s >> 3) * 0x9E3779B97F4A7C15ull >> 56;
    TrValue c = intern_cstr_cache[h].str;
    if (intern_cstr_cache[h].key == s && strcmp(tr_as_str(c)->utf8, s) == 0)
        return c;
    TrValue v = tr_str_intern(tr_str_from_cstr(s));
    if (tr_str_utf8(v)) {
        intern_cstr_cache[h].key = s;
        intern_cstr_cache[h].str = v;
    }
    return v;
}

/* --- Concatenation, repetition, slicing ------------------------------------------------- */

static TrStr *str_alloc_max(int64_t len, int kind, bool ascii)
{
    TrStr *s = str_alloc(len, kind);
    if (ascii) {
        s->ascii = true;
        s->utf8 = (const char *)s->data;
        s->utf8_len = len;
    }
    return s;
}

/* Copies src's code points into dst at code point offset off (dst->kind >= src->kind). */
void tr_str_copy_into(TrStr *dst, int64_t off, const TrStr *src)
{
    if (dst->kind == src->kind) {
        memcpy(dst->data + off * dst->kind, src->data, (size_t)(src->len * src->kind));
        return;
    }
    for (int64_t i = 0; i < src->len; i++)
        put_char(dst, off + i, tr_str_char(src, i));
}

TrValue tr_str_concat(TrValue a, TrValue b)
{
    TrStr *x = tr_as_str(a), *y = tr_as_str(b);
    if (y->len == 0 && x->ob.type == &tr_str_type)
        return a;
    if (x->len == 0 && y->ob.type == &tr_str_type)
        return b;
    int kind = x->kind > y->kind ? x->kind : y->kind;
    TrStr *s = str_alloc_max(x->len + y->len, kind, x->ascii && y->ascii);
    tr_str_copy_into(s, 0, x);
    tr_str_copy_into(s, x->len, y);
    if (kind == 1 && !s->ascii)
        set_ascii(s);
    return tr_val(s);
}

TrValue tr_str_repeat(TrValue v, int64_t n)
{
    TrStr *x = tr_as_str(v);
    if (n <= 0 || x->len == 0)
        return tr_str_empty();
    if (n == 1 && x->ob.type == &tr_str_type)
        return v;
    if (x->len > INT64_MAX / 8 / n)
        return tr_raise(&tr_OverflowError, "repeated string is too long");
    TrStr *s = str_alloc_max(x->len * n, x->kind, x->ascii);
    size_t unit = (size_t)(x->len * x->kind);
    if (unit == 1) {
        memset(s->data, x->data[0], (size_t)n);
    } else {
        memcpy(s->data, x->data, unit);
        size_t done = unit, total = unit * (size_t)n;
        while (done < total) { /* doubling copies */
            size_t k = done < total - done ? done : total - done;
            memcpy(s->data + done, s->data, k);
            done += k;
        }
    }
    return tr_val(s);
}

TrValue tr_str_slice(TrValue v, int64_t start, int64_t stop, int64_t step)
{
    TrStr *s = tr_as_str(v);
    int64_t n;
    if (step > 0)
        n = start < stop ? (stop - start - 1) / step + 1 : 0;
    else
        n = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
    if (n == s->len && step == 1 && s->ob.type == &tr_str_type)
        return v;
    return tr_str_sub(s, start, step, n);
}

TrValue tr_str_build(const TrValue *parts, size_t n)
{
    int64_t len = 0;
    int kind = 1;
    bool ascii = true;
    for (size_t i = 0; i < n; i++) {
        TrStr *p = tr_as_str(parts[i]);
        len += p->len;
        if (p->kind > kind)
            kind = p->kind;
        ascii = ascii && p->ascii;
    }
    if (len == 0)
        return tr_str_empty();
    if (n == 1 && tr_obj(parts[0])->type == &tr_str_type)
        return parts[0];
    TrStr *s = str_alloc_max(len, kind, ascii);
    int64_t off = 0;
    for (size_t i = 0; i < n; i++) {
        TrStr *p = tr_as_str(parts[i]);
        tr_str_copy_into(s, off, p);
        off += p->len;
    }
    if (kind == 1 && !ascii)
        set_ascii(s);
    return tr_val(s);
}

TrValue tr_str_join(TrValue sep, TrValue iterable)
{
    TrValue seq = iterable;
    if (!tr_is_list(seq) && !tr_is_tuple(seq)) {
        seq = tr_list_from_iter(iterable);
        if (seq == TR_ERR)
            return TR_ERR;
    }
    int64_t n;
    const TrValue *items;
    if (tr_is_list(seq)) {
        n = tr_as_list(seq)->len;
        items = tr_as_list(seq)->items;
    } else {
        n = tr_as_tuple(seq)->len;
        items = tr_as_tuple(seq)->items;
    }
    if (n == 0)
        return tr_str_empty();
    TrStr *sp = tr_as_str(sep);
    int64_t len = sp->len * (n - 1);
    int kind = sp->kind;
    bool ascii = sp->ascii;
    for (int64_t i = 0; i < n; i++) {
        if (!tr_is_str(items[i]))
            return tr_raise(&tr_TypeError, "sequence item %lld: expected str instance, %s found",
                            (long long)i, tr_type_name(items[i]));
        TrStr *p = tr_as_str(items[i]);
        len += p->len;
        if (p->kind > kind)
            kind = p->kind;
        ascii = ascii && p->ascii;
    }
    if (n == 1 && tr_obj(items[0])->type == &tr_str_type)
        return items[0];
    TrStr *s = str_alloc_max(len, kind, ascii);
    int64_t off = 0;
    for (int64_t i = 0; i < n; i++) {
        /* re-read each time: a list could be mutated only by us, never during this loop */
        TrStr *p = tr_as_str(items[i]);
        if (i > 0) {
            tr_str_copy_into(s, off, sp);
            off += sp->len;
        }
        tr_str_copy_into(s, off, p);
        off += p->len;
    }
    if (kind == 1 && !ascii)
        set_ascii(s);
    return tr_val(s);
}

/* --- Searching -------------------------------------------------------------------------- */

/* Index of sub in s[start:end) searching forward (dir > 0) or backward, or -1. */
int64_t tr_str_find_in(const TrStr *s, const TrStr *sub, int64_t start, int64_t end, int dir)
{
    int64_t m = sub->len;
    if (end > s->len)
        end = s->len;
    if (start < 0)
        start = 0;
    if (end - start < m)
        return -1;
    if (m == 0)
        return dir > 0 ? start : end;
    if (s->kind == 1 && sub->kind == 1 && dir > 0) {
        const uint8_t *p = memmem(s->data + start, (size_t)(end - start), sub->data, (size_t)m);
        return p ? p - s->data : -1;
    }
    if (sub->kind > s->kind) { /* sub has a code point s cannot hold */
        uint32_t maxs = s->kind == 1 ? 0xFF : 0xFFFF;
        for (int64_t j = 0; j < m; j++)
            if (tr_str_char(sub, j) > maxs)
                return -1;
    }
    uint32_t first = tr_str_char(sub, 0);
    if (dir > 0) {
        for (int64_t i = start; i <= end - m; i++) {
            if (tr_str_char(s, i) != first)
                continue;
            int64_t j = 1;
            while (j < m && tr_str_char(s, i + j) == tr_str_char(sub, j))
                j++;
            if (j == m)
                return i;
        }
    } else {
        for (int64_t i = end - m; i >= start; i--) {
            if (tr_str_char(s, i) != first)
                continue;
            int64_t j = 1;
            while (j < m && tr_str_char(s, i + j) == tr_str_char(sub, j))
                j++;
            if (j == m)
                return i;
        }
    }
    return -1;
}

int tr_str_contains(TrValue s, TrValue sub)
{
    if (!tr_is_str(sub)) {
        tr_raise(&tr_TypeError, "'in <string>' requires string as left operand, not %s",
                 tr_type_name(sub));
        return -1;
    }
    return tr_str_find_in(tr_as_str(s), tr_as_str(sub), 0, tr_as_str(s)->len, 1) >= 0;
}

/* --- repr ------------------------------------------------------------------------------- */

static const char hexdig[] = "0123456789abcdef";

TrValue tr_str_repr(TrValue v)
{
    TrStr *s = tr_as_str(v);
    bool has_sq = false, has_dq = false;
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = tr_str_char(s, i);
        if (c == '\'')
            has_sq = true;
        else if (c == '"')
            has_dq = true;
    }
    uint32_t quote = has_sq && !has_dq ? '"' : '\'';
    TrStrBuilder b;
    tr_sbuild_init(&b);
    tr_sbuild_char(&b, quote);
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = tr_str_char(s, i);
        if (c == quote || c == '\\') {
            tr_sbuild_char(&b, '\\');
            tr_sbuild_char(&b, c);
        } else if (c == '\t') {
            tr_sbuild_ascii(&b, "\\t", 2);
        } else if (c == '\n') {
            tr_sbuild_ascii(&b, "\\n", 2);
        } else if (c == '\r') {
            tr_sbuild_ascii(&b, "\\r", 2);
        } else if (c < ' ' || c == 0x7F) {
            char buf[4] = {'\\', 'x', hexdig[c >> 4], hexdig[c & 15]};
            tr_sbuild_ascii(&b, buf, 4);
        } else if (c < 0x7F || tr_uni_is(c, TR_UNI_PRINTABLE)) {
            tr_sbuild_char(&b, c);
        } else {
            char buf[12];
            int n = c <= 0xFF     ? snprintf(buf, sizeof buf, "\\x%02x", c)
                    : c <= 0xFFFF ? snprintf(buf, sizeof buf, "\\u%04x", c)
                                  : snprintf(buf, sizeof buf, "\\U%08x", c);
            tr_sbuild_ascii(&b, buf, (size_t)n);
        }
    }
    tr_sbuild_char(&b, quote);
    return tr_sbuild_finish(&b);
}

/* --- Builder ---------------------------------------------------------------------------- */

void tr_sbuild_init(TrStrBuilder *b)
{
    b->buf = b->inl;
    b->len = 0;
    b->cap = TR_SBUILD_INLINE;
    b->wide = false;
}

static __attribute__((noinline)) void sbuild_grow(TrStrBuilder *b, int64_t extra)
{
    size_t w = b->wide ? 4 : 1;
    int64_t cap = b->cap * 2;
    while (cap < b->len + extra)
        cap *= 2;
    uint8_t *nb = tr_alloc_atomic(w * (size_t)cap);
    memcpy(nb, b->buf, w * (size_t)b->len);
    b->buf = nb;
    b->cap = cap;
}

static inline void sbuild_reserve(TrStrBuilder *b, int64_t extra)
{
    if (TR_UNLIKELY(b->len + extra > b->cap))
        sbuild_grow(b, extra);
}

/* A code point above 255 arrived: four bytes per code point from now on. */
static __attribute__((noinline)) void sbuild_widen(TrStrBuilder *b)
{
    int64_t cap = b->cap;
    uint32_t *nb = tr_alloc_atomic(4 * (size_t)cap);
    for (int64_t i = 0; i < b->len; i++)
        nb[i] = b->buf[i];
    b->buf = (uint8_t *)nb;
    b->wide = true;
}

/* Appends one code point; room for it is reserved. */
static inline void sbuild_put(TrStrBuilder *b, uint32_t c)
{
    if (TR_LIKELY(!b->wide)) {
        if (TR_LIKELY(c < 256)) {
            b->buf[b->len++] = (uint8_t)c;
            return;
        }
        sbuild_widen(b);
    }
    ((uint32_t *)b->buf)[b->len++] = c;
}

void tr_sbuild_char(TrStrBuilder *b, uint32_t cp)
{
    sbuild_reserve(b, 1);
    sbuild_put(b, cp);
}

/* n bytes, each a code point below 256 */
static void sbuild_bytes(TrStrBuilder *b, const uint8_t *s, size_t n)
{
    sbuild_reserve(b, (int64_t)n);
    if (!b->wide) {
        memcpy(b->buf + b->len, s, n);
        b->len += (int64_t)n;
        return;
    }
    uint32_t *d = (uint32_t *)b->buf + b->len;
    for (size_t i = 0; i < n; i++)
        d[i] = s[i];
    b->len += (int64_t)n;
}

void tr_sbuild_ascii(TrStrBuilder *b, const char *s, size_t n)
{
    sbuild_bytes(b, (const uint8_t *)s, n);
}

void tr_sbuild_utf8(TrStrBuilder *b, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    sbuild_reserve(b, (int64_t)n);
    for (size_t i = 0; i < n;) {
        uint32_t c = p[i];
        if (c < 128)
            i++;
        else
            i += (size_t)tr_utf8_decode(p + i, &c);
        sbuild_put(b, c);
    }
}

void tr_sbuild_str(TrStrBuilder *b, TrValue v)
{
    TrStr *s = tr_as_str(v);
    if (s->kind == 1) {
        sbuild_bytes(b, s->data, (size_t)s->len);
        return;
    }
    sbuild_reserve(b, s->len);
    for (int64_t i = 0; i < s->len; i++)
        sbuild_put(b, tr_str_char(s, i));
}

void tr_sbuild_fill(TrStrBuilder *b, uint32_t cp, int64_t n)
{
    if (n <= 0)
        return;
    sbuild_reserve(b, n);
    if (!b->wide && cp < 256) {
        memset(b->buf + b->len, (int)cp, (size_t)n);
        b->len += n;
        return;
    }
    for (int64_t i = 0; i < n; i++)
        sbuild_put(b, cp);
}

void tr_sbuild_builder(TrStrBuilder *b, const TrStrBuilder *src)
{
    if (!src->wide) {
        sbuild_bytes(b, src->buf, (size_t)src->len);
        return;
    }
    sbuild_reserve(b, src->len);
    for (int64_t i = 0; i < src->len; i++)
        sbuild_put(b, ((const uint32_t *)src->buf)[i]);
}

TrValue tr_sbuild_finish(TrStrBuilder *b)
{
    TrValue r;
    int64_t n = b->len;
    if (b->wide) {
        r = tr_str_from_codepoints((const uint32_t *)b->buf, n);
    } else if (n <= 1) {
        r = n ? tr_str_from_char(b->buf[0]) : tr_str_empty();
    } else {
        TrStr *s = str_alloc(n, 1);
        memcpy(s->data, b->buf, (size_t)n);
        set_ascii(s);
        r = tr_val(s);
    }
    tr_sbuild_init(b);
    return r;
}

/* --- tr_str_fmt ------------------------------------------------------------------------- */

TrValue tr_str_vfmt(const char *fmt, va_list ap)
{
    TrStrBuilder b;
    tr_sbuild_init(&b);
    const char *p = fmt;
    while (*p) {
        const char *q = p;
        while (*q && *q != '%')
            q++;
        if (q > p)
            tr_sbuild_utf8(&b, p, (size_t)(q - p));
        if (!*q)
            break;
        /* one directive: %[flags][width][.prec][length]conv */
        const char *d = q + 1;
        while (*d == '-' || *d == '0' || *d == '+' || *d == ' ' || *d == '#')
            d++;
        while (*d >= '0' && *d <= '9')
            d++;
        if (*d == '.') {
            d++;
            while (*d >= '0' && *d <= '9')
                d++;
        }
        int lng = 0;
        bool z = false;
        while (*d == 'l' || *d == 'z' || *d == 'h') {
            if (*d == 'l')
                lng++;
            if (*d == 'z')
                z = true;
            d++;
        }
        char conv = *d;
        char spec[32];
        size_t speclen = (size_t)(d - q + 1) < sizeof spec - 1 ? (size_t)(d - q + 1) : 0;
        memcpy(spec, q, speclen);
        spec[speclen] = 0;
        char buf[128];
        int n = 0;
        TrValue v, t;
        switch (conv) {
        case '%': tr_sbuild_char(&b, '%'); break;
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X':
            if (z)
                n = snprintf(buf, sizeof buf, spec, va_arg(ap, size_t));
            else if (lng >= 2)
                n = snprintf(buf, sizeof buf, spec, va_arg(ap, long long));
            else if (lng == 1)
                n = snprintf(buf, sizeof buf, spec, va_arg(ap, long));
            else
                n = snprintf(buf, sizeof buf, spec, va_arg(ap, int));
            tr_sbuild_ascii(&b, buf, (size_t)n);
            break;
        case 'c': tr_sbuild_char(&b, (uint32_t)va_arg(ap, int)); break;
        case 'p':
            n = snprintf(buf, sizeof buf, "%p", va_arg(ap, void *));
            tr_sbuild_ascii(&b, buf, (size_t)n);
            break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s)
                s = "(null)";
            size_t len = strlen(s);
            const char *dot = memchr(q, '.', (size_t)(d - q));
            if (dot) {
                size_t prec = (size_t)strtol(dot + 1, NULL, 10);
                if (len > prec)
                    len = prec;
            }
            tr_sbuild_utf8(&b, s, len);
            break;
        }
        case 'R':
        case 'S':
        case 'T':
        case 'U':
            v = va_arg(ap, TrValue);
            if (conv == 'T') {
                const char *tn = tr_type_name(v);
                tr_sbuild_utf8(&b, tn, strlen(tn));
                break;
            }
            t = conv == 'R' ? tr_repr(v) : conv == 'S' ? tr_str(v) : v;
            if (t == TR_ERR)
                return TR_ERR;
            tr_sbuild_str(&b, t);
            break;
        default: /* unknown directive: copy it */
            tr_sbuild_utf8(&b, q, (size_t)(d - q + (*d ? 1 : 0)));
            break;
        }
        p = *d ? d + 1 : d;
    }
    return tr_sbuild_finish(&b);
}

TrValue tr_str_fmt(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    TrValue r = tr_str_vfmt(fmt, ap);
    va_end(ap);
    return r;
}
