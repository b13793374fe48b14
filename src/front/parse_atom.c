/*
 * parse_atom.c -- atoms of the grammar: names, numbers, constants, and the bracketed displays
 * (tuples, groups, lists, sets, dicts and the four comprehensions), with the invalid_* rules
 * CPython applies to them (starred items, dict values, comprehension targets).
 */
#include "front/parse_internal.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/complex.h"
#include "runtime/float.h"
#include "runtime/int.h"

/* --- Atoms -------------------------------------------------------------------------------- */

static TrValue number_value(Parser *p, const Token *t)
{
    char *s = arena_alloc(p->a, (size_t)t->len + 1);
    int n = 0;
    for (int i = 0; i < t->len; i++)
        if (t->start[i] != '_')
            s[n++] = t->start[i];
    s[n] = 0;
    bool radix = n > 1 && s[0] == '0' && strchr("xXoObB", s[1]);
    if (!radix && (s[n - 1] == 'j' || s[n - 1] == 'J')) {
        s[n - 1] = 0;
        return tr_complex_new(0.0, strtod(s, NULL));
    }
    if (!radix && strpbrk(s, ".eE"))
        return tr_float_from_str(s, (size_t)n);
    return tr_int_from_literal(t->start, (size_t)t->len);
}

static Node *constant(Parser *p, const Token *t, TrValue v)
{
    Node *n = p_node(p, AST_Constant, t);
    n->u.Constant.value = v;
    return n;
}

/* '(' ... ')': tuple | group | genexp */
static Node *parse_paren(Parser *p)
{
    Token *open = p_next(p);
    if (p_accept(p, TOK_RPAR)) {
        Node *n = p_node(p, AST_Tuple, open);
        return p_end(p, n);
    }
    if (p_at(p, TOK_KW_YIELD)) {
        Node *y = parse_yield_expr(p);
        if (!y || !p_expect(p, TOK_RPAR))
            return NULL;
        return y;
    }
    if (p_at(p, TOK_DOUBLESTAR)) {
        /* invalid_group: '(' '**' expression ')' */
        PMark m = p_spec_begin(p);
        p_next(p);
        Node *e = parse_expression(p);
        bool ok = e && p_at(p, TOK_RPAR);
        p_spec_end(p, m, false);
        if (ok)
            return p_err_tok(p, p_peek(p), "cannot use double starred expression here");
        return p_syntax_error(p);
    }
    Node *first;
    bool starred = p_at(p, TOK_STAR);
    if (starred) {
        first = parse_star_item(p, parse_bitwise_or);
        if (!first)
            return NULL;
    } else {
        first = parse_named_expression(p);
        if (!first)
            return NULL;
    }
    if (!starred && (p_at(p, TOK_KW_FOR) || (p_at(p, TOK_KW_ASYNC) &&
                                              p_peek_at(p, 1)->kind == TOK_KW_FOR))) {
        Node *g = p_node(p, AST_GeneratorExp, open);
        g->u.Comp.elt = first;
        if (!parse_comp_clauses(p, &g->u.Comp.generators) || !p_expect(p, TOK_RPAR))
            return NULL;
        return p_end(p, g);
    }
    if (starred && (p_at(p, TOK_KW_FOR) || p_at(p, TOK_KW_ASYNC)))
        return p_err_node(p, first, "iterable unpacking cannot be used in comprehension");
    if (p_accept(p, TOK_RPAR)) {
        if (starred)
            return p_err_node(p, first, "cannot use starred expression here");
        return first; /* a group keeps the inner expression's position */
    }
    if (!p_at(p, TOK_COMMA))
        return p_syntax_error(p);
    Node *t = p_node(p, AST_Tuple, open);
    p_push(p, &t->u.List.elts, first);
    while (p_accept(p, TOK_COMMA)) {
        if (p_at(p, TOK_RPAR))
            break;
        Node *e;
        if (p_at(p, TOK_STAR)) {
            e = parse_star_item(p, parse_bitwise_or);
            if (!e)
                return NULL;
        } else {
            e = parse_named_expression(p);
        }
        if (!e)
            return NULL;
        p_push(p, &t->u.List.elts, e);
    }
    if (!p_expect(p, TOK_RPAR))
        return NULL;
    return p_end(p, t);
}

/* star_named_expression: '*' bitwise_or | named_expression */
Node *parse_star_named(Parser *p)
{
    if (p_at(p, TOK_STAR)) {
        return parse_star_item(p, parse_bitwise_or);
    }
    return parse_named_expression(p);
}

bool parse_at_comp_for(Parser *p)
{
    return p_at(p, TOK_KW_FOR) || (p_at(p, TOK_KW_ASYNC) && p_peek_at(p, 1)->kind == TOK_KW_FOR);
}

/* list: '[' [star_named_expressions] ']' | listcomp: '[' named_expression for_if_clauses ']' */
static Node *parse_list(Parser *p)
{
    Token *open = p_next(p);
    Node *l = p_node(p, AST_List, open);
    if (p_accept(p, TOK_RSQB))
        return p_end(p, l);
    Node *first = parse_star_named(p);
    if (!first)
        return NULL;
    if (parse_at_comp_for(p)) {
        if (first->kind == AST_Starred)
            return p_err_node(p, first, "iterable unpacking cannot be used in comprehension");
        Node *c = p_node(p, AST_ListComp, open);
        c->u.Comp.elt = first;
        if (!parse_comp_clauses(p, &c->u.Comp.generators) || !p_expect(p, TOK_RSQB))
            return NULL;
        return p_end(p, c);
    }
    p_push(p, &l->u.List.elts, first);
    while (p_accept(p, TOK_COMMA)) {
        if (p_at(p, TOK_RSQB))
            break;
        Node *e = parse_star_named(p);
        if (!e)
            return NULL;
        p_push(p, &l->u.List.elts, e);
    }
    if (parse_at_comp_for(p) && l->u.List.elts.len > 1)
        return p_err_range(p, first, l->u.List.elts.items[l->u.List.elts.len - 1],
                           "did you forget parentheses around the comprehension target?");
    if (!p_expect(p, TOK_RSQB))
        return NULL;
    return p_end(p, l);
}

/* invalid_kvpair: expression ':' '*' bitwise_or */
static Node *starred_value_error(Parser *p)
{
    Node *star = p_node(p, AST_Starred, p_next(p));
    if (!parse_bitwise_or(p))
        return NULL;
    return p_err_from(p, star, "cannot use a starred expression in a dictionary value");
}

/* dict | set | dictcomp | setcomp */
static Node *parse_brace(Parser *p)
{
    int open_idx = p->pos;
    Token *open = p_next(p);
    if (p_accept(p, TOK_RBRACE))
        return p_end(p, p_node(p, AST_Dict, open));
    Node *key = NULL, *first;
    if (p_at(p, TOK_DOUBLESTAR)) {
        p_next(p);
        first = parse_bitwise_or(p);
        if (!first)
            return NULL;
        if (parse_at_comp_for(p))
            return p_err_tok(p, p_tok(p, open_idx + 1),
                             "dict unpacking cannot be used in dict comprehension");
    } else {
        first = parse_star_named(p);
        if (!first)
            return NULL;
        if (p_accept(p, TOK_COLON)) {
            if (first->kind == AST_Starred)
                return p_syntax_error(p);
            key = first;
            if (p_at(p, TOK_STAR))
                return starred_value_error(p);
            if (p_at(p, TOK_RBRACE) || p_at(p, TOK_COMMA))
                return p_err_tok(p, p_prev(p), "expression expected after dictionary key and ':'");
            first = parse_expression(p);
            if (!first)
                return NULL;
        } else {
            /* a set display or set comprehension */
            if (parse_at_comp_for(p)) {
                if (first->kind == AST_Starred)
                    return p_err_node(p, first,
                                      "iterable unpacking cannot be used in comprehension");
                Node *c = p_node(p, AST_SetComp, open);
                c->u.Comp.elt = first;
                if (!parse_comp_clauses(p, &c->u.Comp.generators) || !p_expect(p, TOK_RBRACE))
                    return NULL;
                return p_end(p, c);
            }
            Node *s = p_node(p, AST_Set, open);
            p_push(p, &s->u.Set.elts, first);
            while (p_accept(p, TOK_COMMA)) {
                if (p_at(p, TOK_RBRACE))
                    break;
                Node *e = parse_star_named(p);
                if (!e)
                    return NULL;
                p_push(p, &s->u.Set.elts, e);
            }
            if (parse_at_comp_for(p) && s->u.Set.elts.len > 1)
                return p_err_range(p, first, s->u.Set.elts.items[s->u.Set.elts.len - 1],
                                   "did you forget parentheses around the comprehension target?");
            if (!p_expect(p, TOK_RBRACE))
                return NULL;
            return p_end(p, s);
        }
    }
    if (key && parse_at_comp_for(p)) {
        Node *c = p_node(p, AST_DictComp, open);
        c->u.Comp.elt = key;
        c->u.Comp.value = first;
        if (!parse_comp_clauses(p, &c->u.Comp.generators) || !p_expect(p, TOK_RBRACE))
            return NULL;
        return p_end(p, c);
    }
    Node *d = p_node(p, AST_Dict, open);
    p_push(p, &d->u.Dict.keys, key);
    p_push(p, &d->u.Dict.values, first);
    while (p_accept(p, TOK_COMMA)) {
        if (p_at(p, TOK_RBRACE))
            break;
        if (p_accept(p, TOK_DOUBLESTAR)) {
            Node *v = parse_bitwise_or(p);
            if (!v)
                return NULL;
            p_push(p, &d->u.Dict.keys, NULL);
            p_push(p, &d->u.Dict.values, v);
            continue;
        }
        Node *k = parse_expression(p);
        if (!k)
            return NULL;
        if (!p_accept(p, TOK_COLON)) {
            if (p_at(p, TOK_RBRACE) || p_at(p, TOK_COMMA))
                return p_err_pos(p, "SyntaxError", k->line, NULL, k->end_col - 1, k->end_line,
                                 -1, "':' expected after dictionary key");
            return p_syntax_error(p);
        }
        if (p_at(p, TOK_STAR))
            return starred_value_error(p);
        if (p_at(p, TOK_RBRACE) || p_at(p, TOK_COMMA))
            return p_err_tok(p, p_prev(p), "expression expected after dictionary key and ':'");
        Node *v = parse_expression(p);
        if (!v)
            return NULL;
        p_push(p, &d->u.Dict.keys, k);
        p_push(p, &d->u.Dict.values, v);
    }
    if (!p_expect(p, TOK_RBRACE))
        return NULL;
    return p_end(p, d);
}

Node *parse_atom(Parser *p)
{
    Token *t = p_peek(p);
    switch (t->kind) {
    case TOK_NAME: {
        p_next(p);
        Node *n = p_node(p, AST_Name, t);
        n->u.Name.id = p_tok_str(p, t);
        return n;
    }
    case TOK_KW_TRUE: p_next(p); return constant(p, t, TR_TRUE);
    case TOK_KW_FALSE: p_next(p); return constant(p, t, TR_FALSE);
    case TOK_KW_NONE: p_next(p); return constant(p, t, TR_NONE);
    case TOK_ELLIPSIS: p_next(p); return constant(p, t, TR_ELLIPSIS);
    case TOK_NUMBER: {
        p_next(p);
        TrValue v = number_value(p, t);
        if (!v)
            return p_err_tok(p, t, "invalid number literal");
        return constant(p, t, v);
    }
    case TOK_STRING: return parse_strings(p);
    case TOK_LPAR: return parse_paren(p);
    case TOK_LSQB: return parse_list(p);
    case TOK_LBRACE: return parse_brace(p);
    default: return p_syntax_error(p);
    }
}
