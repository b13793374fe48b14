/*
 * mod_re_parse.c -- translates Python regex syntax into PCRE2 syntax, checking it as CPython's
 * sre_parse does so that bad patterns raise re.error with CPython's message and position.
 * Named groups become plain numbered groups (names are kept here), verbose whitespace and
 * comments are dropped, escapes become \x{...}, and \Z becomes \z.
 */
#include "runtime/mod_re.h"

#include "runtime/unicode.h"

typedef struct Group {
    int64_t pos;  /* of the '(' */
    int64_t num;  /* capture number, 0 if not capturing */
    bool verbose; /* verbose state to restore at ')' */
    bool cond;    /* a conditional (?(id)yes|no) */
    int branches; /* '|' seen directly inside it */
} Group;

enum { LAST_NONE, LAST_AT, LAST_ATOM, LAST_REPEAT };

typedef struct Trans {
    const uint32_t *p;
    int64_t n, i;
    TrValue pattern;
    bool is_bytes, verbose;
    ReTranslated *r;
    int64_t cap;     /* srcpos capacity */
    Group *stack;    /* open groups */
    int64_t depth, stack_cap;
    bool *closed;    /* closed[g] for group g */
    int64_t closed_cap;
    int last;
    bool emitted;    /* anything emitted at top level (for global flags) */
    int64_t condref[16], condpos[16]; /* conditionals naming groups not yet opened */
    int ncondref;
} Trans;

static int fail(Trans *t, int64_t pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    TrValue msg = tr_str_vfmt(fmt, ap);
    va_end(ap);
    if (msg != TR_ERR)
        tr_re_error(msg, t->pattern, pos);
    return -1;
}

/* --- Output ------------------------------------------------------------------------------ */

static void emit_raw(Trans *t, const char *s, size_t n, int64_t src)
{
    ReTranslated *r = t->r;
    if ((int64_t)(r->out.len + n + 1) > t->cap) {
        int64_t ncap = (t->cap ? t->cap * 2 : 64) + (int64_t)n;
        int64_t *m = tr_alloc_atomic((size_t)ncap * sizeof(int64_t));
        if (r->srcpos)
            memcpy(m, r->srcpos, (size_t)r->out.len * sizeof(int64_t));
        r->srcpos = m;
        t->cap = ncap;
    }
    for (size_t k = 0; k < n; k++)
        r->srcpos[r->out.len + k] = src;
    sb_append(&r->out, s, n);
    if (t->depth == 0)
        t->emitted = true;
}

static void emit_s(Trans *t, const char *s, int64_t src) { emit_raw(t, s, strlen(s), src); }

static void emit_hex(Trans *t, uint32_t cp, int64_t src)
{
    char buf[24];
    int k = snprintf(buf, sizeof buf, "\\x{%x}", (unsigned)cp);
    emit_raw(t, buf, (size_t)k, src);
}

static void caseless_extras(Trans *t, int64_t lo, int64_t hi, int64_t src);

/* A literal character outside a class. */
static void emit_literal(Trans *t, uint32_t cp, int64_t src)
{
    if ((cp | 32) == 'i' || cp == 0x130 || cp == 0x131) {
        if (!t->is_bytes && (t->r->flags & (RE_IGNORECASE | RE_ASCII)) == RE_IGNORECASE) {
            emit_s(t, "[", src);
            emit_hex(t, cp, src);
            caseless_extras(t, cp, cp, src);
            emit_s(t, "]", src);
            return;
        }
    }
    if (cp < 128) {
        if (strchr("\\^$.|?*+()[]{}#", (int)cp) || cp == ' ' || cp < 32 || cp == 127) {
            emit_hex(t, cp, src);
            return;
        }
        char c = (char)cp;
        emit_raw(t, &c, 1, src);
    } else if (t->is_bytes || (cp >= 0xD800 && cp < 0xE000)) {
        emit_hex(t, cp, src);
    } else {
        char buf[4];
        int k = 0;
        if (cp < 0x800) {
            buf[k++] = (char)(0xC0 | (cp >> 6));
        } else if (cp < 0x10000) {
            buf[k++] = (char)(0xE0 | (cp >> 12));
            buf[k++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        } else {
            buf[k++] = (char)(0xF0 | (cp >> 18));
            buf[k++] = (char)(0x80 | ((cp >> 12) & 0x3F));
            buf[k++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        }
        if (cp < 0x800)
            buf[k++] = (char)(0x80 | (cp & 0x3F));
        else
            buf[k++] = (char)(0x80 | (cp & 0x3F));
        emit_raw(t, buf, (size_t)k, src);
    }
}

/* --- Input helpers ----------------------------------------------------------------------- */

static inline int64_t peek(Trans *t) { return t->i < t->n ? (int64_t)t->p[t->i] : -1; }
static inline bool is_digit(int64_t c) { return c >= '0' && c <= '9'; }
static inline bool is_oct(int64_t c) { return c >= '0' && c <= '7'; }
static inline int hexval(int64_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (int)(c - 'A' + 10);
    return -1;
}
static inline bool is_ascii_letter(int64_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static TrValue src_text(Trans *t, int64_t a, int64_t b)
{
    TrStrBuilder sb;
    tr_sbuild_init(&sb);
    for (int64_t k = a; k < b && k < t->n; k++)
        tr_sbuild_char(&sb, t->p[k]);
    return tr_sbuild_finish(&sb);
}

static bool is_verbose_space(int64_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static void skip_verbose(Trans *t)
{
    while (t->verbose && t->i < t->n) {
        int64_t c = peek(t);
        if (is_verbose_space(c)) {
            t->i++;
        } else if (c == '#') {
            while (t->i < t->n && t->p[t->i] != '\n')
                t->i++;
        } else {
            break;
        }
    }
}

/* Reads n hex digits for \x \u \U; start is the backslash. -1 on error (raised). */
static int64_t read_hex(Trans *t, int64_t start, int n)
{
    int64_t v = 0;
    for (int k = 0; k < n; k++) {
        int h = hexval(peek(t));
        if (h < 0)
            return fail(t, start, "incomplete escape %U", src_text(t, start, t->i));
        v = v * 16 + h;
        t->i++;
    }
    return v;
}

static void mark_closed(Trans *t, int64_t g)
{
    if (g >= t->closed_cap) {
        int64_t ncap = (g + 1) * 2;
        bool *c = tr_alloc_atomic((size_t)ncap);
        memset(c, 0, (size_t)ncap);
        if (t->closed)
            memcpy(c, t->closed, (size_t)t->closed_cap);
        t->closed = c;
        t->closed_cap = ncap;
    }
    t->closed[g] = true;
}
static bool is_closed(Trans *t, int64_t g) { return g < t->closed_cap && t->closed[g]; }

/* Checks a backreference to group g; start/errpos per CPython. 0 or -1. */
static int check_groupref(Trans *t, int64_t g, int64_t open_pos, int64_t bad_pos)
{
    if (g <= t->r->groups && g > 0) {
        if (!is_closed(t, g))
            return fail(t, open_pos, "cannot refer to an open group");
        return 0;
    }
    return fail(t, bad_pos, "invalid group reference %d", (int)g);
}

/* Escapes shared by classes and the outside: literal code points. Returns the value, or -2
   when the escape is not a literal one, -1 on error. i is just after the backslash. */
static int64_t escape_literal(Trans *t, int64_t start, int64_t c, bool in_class)
{
    switch (c) {
    case 'a': t->i++; return 7;
    case 'f': t->i++; return 12;
    case 'n': t->i++; return 10;
    case 'r': t->i++; return 13;
    case 't': t->i++; return 9;
    case 'v': t->i++; return 11;
    case '\\': t->i++; return '\\';
    case 'x': t->i++; return read_hex(t, start, 2);
    case 'u':
    case 'U':
        if (t->is_bytes)
            return -2;
        t->i++;
        {
            int64_t v = read_hex(t, start, c == 'u' ? 4 : 8);
            if (v > 0x10FFFF)
                return fail(t, start, "bad escape %U", src_text(t, start, t->i));
            return v;
        }
    case 'N':
        if (t->is_bytes)
            return -2;
        t->i++;
        if (peek(t) != '{')
            return fail(t, t->i, "missing {");
        {
            int64_t a = t->i + 1;
            while (t->i < t->n && t->p[t->i] != '}')
                t->i++;
            if (t->i >= t->n)
                return fail(t, a, "missing }, unterminated name");
            t->i++;
            return fail(t, start, "undefined character name '%U'", src_text(t, a, t->i - 1));
        }
    case '0': {
        t->i++;
        int64_t v = 0;
        for (int k = 0; k < 2 && is_oct(peek(t)); k++)
            v = v * 8 + (t->p[t->i++] - '0');
        return v;
    }
    default:
        if (in_class && is_oct(c)) {
            int64_t v = 0;
            for (int k = 0; k < 3 && is_oct(peek(t)); k++)
                v = v * 8 + (t->p[t->i++] - '0');
            if (v > 0377)
                return fail(t, start, "octal escape value %U outside of range 0-0o377",
                            src_text(t, start, t->i));
            return v;
        }
        if (c < 128 && (is_ascii_letter(c) || is_digit(c)))
            return -2;
        t->i++;
        return c;
    }
}

/* Python's \s for str patterns is str.isspace(), which includes \x1c-\x1f that PCRE2's
   Unicode \s lacks: spell the set out. */
#define UNI_SPACE "\\t-\\r\\x{1c}-\\x{20}\\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}" \
                  "\\x{2029}\\x{202f}\\x{205f}\\x{3000}"

static bool unicode_space(Trans *t) { return !t->is_bytes && !(t->r->flags & RE_ASCII); }

/* --- Character classes ------------------------------------------------------------------- */

/* One class item: a code point (>= 0), a class escape (-3, with its PCRE text in esc), or
   Unicode \s (-4). */
static int64_t class_item(Trans *t, char esc[3])
{
    int64_t start = t->i;
    int64_t c = t->p[t->i++];
    if (c != '\\')
        return c;
    if (t->i >= t->n)
        return fail(t, start, "bad escape (end of pattern)");
    c = t->p[t->i];
    if (c == 's' && unicode_space(t)) {
        t->i++;
        esc[0] = 0;
        return -4;
    }
    if (strchr("dDwWsS", (int)(c < 128 ? c : 'q')) && c < 128) {
        t->i++;
        esc[0] = '\\';
        esc[1] = (char)c;
        esc[2] = 0;
        return -3;
    }
    if (c == 'b') {
        t->i++;
        return 8;
    }
    int64_t v = escape_literal(t, start, c, true);
    if (v == -2)
        return fail(t, start, "bad escape %U", src_text(t, start, t->i + 1));
    return v;
}

/* PCRE2 leaves out of a caseless range the characters whose case folding leads into it from
   outside ASCII/Latin-1 (Kelvin sign for k, long s for s, Angstrom sign for a-ring, dotted and
   dotless i); Python matches them. */
static void caseless_extras(Trans *t, int64_t lo, int64_t hi, int64_t src)
{
    static const uint32_t pairs[][2] = {
        {'k', 0x212A}, {'K', 0x212A}, {'s', 0x17F},   {'S', 0x17F},   {0xE5, 0x212B},
        {0xC5, 0x212B}, {'i', 0x130},  {'I', 0x130},  {'i', 0x131},   {'I', 0x131},
        {0x130, 'i'},   {0x130, 0x131}, {0x131, 'i'},  {0x131, 0x130},
    };
    if (t->is_bytes || (t->r->flags & (RE_IGNORECASE | RE_ASCII)) != RE_IGNORECASE)
        return;
    for (size_t k = 0; k < TR_ARRAY_LEN(pairs); k++)
        if (pairs[k][0] >= lo && pairs[k][0] <= hi && !(pairs[k][1] >= lo && pairs[k][1] <= hi))
            emit_hex(t, pairs[k][1], src);
}

static int parse_class(Trans *t)
{
    int64_t start = t->i; /* at '[' */
    t->i++;
    emit_s(t, "[", start);
    if (peek(t) == '^') {
        t->i++;
        emit_s(t, "^", start + 1);
    }
    bool first = true;
    for (;;) {
        if (t->i >= t->n)
            return fail(t, start, "unterminated character set");
        int64_t c = peek(t);
        if (c == ']' && !first) {
            t->i++;
            emit_s(t, "]", t->i - 1);
            return 0;
        }
        first = false;
        int64_t ipos = t->i;
        char esc1[3], esc2[3];
        int64_t lo = class_item(t, esc1);
        if (lo == -1)
            return -1;
        if (peek(t) == '-' && t->i + 1 < t->n && t->p[t->i + 1] != ']') {
            t->i++;
            int64_t hi = class_item(t, esc2);
            if (hi == -1)
                return -1;
            if (lo < -2 || hi < -2 || hi < lo)
                return fail(t, ipos, "bad character range %U", src_text(t, ipos, t->i));
            emit_hex(t, (uint32_t)lo, ipos);
            emit_s(t, "-", ipos);
            emit_hex(t, (uint32_t)hi, ipos);
            caseless_extras(t, lo, hi, ipos);
        } else if (lo == -4) {
            emit_s(t, UNI_SPACE, ipos);
        } else if (lo == -3) {
            emit_s(t, esc1, ipos);
        } else {
            emit_hex(t, (uint32_t)lo, ipos);
            caseless_extras(t, lo, lo, ipos);
        }
    }
}

/* --- Groups and flags -------------------------------------------------------------------- */

static int flag_of(int64_t c)
{
    switch (c) {
    case 'i': return RE_IGNORECASE;
    case 'L': return RE_LOCALE;
    case 'm': return RE_MULTILINE;
    case 's': return RE_DOTALL;
    case 'x': return RE_VERBOSE;
    case 'a': return RE_ASCII;
    case 'u': return RE_UNICODE;
    default: return 0;
    }
}

static int push_group(Trans *t, int64_t pos, int64_t num)
{
    if (t->depth == t->stack_cap) {
        int64_t ncap = t->stack_cap ? t->stack_cap * 2 : 16;
        Group *g = tr_alloc_atomic((size_t)ncap * sizeof(Group));
        if (t->stack)
            memcpy(g, t->stack, (size_t)t->depth * sizeof(Group));
        t->stack = g;
        t->stack_cap = ncap;
    }
    t->stack[t->depth++] = (Group){pos, num, t->verbose, false, 0};
    t->last = LAST_NONE;
    return 0;
}

/* Reads a group name ending at term; returns it (a str) or TR_ERR. */
static TrValue read_name(Trans *t, uint32_t term)
{
    int64_t a = t->i;
    while (t->i < t->n && t->p[t->i] != term)
        t->i++;
    if (t->i == a) {
        fail(t, a, "missing group name");
        return TR_ERR;
    }
    if (t->i >= t->n) {
        fail(t, a, term == '>' ? "missing >, unterminated name" : "missing ), unterminated name");
        return TR_ERR;
    }
    TrValue name = src_text(t, a, t->i);
    t->i++;
    return name;
}

static bool valid_identifier(Trans *t, TrValue name)
{
    TrStr *s = tr_as_str(name);
    for (int64_t k = 0; k < s->len; k++) {
        uint32_t c = tr_str_char(s, k);
        if (t->is_bytes && c >= 128)
            return false;
        if (!tr_uni_is(c, k ? TR_UNI_XID_CONTINUE : TR_UNI_XID_START))
            return false;
    }
    return s->len > 0;
}

static int64_t name_group(Trans *t, TrValue name)
{
    TrValue g = tr_dict_get(t->r->groupindex, name);
    return g && g != TR_ERR ? tr_small_val(g) : 0;
}

/* At "(?" (i at '?'); start is the '(' position. */
static int parse_ext(Trans *t, int64_t start)
{
    t->i++;
    if (t->i >= t->n)
        return fail(t, t->n, "unexpected end of pattern");
    int64_t c = t->p[t->i];
    if (c == ':' || c == '=' || c == '!' || c == '>') {
        t->i++;
        char s[4] = {'(', '?', (char)c, 0};
        emit_s(t, s, start);
        return push_group(t, start, 0);
    }
    if (c == '<') {
        int64_t d = t->i + 1 < t->n ? (int64_t)t->p[t->i + 1] : -1;
        if (d == '=' || d == '!') {
            t->i += 2;
            emit_s(t, d == '=' ? "(?<=" : "(?<!", start);
            return push_group(t, start, 0);
        }
        if (d < 0)
            return fail(t, t->n, "unexpected end of pattern");
        return fail(t, start + 1, "unknown extension ?<%U", src_text(t, t->i + 1, t->i + 2));
    }
    if (c == '#') {
        while (t->i < t->n && t->p[t->i] != ')')
            t->i++;
        if (t->i >= t->n)
            return fail(t, start, "missing ), unterminated comment");
        t->i++;
        return 0;
    }
    if (c == 'P') {
        t->i++;
        int64_t d = peek(t);
        if (d == '<') {
            t->i++;
            int64_t npos = t->i;
            TrValue name = read_name(t, '>');
            if (name == TR_ERR)
                return -1;
            if (!valid_identifier(t, name))
                return fail(t, npos, "bad character in group name %R", name);
            int64_t num = ++t->r->groups;
            int64_t old = name_group(t, name);
            if (old)
                return fail(t, npos, "redefinition of group name %R as group %d; was group %d",
                            name, (int)num, (int)old);
            tr_dict_set(t->r->groupindex, name, tr_small_new(num));
            emit_s(t, "(", start);
            return push_group(t, start, num);
        }
        if (d == '=') {
            t->i++;
            int64_t npos = t->i;
            TrValue name = read_name(t, ')');
            if (name == TR_ERR)
                return -1;
            if (!valid_identifier(t, name))
                return fail(t, npos, "bad character in group name %R", name);
            int64_t g = name_group(t, name);
            if (!g)
                return fail(t, npos, "unknown group name %R", name);
            if (!is_closed(t, g))
                return fail(t, npos, "cannot refer to an open group");
            char buf[32];
            snprintf(buf, sizeof buf, "\\g{%lld}", (long long)g);
            emit_s(t, buf, start);
            t->last = LAST_ATOM;
            return 0;
        }
        if (d < 0)
            return fail(t, t->n, "unexpected end of pattern");
        return fail(t, start + 1, "unknown extension ?P%U", src_text(t, t->i, t->i + 1));
    }
    if (c == '(') {
        t->i++;
        int64_t npos = t->i;
        TrValue name = read_name(t, ')');
        if (name == TR_ERR)
            return -1;
        int64_t g = 0;
        TrStr *s = tr_as_str(name);
        bool digits = true;
        for (int64_t k = 0; k < s->len; k++)
            digits = digits && is_digit(tr_str_char(s, k));
        if (digits) {
            for (int64_t k = 0; k < s->len && g < 1000000; k++)
                g = g * 10 + (tr_str_char(s, k) - '0');
            if (g == 0)
                return fail(t, npos, "bad group number");
            if (g > t->r->groups && t->ncondref < (int)TR_ARRAY_LEN(t->condref)) {
                t->condref[t->ncondref] = g;
                t->condpos[t->ncondref++] = npos;
            }
        } else {
            if (!valid_identifier(t, name))
                return fail(t, npos, "bad character in group name %R", name);
            g = name_group(t, name);
            if (!g)
                return fail(t, npos, "unknown group name %R", name);
        }
        char buf[32];
        snprintf(buf, sizeof buf, "(?(%lld)", (long long)g);
        emit_s(t, buf, start);
        push_group(t, start, 0);
        t->stack[t->depth - 1].cond = true;
        return 0;
    }
    if (flag_of(c) || c == '-') {
        int64_t on = 0, off = 0;
        while (flag_of(peek(t))) {
            on |= flag_of(peek(t));
            t->i++;
        }
        int type_flags = (on & RE_ASCII ? 1 : 0) + (on & RE_UNICODE ? 1 : 0) +
                         (on & RE_LOCALE ? 1 : 0);
        if (type_flags > 1 && (peek(t) == ')' || peek(t) == ':' || peek(t) == '-'))
            return fail(t, t->i, "bad inline flags: flags 'a', 'u' and 'L' are incompatible");
        if (peek(t) == ')') {
            t->i++;
            if (t->emitted || t->depth > 0)
                return fail(t, start, "global flags not at the start of the expression");
            if ((on & RE_LOCALE) && !t->is_bytes)
                return fail(t, t->i - 1, "bad inline flags: cannot use 'L' flag with a str "
                                         "pattern");
            if ((on & RE_UNICODE) && t->is_bytes)
                return fail(t, t->i - 1, "bad inline flags: cannot use 'u' flag with a bytes "
                                         "pattern");
            t->r->flags |= on;
            if (on & RE_VERBOSE)
                t->verbose = true;
            return 0;
        }
        if (peek(t) == '-') {
            t->i++;
            if (!flag_of(peek(t)))
                return fail(t, t->i, peek(t) < 0 ? "missing flag" : "unknown flag");
            while (flag_of(peek(t))) {
                int f = flag_of(peek(t));
                if (f & (RE_ASCII | RE_LOCALE | RE_UNICODE))
                    return fail(t, t->i + 1, "bad inline flags: cannot turn off flags 'a', 'u' and "
                                         "'L'");
                off |= f;
                t->i++;
            }
        }
        if (peek(t) != ':') {
            if (peek(t) < 0)
                return fail(t, t->n, "missing -, : or )");
            return fail(t, t->i, is_ascii_letter(peek(t)) ? "unknown flag" : "missing -, : or )");
        }
        if (on & off)
            return fail(t, t->i, "bad inline flags: flag turned on and off");
        t->i++;
        StrBuf b;
        sb_init(&b);
        sb_puts(&b, "(?");
        static const char letters[] = "ims";
        static const int fl[] = {RE_IGNORECASE, RE_MULTILINE, RE_DOTALL};
        for (int k = 0; k < 3; k++)
            if (on & fl[k])
                sb_putc(&b, letters[k]);
        if (off & (RE_IGNORECASE | RE_MULTILINE | RE_DOTALL)) {
            sb_putc(&b, '-');
            for (int k = 0; k < 3; k++)
                if (off & fl[k])
                    sb_putc(&b, letters[k]);
        }
        sb_putc(&b, ':');
        emit_s(t, sb_cstr(&b), start);
        push_group(t, start, 0);
        if (on & RE_VERBOSE)
            t->verbose = true;
        if (off & RE_VERBOSE)
            t->verbose = false;
        return 0;
    }
    return fail(t, start + 1, "unknown extension ?%U", src_text(t, t->i, t->i + 1));
}

/* --- Quantifiers ------------------------------------------------------------------------- */

/* At '{': a valid {m,n} becomes a quantifier; otherwise '{' is a literal. Returns 1 when it
   was a quantifier (emitted), 0 for a literal, -1 on error. */
static int brace_quant(Trans *t, char *out, size_t outsz)
{
    int64_t here = t->i + 1, k = here;
    if (k < t->n && t->p[k] == '}')
        return 0;
    int64_t lo = -1, hi = -1;
    bool comma = false;
    while (k < t->n && is_digit(t->p[k])) {
        lo = (lo < 0 ? 0 : lo) * 10 + (t->p[k++] - '0');
        if (lo > 0xFFFFFFFFLL)
            lo = 0xFFFFFFFFLL + 1;
    }
    if (k < t->n && t->p[k] == ',') {
        comma = true;
        k++;
        while (k < t->n && is_digit(t->p[k])) {
            hi = (hi < 0 ? 0 : hi) * 10 + (t->p[k++] - '0');
            if (hi > 0xFFFFFFFFLL)
                hi = 0xFFFFFFFFLL + 1;
        }
    } else {
        hi = lo;
    }
    if (k >= t->n || t->p[k] != '}')
        return 0;
    t->i = k + 1;
    if (lo > 0xFFFFFFFFLL - 1 || hi > 0xFFFFFFFFLL - 1) {
        tr_raise(&tr_OverflowError, "the repetition number is too large");
        return -1;
    }
    if (lo >= 0 && hi >= 0 && hi < lo)
        return fail(t, here, "min repeat greater than max repeat");
    if (!comma)
        snprintf(out, outsz, "{%lld}", (long long)lo);
    else if (hi < 0)
        snprintf(out, outsz, "{%lld,}", (long long)(lo < 0 ? 0 : lo));
    else
        snprintf(out, outsz, "{%lld,%lld}", (long long)(lo < 0 ? 0 : lo), (long long)hi);
    return 1;
}

/* --- Main loop --------------------------------------------------------------------------- */

static int parse_escape(Trans *t)
{
    int64_t start = t->i;
    t->i++;
    if (t->i >= t->n)
        return fail(t, start, "bad escape (end of pattern)");
    int64_t c = t->p[t->i];
    if ((c == 's' || c == 'S') && unicode_space(t)) {
        t->i++;
        emit_s(t, c == 's' ? "[" UNI_SPACE "]" : "[^" UNI_SPACE "]", start);
        t->last = LAST_ATOM;
        return 0;
    }
    if (c < 128 && strchr("dDwWsS", (int)c)) {
        t->i++;
        char s[3] = {'\\', (char)c, 0};
        emit_s(t, s, start);
        t->last = LAST_ATOM;
        return 0;
    }
    if (c == 'A' || c == 'Z' || c == 'b' || c == 'B') {
        t->i++;
        emit_s(t, c == 'A' ? "\\A" : c == 'Z' ? "\\z" : c == 'b' ? "\\b" : "\\B", start);
        t->last = LAST_AT;
        return 0;
    }
    if (c >= '1' && c <= '9') {
        t->i++;
        int64_t g = c - '0';
        if (is_digit(peek(t))) {
            int64_t d = t->p[t->i++];
            if (is_oct(c) && is_oct(d) && is_oct(peek(t))) {
                int64_t v = (c - '0') * 64 + (d - '0') * 8 + (t->p[t->i++] - '0');
                if (v > 0377)
                    return fail(t, start, "octal escape value %U outside of range 0-0o377",
                                src_text(t, start, t->i));
                emit_literal(t, (uint32_t)v, start);
                t->last = LAST_ATOM;
                return 0;
            }
            g = g * 10 + (d - '0');
        }
        if (check_groupref(t, g, start, start + 1) < 0)
            return -1;
        char buf[32];
        snprintf(buf, sizeof buf, "\\g{%lld}", (long long)g);
        emit_s(t, buf, start);
        t->last = LAST_ATOM;
        return 0;
    }
    int64_t v = escape_literal(t, start, c, false);
    if (v == -1)
        return -1;
    if (v == -2)
        return fail(t, start, "bad escape %U", src_text(t, start, t->i + 1));
    emit_literal(t, (uint32_t)v, start);
    t->last = LAST_ATOM;
    return 0;
}

static int parse(Trans *t)
{
    for (;;) {
        skip_verbose(t);
        if (t->i >= t->n)
            break;
        int64_t pos = t->i;
        uint32_t c = t->p[t->i];
        switch (c) {
        case '(':
            if (t->i + 1 < t->n && t->p[t->i + 1] == '?') {
                t->i++;
                if (parse_ext(t, pos) < 0)
                    return -1;
            } else {
                t->i++;
                int64_t num = ++t->r->groups;
                emit_s(t, "(", pos);
                push_group(t, pos, num);
            }
            break;
        case ')':
            if (t->depth == 0)
                return fail(t, pos, "unbalanced parenthesis");
            t->i++;
            {
                Group *g = &t->stack[--t->depth];
                if (g->num)
                    mark_closed(t, g->num);
                t->verbose = g->verbose;
            }
            emit_s(t, ")", pos);
            t->last = LAST_ATOM;
            break;
        case '|':
            if (t->depth > 0 && t->stack[t->depth - 1].cond &&
                ++t->stack[t->depth - 1].branches > 1)
                return fail(t, pos, "conditional backref with more than two branches");
            t->i++;
            emit_s(t, "|", pos);
            t->last = LAST_NONE;
            break;
        case '^':
        case '$':
            t->i++;
            emit_s(t, c == '^' ? "^" : "$", pos);
            t->last = LAST_AT;
            break;
        case '.':
            t->i++;
            emit_s(t, ".", pos);
            t->last = LAST_ATOM;
            break;
        case '[':
            if (parse_class(t) < 0)
                return -1;
            t->last = LAST_ATOM;
            break;
        case '\\':
            if (parse_escape(t) < 0)
                return -1;
            break;
        case '*':
        case '+':
        case '?':
        case '{': {
            char q[64];
            if (c == '{') {
                int r = brace_quant(t, q, sizeof q);
                if (r < 0)
                    return -1;
                if (r == 0) {
                    t->i++;
                    emit_literal(t, '{', pos);
                    t->last = LAST_ATOM;
                    break;
                }
            } else {
                t->i++;
                q[0] = (char)c;
                q[1] = 0;
            }
            if (t->last == LAST_NONE || t->last == LAST_AT)
                return fail(t, pos, "nothing to repeat");
            if (t->last == LAST_REPEAT)
                return fail(t, pos, "multiple repeat");
            emit_s(t, q, pos);
            if (peek(t) == '?' || peek(t) == '+') {
                char m[2] = {(char)t->p[t->i], 0};
                emit_s(t, m, t->i);
                t->i++;
            }
            t->last = LAST_REPEAT;
            break;
        }
        default:
            t->i++;
            emit_literal(t, c, pos);
            t->last = LAST_ATOM;
            break;
        }
    }
    if (t->depth > 0)
        return fail(t, t->stack[t->depth - 1].pos, "missing ), unterminated subpattern");
    for (int k = 0; k < t->ncondref; k++)
        if (t->condref[k] > t->r->groups)
            return fail(t, t->condpos[k], "invalid group reference %d", (int)t->condref[k]);
    return 0;
}

int tr_re_translate(TrValue pattern, bool is_bytes, int64_t flags, ReTranslated *out)
{
    Trans t;
    memset(&t, 0, sizeof t);
    memset(out, 0, sizeof *out);
    sb_init(&out->out);
    out->flags = flags;
    out->groupindex = tr_dict_new();
    t.r = out;
    t.pattern = pattern;
    t.is_bytes = is_bytes;
    uint32_t *cps;
    if (is_bytes) {
        TrBytesView v;
        tr_bytes_view(pattern, &v);
        cps = tr_alloc_atomic((size_t)(v.len + 1) * 4);
        for (int64_t k = 0; k < v.len; k++)
            cps[k] = v.data[k];
        t.n = v.len;
    } else {
        TrStr *s = tr_as_str(pattern);
        cps = tr_alloc_atomic((size_t)(s->len + 1) * 4);
        for (int64_t k = 0; k < s->len; k++)
            cps[k] = tr_str_char(s, k);
        t.n = s->len;
    }
    t.p = cps;
    t.verbose = (flags & RE_VERBOSE) != 0;
    /* Inline (?x) anywhere at the start turns verbose on for everything: CPython re-parses. */
    if (parse(&t) < 0)
        return -1;
    if ((out->flags & RE_VERBOSE) && !(flags & RE_VERBOSE))
        return tr_re_translate(pattern, is_bytes, out->flags, out);
    emit_raw(&t, "", 0, t.n);
    if (!out->srcpos) {
        out->srcpos = tr_alloc_atomic(sizeof(int64_t));
        out->srcpos[0] = t.n;
    } else {
        out->srcpos[out->out.len] = t.n;
    }
    return 0;
}
