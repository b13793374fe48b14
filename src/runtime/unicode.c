/*
 * unicode.c -- lookups in the generated Unicode table: runs of code points sharing flags and
 * case deltas (binary search; Latin-1 is cached in a direct table), plus the few full case
 * mappings that expand to several code points.
 */
#include "runtime/unicode.h"

#define ALPHA TR_UNI_ALPHA
#define DECIMAL TR_UNI_DECIMAL
#define DIGIT TR_UNI_DIGIT
#define NUMERIC TR_UNI_NUMERIC
#define SPACE TR_UNI_SPACE
#define UPPER TR_UNI_UPPER
#define LOWER TR_UNI_LOWER
#define TITLE TR_UNI_TITLE
#define PRINTABLE TR_UNI_PRINTABLE
#define XID_START TR_UNI_XID_START
#define XID_CONTINUE TR_UNI_XID_CONTINUE
#define CASE_IGNORABLE TR_UNI_CASE_IGNORABLE

typedef struct URow {
    uint32_t first;
    uint16_t flags;
    int8_t decimal;
    int32_t upper, lower, title; /* deltas */
} URow;

typedef struct UCase {
    uint32_t cp;
    uint32_t map[4][3]; /* lower, upper, title, casefold */
} UCase;

static const URow rows[] = {
#define UROW(first, fl, dec, up, lo, ti) {first, fl, dec, up, lo, ti},
#define UCASE(...)
#include "runtime/unicode_db.def"
#undef UROW
#undef UCASE
};

static const UCase cases[] = {
#define UROW(...)
#define UCASE(cp, l0, l1, l2, u0, u1, u2, t0, t1, t2, f0, f1, f2)                                  \
    {cp, {{l0, l1, l2}, {u0, u1, u2}, {t0, t1, t2}, {f0, f1, f2}}},
#include "runtime/unicode_db.def"
#undef UROW
#undef UCASE
};

static const URow *latin1[256];

static const URow *find(uint32_t cp)
{
    if (cp < 256 && latin1[cp])
        return latin1[cp];
    size_t lo = 0, hi = TR_ARRAY_LEN(rows); /* rows[lo].first <= cp < rows[hi].first */
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (rows[mid].first <= cp)
            lo = mid;
        else
            hi = mid;
    }
    if (cp < 256)
        latin1[cp] = &rows[lo];
    return &rows[lo];
}

unsigned tr_uni_flags(uint32_t cp)
{
    if (cp > 0x10FFFF)
        return 0;
    return find(cp)->flags;
}

int tr_uni_decimal(uint32_t cp)
{
    if (cp < 128)
        return cp >= '0' && cp <= '9' ? (int)(cp - '0') : -1;
    if (cp > 0x10FFFF)
        return -1;
    return find(cp)->decimal;
}

bool tr_uni_islinebreak(uint32_t cp)
{
    switch (cp) {
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case 0x1C:
    case 0x1D:
    case 0x1E:
    case 0x85:
    case 0x2028:
    case 0x2029: return true;
    default: return false;
    }
}

static const UCase *find_case(uint32_t cp)
{
    size_t lo = 0, hi = TR_ARRAY_LEN(cases);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cases[mid].cp == cp)
            return &cases[mid];
        if (cases[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

int tr_uni_tocase(uint32_t cp, int which, uint32_t out[3])
{
    if (cp < 128) {
        if (which == TR_CASE_UPPER || which == TR_CASE_TITLE)
            out[0] = cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
        else
            out[0] = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
        return 1;
    }
    const UCase *c = find_case(cp);
    if (c) {
        int n = 0;
        while (n < 3 && c->map[which][n])
            out[n] = c->map[which][n], n++;
        return n;
    }
    if (cp > 0x10FFFF) {
        out[0] = cp;
        return 1;
    }
    const URow *r = find(cp);
    int32_t d = which == TR_CASE_UPPER ? r->upper : which == TR_CASE_TITLE ? r->title : r->lower;
    out[0] = (uint32_t)((int32_t)cp + d);
    return 1;
}

uint32_t tr_uni_simple_lower(uint32_t cp)
{
    uint32_t out[3];
    return tr_uni_tocase(cp, TR_CASE_LOWER, out) == 1 ? out[0] : cp;
}

uint32_t tr_uni_simple_upper(uint32_t cp)
{
    uint32_t out[3];
    return tr_uni_tocase(cp, TR_CASE_UPPER, out) == 1 ? out[0] : cp;
}
