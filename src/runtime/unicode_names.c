/*
 * unicode_names.c -- name -> code point: a binary search of the generated table, then the
 * names Unicode defines by rule ("CJK UNIFIED IDEOGRAPH-4E00", "HANGUL SYLLABLE GAG"), which
 * the table leaves out (Unicode 15, section 4.8 and 3.12).
 */
#include "runtime/unicode_names.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *prefix;
    uint32_t first, last;
} ideograph_ranges[] = {
    {"CJK UNIFIED IDEOGRAPH-", 0x3400, 0x4DBF},   {"CJK UNIFIED IDEOGRAPH-", 0x4E00, 0x9FFF},
    {"CJK UNIFIED IDEOGRAPH-", 0x20000, 0x2A6DF}, {"CJK UNIFIED IDEOGRAPH-", 0x2A700, 0x2B739},
    {"CJK UNIFIED IDEOGRAPH-", 0x2B740, 0x2B81D}, {"CJK UNIFIED IDEOGRAPH-", 0x2B820, 0x2CEA1},
    {"CJK UNIFIED IDEOGRAPH-", 0x2CEB0, 0x2EBE0}, {"CJK UNIFIED IDEOGRAPH-", 0x30000, 0x3134A},
    {"CJK UNIFIED IDEOGRAPH-", 0x31350, 0x323AF}, {"TANGUT IDEOGRAPH-", 0x17000, 0x187F7},
    {"TANGUT IDEOGRAPH-", 0x18D00, 0x18D08},
};

/* Hangul syllable names: L + V + T jamo short names (Unicode 3.12, "Hangul Syllable Name
   Generation"). */
static const char *const jamo_l[] = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S",
                                     "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
static const char *const jamo_v[] = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA",
                                     "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU",
                                     "YI", "I"};
static const char *const jamo_t[] = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG",
                                     "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S",
                                     "SS", "NG", "J", "C", "K", "T", "P", "H"};

/* Longest jamo of table that prefixes s; -1 if none (the empty name matches length 0). */
static int match_jamo(const char *s, const char *const *table, int count, int *len)
{
    int best = -1, best_len = -1;
    for (int i = 0; i < count; i++) {
        int l = (int)strlen(table[i]);
        if (l > best_len && strncmp(s, table[i], (size_t)l) == 0) {
            best = i;
            best_len = l;
        }
    }
    *len = best_len;
    return best;
}

static bool hangul_lookup(const char *s, uint32_t *cp)
{
    int n;
    int l = match_jamo(s, jamo_l, 19, &n);
    if (l < 0)
        return false;
    s += n;
    int v = match_jamo(s, jamo_v, 21, &n);
    if (v < 0)
        return false;
    s += n;
    int t = match_jamo(s, jamo_t, 28, &n);
    if (t < 0 || s[n] != 0)
        return false;
    *cp = 0xAC00 + (uint32_t)((l * 21 + v) * 28 + t);
    return true;
}

static bool computed_lookup(const char *s, uint32_t *cp)
{
    static const char hangul[] = "HANGUL SYLLABLE ";
    if (strncmp(s, hangul, sizeof hangul - 1) == 0)
        return hangul_lookup(s + sizeof hangul - 1, cp);
    for (size_t i = 0; i < TR_ARRAY_LEN(ideograph_ranges); i++) {
        size_t pl = strlen(ideograph_ranges[i].prefix);
        if (strncmp(s, ideograph_ranges[i].prefix, pl) != 0)
            continue;
        const char *hex = s + pl;
        size_t hl = strlen(hex);
        if (hl < 4 || hl > 5 || strspn(hex, "0123456789ABCDEF") != hl)
            return false;
        uint32_t v = (uint32_t)strtoul(hex, NULL, 16);
        for (size_t j = 0; j < TR_ARRAY_LEN(ideograph_ranges); j++)
            if (strcmp(ideograph_ranges[j].prefix, ideograph_ranges[i].prefix) == 0 &&
                v >= ideograph_ranges[j].first && v <= ideograph_ranges[j].last) {
                *cp = v;
                return true;
            }
        return false;
    }
    return false;
}

bool tr_unicode_lookup(const char *name, size_t n, uint32_t *cp)
{
    char key[128];
    if (n == 0 || n >= sizeof key)
        return false;
    for (size_t i = 0; i < n; i++)
        key[i] = (char)toupper((unsigned char)name[i]);
    key[n] = 0;
    int lo = 0, hi = tr_unicode_names_count - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = strcmp(tr_unicode_names[mid].name, key);
        if (c == 0) {
            *cp = tr_unicode_names[mid].cp;
            return true;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return computed_lookup(key, cp);
}
