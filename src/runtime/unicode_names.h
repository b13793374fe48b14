/*
 * unicode_names.h -- looking up a character by its Unicode name, for \N{...} escapes: the
 * names of UnicodeData.txt and the formal aliases (table generated at build time by
 * tools/gen_unicode_names.sh), plus the names Unicode computes (ideographs, Hangul syllables).
 */
#ifndef TR_UNICODE_NAMES_H
#define TR_UNICODE_NAMES_H

#include "common/base.h"

typedef struct TrUnicodeName {
    const char *name;
    uint32_t cp;
} TrUnicodeName;

extern const TrUnicodeName tr_unicode_names[]; /* sorted by name (bytewise) */
extern const int tr_unicode_names_count;

/* Finds the code point named name[0..n) (case-insensitive, as CPython's \N{}); false if none. */
bool tr_unicode_lookup(const char *name, size_t n, uint32_t *cp);

#endif
