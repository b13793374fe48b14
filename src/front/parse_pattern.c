/*
 * parse_pattern.c -- the match statement (PEP 634): subject, case blocks and every pattern
 * kind. `match`, `case` and `_` are soft keywords: a line is a match statement only when
 * `match <subject> : NEWLINE` reads as one, as CPython decides by backtracking.
 */
#include "front/parse_internal.h"

#include <string.h>

static Node *pattern(Parser *p);

static Node *name_node(Parser *p, Token *t, ExprCtx ctx)
{
    Node *n = p_node(p, AST_Name, t);
    n->u.Name.id = p_tok_str(p, t);
    n->u.Name.ctx = ctx;
    return n;
}

/* name_or_attr: NAME ('.' NAME)* as Name/Attribute loads */
static Node *name_or_attr(Parser *p)
{
    Token *t = p_next(p);
    Node *e = name_node(p, t, CTX_LOAD);
    while (p_at(p, TOK_DOT)) {
        p_next(p);
        Token *n = p_peek(p);
        if (n->kind != TOK_NAME)
            return p_syntax_error(p);
        p_next(p);
        Node *a = p_node_at(p, AST_Attribute, e);
        a->u.Attribute.value = e;
        a->u.Attribute.attr = p_tok_str(p, n);
        e = p_end(p, a);
    }
    return e;
}

/* signed_number | complex_number | strings: the value of a literal pattern or mapping key */
static Node *literal_expr(Parser *p)
{
    Token *t = p_peek(p);
    if (t->kind == TOK_STRING) {
        Node *s = parse_strings(p);
        if (s && s->kind == AST_JoinedStr)
            return p_err_node(p, s, "patterns may only match literals and attribute lookups");
        return s;
    }
    Node *e;
    if (t->kind == TOK_MINUS) {
        p_next(p);
        if (!p_at(p, TOK_NUMBER))
            return p_syntax_error(p);
        Node *num = parse_atom(p);
        e = p_node(p, AST_UnaryOp, t);
        e->u.UnaryOp.op = UOP_USUB;
        e->u.UnaryOp.operand = num;
        p_end(p, e);
    } else if (t->kind == TOK_NUMBER) {
        e = parse_atom(p);
    } else {
        return p_syntax_error(p);
    }
    if (e && (p_at(p, TOK_PLUS) || p_at(p, TOK_MINUS))) {
        Token *op = p_next(p);
        if (!p_at(p, TOK_NUMBER))
            return p_syntax_error(p);
        Node *im = parse_atom(p);
        Node *b = p_node_at(p, AST_BinOp, e);
        b->u.BinOp.left = e;
        b->u.BinOp.op = op->kind == TOK_PLUS ? TR_OP_ADD : TR_OP_SUB;
        b->u.BinOp.right = im;
        e = p_end(p, b);
    }
    return e;
}

static Node *star_pattern(Parser *p)
{
    Token *t = p_next(p);
    Token *n = p_peek(p);
    if (n->kind != TOK_NAME)
        return p_syntax_error(p);
    p_next(p);
    Node *s = p_node(p, AST_MatchStar, t);
    if (!p_tok_is(n, "_"))
        s->u.MatchStar.name = p_tok_str(p, n);
    return p_end(p, s);
}

static Node *maybe_star_pattern(Parser *p)
{
    return p_at(p, TOK_STAR) ? star_pattern(p) : pattern(p);
}

/* sequence contents up to `close` (already past the opener) */
static Node *sequence_body(Parser *p, Node *seq, TokKind close, bool paren)
{
    bool comma = false;
    while (!p_at(p, close)) {
        Node *e = maybe_star_pattern(p);
        if (!e)
            return NULL;
        p_push(p, &seq->u.MatchSequence.patterns, e);
        if (!p_accept(p, TOK_COMMA))
            break;
        comma = true;
    }
    if (!p_expect(p, close))
        return NULL;
    /* '(' pattern ')' is a group, not a sequence */
    if (paren && !comma && seq->u.MatchSequence.patterns.len == 1 &&
        seq->u.MatchSequence.patterns.items[0]->kind != AST_MatchStar)
        return seq->u.MatchSequence.patterns.items[0];
    return p_end(p, seq);
}

static Node *mapping_pattern(Parser *p)
{
    Token *t = p_next(p);
    Node *m = p_node(p, AST_MatchMapping, t);
    while (!p_at(p, TOK_RBRACE)) {
        if (p_accept(p, TOK_DOUBLESTAR)) {
            Token *n = p_peek(p);
            if (n->kind != TOK_NAME)
                return p_syntax_error(p);
            p_next(p);
            m->u.MatchMapping.rest = p_tok_str(p, n);
            p_accept(p, TOK_COMMA);
            break;
        }
        Token *k = p_peek(p);
        Node *key;
        if (k->kind == TOK_NAME)
            key = name_or_attr(p);
        else if (k->kind == TOK_KW_NONE || k->kind == TOK_KW_TRUE || k->kind == TOK_KW_FALSE)
            key = parse_atom(p);
        else
            key = literal_expr(p);
        if (!key || !p_expect(p, TOK_COLON))
            return NULL;
        Node *v = pattern(p);
        if (!v)
            return NULL;
        p_push(p, &m->u.MatchMapping.keys, key);
        p_push(p, &m->u.MatchMapping.patterns, v);
        if (!p_accept(p, TOK_COMMA))
            break;
    }
    if (!p_expect(p, TOK_RBRACE))
        return NULL;
    return p_end(p, m);
}

static Node *class_pattern(Parser *p, Node *cls)
{
    p_next(p); /* ( */
    Node *c = p_node_at(p, AST_MatchClass, cls);
    c->u.MatchClass.cls = cls;
    const char **attrs = NULL;
    int n = 0, cap = 0;
    while (!p_at(p, TOK_RPAR)) {
        Token *t = p_peek(p);
        if (t->kind == TOK_NAME && p_peek_at(p, 1)->kind == TOK_EQUAL) {
            p_next(p);
            p_next(p);
            Node *v = pattern(p);
            if (!v)
                return NULL;
            if (n == cap) {
                cap = cap ? cap * 2 : 4;
                const char **na = ARENA_ARRAY(p->a, const char *, cap);
                if (n)
                    memcpy(na, attrs, sizeof(char *) * (size_t)n);
                attrs = na;
            }
            attrs[n++] = p_tok_str(p, t);
            p_push(p, &c->u.MatchClass.kwd_patterns, v);
        } else {
            Node *v = pattern(p);
            if (!v)
                return NULL;
            if (n > 0)
                return p_err_node(p, v, "positional patterns follow keyword patterns");
            p_push(p, &c->u.MatchClass.patterns, v);
        }
        if (!p_accept(p, TOK_COMMA))
            break;
    }
    c->u.MatchClass.kwd_attrs = attrs;
    if (!p_expect(p, TOK_RPAR))
        return NULL;
    return p_end(p, c);
}

static Node *closed_pattern(Parser *p)
{
    Token *t = p_peek(p);
    switch (t->kind) {
    case TOK_KW_NONE:
    case TOK_KW_TRUE:
    case TOK_KW_FALSE: {
        p_next(p);
        Node *s = p_node(p, AST_MatchSingleton, t);
        s->u.MatchSingleton.value = t->kind == TOK_KW_NONE   ? TR_NONE
                                    : t->kind == TOK_KW_TRUE ? TR_TRUE
                                                             : TR_FALSE;
        return s;
    }
    case TOK_MINUS:
    case TOK_NUMBER:
    case TOK_STRING: {
        Node *v = literal_expr(p);
        if (!v)
            return NULL;
        Node *m = p_node_at(p, AST_MatchValue, v);
        m->u.MatchValue.value = v;
        return m;
    }
    case TOK_LPAR: {
        p_next(p);
        return sequence_body(p, p_node(p, AST_MatchSequence, t), TOK_RPAR, true);
    }
    case TOK_LSQB:
        p_next(p);
        return sequence_body(p, p_node(p, AST_MatchSequence, t), TOK_RSQB, false);
    case TOK_LBRACE:
        return mapping_pattern(p);
    case TOK_NAME: {
        bool dotted = p_peek_at(p, 1)->kind == TOK_DOT;
        if (!dotted && p_peek_at(p, 1)->kind != TOK_LPAR) {
            p_next(p);
            Node *m = p_node(p, AST_MatchAs, t);
            if (!p_tok_is(t, "_"))
                m->u.MatchAs.name = p_tok_str(p, t);
            return m;
        }
        Node *e = name_or_attr(p);
        if (!e)
            return NULL;
        if (p_at(p, TOK_LPAR))
            return class_pattern(p, e);
        Node *m = p_node_at(p, AST_MatchValue, e);
        m->u.MatchValue.value = e;
        return m;
    }
    default:
        return p_syntax_error(p);
    }
}

/* pattern: or_pattern ['as' NAME] */
static Node *pattern(Parser *p)
{
    if (!p_enter(p))
        return NULL;
    Node *first = closed_pattern(p);
    Node *res = first;
    if (first && p_at(p, TOK_VBAR)) {
        res = p_node_at(p, AST_MatchOr, first);
        p_push(p, &res->u.MatchOr.patterns, first);
        while (res && p_accept(p, TOK_VBAR)) {
            Node *e = closed_pattern(p);
            if (!e)
                res = NULL;
            else
                p_push(p, &res->u.MatchOr.patterns, e);
        }
        if (res)
            p_end(p, res);
    }
    if (res && p_accept(p, TOK_KW_AS)) {
        Token *n = p_peek(p);
        if (p_tok_is(n, "_")) {
            res = p_err_tok(p, n, "cannot use '_' as a target");
        } else if (n->kind != TOK_NAME) {
            res = p_syntax_error(p);
        } else {
            p_next(p);
            Node *as = p_node_at(p, AST_MatchAs, res);
            as->u.MatchAs.pattern = res;
            as->u.MatchAs.name = p_tok_str(p, n);
            res = p_end(p, as);
        }
    }
    p_leave(p);
    return res;
}

/* patterns: open_sequence_pattern | pattern */
static Node *patterns(Parser *p)
{
    Token *t = p_peek(p);
    Node *first = maybe_star_pattern(p);
    if (!first)
        return NULL;
    if (!p_at(p, TOK_COMMA) && first->kind != AST_MatchStar)
        return first;
    Node *seq = p_node(p, AST_MatchSequence, t);
    p_push(p, &seq->u.MatchSequence.patterns, first);
    while (p_accept(p, TOK_COMMA)) {
        if (p_at(p, TOK_COLON) || p_at(p, TOK_KW_IF))
            break;
        Node *e = maybe_star_pattern(p);
        if (!e)
            return NULL;
        p_push(p, &seq->u.MatchSequence.patterns, e);
    }
    return p_end(p, seq);
}

bool parse_looks_like_match(Parser *p)
{
    TokKind k = p_peek_at(p, 1)->kind;
    if (k == TOK_EQUAL || k == TOK_DOT || k == TOK_NEWLINE || k == TOK_COLON)
        return false;
    PMark m = p_spec_begin(p);
    p_next(p);
    Node *subject = parse_star_named_expressions_tuple(p);
    bool ok = subject && subject->kind != AST_Starred && p_at(p, TOK_COLON) &&
              p_peek_at(p, 1)->kind == TOK_NEWLINE;
    p_spec_end(p, m, false);
    return ok;
}

/* match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT */
Node *parse_match_stmt(Parser *p)
{
    Token *t = p_next(p);
    Node *s = p_node(p, AST_Match, t);
    if (!(s->u.Match.subject = parse_star_named_expressions_tuple(p)) ||
        !p_expect(p, TOK_COLON) || !p_expect(p, TOK_NEWLINE))
        return NULL;
    if (!p_at(p, TOK_INDENT))
        return p_indent_error(p, "expected an indented block after 'match' statement on line %d",
                              t->line);
    p_next(p);
    while (p_at_soft(p, "case")) {
        Token *ct = p_next(p);
        Node *c = p_node(p, AST_match_case, ct);
        if (!(c->u.match_case.pattern = patterns(p)))
            return NULL;
        if (p_accept(p, TOK_KW_IF) && !(c->u.match_case.guard = parse_named_expression(p)))
            return NULL;
        if (!p_accept(p, TOK_COLON)) {
            if (p_at(p, TOK_NEWLINE))
                return p_err_last(p, "expected ':'");
            return p_syntax_error(p);
        }
        NodeList body = {0};
        if (!parse_block(p, &body, "'case' statement", ct->line))
            return NULL;
        c->u.match_case.body = body;
        if (body.len)
            p_end_at(c, body.items[body.len - 1]);
        p_push(p, &s->u.Match.cases, c);
    }
    if (!s->u.Match.cases.len)
        return p_syntax_error(p);
    if (!p_expect(p, TOK_DEDENT))
        return NULL;
    Node *last = s->u.Match.cases.items[s->u.Match.cases.len - 1];
    p_end_at(s, last);
    return s;
}
