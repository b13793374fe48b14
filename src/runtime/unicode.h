/*
 * unicode.h -- per-code-point Unicode properties and case mappings for str methods, from a
 * table generated out of CPython 3.11's own behaviour (unicode_db.def), so predicates and
 * case conversion agree with CPython exactly.
 */
#ifndef TR_UNICODE_H
#define TR_UNICODE_H

#include "common/base.h"

enum {
    TR_UNI_ALPHA = 1 << 0,
    TR_UNI_DECIMAL = 1 << 1,
    TR_UNI_DIGIT = 1 << 2,
    TR_UNI_NUMERIC = 1 << 3,
    TR_UNI_SPACE = 1 << 4,
    TR_UNI_UPPER = 1 << 5,
    TR_UNI_LOWER = 1 << 6,
    TR_UNI_TITLE = 1 << 7, /* titlecase letters (Lt) only: 'A' is UPPER, not TITLE */
    TR_UNI_PRINTABLE = 1 << 8,
    TR_UNI_XID_START = 1 << 9, /* includes '_', as str.isidentifier's first character */
    TR_UNI_XID_CONTINUE = 1 << 10,
    TR_UNI_CASE_IGNORABLE = 1 << 11,
};

unsigned tr_uni_flags(uint32_t cp);
static inline bool tr_uni_is(uint32_t cp, unsigned mask)
{
    return (tr_uni_flags(cp) & mask) != 0;
}
static inline bool tr_uni_isspace(uint32_t cp)
{
    if (cp < 128)
        return cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 28 && cp <= 31);
    return tr_uni_is(cp, TR_UNI_SPACE);
}
static inline bool tr_uni_iscased(uint32_t cp)
{
    return tr_uni_is(cp, TR_UNI_UPPER | TR_UNI_LOWER | TR_UNI_TITLE);
}
/* A line boundary for str.splitlines. */
bool tr_uni_islinebreak(uint32_t cp);
/* Decimal digit value 0-9, or -1 (also for int() and float() of Unicode digits). */
int tr_uni_decimal(uint32_t cp);

/* Full case mappings: write up to 3 code points into out, return how many. */
enum { TR_CASE_LOWER, TR_CASE_UPPER, TR_CASE_TITLE, TR_CASE_FOLD };
int tr_uni_tocase(uint32_t cp, int which, uint32_t out[3]);
/* Simple (one code point) mappings. */
uint32_t tr_uni_simple_lower(uint32_t cp);
uint32_t tr_uni_simple_upper(uint32_t cp);

#endif
