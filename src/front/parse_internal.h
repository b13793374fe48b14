/*
 * parse_internal.h -- what the parser's files (parse.c, parse_expr.c, parse_stmt.c,
 * parse_pattern.c, parse_string.c) share: the Parser state over a lazily filled token array,
 * token and node helpers, and CPython-style error reporting (first error wins; tokenizer
 * errors anywhere in the file override parser errors, as in CPython's pegen).
 */
#ifndef TR_PARSE_INTERNAL_H
#define TR_PARSE_INTERNAL_H

#include "front/lex.h"
#include "front/parse.h"
#include "runtime/object.h"

enum {
    PARSE_MAX_DEPTH = 900,   /* C recursion through expression/statement entry points */
    PARSE_MAX_CHAIN = 2990,  /* nesting of operator chains built iteratively (CPython: ~3000) */
};

typedef struct Parser {
    Arena *a;
    const char *filename;
    Lexer lx;
    Diag *err;
    Token **chunks; /* malloc'ed chunks of P_CHUNK tokens that never move: Token pointers stay
                       valid while more tokens are read (tokens hold no Python values) */
    int ntoks, nchunks;
    int pos;
    int far;           /* furthest token index looked at: where "invalid syntax" points */
    bool error;        /* *err holds a diagnostic */
    bool lex_error;    /* ... from the tokenizer */
    bool no_rest_check; /* the error must not be replaced by one later in the file */
    int spec;          /* >0 while parsing speculatively: errors are not reported */
    bool spec_failed;  /* an error happened while speculating */
    int depth;
    int func_depth;    /* unused by the grammar; kept for symmetry with CPython */
    /* f-string expressions are parsed by a sub-parser over "(expr)": node positions are shifted
       back to the string's place in the file; errors keep the "(expr)" text, as CPython does */
    int line_shift, col_shift;
    bool in_fstring;
    /* >0 while parsing CPython's expression_without_invalid (missing_comma's second
       expression): no nested missing-comma check, else `(a ... ... ...)` is exponential */
    int no_invalid;
} Parser;

/* --- Tokens (parse.c) --------------------------------------------------------------------- */

enum { P_CHUNK = 1024 };
static inline Token *p_tok(Parser *p, int i) { return &p->chunks[i / P_CHUNK][i % P_CHUNK]; }
static inline Token *p_far_tok(Parser *p)
{
    return p_tok(p, p->far < p->ntoks ? p->far : p->ntoks - 1);
}

Token *p_peek_at(Parser *p, int k); /* k tokens ahead of the current one */
static inline Token *p_peek(Parser *p) { return p_peek_at(p, 0); }
static inline bool p_at(Parser *p, TokKind k) { return p_peek(p)->kind == k; }
Token *p_next(Parser *p);
bool p_accept(Parser *p, TokKind k);
Token *p_prev(Parser *p); /* the last consumed token */
bool p_tok_is(const Token *t, const char *name); /* a NAME token spelling name */
bool p_at_soft(Parser *p, const char *name);
const char *p_tok_str(Parser *p, const Token *t); /* token text in the arena */

/* --- Nodes (parse.c) ---------------------------------------------------------------------- */

Node *p_node(Parser *p, NodeKind kind, const Token *start);
Node *p_node_at(Parser *p, NodeKind kind, const Node *start);
Node *p_end(Parser *p, Node *n); /* end = end of the last consumed token */
void p_end_at(Node *n, const Node *last);
void p_push(Parser *p, NodeList *l, Node *n);

/* --- Errors (parse.c); all return NULL for `return p_err...` ---------------------------- */

Node *p_syntax_error(Parser *p);                        /* "invalid syntax" at the furthest token */
Node *p_err_tok(Parser *p, const Token *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
Node *p_err_last(Parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
Node *p_err_node(Parser *p, const Node *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
Node *p_err_range(Parser *p, const Node *a, const Node *b, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
Node *p_err_from(Parser *p, const Node *a, const char *fmt, ...)
    __attribute__((format(printf, 3, 4))); /* from a's start to the last consumed token */
Node *p_err_pos(Parser *p, const char *type, int line, const char *line_start, int col0,
                int end_line, int end_col0, const char *msg);
Node *p_indent_error(Parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
Node *p_expect(Parser *p, TokKind k); /* consumes k or reports invalid syntax; returns non-NULL */
bool p_failed(Parser *p); /* an error is pending (reported or speculative) */
bool p_enter(Parser *p);  /* recursion guard; false (error set) when too deep */
static inline void p_leave(Parser *p) { p->depth--; }

/* Speculation: try a parse, and rewind when it fails. */
typedef struct {
    int pos, far;
    bool failed;
} PMark;
PMark p_spec_begin(Parser *p);
bool p_spec_end(Parser *p, PMark m, bool keep); /* keep: success; else rewind. Returns keep. */

/* --- Expressions (parse_expr.c) ---------------------------------------------------------- */

Node *parse_expression(Parser *p);         /* expression (ternary, lambda) */
Node *parse_named_expression(Parser *p);   /* NAME := expression | expression */
Node *parse_star_expressions(Parser *p);   /* a, *b, c  -> Tuple when there is a comma */
Node *parse_star_named_expressions_tuple(Parser *p); /* for return/yield/subject lists */
Node *parse_disjunction(Parser *p);
Node *parse_bitwise_or(Parser *p);
Node *parse_star_item(Parser *p, Node *(*operand)(Parser *p)); /* at '*': Starred(operand) */
Node *parse_yield_expr(Parser *p);
Node *parse_star_targets(Parser *p);       /* for targets; ctx Store set, validated */
Node *parse_arguments_def(Parser *p, bool lambda); /* parameter list of def/lambda */
Node *parse_call_args(Parser *p, Node *call);      /* after '(' up to and including ')' */
Node *parse_primary(Parser *p);
Node *parse_atom(Parser *p);
bool parse_can_start_expr(const Token *t);
Node *parse_star_named(Parser *p);                  /* '*' bitwise_or | named_expression */
bool parse_at_comp_for(Parser *p);                  /* at ['async'] 'for' */
Node *parse_comp_clauses(Parser *p, NodeList *gens); /* for_if_clauses; NULL on error */

typedef enum { TGT_STAR, TGT_DEL, TGT_FOR } TargetKind;
const char *ast_expr_name(const Node *e);
const Node *p_invalid_target(const Node *e, TargetKind k);
void p_set_ctx(Node *e, ExprCtx ctx);
Node *p_invalid_target_error(Parser *p, const Node *e, TargetKind k); /* NULL if e is valid */

/* --- Strings (parse_string.c) ------------------------------------------------------------ */

Node *parse_strings(Parser *p); /* one or more STRING tokens: Constant or JoinedStr */

/* --- Statements (parse_stmt.c) and patterns (parse_pattern.c) ---------------------------- */

bool parse_statements(Parser *p, NodeList *out, bool top);
/* block: NEWLINE INDENT statements DEDENT | simple_stmts; `what` names the statement in
   "expected an indented block after <what> on line <line>" */
bool parse_block(Parser *p, NodeList *body, const char *what, int line);
Node *parse_match_stmt(Parser *p); /* at the soft keyword `match`; NULL w/o error: not a match */
bool parse_looks_like_match(Parser *p);

/* A sub-parser for an f-string expression; returns the expression or NULL with outer->err set */
Node *parse_fstring_expr(Parser *outer, const char *text, size_t n, int line, int col);

#endif
