/*
 * parse_string.c -- string literals: prefixes, escape decoding, implicit concatenation and
 * 3.11 f-strings (Parser/string_parser.c): literal parts and {expr!c:spec} fields, where each
 * expression is parsed by a sub-parser over "(expr)" and a spec may nest one more level.
 */
#include "front/parse_internal.h"
#include "runtime/unicode_names.h"

#include <string.h>

#include "common/strbuf.h"
#include "runtime/bytes.h"
#include "runtime/str.h"

typedef struct {
    const Token *tok;
    const char *body, *end; /* between the quotes */
    bool bytes, raw, fmt, u;
} StrLit;

static void split(const Token *t, StrLit *s)
{
    const char *q = t->start;
    memset(s, 0, sizeof *s);
    s->tok = t;
    while (*q != '\'' && *q != '"') {
        char c = (char)(*q | 0x20);
        if (c == 'b')
            s->bytes = true;
        else if (c == 'r')
            s->raw = true;
        else if (c == 'f')
            s->fmt = true;
        else if (c == 'u')
            s->u = true;
        q++;
    }
    const char *e = t->start + t->len;
    int qs = (e - q >= 6 && q[1] == q[0] && q[2] == q[0]) ? 3 : 1;
    s->body = q + qs;
    s->end = e - qs;
}

/* --- Escapes ------------------------------------------------------------------------------ */

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static bool unicode_error(Parser *p, long start, long end, const char *what)
{
    p_err_last(p, "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                  "%ld-%ld: %s", start, end, what);
    return false;
}

/* Appends the decoded text of s..end (escapes processed unless raw) to out as UTF-8 (for
   bytes: raw byte values). CPython reports positions in the body of the literal. */
static bool decode(Parser *p, const char *s, const char *end, bool bytes, bool raw, StrBuf *out)
{
    if (raw) {
        sb_append(out, s, (size_t)(end - s));
        return true;
    }
    const char *base = s;
    while (s < end) {
        if (*s != '\\') {
            sb_putc(out, *s++);
            continue;
        }
        const char *esc = s++;
        if (s >= end) {
            if (bytes) {
                p_err_last(p, "(value error) Trailing \\ in string");
                return false;
            }
            return unicode_error(p, esc - base, esc - base, "\\ at end of string");
        }
        char c = *s++;
        switch (c) {
        case '\n': break;
        case '\\': sb_putc(out, '\\'); break;
        case '\'': sb_putc(out, '\''); break;
        case '"': sb_putc(out, '"'); break;
        case 'a': sb_putc(out, '\a'); break;
        case 'b': sb_putc(out, '\b'); break;
        case 'f': sb_putc(out, '\f'); break;
        case 'n': sb_putc(out, '\n'); break;
        case 'r': sb_putc(out, '\r'); break;
        case 't': sb_putc(out, '\t'); break;
        case 'v': sb_putc(out, '\v'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = (unsigned)(c - '0');
            for (int i = 0; i < 2 && s < end && *s >= '0' && *s <= '7'; i++)
                v = v * 8 + (unsigned)(*s++ - '0');
            if (bytes)
                sb_putc(out, (char)(v & 0xFF));
            else
                sb_utf8(out, v);
            break;
        }
        case 'x': case 'u': case 'U': {
            if (bytes && c != 'x') {
                sb_putc(out, '\\');
                sb_putc(out, c);
                break;
            }
            int n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            uint32_t v = 0;
            int i;
            for (i = 0; i < n && s < end && hexval(*s) >= 0; i++)
                v = v * 16 + (uint32_t)hexval(*s++);
            if (i < n) {
                if (bytes) {
                    p_err_last(p, "(value error) invalid \\x escape at position %ld",
                               (long)(esc - base));
                    return false;
                }
                return unicode_error(p, esc - base, s - base - 1,
                                     c == 'x'   ? "truncated \\xXX escape"
                                     : c == 'u' ? "truncated \\uXXXX escape"
                                                : "truncated \\UXXXXXXXX escape");
            }
            if (bytes) {
                sb_putc(out, (char)v);
            } else {
                if (v > 0x10FFFF)
                    return unicode_error(p, esc - base, s - base - 1, "illegal Unicode character");
                sb_utf8(out, v);
            }
            break;
        }
        case 'N':
            if (!bytes) {
                if (s >= end || *s != '{')
                    return unicode_error(p, esc - base, s - base - 1,
                                         "malformed \\N character escape");
                const char *close = memchr(s, '}', (size_t)(end - s));
                if (!close)
                    return unicode_error(p, esc - base, end - base - 1,
                                         "malformed \\N character escape");
                uint32_t cp;
                if (!tr_unicode_lookup(s + 1, (size_t)(close - s - 1), &cp))
                    return unicode_error(p, esc - base, close - base,
                                         "unknown Unicode character name");
                sb_utf8(out, cp);
                s = close + 1;
                break;
            }
            /* fall through: bytes keep unknown escapes */
            __attribute__((fallthrough));
        default:
            /* an invalid escape stays as written (CPython only warns) */
            sb_putc(out, '\\');
            s--;
            break;
        }
    }
    return true;
}

/* --- Concatenation ------------------------------------------------------------------------ */

typedef struct {
    StrBuf last;      /* literal text not yet turned into a Constant */
    NodeList values;  /* JoinedStr parts */
    const Token *tok; /* for node positions */
} Joiner;

static void flush_literal(Parser *p, Joiner *j)
{
    if (j->last.len == 0)
        return;
    Node *c = p_node(p, AST_Constant, j->tok);
    c->u.Constant.value = tr_str_from_utf8(j->last.data, j->last.len);
    p_push(p, &j->values, c);
    sb_init(&j->last);
}

static bool fstring_body(Parser *p, const StrLit *s, const char **str, int lvl, Joiner *j);

/* Line and column of position q inside the token t (which may span lines). */
static void pos_in_token(const Token *t, const char *q, int *line, int *col)
{
    *line = t->line;
    const char *ls = t->line_start;
    for (const char *c = t->start; c < q; c++)
        if (*c == '\n')
            (*line)++, ls = c + 1;
    *col = (int)(q - ls);
}

/* fstring_find_expr: at '{'. Parses one replacement field and appends it to j. */
static bool fstring_expr(Parser *p, const StrLit *s, const char **str, int lvl, Joiner *j)
{
    const char *end = s->end;
    if (lvl >= 2) {
        p_err_last(p, "f-string: expressions nested too deeply");
        return false;
    }
    (*str)++;
    const char *expr_start = *str;
    char quote = 0, parens[200];
    int qsize = 0, depth = 0;
    for (; *str < end; (*str)++) {
        char ch = **str;
        if (ch == '\\') {
            p_err_last(p, "f-string expression part cannot include a backslash");
            return false;
        }
        if (quote) {
            if (ch == quote) {
                if (qsize == 3) {
                    if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                        *str += 2;
                        quote = 0;
                    }
                } else {
                    quote = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                qsize = 3;
                *str += 2;
            } else {
                qsize = 1;
            }
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= 200) {
                p_err_last(p, "f-string: too many nested parenthesis");
                return false;
            }
            parens[depth++] = ch;
        } else if (ch == '#') {
            p_err_last(p, "f-string expression part cannot include '#'");
            return false;
        } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' ||
                                  ch == '<')) {
            if (*str + 1 < end) {
                char next = (*str)[1];
                if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && next == '=') {
                    (*str)++;
                    continue;
                }
            }
            if (ch == '>' || ch == '<')
                continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!depth) {
                p_err_last(p, "f-string: unmatched '%c'", ch);
                return false;
            }
            char o = parens[--depth];
            if (!((o == '(' && ch == ')') || (o == '[' && ch == ']') || (o == '{' && ch == '}'))) {
                p_err_last(p, "f-string: closing parenthesis '%c' does not match opening "
                              "parenthesis '%c'", ch, o);
                return false;
            }
        }
    }
    const char *expr_end = *str;
    if (quote) {
        p_err_last(p, "f-string: unterminated string");
        return false;
    }
    if (depth) {
        p_err_last(p, "f-string: unmatched '%c'", parens[depth - 1]);
        return false;
    }
    if (*str >= end)
        goto unexpected_end;
    bool blank = true;
    for (const char *c = expr_start; c < expr_end; c++)
        if (!(*c == ' ' || *c == '\t' || *c == '\n' || *c == '\f' || *c == '\r'))
            blank = false;
    if (blank) {
        p_err_last(p, "f-string: empty expression not allowed");
        return false;
    }
    int line, col;
    pos_in_token(s->tok, expr_start, &line, &col);
    Node *value = parse_fstring_expr(p, expr_start, (size_t)(expr_end - expr_start), line, col);
    if (!value)
        return false;
    const char *expr_text = NULL;
    size_t expr_text_len = 0;
    if (**str == '=') {
        (*str)++;
        while (*str < end && (**str == ' ' || **str == '\t' || **str == '\n' || **str == '\f' ||
                              **str == '\r' || **str == '\v'))
            (*str)++;
        if (*str >= end)
            goto unexpected_end;
        expr_text = expr_start;
        expr_text_len = (size_t)(*str - expr_start);
    }
    int conversion = -1;
    if (**str == '!') {
        (*str)++;
        if (*str >= end)
            goto unexpected_end;
        conversion = (unsigned char)**str;
        (*str)++;
        if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
            p_err_last(p, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return false;
        }
    }
    Node *spec = NULL;
    if (*str >= end)
        goto unexpected_end;
    if (**str == ':') {
        (*str)++;
        if (*str >= end)
            goto unexpected_end;
        Joiner sj = {0};
        sb_init(&sj.last);
        sj.tok = s->tok;
        if (!fstring_body(p, s, str, lvl + 1, &sj))
            return false;
        flush_literal(p, &sj);
        spec = p_node(p, AST_JoinedStr, s->tok);
        spec->u.JoinedStr.values = sj.values;
    }
    if (*str >= end || **str != '}') {
        p_err_last(p, "f-string: expecting '}'");
        return false;
    }
    (*str)++;
    if (expr_text) {
        sb_append(&j->last, expr_text, expr_text_len);
        if (!spec && conversion == -1)
            conversion = 'r';
    }
    flush_literal(p, j);
    Node *fv = p_node(p, AST_FormattedValue, s->tok);
    fv->u.FormattedValue.value = value;
    fv->u.FormattedValue.conversion = conversion;
    fv->u.FormattedValue.format_spec = spec;
    p_push(p, &j->values, fv);
    return true;
unexpected_end:
    p_err_last(p, "f-string: expecting '}'");
    return false;
}

/* fstring_find_literal_and_expr, repeated: the body of an f-string (lvl 0) or of a format
   spec (lvl 1, ended by an unmatched '}' which is left for the caller). */
static bool fstring_body(Parser *p, const StrLit *s, const char **str, int lvl, Joiner *j)
{
    const char *end = s->end;
    while (*str < end) {
        const char *lit = *str, *q = *str, *lit_end;
        bool resume = false;
        while (q < end) {
            char ch = *q++;
            if (!s->raw && ch == '\\' && q < end) {
                ch = *q++;
                if (ch == 'N') {
                    if (q < end && *q++ == '{') {
                        while (q < end && *q++ != '}') {
                        }
                    }
                    continue;
                }
            }
            if (ch == '{' || ch == '}') {
                if (lvl == 0) {
                    if (q < end && *q == ch) {
                        lit_end = q; /* keep one brace */
                        *str = q + 1;
                        resume = true;
                        goto have_literal;
                    }
                    if (ch == '}') {
                        p_err_last(p, "f-string: single '}' is not allowed");
                        return false;
                    }
                }
                q--;
                break;
            }
        }
        lit_end = q;
        *str = q;
have_literal:
        if (!decode(p, lit, lit_end, false, s->raw, &j->last))
            return false;
        if (resume)
            continue;
        if (*str >= end || **str == '}')
            return true;
        if (!fstring_expr(p, s, str, lvl, j))
            return false;
    }
    return true;
}

/* strings: STRING+ */
Node *parse_strings(Parser *p)
{
    Token *first = p_peek(p);
    Joiner j = {0};
    sb_init(&j.last);
    j.tok = first;
    bool fmode = false, bytes_mode = false;
    int start = p->pos;
    while (p_at(p, TOK_STRING))
        p_next(p);
    int stop = p->pos;
    /* CPython decodes after the whole run: errors point at the token after it */
    p_peek(p);
    for (int i = start; i < stop; i++) {
        Token *t = p_tok(p, i);
        StrLit s;
        split(t, &s);
        if (i == start)
            bytes_mode = s.bytes;
        else if (s.bytes != bytes_mode)
            return p_err_last(p, "cannot mix bytes and nonbytes literals");
        if (s.bytes) {
            for (const char *c = s.body; c < s.end; c++)
                if ((unsigned char)*c >= 0x80)
                    return p_err_tok(p, t, "bytes can only contain ASCII literal characters");
        }
        if (s.fmt) {
            fmode = true;
            const char *str = s.body;
            if (!fstring_body(p, &s, &str, 0, &j))
                return NULL;
            if (str < s.end) { /* a '}' at the top level that fstring_body left */
                p_err_last(p, "f-string: single '}' is not allowed");
                return NULL;
            }
        } else if (!decode(p, s.body, s.end, s.bytes, s.raw, &j.last)) {
            return NULL;
        }
    }
    StrLit s0;
    split(first, &s0);
    if (!fmode) {
        Node *c = p_node(p, AST_Constant, first);
        c->u.Constant.value = bytes_mode ? tr_bytes_new(j.last.data, j.last.len)
                                         : tr_str_from_utf8(j.last.data ? j.last.data : "",
                                                            j.last.len);
        if (s0.u)
            c->u.Constant.kind = "u";
        return p_end(p, c);
    }
    flush_literal(p, &j);
    Node *js = p_node(p, AST_JoinedStr, first);
    js->u.JoinedStr.values = j.values;
    return p_end(p, js);
}
