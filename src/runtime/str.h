/*
 * str.h -- Python str: immutable code points stored at the narrowest width that holds them
 * (1 byte: latin-1, 2: UCS-2, 4: UCS-4), so len and indexing are O(1). The hash is cached;
 * identifiers are interned so that name lookups can compare pointers first.
 * utf8 caches the UTF-8 form (for ASCII strings it points at data itself).
 */
#ifndef TR_STR_H
#define TR_STR_H

#include "runtime/object.h"

#include <stdarg.h>

typedef struct TrStr {
    TrObject ob;
    int64_t len;    /* code points */
    int64_t hash;   /* -1: not computed yet */
    uint8_t kind;   /* 1, 2 or 4 bytes per code point */
    bool ascii;     /* every code point < 128 */
    bool interned;
    const char *utf8; /* NUL-terminated UTF-8, made on demand */
    int64_t utf8_len;
    uint8_t data[];   /* len * kind bytes, then a NUL code unit */
} TrStr;

extern TrType tr_str_type;

static inline bool tr_is_str(TrValue v)
{
    return tr_is_ptr(v) && (tr_obj(v)->type == &tr_str_type ||
                            (tr_obj(v)->type->flags & TR_TYPE_STR_SUB));
}
static inline TrStr *tr_as_str(TrValue v) { return (TrStr *)tr_obj(v); }
static inline uint32_t tr_str_char(const TrStr *s, int64_t i)
{
    switch (s->kind) {
    case 1: return s->data[i];
    case 2: return ((const uint16_t *)s->data)[i];
    default: return ((const uint32_t *)s->data)[i];
    }
}

/* Construction. The UTF-8 input must be valid (the tokenizer and decoders check). */
TrValue tr_str_from_utf8(const char *s, size_t n);
TrValue tr_str_from_cstr(const char *s);
TrValue tr_str_from_codepoints(const uint32_t *cps, int64_t n);
TrValue tr_str_new_kind(int64_t len, int kind); /* uninitialized data; see tr_str_fix */
TrValue tr_str_intern(TrValue s);               /* the unique interned copy */
TrValue tr_str_intern_cstr(const char *s);
TrValue tr_str_from_char(uint32_t cp);          /* cached for cp < 256 */
TrValue tr_str_fmt(const char *fmt, ...);       /* tr_raise's formatting: %s %d %R %S %T ... */
TrValue tr_str_vfmt(const char *fmt, va_list ap);
TrValue tr_str_empty(void);

/* Access */
const char *tr_str_utf8(TrValue s);                /* NUL-terminated, cached */
const char *tr_str_utf8_len(TrValue s, size_t *n); /* same, with byte length */
int64_t tr_str_hash(TrValue s);
bool tr_str_eq(TrValue a, TrValue b); /* both str */
bool tr_str_eq_cstr(TrValue a, const char *s);
int tr_str_cmp(TrValue a, TrValue b); /* code point order: <0, 0, >0 */

/* Operations used by the VM and other types */
TrValue tr_str_concat(TrValue a, TrValue b);
TrValue tr_str_repeat(TrValue s, int64_t n);
TrValue tr_str_slice(TrValue s, int64_t start, int64_t stop, int64_t step);
TrValue tr_str_join(TrValue sep, TrValue iterable);
TrValue tr_str_repr(TrValue s); /* CPython quoting rules */
int tr_str_contains(TrValue s, TrValue sub);
/* Joins n str pieces (BUILD_STRING, f-strings). */
TrValue tr_str_build(const TrValue *parts, size_t n);

/* A builder that widens as code points arrive: one byte per code point while they are all
   below 256 (nearly always), four after that. The first TR_SBUILD_INLINE bytes live in the
   builder itself (on the C stack), so short results allocate only the str. A builder must not
   be copied once written to (buf may point into it). */
#define TR_SBUILD_INLINE 192
typedef struct TrStrBuilder {
    uint8_t *buf;     /* len code units of `wide ? 4 : 1` bytes */
    int64_t len, cap; /* in code units */
    uint32_t maxchar;
    bool wide;
    uint8_t inl[TR_SBUILD_INLINE];
} TrStrBuilder;
void tr_sbuild_init(TrStrBuilder *b);
void tr_sbuild_char(TrStrBuilder *b, uint32_t cp);
void tr_sbuild_ascii(TrStrBuilder *b, const char *s, size_t n);
void tr_sbuild_utf8(TrStrBuilder *b, const char *s, size_t n);
void tr_sbuild_str(TrStrBuilder *b, TrValue s);
void tr_sbuild_fill(TrStrBuilder *b, uint32_t cp, int64_t n); /* n copies of cp */
void tr_sbuild_builder(TrStrBuilder *b, const TrStrBuilder *src); /* src's code points */
TrValue tr_sbuild_finish(TrStrBuilder *b);

/* UTF-8 helpers */
bool tr_utf8_valid(const char *s, size_t n);
/* decodes one code point at s (valid UTF-8), returns its byte length */
int tr_utf8_decode(const unsigned char *s, uint32_t *cp);

/* --- Shared by the str_*.c, bytes*.c and format*.c files -------------------------------- */

extern TrType tr_str_iter_type;
extern const TrMethodDef tr_str_methods[];
/* Canonical (narrowest-width) str of src's code points start, start+step, ... (n of them). */
TrValue tr_str_sub(const TrStr *src, int64_t start, int64_t step, int64_t n);
/* A str from tr_str_new_kind starts flagged ascii when kind is 1; after writing Latin-1 code
   points into it, call tr_str_fix to recompute the flag. Keep the kind the narrowest one. */
void tr_str_fix(TrValue s);
/* Copies src's code points into dst at code point offset off (dst->kind >= src->kind). */
void tr_str_copy_into(TrStr *dst, int64_t off, const TrStr *src);
/* Index of sub in s[start:end) (clamped), searching forward (dir > 0) or backward; -1 if none. */
int64_t tr_str_find_in(const TrStr *s, const TrStr *sub, int64_t start, int64_t end, int dir);
/* Length of the strictly valid UTF-8 sequence at s[0..n), or 0 if invalid. */
int tr_utf8_seq_len(const unsigned char *s, size_t n);
/* v is an int or has __index__ (for sequence repetition and indexing). */
bool tr_has_index(TrValue v);

#endif
