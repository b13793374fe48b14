/*
 * mod_re.h -- the re module's internals shared by mod_re*.c: Pattern and Match objects, the
 * translation of Python regex syntax into PCRE2 syntax, and the matching core that maps
 * PCRE2's byte offsets (UTF-8 of a str) back to code point indexes.
 */
#ifndef TR_MOD_RE_H
#define TR_MOD_RE_H

#include "common/strbuf.h"
#include "runtime/runtime.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Python's flag values (re.RegexFlag). */
enum {
    RE_TEMPLATE = 1,
    RE_IGNORECASE = 2,
    RE_LOCALE = 4,
    RE_MULTILINE = 8,
    RE_DOTALL = 16,
    RE_UNICODE = 32,
    RE_VERBOSE = 64,
    RE_DEBUG = 128,
    RE_ASCII = 256,
};

typedef struct TrRePattern {
    TrObject ob;
    TrValue pattern;    /* the str or bytes given */
    int64_t flags;      /* Python flags, with UNICODE added for str patterns */
    int64_t groups;     /* capturing groups */
    TrValue groupindex; /* dict name -> group number */
    TrValue groupnames; /* tuple of groups+1 entries: name str or None */
    pcre2_code *code;
    pcre2_match_data *spare; /* reused by the next match (single-threaded); NULL when in use */
    bool is_bytes;
} TrRePattern;

typedef struct TrReMatch {
    TrObject ob;
    TrValue pattern; /* TrRePattern */
    TrValue string;  /* the subject as given */
    int64_t pos, endpos;
    int64_t lastindex; /* -1: None */
    int64_t *spans;    /* 2 * (groups + 1) code point offsets, -1 for a group that did not take part */
} TrReMatch;

extern TrType tr_re_pattern_type, tr_re_match_type, tr_re_error_type, tr_re_flag_type,
    tr_re_scanner_iter_type;

/* Result of translating a Python pattern (mod_re_parse.c). */
typedef struct ReTranslated {
    StrBuf out;          /* PCRE2 pattern */
    int64_t *srcpos;     /* srcpos[i]: pattern index that produced out byte i (out.len + 1) */
    int64_t flags;       /* the Python flags after inline global flags */
    int64_t groups;
    TrValue groupindex;  /* dict */
} ReTranslated;

/* Translates pattern (str or bytes); flags are the caller's. Raises re.error (0 on success). */
int tr_re_translate(TrValue pattern, bool is_bytes, int64_t flags, ReTranslated *out);

/* Raises re.error(msg, pattern, pos); pos < 0 means None. Returns TR_ERR. */
TrValue tr_re_error(TrValue msg, TrValue pattern, int64_t pos);

/* The subject of a match: the bytes PCRE2 sees and the maps between byte offsets and
   Python indexes (only for non-ASCII str; NULL otherwise: the offsets are equal). */
typedef struct ReSubject {
    TrValue obj;
    const uint8_t *data;
    int64_t nbytes;
    int64_t len; /* in code points (or bytes) */
    bool is_bytes;
    const uint32_t *c2b; /* len + 1 entries */
    const uint32_t *b2c; /* nbytes + 1 entries, valid at character boundaries */
} ReSubject;

int tr_re_subject(TrRePattern *p, TrValue obj, ReSubject *s); /* 0, or -1 with TypeError */
static inline int64_t re_c2b(const ReSubject *s, int64_t i) { return s->c2b ? s->c2b[i] : i; }
static inline int64_t re_b2c(const ReSubject *s, int64_t b) { return s->b2c ? s->b2c[b] : b; }

/* One PCRE2 match from code point pos, stopping at endpos. Fills spans (code points, -1 when
   unset) and *lastindex. 1 found, 0 none, -1 error. */
int tr_re_exec(TrRePattern *p, const ReSubject *s, pcre2_match_data *md, int64_t pos,
               int64_t endpos, uint32_t options, int64_t *spans, int64_t *lastindex);
/* Match data for p, reused between calls: pair each acquire with a release. */
pcre2_match_data *tr_re_match_data(TrRePattern *p);
void tr_re_match_data_release(TrRePattern *p, pcre2_match_data *md);
TrValue tr_re_match_new(TrRePattern *p, const ReSubject *s, int64_t pos, int64_t endpos,
                        const int64_t *spans, int64_t lastindex);

/* A slice of the subject as str or bytes (str/bytes/bytearray as the subject is). */
TrValue tr_re_slice(const ReSubject *s, int64_t start, int64_t end);
TrValue tr_re_slice_obj(TrValue subject, int64_t start, int64_t end);

/* Pattern methods also used by the module-level functions. */
TrValue tr_re_compile(TrValue pattern, int64_t flags); /* cached */
TrValue tr_re_expand(TrReMatch *m, TrValue template);  /* Match.expand */
TrValue tr_re_flags_repr(int64_t flags);               /* "re.IGNORECASE|re.MULTILINE" */
TrValue tr_re_flag_new(int64_t flags);                 /* a RegexFlag value */

#endif
