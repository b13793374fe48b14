/*
 * lex.c -- the tokenizer, a transcription of CPython 3.11's tok_get (Parser/tokenizer.c) so that
 * token boundaries and error messages, with their caret positions, come out the same. The
 * source is first normalized (BOM dropped, \r\n and \r turned into \n, a final \n added).
 */
#include "front/lex.h"

#include <stdarg.h>
#include <string.h>

#include "common/strbuf.h"

const char *const tok_texts[TOK__COUNT] = {
#define TOK(name, text, cls) [TOK_##name] = text,
#include "front/tokens.def"
#undef TOK
};

enum { TABSIZE = 8, ALTTABSIZE = 1 };

/* --- Positions and errors ----------------------------------------------------------------- */

int lex_char_col(const char *line_start, int col0)
{
    int n = 0;
    for (int i = 0; i < col0 && line_start[i]; i++)
        if (((unsigned char)line_start[i] & 0xC0) != 0x80)
            n++;
    return n + 1;
}

const char *lex_line_text(Arena *a, const char *line_start)
{
    const char *e = line_start;
    while (*e && *e != '\n')
        e++;
    return arena_strndup(a, line_start, (size_t)(e - line_start));
}

/* CPython's syntaxerror(): the offset counts the characters before cur, so the caret sits on
   the character just consumed. */
static bool lerr_at(Lexer *lx, const char *type, int line, const char *line_start, int col,
                    int end_col, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
static bool lerr_at(Lexer *lx, const char *type, int line, const char *line_start, int col,
                    int end_col, const char *fmt, ...)
{
    StrBuf sb;
    va_list ap;
    sb_init(&sb);
    va_start(ap, fmt);
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    lx->failed = true;
    diag_set(lx->err, lx->arena, type, lx->filename, line, col, end_col,
             line_start ? lex_line_text(lx->arena, line_start) : NULL, "%s", sb_cstr(&sb));
    return false;
}

#define SYNERR(lx, ...)                                                                            \
    lerr_at(lx, "SyntaxError", (lx)->lineno, (lx)->line_start,                                     \
            lex_char_col((lx)->line_start, (int)((lx)->cur - (lx)->line_start)) - 1,               \
            lex_char_col((lx)->line_start, (int)((lx)->cur - (lx)->line_start)) - 1, __VA_ARGS__)

/* --- Set-up -------------------------------------------------------------------------------- */

static int utf8_len(const unsigned char *s, const unsigned char *end)
{
    unsigned c = s[0];
    int n;
    uint32_t cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, cp = c & 0x07;
    else
        return 0;
    if (end - s < n)
        return 0;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return n;
}

bool lex_init(Lexer *lx, Arena *a, const char *filename, const char *src, size_t len, Diag *err)
{
    memset(lx, 0, sizeof *lx);
    lx->arena = a;
    lx->filename = filename;
    lx->err = err;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
        src += 3, len -= 3;
    int line = 1;
    const char *ls = src;
    for (size_t i = 0; i < len; i++) {
        if (src[i] == 0) {
            return lerr_at(lx, "SyntaxError", line, NULL, 0, 0,
                           "source code cannot contain null bytes");
        }
        if (src[i] == '\n')
            line++, ls = src + i + 1;
        if ((unsigned char)src[i] >= 0x80) {
            int n = utf8_len((const unsigned char *)src + i, (const unsigned char *)src + len);
            if (!n) {
                return lerr_at(lx, "SyntaxError", line, NULL, 0, 0,
                               "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "
                               "but no encoding declared; see https://peps.python.org/pep-0263/ "
                               "for details",
                               (unsigned char)src[i], filename, line);
            }
            i += (size_t)n - 1;
        }
    }
    (void)ls;
    char *d = arena_alloc(a, len + 2);
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (src[i] == '\r') {
            d[o++] = '\n';
            if (i + 1 < len && src[i + 1] == '\n')
                i++;
        } else {
            d[o++] = src[i];
        }
    }
    if (o > 0 && d[o - 1] != '\n')
        d[o++] = '\n';
    d[o] = 0;
    lx->src = lx->cur = lx->line_start = d;
    lx->end = d + o;
    lx->lineno = 1;
    lx->atbol = true;
    return true;
}

/* --- Characters ---------------------------------------------------------------------------- */

#define LEX_EOF (-1)

/* Lines advance lazily, when the first character after a newline is read, as CPython's
   line-at-a-time reader does: a consumed '\n' still belongs to its line. */
static int nextc(Lexer *lx)
{
    if (lx->cur >= lx->end)
        return LEX_EOF;
    if (lx->cur > lx->line_start && lx->cur[-1] == '\n') {
        lx->lineno++;
        lx->line_start = lx->cur;
    }
    return (unsigned char)*lx->cur++;
}

static void backup(Lexer *lx, int c)
{
    if (c != LEX_EOF)
        lx->cur--;
}

static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_xdigit(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static bool id_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
static bool id_char(int c) { return id_start(c) || is_digit(c); }

/* Non-ASCII code points that cannot be part of an identifier. An approximation of
   XID_Start/XID_Continue: punctuation, symbols, spaces and emoji blocks are rejected. */
static bool cp_is_id(uint32_t cp, bool first)
{
    if (cp < 0xC0)
        return cp == 0xAA || cp == 0xB5 || cp == 0xBA || (!first && cp == 0xB7);
    if (cp == 0xD7 || cp == 0xF7)
        return false;
    if (cp >= 0x2000 && cp <= 0x206F)
        return !first && (cp == 0x203F || cp == 0x2040 || cp == 0x2054 || cp == 0x200C ||
                          cp == 0x200D);
    if ((cp >= 0x20A0 && cp <= 0x20FF) || (cp >= 0x2190 && cp <= 0x2BFF) ||
        (cp >= 0x3000 && cp <= 0x3004) || (cp >= 0x3008 && cp <= 0x3020) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
        (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0x1F000 && cp <= 0x1FAFF) ||
        (cp >= 0xE000 && cp <= 0xF8FF) || cp == 0xFEFF || cp == 0xFFFD)
        return false;
    return true;
}

static uint32_t decode_cp(const unsigned char *s, int *n)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *n = 1;
        return c;
    }
    int k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    uint32_t cp = c & (0x7F >> k);
    for (int i = 1; i < k; i++)
        cp = (cp << 6) | (s[i] & 0x3F);
    *n = k;
    return cp;
}

/* tokenizer.c's verify_identifier: the caret goes on the first bad character. */
static bool verify_identifier(Lexer *lx, const char *start)
{
    const unsigned char *p = (const unsigned char *)start, *e = (const unsigned char *)lx->cur;
    bool first = true;
    while (p < e) {
        int n;
        uint32_t cp = decode_cp(p, &n);
        if (cp >= 128 && !cp_is_id(cp, first)) {
            lx->cur = (const char *)p + n;
            return SYNERR(lx, "invalid character '%.*s' (U+%04X)", n, (const char *)p, cp);
        }
        first = false;
        p += n;
    }
    return true;
}

/* --- Numbers ------------------------------------------------------------------------------- */

static bool lookahead(Lexer *lx, const char *s)
{
    size_t n = strlen(s);
    return (size_t)(lx->end - lx->cur) >= n && memcmp(lx->cur, s, n) == 0;
}

static bool verify_end_of_number(Lexer *lx, int c, const char *kind)
{
    bool r = false;
    if (c == 'a')
        r = lookahead(lx, "nd");
    else if (c == 'e')
        r = lookahead(lx, "lse");
    else if (c == 'f')
        r = lookahead(lx, "or");
    else if (c == 'i')
        r = lx->cur < lx->end && (*lx->cur == 'f' || *lx->cur == 'n' || *lx->cur == 's');
    else if (c == 'o')
        r = lookahead(lx, "r");
    else if (c == 'n')
        r = lookahead(lx, "ot");
    if (r)
        return true; /* CPython only warns (DeprecationWarning, hidden by default) */
    if (c != LEX_EOF && id_char(c)) {
        backup(lx, c);
        return SYNERR(lx, "invalid %s literal", kind);
    }
    return true;
}

/* Returns the character after the digits, or -2 after an error. */
static int decimal_tail(Lexer *lx)
{
    int c;
    for (;;) {
        do
            c = nextc(lx);
        while (is_digit(c));
        if (c != '_')
            break;
        c = nextc(lx);
        if (!is_digit(c)) {
            backup(lx, c);
            SYNERR(lx, "invalid decimal literal");
            return -2;
        }
    }
    return c;
}

static bool radix_number(Lexer *lx, int c, int radix, const char *kind)
{
    /* c is the prefix letter; digits follow, '_' only between them */
    c = nextc(lx);
    do {
        if (c == '_')
            c = nextc(lx);
        bool ok = radix == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + radix);
        if (!ok) {
            if (radix != 16 && is_digit(c))
                return SYNERR(lx, "invalid digit '%c' in %s literal", c, kind);
            backup(lx, c);
            return SYNERR(lx, "invalid %s literal", kind);
        }
        do {
            c = nextc(lx);
        } while (radix == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + radix));
    } while (c == '_');
    if (radix != 16 && is_digit(c))
        return SYNERR(lx, "invalid digit '%c' in %s literal", c, kind);
    if (!verify_end_of_number(lx, c, kind))
        return false;
    backup(lx, c);
    return true;
}

/* The number starting at tok_start, whose first character c was consumed. */
static bool number(Lexer *lx, int c, const char *tok_start)
{
    if (c == '.') {
        c = nextc(lx);
        goto fraction;
    }
    if (c == '0') {
        c = nextc(lx);
        if (c == 'x' || c == 'X')
            return radix_number(lx, c, 16, "hexadecimal");
        if (c == 'o' || c == 'O')
            return radix_number(lx, c, 8, "octal");
        if (c == 'b' || c == 'B')
            return radix_number(lx, c, 2, "binary");
        bool nonzero = false;
        for (;;) {
            if (c == '_') {
                c = nextc(lx);
                if (!is_digit(c)) {
                    backup(lx, c);
                    return SYNERR(lx, "invalid decimal literal");
                }
            }
            if (c != '0')
                break;
            c = nextc(lx);
        }
        const char *zeros_end = lx->cur;
        if (is_digit(c)) {
            nonzero = true;
            c = decimal_tail(lx);
            if (c == -2)
                return false;
        }
        if (c == '.') {
            c = nextc(lx);
            goto fraction;
        } else if (c == 'e' || c == 'E') {
            goto exponent;
        } else if (c == 'j' || c == 'J') {
            goto imaginary;
        } else if (nonzero) {
            backup(lx, c);
            int col = lex_char_col(lx->line_start, (int)(tok_start - lx->line_start));
            int end = lex_char_col(lx->line_start, (int)(zeros_end - lx->line_start)) - 1;
            return lerr_at(lx, "SyntaxError", lx->lineno, lx->line_start, col, end,
                           "leading zeros in decimal integer literals are not permitted; use "
                           "an 0o prefix for octal integers");
        }
        if (!verify_end_of_number(lx, c, "decimal"))
            return false;
        backup(lx, c);
        return true;
    }
    c = decimal_tail(lx);
    if (c == -2)
        return false;
    if (c == '.') {
        c = nextc(lx);
fraction:
        if (is_digit(c)) {
            c = decimal_tail(lx);
            if (c == -2)
                return false;
        }
    }
    if (c == 'e' || c == 'E') {
exponent:;
        int e = c;
        c = nextc(lx);
        if (c == '+' || c == '-') {
            c = nextc(lx);
            if (!is_digit(c)) {
                backup(lx, c);
                return SYNERR(lx, "invalid decimal literal");
            }
        } else if (!is_digit(c)) {
            backup(lx, c);
            if (!verify_end_of_number(lx, e, "decimal"))
                return false;
            backup(lx, e);
            return true;
        }
        c = decimal_tail(lx);
        if (c == -2)
            return false;
    }
    if (c == 'j' || c == 'J') {
imaginary:
        c = nextc(lx);
        if (!verify_end_of_number(lx, c, "imaginary"))
            return false;
    } else if (!verify_end_of_number(lx, c, "decimal")) {
        return false;
    }
    backup(lx, c);
    return true;
}

/* --- Strings ------------------------------------------------------------------------------- */

/* The body of a string whose opening quote c was just consumed. */
static bool string_body(Lexer *lx, int quote, const char *tok_start)
{
    int first_line = lx->lineno;
    const char *first_ls = lx->line_start;
    int quote_size = 1, end_quote_size = 0;
    int c = nextc(lx);
    if (c == quote) {
        c = nextc(lx);
        if (c == quote)
            quote_size = 3;
        else
            end_quote_size = 1;
    }
    if (c != quote)
        backup(lx, c);
    while (end_quote_size != quote_size) {
        c = nextc(lx);
        if (c == LEX_EOF || (quote_size == 1 && c == '\n')) {
            int detected = lx->lineno;
            if (c == '\n' && quote_size == 1)
                detected = first_line;
            int col = lex_char_col(first_ls, (int)(tok_start - first_ls));
            if (quote_size == 3)
                return lerr_at(lx, "SyntaxError", first_line, first_ls, col, col,
                               "unterminated triple-quoted string literal (detected at line %d)",
                               detected);
            return lerr_at(lx, "SyntaxError", first_line, first_ls, col, col,
                           "unterminated string literal (detected at line %d)", detected);
        }
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\')
                nextc(lx);
        }
    }
    return true;
}

/* --- Operators ----------------------------------------------------------------------------- */

static TokKind op3(int a, int b, int c)
{
    if (a == '*' && b == '*' && c == '=')
        return TOK_DOUBLESTAREQUAL;
    if (a == '/' && b == '/' && c == '=')
        return TOK_DOUBLESLASHEQUAL;
    if (a == '<' && b == '<' && c == '=')
        return TOK_LEFTSHIFTEQUAL;
    if (a == '>' && b == '>' && c == '=')
        return TOK_RIGHTSHIFTEQUAL;
    if (a == '.' && b == '.' && c == '.')
        return TOK_ELLIPSIS;
    return TOK_ERRORTOKEN;
}

static TokKind op2(int a, int b)
{
    switch (a) {
    case '!': return b == '=' ? TOK_NOTEQUAL : TOK_ERRORTOKEN;
    case '%': return b == '=' ? TOK_PERCENTEQUAL : TOK_ERRORTOKEN;
    case '&': return b == '=' ? TOK_AMPEREQUAL : TOK_ERRORTOKEN;
    case '*': return b == '*' ? TOK_DOUBLESTAR : b == '=' ? TOK_STAREQUAL : TOK_ERRORTOKEN;
    case '+': return b == '=' ? TOK_PLUSEQUAL : TOK_ERRORTOKEN;
    case '-': return b == '=' ? TOK_MINEQUAL : b == '>' ? TOK_RARROW : TOK_ERRORTOKEN;
    case '/': return b == '/' ? TOK_DOUBLESLASH : b == '=' ? TOK_SLASHEQUAL : TOK_ERRORTOKEN;
    case ':': return b == '=' ? TOK_COLONEQUAL : TOK_ERRORTOKEN;
    case '<':
        return b == '<' ? TOK_LEFTSHIFT : b == '=' ? TOK_LESSEQUAL
             : b == '>' ? TOK_NOTEQUAL /* <> only with barry_as_FLUFL; never reached */
                        : TOK_ERRORTOKEN;
    case '=': return b == '=' ? TOK_EQEQUAL : TOK_ERRORTOKEN;
    case '>': return b == '=' ? TOK_GREATEREQUAL : b == '>' ? TOK_RIGHTSHIFT : TOK_ERRORTOKEN;
    case '@': return b == '=' ? TOK_ATEQUAL : TOK_ERRORTOKEN;
    case '^': return b == '=' ? TOK_CIRCUMFLEXEQUAL : TOK_ERRORTOKEN;
    case '|': return b == '=' ? TOK_VBAREQUAL : TOK_ERRORTOKEN;
    default: return TOK_ERRORTOKEN;
    }
}

static TokKind op1(int c)
{
    switch (c) {
    case '(': return TOK_LPAR;
    case ')': return TOK_RPAR;
    case '[': return TOK_LSQB;
    case ']': return TOK_RSQB;
    case '{': return TOK_LBRACE;
    case '}': return TOK_RBRACE;
    case ':': return TOK_COLON;
    case ',': return TOK_COMMA;
    case ';': return TOK_SEMI;
    case '+': return TOK_PLUS;
    case '-': return TOK_MINUS;
    case '*': return TOK_STAR;
    case '/': return TOK_SLASH;
    case '|': return TOK_VBAR;
    case '&': return TOK_AMPER;
    case '<': return TOK_LESS;
    case '>': return TOK_GREATER;
    case '=': return TOK_EQUAL;
    case '.': return TOK_DOT;
    case '%': return TOK_PERCENT;
    case '~': return TOK_TILDE;
    case '^': return TOK_CIRCUMFLEX;
    case '@': return TOK_AT;
    case '!': return TOK_BANG;
    default: return TOK_ERRORTOKEN;
    }
}

static TokKind keyword(const char *s, int n)
{
#define TOK(name, text, cls)                                                                       \
    if (cls == KW_CLASS && (int)sizeof(text) - 1 == n && memcmp(s, text, (size_t)n) == 0)         \
        return TOK_##name;
    enum { BASIC_CLASS, OP_CLASS, KW_CLASS };
#define BASIC BASIC_CLASS
#define OP OP_CLASS
#define KW KW_CLASS
#include "front/tokens.def"
#undef BASIC
#undef OP
#undef KW
#undef TOK
    return TOK_NAME;
}

/* --- The tokenizer ------------------------------------------------------------------------- */

/* a backslash on the last line: CPython points just past the line */
static bool eof_in_continuation(Lexer *lx)
{
    lx->soft_error = true;
    int n = lex_char_col(lx->line_start, (int)strcspn(lx->line_start, "\n")) + 1;
    return lerr_at(lx, "SyntaxError", lx->lineno, lx->line_start, n, n,
                   "unexpected EOF while parsing");
}

static bool indent_error(Lexer *lx)
{
    lx->soft_error = true;
    return lerr_at(lx, "TabError", lx->lineno, lx->line_start, 0, 0,
                   "inconsistent use of tabs and spaces in indentation");
}

/* Measures the indentation of a new line and queues INDENT/DEDENT tokens. */
static bool line_start_indent(Lexer *lx)
{
    int col = 0, altcol = 0, cont_line_col = 0, c;
    lx->atbol = false;
    lx->blankline = false;
    for (;;) {
        c = nextc(lx);
        if (c == ' ') {
            col++, altcol++;
        } else if (c == '\t') {
            col = (col / TABSIZE + 1) * TABSIZE;
            altcol = (altcol / ALTTABSIZE + 1) * ALTTABSIZE;
        } else if (c == '\014') {
            col = altcol = 0;
        } else if (c == '\\') {
            cont_line_col = cont_line_col ? cont_line_col : col;
            c = nextc(lx);
            if (c != '\n') {
                lx->soft_error = true;
                return SYNERR(lx, "unexpected character after line continuation character");
            }
            if (lx->cur >= lx->end)
                return eof_in_continuation(lx);
        } else {
            break;
        }
    }
    backup(lx, c);
    if (c == '#' || c == '\n')
        lx->blankline = true;
    if (lx->blankline || lx->level != 0)
        return true;
    if (cont_line_col)
        col = altcol = cont_line_col;
    if (col == lx->indstack[lx->indent]) {
        if (altcol != lx->altindstack[lx->indent])
            return indent_error(lx);
    } else if (col > lx->indstack[lx->indent]) {
        if (lx->indent + 1 >= LEX_MAXINDENT)
            return (lx->soft_error = true),
                   lerr_at(lx, "IndentationError", lx->lineno, lx->line_start, 0, 0,
                           "too many levels of indentation");
        if (altcol <= lx->altindstack[lx->indent])
            return indent_error(lx);
        lx->pendin++;
        lx->indstack[++lx->indent] = col;
        lx->altindstack[lx->indent] = altcol;
    } else {
        while (lx->indent > 0 && col < lx->indstack[lx->indent]) {
            lx->pendin--;
            lx->indent--;
        }
        if (col != lx->indstack[lx->indent]) {
            /* CPython reports this with the whole line consumed: the caret lands past it */
            const char *ls = lx->line_start;
            int n = lex_char_col(ls, (int)(strchr(ls, '\n') - ls)) + 1;
            lx->soft_error = true;
            return lerr_at(lx, "IndentationError", lx->lineno, ls, n, n,
                           "unindent does not match any outer indentation level");
        }
        if (altcol != lx->altindstack[lx->indent])
            return indent_error(lx);
    }
    return true;
}

static void set_tok(Lexer *lx, Token *t, TokKind kind, const char *start, int line,
                    const char *ls)
{
    t->kind = kind;
    t->start = start;
    t->len = (int)(lx->cur - start);
    t->line = line;
    t->line_start = ls;
    t->col = (int)(start - ls);
    t->end_line = lx->lineno;
    t->end_col = (int)(lx->cur - lx->line_start);
    t->level = lx->level;
}

static bool paren(Lexer *lx, int c, const char *start)
{
    if (c == '(' || c == '[' || c == '{') {
        if (lx->level >= LEX_MAXLEVEL)
            return SYNERR(lx, "too many nested parentheses");
        lx->parenstack[lx->level] = (char)c;
        lx->parenline[lx->level] = lx->lineno;
        lx->parencol[lx->level] = (int)(start - lx->line_start);
        lx->level++;
    } else if (c == ')' || c == ']' || c == '}') {
        if (!lx->level)
            return SYNERR(lx, "unmatched '%c'", c);
        lx->level--;
        int o = lx->parenstack[lx->level];
        if (!((o == '(' && c == ')') || (o == '[' && c == ']') || (o == '{' && c == '}'))) {
            if (lx->parenline[lx->level] != lx->lineno)
                return SYNERR(lx,
                              "closing parenthesis '%c' does not match opening parenthesis "
                              "'%c' on line %d",
                              c, o, lx->parenline[lx->level]);
            return SYNERR(lx, "closing parenthesis '%c' does not match opening parenthesis '%c'",
                          c, o);
        }
    }
    return true;
}

static bool unclosed_error(Lexer *lx)
{
    int l = lx->level - 1;
    const char *ls = lx->src;
    for (int i = 1; i < lx->parenline[l]; i++)
        ls = strchr(ls, '\n') + 1;
    int col = lex_char_col(ls, lx->parencol[l]);
    return lerr_at(lx, "SyntaxError", lx->parenline[l], ls, col, col, "'%c' was never closed",
                   lx->parenstack[l]);
}

bool lex_next(Lexer *lx, Token *t)
{
    int c;
    if (lx->failed)
        return false;
nextline:
    if (lx->atbol && !line_start_indent(lx))
        return false;
    if (lx->pendin != 0) {
        set_tok(lx, t, lx->pendin < 0 ? TOK_DEDENT : TOK_INDENT, lx->cur, lx->lineno,
                lx->line_start);
        t->col = t->end_col = -1;
        if (lx->pendin < 0)
            lx->pendin++;
        else
            lx->pendin--;
        return true;
    }
again:
    do
        c = nextc(lx);
    while (c == ' ' || c == '\t' || c == '\014');
    const char *start = lx->cur - (c == LEX_EOF ? 0 : 1);
    int line = lx->lineno;
    const char *ls = lx->line_start;
    if (c == '#') {
        while (c != LEX_EOF && c != '\n')
            c = nextc(lx);
    }
    if (c == LEX_EOF) {
        if (lx->level)
            return unclosed_error(lx);
        set_tok(lx, t, TOK_ENDMARKER, lx->cur, lx->lineno, lx->line_start);
        t->col = t->end_col = -1; /* CPython shows no caret at the end of the file */
        lx->eof = true;
        return true;
    }
    if (id_start(c)) {
        bool saw_b = false, saw_r = false, saw_u = false, saw_f = false, nonascii = false;
        for (;;) {
            if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
                saw_b = true;
            else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
                saw_u = true;
            else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
                saw_r = true;
            else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
                saw_f = true;
            else
                break;
            c = nextc(lx);
            if (c == '"' || c == '\'') {
                if (!string_body(lx, c, start))
                    return false;
                set_tok(lx, t, TOK_STRING, start, line, ls);
                return true;
            }
        }
        while (c != LEX_EOF && id_char(c)) {
            if (c >= 128)
                nonascii = true;
            c = nextc(lx);
        }
        backup(lx, c);
        if (nonascii && !verify_identifier(lx, start))
            return false;
        set_tok(lx, t, keyword(start, (int)(lx->cur - start)), start, line, ls);
        return true;
    }
    if (c == '\n') {
        lx->atbol = true;
        if (lx->blankline || lx->level > 0)
            goto nextline;
        set_tok(lx, t, TOK_NEWLINE, start, line, ls);
        t->end_col = (int)(lx->cur - 1 - ls); /* from the comment, if any, to the '\n' */
        lx->cont = false;
        return true;
    }
    if (c == '.') {
        int c2 = nextc(lx);
        if (is_digit(c2)) {
            backup(lx, c2);
            if (!number(lx, '.', start))
                return false;
            set_tok(lx, t, TOK_NUMBER, start, line, ls);
            return true;
        }
        if (c2 == '.') {
            int c3 = nextc(lx);
            if (c3 == '.') {
                set_tok(lx, t, TOK_ELLIPSIS, start, line, ls);
                return true;
            }
            backup(lx, c3);
        }
        backup(lx, c2);
        set_tok(lx, t, TOK_DOT, start, line, ls);
        return true;
    }
    if (is_digit(c)) {
        if (!number(lx, c, start))
            return false;
        set_tok(lx, t, TOK_NUMBER, start, line, ls);
        return true;
    }
    if (c == '\'' || c == '"') {
        if (!string_body(lx, c, start))
            return false;
        set_tok(lx, t, TOK_STRING, start, line, ls);
        return true;
    }
    if (c == '\\') {
        c = nextc(lx);
        if (c != '\n') {
            lx->soft_error = true;
            return SYNERR(lx, "unexpected character after line continuation character");
        }
        if (lx->cur >= lx->end)
            return eof_in_continuation(lx);
        lx->cont = true;
        goto again;
    }
    {
        int c2 = nextc(lx);
        TokKind k = op2(c, c2);
        if (k != TOK_ERRORTOKEN) {
            int c3 = nextc(lx);
            TokKind k3 = op3(c, c2, c3);
            if (k3 != TOK_ERRORTOKEN)
                k = k3;
            else
                backup(lx, c3);
            set_tok(lx, t, k, start, line, ls);
            return true;
        }
        backup(lx, c2);
    }
    if (!paren(lx, c, start))
        return false;
    if (c < 32 || c == 127)
        return SYNERR(lx, "invalid non-printable character U+%04X", c);
    set_tok(lx, t, op1(c), start, line, ls);
    return true;
}
