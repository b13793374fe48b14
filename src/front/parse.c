/*
 * parse.c -- the parser's driver: the token array filled on demand from the tokenizer, node
 * and error helpers, speculation, and parse_module. Error priority follows CPython's pegen: a
 * tokenizer error anywhere in the file beats a parser error, and a parser error past an
 * unclosed bracket becomes "'(' was never closed".
 */
#include "front/parse_internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "common/strbuf.h"

/* --- Tokens ------------------------------------------------------------------------------- */

static void fill(Parser *p)
{
    if (p->ntoks == p->nchunks * P_CHUNK) {
        p->chunks = realloc(p->chunks, sizeof(Token *) * (size_t)(p->nchunks + 1));
        TR_ASSERT(p->chunks);
        p->chunks[p->nchunks] = malloc(sizeof(Token) * P_CHUNK);
        TR_ASSERT(p->chunks[p->nchunks]);
        p->nchunks++;
    }
    Token *t = p_tok(p, p->ntoks);
    Token *last = p->ntoks > 0 ? p_tok(p, p->ntoks - 1) : NULL;
    if (last && (last->kind == TOK_ENDMARKER || p->lex_error)) {
        *t = *last;
    } else if (!lex_next(&p->lx, t)) {
        p->error = p->lex_error = true;
        memset(t, 0, sizeof *t);
        t->kind = TOK_ENDMARKER;
        t->start = p->lx.cur;
        t->line_start = p->lx.line_start;
        t->line = p->lx.lineno;
    }
    p->ntoks++;
}

static void free_tokens(Parser *p)
{
    for (int i = 0; i < p->nchunks; i++)
        free(p->chunks[i]);
    free(p->chunks);
    p->chunks = NULL;
    p->nchunks = p->ntoks = 0;
}

Token *p_peek_at(Parser *p, int k)
{
    while (p->ntoks <= p->pos + k)
        fill(p);
    if (p->pos + k > p->far)
        p->far = p->pos + k;
    return p_tok(p, p->pos + k);
}

Token *p_next(Parser *p)
{
    Token *t = p_peek(p);
    if (t->kind != TOK_ENDMARKER)
        p->pos++;
    return t;
}

bool p_accept(Parser *p, TokKind k)
{
    if (p_peek(p)->kind != k)
        return false;
    p_next(p);
    return true;
}

Token *p_prev(Parser *p) { return p_tok(p, p->pos > 0 ? p->pos - 1 : 0); }

bool p_tok_is(const Token *t, const char *name)
{
    size_t n = strlen(name);
    return t->kind == TOK_NAME && (size_t)t->len == n && memcmp(t->start, name, n) == 0;
}

bool p_at_soft(Parser *p, const char *name) { return p_tok_is(p_peek(p), name); }

const char *p_tok_str(Parser *p, const Token *t)
{
    return arena_strndup(p->a, t->start, (size_t)t->len);
}

/* --- Nodes -------------------------------------------------------------------------------- */

Node *p_node(Parser *p, NodeKind kind, const Token *start)
{
    Node *n = ast_new(p->a, kind, start->line, start->col);
    n->end_line = start->end_line;
    n->end_col = start->end_col;
    return n;
}

Node *p_node_at(Parser *p, NodeKind kind, const Node *start)
{
    Node *n = ast_new(p->a, kind, start->line, start->col);
    n->end_line = start->end_line;
    n->end_col = start->end_col;
    return n;
}

Node *p_end(Parser *p, Node *n)
{
    if (n && p->pos > 0) {
        const Token *t = p_prev(p);
        n->end_line = t->end_line;
        n->end_col = t->end_col;
    }
    return n;
}

void p_end_at(Node *n, const Node *last)
{
    n->end_line = last->end_line;
    n->end_col = last->end_col;
}

void p_push(Parser *p, NodeList *l, Node *n) { ast_list_push(p->a, l, n); }

/* --- Errors ------------------------------------------------------------------------------- */

bool p_failed(Parser *p) { return p->error || (p->spec && p->spec_failed); }

/* The start of line `line` of the tokenized text. */
static const char *line_at(Parser *p, int line)
{
    const char *s = p->lx.src;
    for (int i = 1; i < line && s < p->lx.end; i++) {
        const char *nl = memchr(s, '\n', (size_t)(p->lx.end - s));
        if (!nl)
            break;
        s = nl + 1;
    }
    return s;
}

/* Records an error unless one is already there (or we are speculating). */
static bool report(Parser *p)
{
    if (p->spec) {
        p->spec_failed = true;
        return false;
    }
    return !p->error;
}

Node *p_err_pos(Parser *p, const char *type, int line, const char *ls, int col0, int end_line,
                int end_col0, const char *msg)
{
    if (!report(p))
        return NULL;
    if (!ls)
        ls = line_at(p, line);
    /* CPython 3.11 reports parser errors of a script with byte offsets (it converts to
       characters only for tokenizer errors), and a range ending on a later line runs to the
       end of the first one */
    int col = 0, end = 0;
    if (col0 >= 0) {
        col = col0 + 1;
        if (end_line == line && end_col0 >= 0)
            end = end_col0 + 1;
        else if (end_line > line)
            end = (int)strcspn(ls, "\n") + 1;
        else
            end = col;
        if (strcmp(type, "SyntaxError") != 0)
            end = col; /* IndentationError and TabError show a single caret */
    }
    p->error = true;
    diag_set(p->err, p->a, type, p->filename, line, col, end, lex_line_text(p->a, ls), "%s", msg);
    return NULL;
}

static const char *vfmt(Parser *p, const char *fmt, va_list ap)
{
    StrBuf sb;
    sb_init(&sb);
    sb_vprintf(&sb, fmt, ap);
    return sb_cstr(&sb);
}

static Node *err_tok(Parser *p, const char *type, const Token *t, const char *msg)
{
    if (t->kind == TOK_ENDMARKER || t->col < 0) /* CPython shows no caret at EOF/INDENT/DEDENT */
        return p_err_pos(p, type, t->line, t->kind == TOK_ENDMARKER ? NULL : t->line_start, -1,
                         t->line, -1, msg);
    return p_err_pos(p, type, t->line, t->line_start, t->col, t->end_line, t->end_col, msg);
}

Node *p_syntax_error(Parser *p)
{
    if (p_failed(p))
        return NULL;
    const Token *t = p_far_tok(p);
    if (t->kind == TOK_INDENT || t->kind == TOK_DEDENT) {
        p->no_rest_check = true; /* CPython returns before tokenizing the rest here */
        return err_tok(p, "IndentationError", t,
                       t->kind == TOK_INDENT ? "unexpected indent" : "unexpected unindent");
    }
    return err_tok(p, "SyntaxError", t, "invalid syntax");
}

Node *p_err_tok(Parser *p, const Token *t, const char *fmt, ...)
{
    if (p_failed(p) || p->spec) {
        report(p);
        return NULL;
    }
    va_list ap;
    va_start(ap, fmt);
    const char *msg = vfmt(p, fmt, ap);
    va_end(ap);
    return err_tok(p, "SyntaxError", t, msg);
}

Node *p_err_last(Parser *p, const char *fmt, ...)
{
    if (p_failed(p) || p->spec) {
        report(p);
        return NULL;
    }
    va_list ap;
    va_start(ap, fmt);
    const char *msg = vfmt(p, fmt, ap);
    va_end(ap);
    return err_tok(p, "SyntaxError", p_far_tok(p), msg);
}

Node *p_indent_error(Parser *p, const char *fmt, ...)
{
    if (p_failed(p) || p->spec) {
        report(p);
        return NULL;
    }
    va_list ap;
    va_start(ap, fmt);
    const char *msg = vfmt(p, fmt, ap);
    va_end(ap);
    return err_tok(p, "IndentationError", p_far_tok(p),
                   msg);
}

Node *p_err_node(Parser *p, const Node *n, const char *fmt, ...)
{
    if (p_failed(p) || p->spec) {
        report(p);
        return NULL;
    }
    va_list ap;
    va_start(ap, fmt);
    const char *msg = vfmt(p, fmt, ap);
    va_end(ap);
    return p_err_pos(p, "SyntaxError", n->line, NULL, n->col, n->end_line, n->end_col, msg);
}

Node *p_err_range(Parser *p, const Node *a, const Node *b, const char *fmt, ...)
{
    if (p_failed(p) || p->spec) {
        report(p);
        return NULL;
    }
    va_list ap;
    va_start(ap, fmt);
    const char *msg = vfmt(p, fmt, ap);
    va_end(ap);
    return p_err_pos(p, "SyntaxError", a->line, NULL, a->col, b->end_line, b->end_col, msg);
}

Node *p_err_from(Parser *p, const Node *a, const char *fmt, ...) /* to the last token read */
{
    if (p_failed(p) || p->spec) {
        report(p);
        return NULL;
    }
    va_list ap;
    va_start(ap, fmt);
    const char *msg = vfmt(p, fmt, ap);
    va_end(ap);
    const Token *t = p_prev(p);
    return p_err_pos(p, "SyntaxError", a->line, NULL, a->col, t->end_line, t->end_col, msg);
}

Node *p_expect(Parser *p, TokKind k)
{
    if (p_accept(p, k))
        return (Node *)p_prev(p); /* any non-NULL pointer: callers only test it */
    return p_syntax_error(p);
}

bool p_enter(Parser *p)
{
    if (++p->depth > PARSE_MAX_DEPTH) {
        p->depth--;
        if (!p->spec && !p->error) {
            p->error = true;
            diag_set(p->err, p->a, "RecursionError", p->filename, 0, 0, 0, NULL,
                     "maximum recursion depth exceeded during compilation");
        } else {
            report(p);
        }
        return false;
    }
    return true;
}

PMark p_spec_begin(Parser *p)
{
    PMark m = {p->pos, p->far, p->spec_failed};
    p->spec++;
    return m;
}

bool p_spec_end(Parser *p, PMark m, bool keep)
{
    bool failed = p->spec_failed;
    p->spec--;
    if (!keep || failed) {
        p->pos = m.pos;
        p->far = m.far;
        keep = false;
    }
    p->spec_failed = m.failed; /* what held before the attempt */
    return keep;
}

/* --- Driver ------------------------------------------------------------------------------- */

static void parser_init(Parser *p, Arena *a, const char *filename, Diag *err)
{
    memset(p, 0, sizeof *p);
    p->a = a;
    p->filename = filename;
    p->err = err;
}

/* After a parser error, CPython tokenizes the rest of the file: a tokenizer error there wins,
   and an unclosed bracket opened before the error line is reported instead. */
static void check_rest(Parser *p)
{
    if (p->lex_error)
        return;
    Diag lexd;
    p->lx.err = &lexd;
    Token t;
    for (;;) {
        if (!lex_next(&p->lx, &t))
            break;
        if (t.kind == TOK_ENDMARKER)
            return;
    }
    /* the tokenizer failed: at EOF with open brackets, or a real tokenizer error */
    if (p->lx.soft_error)
        return;
    if (p->lx.level > 0 && p->lx.cur >= p->lx.end && strstr(lexd.msg, "was never closed")) {
        /* CPython compares with the line of the furthest token it read */
        if (p_tok(p, p->ntoks - 1)->line > p->lx.parenline[p->lx.level - 1])
            *p->err = lexd;
        return;
    }
    *p->err = lexd;
}

Node *parse_module(Arena *a, const char *filename, const char *src, size_t len, Diag *err)
{
    Parser p;
    parser_init(&p, a, filename, err);
    if (!lex_init(&p.lx, a, filename, src, len, err))
        return NULL;
    Node *mod = ast_new(a, AST_Module, 1, 0);
    bool ok = parse_statements(&p, &mod->u.Module.body, true);
    if (ok && !p.error && !p_at(&p, TOK_ENDMARKER)) {
        p_syntax_error(&p);
        ok = false;
    }
    if (!ok || p.error) {
        if (!p.error)
            p_syntax_error(&p);
        if (!p.lex_error && !p.no_rest_check)
            check_rest(&p);
        free_tokens(&p);
        return NULL;
    }
    free_tokens(&p);
    return mod;
}

/* --- f-string expressions ----------------------------------------------------------------- */

static void shift_node(Node *n, void *ctx)
{
    Parser *p = ctx;
    if (n->line == 1 && n->col >= 0)
        n->col += p->col_shift;
    if (n->end_line == 1 && n->end_col >= 0)
        n->end_col += p->col_shift;
    n->line += p->line_shift;
    n->end_line += p->line_shift;
}

Node *parse_fstring_expr(Parser *outer, const char *text, size_t n, int line, int col)
{
    Parser p;
    parser_init(&p, outer->a, outer->filename, outer->err);
    p.in_fstring = true;
    p.spec = outer->spec;
    char *buf = arena_alloc(outer->a, n + 3);
    buf[0] = '(';
    memcpy(buf + 1, text, n);
    buf[n + 1] = ')';
    Diag d;
    p.err = &d;
    Node *e = NULL;
    if (lex_init(&p.lx, outer->a, outer->filename, buf, n + 2, &d)) {
        /* fstring: star_expressions; the parentheses make any comma a tuple */
        p_enter(&p);
        e = parse_star_expressions(&p);
        if (e && !p_failed(&p) && !p_at(&p, TOK_NEWLINE) && !p_at(&p, TOK_ENDMARKER))
            e = p_syntax_error(&p);
        if (e && p_at(&p, TOK_NEWLINE))
            p_next(&p);
        if (e && !p_failed(&p) && !p_at(&p, TOK_ENDMARKER))
            e = p_syntax_error(&p);
        if (p.spec_failed)
            e = NULL;
    }
    free_tokens(&p);
    if (!e || p.error) {
        if (outer->spec) {
            outer->spec_failed = true;
            return NULL;
        }
        if (!outer->error) {
            if (!p.error)
                diag_set(&d, outer->a, "SyntaxError", outer->filename, 1, 0, 0, NULL,
                         "invalid syntax");
            if (strcmp(d.type, "SyntaxError") == 0) {
                diag_set(outer->err, outer->a, d.type, d.filename, d.line + line - 1, d.col,
                         d.end_col, d.text, "f-string: %s", d.msg);
            } else {
                *outer->err = d;
                outer->err->line += line - 1;
            }
            outer->error = true;
        }
        return NULL;
    }
    p.line_shift = line - 1;
    p.col_shift = col - 1; /* the "(" we added */
    ast_walk(e, shift_node, &p);
    return e;
}
