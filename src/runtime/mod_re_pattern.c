/*
 * mod_re_pattern.c -- re.Pattern: the matching core over PCRE2 (code point <-> UTF-8 byte
 * offset maps for non-ASCII str subjects), match/search/fullmatch, findall, finditer, split,
 * and sub/subn with templates and callable replacements. Empty matches follow Python 3.7+:
 * after an empty match the next one may not be empty at the same place (NOTEMPTY_ATSTART).
 */
#include "runtime/mod_re.h"

#include <limits.h>

#define PAT(v) ((TrRePattern *)tr_obj(v))

/* --- Subjects ---------------------------------------------------------------------------- */

/* The maps of the last non-ASCII subject, kept because loops search the same string often. */
static TrValue map_obj;
static const uint32_t *map_c2b, *map_b2c;

int tr_re_subject(TrRePattern *p, TrValue obj, ReSubject *s)
{
    memset(s, 0, sizeof *s);
    s->obj = obj;
    if (tr_is_str(obj)) {
        if (p->is_bytes) {
            tr_raise(&tr_TypeError, "cannot use a bytes pattern on a string-like object");
            return -1;
        }
        TrStr *str = tr_as_str(obj);
        size_t n;
        s->data = (const uint8_t *)tr_str_utf8_len(obj, &n);
        s->nbytes = (int64_t)n;
        s->len = str->len;
        if (str->ascii)
            return 0;
        if (map_obj == obj) {
            s->c2b = map_c2b;
            s->b2c = map_b2c;
            return 0;
        }
        uint32_t *c2b = tr_alloc_atomic((size_t)(s->len + 1) * sizeof(uint32_t));
        uint32_t *b2c = tr_alloc_atomic((size_t)(s->nbytes + 1) * sizeof(uint32_t));
        int64_t b = 0;
        for (int64_t i = 0; i < s->len; i++) {
            uint32_t c = tr_str_char(str, i);
            int w = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            c2b[i] = (uint32_t)b;
            for (int k = 0; k < w && b < s->nbytes; k++)
                b2c[b++] = (uint32_t)i;
        }
        c2b[s->len] = (uint32_t)s->nbytes;
        b2c[s->nbytes] = (uint32_t)s->len;
        s->c2b = map_c2b = c2b;
        s->b2c = map_b2c = b2c;
        map_obj = obj;
        return 0;
    }
    TrBytesView v;
    if (tr_bytes_view(obj, &v)) {
        if (!p->is_bytes) {
            tr_raise(&tr_TypeError, "cannot use a string pattern on a bytes-like object");
            return -1;
        }
        s->is_bytes = true;
        s->data = v.data;
        s->nbytes = s->len = v.len;
        return 0;
    }
    tr_raise(&tr_TypeError, "expected string or bytes-like object, got '%s'",
             tr_type_name(obj));
    return -1;
}

TrValue tr_re_slice(const ReSubject *s, int64_t start, int64_t end)
{
    if (start < 0 || end < start)
        return TR_NONE;
    if (s->is_bytes) {
        if (tr_is_bytes(s->obj) && start == 0 && end == s->len)
            return s->obj;
        return tr_bytes_new(s->data + start, (size_t)(end - start));
    }
    return tr_re_slice_obj(s->obj, start, end);
}

TrValue tr_re_slice_obj(TrValue subject, int64_t start, int64_t end)
{
    if (tr_is_str(subject)) {
        TrStr *str = tr_as_str(subject);
        if (start == 0 && end == str->len && tr_obj(subject)->type == &tr_str_type)
            return subject;
        return tr_str_sub(str, start, 1, end - start);
    }
    TrBytesView v;
    tr_bytes_view(subject, &v);
    if (end > v.len)
        end = v.len;
    if (start > end)
        start = end;
    return tr_bytes_new(v.data + start, (size_t)(end - start));
}

int tr_re_exec(TrRePattern *p, const ReSubject *s, pcre2_match_data *md, int64_t pos,
               int64_t endpos, uint32_t options, int64_t *spans, int64_t *lastindex)
{
    if (pos > endpos)
        return 0;
    PCRE2_SIZE len = (PCRE2_SIZE)re_c2b(s, endpos), start = (PCRE2_SIZE)re_c2b(s, pos);
    if (!s->is_bytes)
        options |= PCRE2_NO_UTF_CHECK;
    int rc = pcre2_match(p->code, s->data, len, start, options, md, NULL);
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc < 0) {
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message(rc, buf, sizeof buf);
        tr_raise(&tr_RecursionError, "regular expression match failed: %s", (char *)buf);
        return -1;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    int64_t best = -1, best_end = -1, best_start = 0;
    for (int64_t g = 0; g <= p->groups; g++) {
        if (g < rc && ov[2 * g] != PCRE2_UNSET) {
            spans[2 * g] = re_b2c(s, (int64_t)ov[2 * g]);
            spans[2 * g + 1] = re_b2c(s, (int64_t)ov[2 * g + 1]);
            /* lastindex: the group closed last, approximated as the one ending last (an
               enclosing group before the groups it contains) */
            if (g > 0 && (spans[2 * g + 1] > best_end ||
                          (spans[2 * g + 1] == best_end && spans[2 * g] < best_start))) {
                best = g;
                best_end = spans[2 * g + 1];
                best_start = spans[2 * g];
            }
        } else {
            spans[2 * g] = spans[2 * g + 1] = -1;
        }
    }
    *lastindex = best;
    return 1;
}

/* Iteration over successive matches with Python's rules for empty matches. */
typedef struct ReScan {
    TrRePattern *p;
    ReSubject s;
    pcre2_match_data *md;
    int64_t pos, endpos;
    bool must_advance, done;
    int64_t *spans;
    int64_t lastindex;
} ReScan;

static int clamp_pos(TrValue v, int64_t len, int64_t dflt, int64_t *out)
{
    if (!v) {
        *out = dflt;
        return 0;
    }
    TrValue i = tr_index(v);
    if (i == TR_ERR)
        return -1;
    int64_t x;
    if (tr_is_small(i)) {
        x = tr_small_val(i);
    } else {
        x = tr_int_sign(i) < 0 ? 0 : len;
    }
    *out = x < 0 ? 0 : x > len ? len : x;
    return 0;
}

static int scan_init(ReScan *sc, TrRePattern *p, TrValue string, TrValue pos, TrValue endpos)
{
    memset(sc, 0, sizeof *sc);
    sc->p = p;
    if (tr_re_subject(p, string, &sc->s) < 0)
        return -1;
    if (clamp_pos(pos, sc->s.len, 0, &sc->pos) < 0 ||
        clamp_pos(endpos, sc->s.len, sc->s.len, &sc->endpos) < 0)
        return -1;
    sc->md = tr_re_match_data(p);
    sc->spans = tr_alloc_atomic((size_t)(p->groups + 1) * 2 * sizeof(int64_t));
    return 0;
}

static void scan_done(ReScan *sc)
{
    sc->done = true;
    if (sc->md) {
        tr_re_match_data_release(sc->p, sc->md);
        sc->md = NULL;
    }
}

static int scan_next(ReScan *sc)
{
    if (sc->done || sc->pos > sc->endpos) {
        scan_done(sc);
        return 0;
    }
    int r = tr_re_exec(sc->p, &sc->s, sc->md, sc->pos, sc->endpos,
                       sc->must_advance ? PCRE2_NOTEMPTY_ATSTART : 0, sc->spans, &sc->lastindex);
    if (r <= 0) {
        scan_done(sc);
        return r;
    }
    sc->must_advance = sc->spans[0] == sc->spans[1];
    sc->pos = sc->spans[1];
    return 1;
}

static TrValue scan_match(ReScan *sc, int64_t pos)
{
    return tr_re_match_new(sc->p, &sc->s, pos, sc->endpos, sc->spans, sc->lastindex);
}

/* --- match / search / fullmatch ---------------------------------------------------------- */

static const char *const pos_names[] = {"string", "pos", "endpos"};

static TrValue do_match(const char *fname, TrValue self, const TrValue *args, size_t nargs,
                        TrValue kw, uint32_t options)
{
    TrValue a[3];
    if (tr_parse_args(fname, args, nargs, kw, pos_names, 1, 3, 0, 3, a) < 0)
        return TR_ERR;
    ReScan sc;
    if (scan_init(&sc, PAT(self), a[0], a[1], a[2]) < 0)
        return TR_ERR;
    int64_t pos = sc.pos;
    int r = tr_re_exec(sc.p, &sc.s, sc.md, sc.pos, sc.endpos, options, sc.spans, &sc.lastindex);
    scan_done(&sc);
    if (r < 0)
        return TR_ERR;
    return r ? scan_match(&sc, pos) : TR_NONE;
}

static TrValue pat_match(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return do_match("match", self, args, nargs, kw, PCRE2_ANCHORED);
}
static TrValue pat_search(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return do_match("search", self, args, nargs, kw, 0);
}
static TrValue pat_fullmatch(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return do_match("fullmatch", self, args, nargs, kw, PCRE2_ANCHORED | PCRE2_ENDANCHORED);
}

/* --- findall / finditer ------------------------------------------------------------------ */

static TrValue group_or_empty(ReScan *sc, int64_t g)
{
    if (sc->spans[2 * g] < 0)
        return sc->s.is_bytes ? tr_bytes_new("", 0) : tr_str_empty();
    return tr_re_slice(&sc->s, sc->spans[2 * g], sc->spans[2 * g + 1]);
}

static TrValue pat_findall(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    TrValue a[3];
    if (tr_parse_args("findall", args, nargs, kw, pos_names, 1, 3, 0, 3, a) < 0)
        return TR_ERR;
    ReScan sc;
    if (scan_init(&sc, PAT(self), a[0], a[1], a[2]) < 0)
        return TR_ERR;
    TrValue list = tr_list_new(0);
    int r;
    int64_t ng = sc.p->groups;
    while ((r = scan_next(&sc)) > 0) {
        TrValue item;
        if (ng == 0) {
            item = tr_re_slice(&sc.s, sc.spans[0], sc.spans[1]);
        } else if (ng == 1) {
            item = group_or_empty(&sc, 1);
        } else {
            item = tr_tuple_new(ng);
            for (int64_t g = 1; g <= ng; g++)
                tr_as_tuple(item)->items[g - 1] = group_or_empty(&sc, g);
        }
        tr_list_append(list, item);
    }
    return r < 0 ? TR_ERR : list;
}

typedef struct ReScanIter {
    TrObject ob;
    ReScan sc;
} ReScanIter;

static TrValue scaniter_next(TrValue self)
{
    ReScanIter *it = (ReScanIter *)tr_obj(self);
    int64_t pos = it->sc.pos;
    int r = scan_next(&it->sc);
    if (r <= 0)
        return r < 0 ? TR_ERR : TR_STOP;
    return scan_match(&it->sc, pos);
}

static TrValue scaniter_iter(TrValue self) { return self; }

TrType tr_re_scanner_iter_type = {
    .ob = {&tr_type_type}, .name = "callable_iterator", .basicsize = sizeof(ReScanIter),
    .iter = scaniter_iter, .next = scaniter_next,
};

static TrValue pat_finditer(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    TrValue a[3];
    if (tr_parse_args("finditer", args, nargs, kw, pos_names, 1, 3, 0, 3, a) < 0)
        return TR_ERR;
    ReScanIter *it = TR_NEW(ReScanIter, &tr_re_scanner_iter_type);
    if (scan_init(&it->sc, PAT(self), a[0], a[1], a[2]) < 0)
        return TR_ERR;
    return tr_val(it);
}

/* --- split ------------------------------------------------------------------------------- */

static TrValue pat_split(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    static const char *const names[] = {"string", "maxsplit"};
    TrValue a[2];
    if (tr_parse_args("split", args, nargs, kw, names, 1, 2, 0, 2, a) < 0)
        return TR_ERR;
    int64_t maxsplit = 0;
    if (a[1] && tr_index_i64(a[1], &maxsplit) < 0)
        return TR_ERR;
    ReScan sc;
    if (scan_init(&sc, PAT(self), a[0], 0, 0) < 0)
        return TR_ERR;
    TrValue list = tr_list_new(0);
    if (maxsplit < 0)
        return tr_list_append(list, tr_re_slice(&sc.s, 0, sc.s.len)) < 0 ? TR_ERR : list;
    int64_t last = 0, n = 0;
    int r = 0;
    while ((maxsplit == 0 || n < maxsplit) && (r = scan_next(&sc)) > 0) {
        tr_list_append(list, tr_re_slice(&sc.s, last, sc.spans[0]));
        for (int64_t g = 1; g <= sc.p->groups; g++)
            tr_list_append(list, tr_re_slice(&sc.s, sc.spans[2 * g], sc.spans[2 * g + 1]));
        last = sc.spans[1];
        n++;
    }
    scan_done(&sc);
    if (r < 0)
        return TR_ERR;
    tr_list_append(list, tr_re_slice(&sc.s, last, sc.s.len));
    return list;
}

/* --- sub / subn -------------------------------------------------------------------------- */

/* A parsed replacement template: literal pieces (UTF-8 or bytes) and group numbers. */
typedef struct TItem {
    int64_t group; /* -1: literal */
    const char *lit;
    size_t litlen;
} TItem;

typedef struct Template {
    TItem *items;
    int64_t n, cap;
} Template;

static void t_add(Template *t, int64_t group, const char *lit, size_t litlen)
{
    if (group < 0 && t->n && t->items[t->n - 1].group < 0) {
        /* merge adjacent literals */
        TItem *last = &t->items[t->n - 1];
        char *m = tr_alloc_atomic(last->litlen + litlen + 1);
        memcpy(m, last->lit, last->litlen);
        memcpy(m + last->litlen, lit, litlen);
        last->lit = m;
        last->litlen += litlen;
        return;
    }
    if (t->n == t->cap) {
        int64_t ncap = t->cap ? t->cap * 2 : 8;
        TItem *it = tr_alloc((size_t)ncap * sizeof(TItem));
        if (t->items)
            memcpy(it, t->items, (size_t)t->n * sizeof(TItem));
        t->items = it;
        t->cap = ncap;
    }
    t->items[t->n++] = (TItem){group, lit, litlen};
}

static void t_add_cp(Template *t, uint32_t c, bool is_bytes)
{
    StrBuf b;
    sb_init(&b);
    if (is_bytes)
        sb_putc(&b, (char)c);
    else
        sb_utf8(&b, c);
    t_add(t, -1, b.data, b.len);
}

static int t_error(TrValue repl, int64_t pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    TrValue msg = tr_str_vfmt(fmt, ap);
    va_end(ap);
    if (msg != TR_ERR)
        tr_re_error(msg, repl, pos);
    return -1;
}

/* CPython's sre_parse.parse_template. */
static int parse_template(TrRePattern *p, TrValue repl, Template *t)
{
    memset(t, 0, sizeof *t);
    bool is_bytes = !tr_is_str(repl);
    uint32_t *cp;
    int64_t n;
    if (is_bytes) {
        TrBytesView v;
        tr_bytes_view(repl, &v);
        n = v.len;
        cp = tr_alloc_atomic((size_t)(n + 1) * 4);
        for (int64_t k = 0; k < n; k++)
            cp[k] = v.data[k];
    } else {
        TrStr *s = tr_as_str(repl);
        n = s->len;
        cp = tr_alloc_atomic((size_t)(n + 1) * 4);
        for (int64_t k = 0; k < n; k++)
            cp[k] = tr_str_char(s, k);
    }
    int64_t i = 0;
#define NEXT() (i < n ? (int64_t)cp[i] : -1)
#define DIG(c) ((c) >= '0' && (c) <= '9')
#define OCT(c) ((c) >= '0' && (c) <= '7')
    while (i < n) {
        uint32_t c = cp[i];
        if (c != '\\') {
            t_add_cp(t, c, is_bytes);
            i++;
            continue;
        }
        int64_t start = i++;
        if (i >= n)
            return t_error(repl, start, "bad escape (end of pattern)");
        c = cp[i++];
        if (c == 'g') {
            if (NEXT() != '<')
                return t_error(repl, i, "missing <");
            i++;
            int64_t a = i;
            while (i < n && cp[i] != '>')
                i++;
            if (i == a)
                return t_error(repl, a, "missing group name");
            if (i >= n)
                return t_error(repl, a, "missing >, unterminated name");
            TrStrBuilder nb;
            tr_sbuild_init(&nb);
            bool digits = true, ident = true;
            for (int64_t k = a; k < i; k++) {
                tr_sbuild_char(&nb, cp[k]);
                digits = digits && DIG(cp[k]);
                ident = ident && (cp[k] == '_' || (cp[k] >= 'a' && cp[k] <= 'z') ||
                                  (cp[k] >= 'A' && cp[k] <= 'Z') || cp[k] >= 128 ||
                                  (k > a && DIG(cp[k])));
            }
            TrValue name = tr_sbuild_finish(&nb);
            i++;
            int64_t g = 0;
            if (digits) {
                for (int64_t k = a; k < i - 1 && g < 1000000000; k++)
                    g = g * 10 + (cp[k] - '0');
            } else if (ident) {
                TrValue v = tr_dict_get(p->groupindex, name);
                if (!v || v == TR_ERR) {
                    tr_raise(&tr_IndexError, "unknown group name %R", name);
                    return -1;
                }
                g = tr_small_val(v);
            } else {
                return t_error(repl, a, "bad character in group name %R", name);
            }
            if (g > p->groups)
                return t_error(repl, a, "invalid group reference %d", (int)g);
            t_add(t, g, NULL, 0);
        } else if (c == '0') {
            uint32_t v = 0;
            for (int k = 0; k < 2 && OCT(NEXT()); k++)
                v = v * 8 + (cp[i++] - '0');
            t_add_cp(t, v & 0xff, is_bytes);
        } else if (DIG(c)) {
            int64_t g = c - '0';
            if (DIG(NEXT())) {
                uint32_t d = cp[i++];
                if (OCT(c) && OCT(d) && OCT(NEXT())) {
                    uint32_t v = (c - '0') * 64 + (d - '0') * 8 + (cp[i++] - '0');
                    if (v > 0377)
                        return t_error(repl, start, "octal escape value \\%c%c%c outside of "
                                       "range 0-0o377", (int)c, (int)d, (int)cp[i - 1]);
                    t_add_cp(t, v, is_bytes);
                    continue;
                }
                g = g * 10 + (d - '0');
            }
            if (g > p->groups)
                return t_error(repl, start + 1, "invalid group reference %d", (int)g);
            t_add(t, g, NULL, 0);
        } else {
            const char *esc = strchr("a\007b\010f\014n\012r\015t\011v\013\\\\", (int)c);
            if (c < 128 && esc && ((esc - "a\007b\010f\014n\012r\015t\011v\013\\\\") % 2) == 0) {
                t_add_cp(t, (uint8_t)esc[1], is_bytes);
            } else if (c < 128 && ((c | 32) >= 'a' && (c | 32) <= 'z')) {
                return t_error(repl, start, "bad escape \\%c", (int)c);
            } else {
                t_add_cp(t, '\\', is_bytes);
                t_add_cp(t, c, is_bytes);
            }
        }
    }
#undef NEXT
#undef DIG
#undef OCT
    return 0;
}

/* Appends the subject's code points [a, b) as UTF-8 or bytes. */
static void put_span(StrBuf *out, const ReSubject *s, int64_t a, int64_t b)
{
    int64_t ba = re_c2b(s, a), bb = re_c2b(s, b);
    sb_append(out, (const char *)s->data + ba, (size_t)(bb - ba));
}

static void put_template(StrBuf *out, const Template *t, const ReSubject *s, const int64_t *spans)
{
    for (int64_t k = 0; k < t->n; k++) {
        const TItem *it = &t->items[k];
        if (it->group < 0)
            sb_append(out, it->lit, it->litlen);
        else if (spans[2 * it->group] >= 0)
            put_span(out, s, spans[2 * it->group], spans[2 * it->group + 1]);
    }
}

TrValue tr_re_expand(TrReMatch *m, TrValue template)
{
    TrRePattern *p = PAT(m->pattern);
    if (!tr_is_str(template) && !tr_is_bytes(template) && !tr_is_bytearray(template))
        return tr_raise(&tr_TypeError, "expected str or bytes-like object, got '%s'",
                        tr_type_name(template));
    Template t;
    if (parse_template(p, template, &t) < 0)
        return TR_ERR;
    ReSubject s;
    if (tr_re_subject(p, m->string, &s) < 0)
        return TR_ERR;
    StrBuf out;
    sb_init(&out);
    put_template(&out, &t, &s, m->spans);
    if (s.is_bytes)
        return tr_bytes_new(out.data, out.len);
    return tr_str_from_utf8(out.data, out.len);
}

static TrValue do_sub(TrValue self, const TrValue *args, size_t nargs, TrValue kw, bool subn)
{
    static const char *const names[] = {"repl", "string", "count"};
    TrValue a[3];
    if (tr_parse_args(subn ? "subn" : "sub", args, nargs, kw, names, 2, 3, 0, 3, a) < 0)
        return TR_ERR;
    int64_t count = 0;
    if (a[2] && tr_index_i64(a[2], &count) < 0)
        return TR_ERR;
    TrRePattern *p = PAT(self);
    TrValue repl = a[0];
    bool is_callable = false, literal = false;
    Template t;
    const char *lit = NULL;
    size_t litlen = 0;
    if (tr_is_str(repl) && !p->is_bytes) {
        size_t n;
        lit = tr_str_utf8_len(repl, &n);
        litlen = n;
        literal = memchr(lit, '\\', n) == NULL;
    } else if ((tr_is_bytes(repl) || tr_is_bytearray(repl)) && p->is_bytes) {
        TrBytesView v;
        tr_bytes_view(repl, &v);
        lit = (const char *)v.data;
        litlen = (size_t)v.len;
        literal = memchr(lit, '\\', litlen) == NULL;
    } else if (tr_callable(repl)) {
        is_callable = true;
    } else if (tr_is_str(repl) || tr_is_bytes(repl) || tr_is_bytearray(repl)) {
        return tr_raise(&tr_TypeError, p->is_bytes ? "expected a bytes-like object, %s found"
                                                   : "expected str instance, %s found",
                        tr_type_name(repl));
    } else {
        return tr_raise(&tr_TypeError, "expected str or bytes-like object, got '%s'",
                        tr_type_name(repl));
    }
    if (!is_callable && !literal && parse_template(p, repl, &t) < 0)
        return TR_ERR;
    ReScan sc;
    if (scan_init(&sc, p, a[1], 0, 0) < 0)
        return TR_ERR;
    StrBuf out;
    sb_init(&out);
    int64_t last = 0, n = 0, pieces = 0;
    int r = 0;
    while ((count <= 0 || n < count) && (r = scan_next(&sc)) > 0) {
        if (sc.spans[0] > last) {
            put_span(&out, &sc.s, last, sc.spans[0]);
            pieces++;
        }
        if (is_callable) {
            TrValue m = tr_re_match_new(p, &sc.s, 0, sc.s.len, sc.spans, sc.lastindex);
            TrValue v = tr_call1(repl, m);
            if (v == TR_ERR) {
                scan_done(&sc);
                return TR_ERR;
            }
            if (v != TR_NONE) {
                if (!sc.s.is_bytes && tr_is_str(v)) {
                    size_t vn;
                    const char *vs = tr_str_utf8_len(v, &vn);
                    sb_append(&out, vs, vn);
                } else {
                    TrBytesView bv;
                    if (!sc.s.is_bytes || !tr_bytes_view(v, &bv))
                        return tr_raise(&tr_TypeError, sc.s.is_bytes
                                            ? "sequence item %d: expected a bytes-like object, "
                                              "%s found"
                                            : "sequence item %d: expected str instance, %s found",
                                        (int)pieces, tr_type_name(v));
                    sb_append(&out, (const char *)bv.data, (size_t)bv.len);
                }
                pieces++;
            }
        } else if (literal) {
            sb_append(&out, lit, litlen);
            pieces++;
        } else {
            put_template(&out, &t, &sc.s, sc.spans);
            pieces++;
        }
        last = sc.spans[1];
        n++;
    }
    scan_done(&sc);
    if (r < 0)
        return TR_ERR;
    TrValue result;
    if (n == 0 && (tr_is_str(a[1]) ? tr_obj(a[1])->type == &tr_str_type : tr_is_bytes(a[1]))) {
        result = a[1];
    } else {
        put_span(&out, &sc.s, last, sc.s.len);
        result = sc.s.is_bytes ? tr_bytes_new(out.data, out.len)
                               : tr_str_from_utf8(out.data, out.len);
    }
    if (result == TR_ERR)
        return TR_ERR;
    return subn ? tr_tuple_pack(2, result, tr_int_from_i64(n)) : result;
}

static TrValue pat_sub(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return do_sub(self, args, nargs, kw, false);
}
static TrValue pat_subn(TrValue self, const TrValue *args, size_t nargs, TrValue kw)
{
    return do_sub(self, args, nargs, kw, true);
}

/* --- The type ---------------------------------------------------------------------------- */

static TrValue pat_repr(TrValue self)
{
    TrRePattern *p = PAT(self);
    TrValue r = tr_repr(p->pattern);
    if (r == TR_ERR)
        return TR_ERR;
    if (tr_as_str(r)->len > 200)
        r = tr_str_sub(tr_as_str(r), 0, 1, 200);
    int64_t flags = p->flags;
    if (!p->is_bytes && (flags & (RE_UNICODE | RE_LOCALE | RE_ASCII)) == RE_UNICODE)
        flags &= ~RE_UNICODE;
    if (!flags)
        return tr_str_fmt("re.compile(%U)", r);
    return tr_str_fmt("re.compile(%U, %U)", r, tr_re_flags_repr(flags));
}

static TrValue pat_richcmp(TrValue self, TrValue other, int op)
{
    if ((op != TR_EQ && op != TR_NE) || !tr_isinstance_exact(other, &tr_re_pattern_type))
        return TR_NOTIMPL;
    TrRePattern *a = PAT(self), *b = PAT(other);
    bool eq = a == b;
    if (!eq && a->flags == b->flags && a->is_bytes == b->is_bytes) {
        int e = tr_eq(a->pattern, b->pattern);
        if (e < 0)
            return TR_ERR;
        eq = e;
    }
    return tr_bool(op == TR_EQ ? eq : !eq);
}

static int64_t pat_hash(TrValue self)
{
    TrRePattern *p = PAT(self);
    int64_t h = tr_hash(p->pattern);
    if (h == -1)
        return -1;
    h ^= p->flags * 1000003;
    return h == -1 ? -2 : h;
}

static TrValue pat_get_pattern(TrValue self) { return PAT(self)->pattern; }
static TrValue pat_get_flags(TrValue self) { return tr_int_from_i64(PAT(self)->flags); }
static TrValue pat_get_groups(TrValue self) { return tr_int_from_i64(PAT(self)->groups); }
static TrValue pat_get_groupindex(TrValue self) { return tr_dict_copy(PAT(self)->groupindex); }

static const TrGetSetDef pat_getsets[] = {
    {"pattern", pat_get_pattern, NULL},
    {"flags", pat_get_flags, NULL},
    {"groups", pat_get_groups, NULL},
    {"groupindex", pat_get_groupindex, NULL},
    {NULL, NULL, NULL},
};

static const TrMethodDef pat_methods[] = {
    {"match", pat_match, 0},
    {"search", pat_search, 0},
    {"fullmatch", pat_fullmatch, 0},
    {"findall", pat_findall, 0},
    {"finditer", pat_finditer, 0},
    {"split", pat_split, 0},
    {"sub", pat_sub, 0},
    {"subn", pat_subn, 0},
    {NULL, NULL, 0},
};

TrType tr_re_pattern_type = {
    .ob = {&tr_type_type}, .name = "re.Pattern", .basicsize = sizeof(TrRePattern),
    .repr = pat_repr, .richcmp = pat_richcmp, .hash = pat_hash,
    .methods = pat_methods, .getsets = pat_getsets,
};
