/*
 * parse_expr.c -- expressions of the Python 3.11 grammar by recursive descent: one function per
 * rule of Grammar/python.gram, headed by the rule. The "invalid_*" rules CPython runs in its
 * second pass are checked inline where they apply, for its specialized messages.
 */
#include "front/parse_internal.h"

#include <stdlib.h>
#include <string.h>


static Node *parse_lambda(Parser *p);
static Node *parse_factor(Parser *p);

bool parse_can_start_expr(const Token *t)
{
    switch (t->kind) {
    case TOK_NAME: case TOK_NUMBER: case TOK_STRING: case TOK_LPAR: case TOK_LSQB:
    case TOK_LBRACE: case TOK_MINUS: case TOK_PLUS: case TOK_TILDE: case TOK_KW_NOT:
    case TOK_KW_LAMBDA: case TOK_KW_AWAIT: case TOK_ELLIPSIS: case TOK_KW_NONE:
    case TOK_KW_TRUE: case TOK_KW_FALSE:
        return true;
    default:
        return false;
    }
}

static Node *chain_too_deep(Parser *p)
{
    if (!p->spec && !p->error) {
        p->error = true;
        diag_set(p->err, p->a, "RecursionError", p->filename, 0, 0, 0, NULL,
                 "maximum recursion depth exceeded during compilation");
    }
    p->spec_failed = p->spec_failed || p->spec;
    return NULL;
}

/* --- Targets ------------------------------------------------------------------------------ */

const char *ast_expr_name(const Node *e)
{
    switch (e->kind) {
    case AST_Attribute: return "attribute";
    case AST_Subscript: return "subscript";
    case AST_Starred: return "starred";
    case AST_Name: return "name";
    case AST_List: return "list";
    case AST_Tuple: return "tuple";
    case AST_Lambda: return "lambda";
    case AST_Call: return "function call";
    case AST_BoolOp: case AST_BinOp: case AST_UnaryOp: return "expression";
    case AST_GeneratorExp: return "generator expression";
    case AST_Yield: case AST_YieldFrom: return "yield expression";
    case AST_Await: return "await expression";
    case AST_ListComp: return "list comprehension";
    case AST_SetComp: return "set comprehension";
    case AST_DictComp: return "dict comprehension";
    case AST_Dict: return "dict literal";
    case AST_Set: return "set display";
    case AST_JoinedStr: case AST_FormattedValue: return "f-string expression";
    case AST_Constant: {
        TrValue v = e->u.Constant.value;
        if (v == TR_NONE) return "None";
        if (v == TR_TRUE) return "True";
        if (v == TR_FALSE) return "False";
        if (v == TR_ELLIPSIS) return "ellipsis";
        return "literal";
    }
    case AST_Compare: return "comparison";
    case AST_IfExp: return "conditional expression";
    case AST_NamedExpr: return "named expression";
    default: return "expression";
    }
}

const Node *p_invalid_target(const Node *e, TargetKind k)
{
    switch (e->kind) {
    case AST_List:
    case AST_Tuple:
        for (int i = 0; i < e->u.List.elts.len; i++) {
            const Node *r = p_invalid_target(e->u.List.elts.items[i], k);
            if (r)
                return r;
        }
        return NULL;
    case AST_Starred:
        if (k == TGT_DEL)
            return e;
        return p_invalid_target(e->u.Starred.value, k);
    case AST_Compare:
        /* `for a in b` parses `a in b` as a comparison: look at its left side */
        if (k == TGT_FOR) {
            if (e->u.Compare.ops[0] == CMP_IN)
                return p_invalid_target(e->u.Compare.left, k);
            return NULL;
        }
        return e;
    case AST_Name:
    case AST_Subscript:
    case AST_Attribute:
        return NULL;
    default:
        return e;
    }
}

Node *p_invalid_target_error(Parser *p, const Node *e, TargetKind k)
{
    const Node *bad = p_invalid_target(e, k);
    if (!bad)
        return NULL;
    return p_err_node(p, bad, k == TGT_DEL ? "cannot delete %s" : "cannot assign to %s",
                      ast_expr_name(bad));
}

void p_set_ctx(Node *e, ExprCtx ctx)
{
    switch (e->kind) {
    case AST_Name: e->u.Name.ctx = ctx; break;
    case AST_Attribute: e->u.Attribute.ctx = ctx; break;
    case AST_Subscript: e->u.Subscript.ctx = ctx; break;
    case AST_Starred:
        e->u.Starred.ctx = ctx;
        p_set_ctx(e->u.Starred.value, ctx);
        break;
    case AST_List:
    case AST_Tuple:
        e->u.List.ctx = ctx;
        for (int i = 0; i < e->u.List.elts.len; i++)
            p_set_ctx(e->u.List.elts.items[i], ctx);
        break;
    default: break;
    }
}

/* star_target: '*' star_target | target (parsed as bitwise_or, then checked) */
static Node *star_target_raw(Parser *p)
{
    if (p_at(p, TOK_STAR)) {
        Token *t = p_next(p);
        if (!p_enter(p))
            return NULL;
        Node *v = star_target_raw(p);
        p_leave(p);
        if (!v)
            return NULL;
        Node *n = p_node(p, AST_Starred, t);
        n->u.Starred.value = v;
        return p_end(p, n);
    }
    return parse_primary(p);
}

/* invalid_for_target: 'for' star_expressions, for "cannot assign to ..." */
static Node *for_target_error(Parser *p, int start)
{
    if (p->error)
        return NULL;
    int pos = p->pos, far = p->far;
    p->pos = start;
    PMark m = p_spec_begin(p);
    Node *e = parse_star_expressions(p);
    bool bad = e && p_invalid_target(e, TGT_FOR);
    p_spec_end(p, m, false);
    if (bad) {
        /* not speculative this time: it may stop at an error it reports itself */
        e = parse_star_expressions(p);
        if (!e)
            return p->error ? NULL : p_syntax_error(p);
        return p_invalid_target_error(p, e, TGT_FOR);
    }
    p->pos = pos;
    p->far = far;
    return p_syntax_error(p);
}

/* star_targets: star_target (',' star_target)* [','] -- for `for` and comprehensions; the
   targets are primaries, so an operator after them ends the targets */
Node *parse_star_targets(Parser *p)
{
    int start = p->pos;
    Node *first = star_target_raw(p);
    if (!first)
        return for_target_error(p, start);
    Node *res = first;
    if (p_at(p, TOK_COMMA)) {
        res = p_node_at(p, AST_Tuple, first);
        p_push(p, &res->u.List.elts, first);
        while (p_accept(p, TOK_COMMA)) {
            if (!p_at(p, TOK_STAR) && !parse_can_start_expr(p_peek(p)))
                break;
            Node *e = star_target_raw(p);
            if (!e)
                return for_target_error(p, start);
            p_push(p, &res->u.List.elts, e);
        }
        p_end(p, res);
    }
    if (!p_at(p, TOK_KW_IN))
        return for_target_error(p, start);
    if (p_invalid_target_error(p, res, TGT_FOR) || p_failed(p))
        return NULL;
    p_set_ctx(res, CTX_STORE);
    return res;
}

/* --- Primaries ---------------------------------------------------------------------------- */

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static Node *parse_slice(Parser *p)
{
    Token *start = p_peek(p);
    Node *lower = NULL;
    if (!p_at(p, TOK_COLON)) {
        lower = parse_named_expression(p);
        if (!lower)
            return NULL;
        if (!p_at(p, TOK_COLON))
            return lower;
        if (lower->kind == AST_NamedExpr)
            return p_syntax_error(p);
    }
    Node *s = p_node(p, AST_Slice, start);
    s->u.Slice.lower = lower;
    p_next(p); /* ':' */
    if (!p_at(p, TOK_COLON) && !p_at(p, TOK_RSQB) && !p_at(p, TOK_COMMA)) {
        if (!(s->u.Slice.upper = parse_expression(p)))
            return NULL;
    }
    if (p_accept(p, TOK_COLON)) {
        if (!p_at(p, TOK_RSQB) && !p_at(p, TOK_COMMA)) {
            if (!(s->u.Slice.step = parse_expression(p)))
                return NULL;
        }
    }
    return p_end(p, s);
}

/* slices: slice !',' | ','.(slice | starred_expression)+ [','] */
static Node *parse_slices(Parser *p)
{
    Token *start = p_peek(p);
    Node *first;
    if (p_at(p, TOK_STAR)) {
        first = parse_star_item(p, parse_expression);
        if (!first)
            return NULL;
    } else {
        first = parse_slice(p);
    }
    if (!first)
        return NULL;
    if (!p_at(p, TOK_COMMA) && first->kind != AST_Starred)
        return first;
    Node *t = p_node(p, AST_Tuple, start);
    p_push(p, &t->u.List.elts, first);
    while (p_accept(p, TOK_COMMA)) {
        if (p_at(p, TOK_RSQB))
            break;
        Node *e;
        if (p_at(p, TOK_STAR)) {
            e = parse_star_item(p, parse_expression);
            if (!e)
                return NULL;
        } else {
            e = parse_slice(p);
        }
        if (!e)
            return NULL;
        p_push(p, &t->u.List.elts, e);
    }
    return p_end(p, t);
}

static const Node *last_comp_item(const Node *gen)
{
    if (gen->u.comprehension.ifs.len)
        return gen->u.comprehension.ifs.items[gen->u.comprehension.ifs.len - 1];
    return gen->u.comprehension.iter;
}

/* arguments: the part of a call after '(' through ')'. Fills call's args and keywords. */
Node *parse_call_args(Parser *p, Node *call)
{
    NodeList *args = &call->u.Call.args, *kws = &call->u.Call.keywords;
    bool kw_unpack = false;
    while (!p_at(p, TOK_RPAR)) {
        Token *t = p_peek(p);
        if (t->kind == TOK_STAR) {
            p_next(p);
            if (kw_unpack)
                return p_err_tok(p, t, "iterable argument unpacking follows keyword argument "
                                       "unpacking");
            Node *v = parse_expression(p);
            if (!v)
                return NULL;
            if (p_at(p, TOK_EQUAL)) {
                PMark m = p_spec_begin(p);
                p_next(p);
                Node *b = parse_expression(p);
                p_spec_end(p, m, false);
                if (b) {
                    Node *s = p_node(p, AST_Starred, t);
                    p_next(p);
                    b = parse_expression(p);
                    p_end_at(s, b);
                    return p_err_node(p, s, "cannot assign to iterable argument unpacking");
                }
            }
            Node *s = p_node(p, AST_Starred, t);
            s->u.Starred.value = v;
            p_push(p, args, p_end(p, s));
        } else if (t->kind == TOK_DOUBLESTAR) {
            p_next(p);
            Node *v = parse_expression(p);
            if (!v)
                return NULL;
            Node *k = p_node(p, AST_keyword, t);
            k->u.keyword.value = v;
            p_push(p, kws, p_end(p, k));
            kw_unpack = true;
        } else if (t->kind == TOK_NAME && p_peek_at(p, 1)->kind == TOK_EQUAL) {
            Token *eq = p_peek_at(p, 1);
            p_next(p);
            p_next(p);
            Node *v = parse_expression(p);
            if (!v)
                return NULL;
            if (parse_at_comp_for(p)) {
                return p_err_pos(p, "SyntaxError", t->line, t->line_start, t->col, eq->end_line,
                                 eq->end_col, "invalid syntax. Maybe you meant '==' or "
                                              "':=' instead of '='?");
            }
            Node *k = p_node(p, AST_keyword, t);
            k->u.keyword.arg = p_tok_str(p, t);
            k->u.keyword.value = v;
            p_push(p, kws, p_end(p, k));
        } else if ((t->kind == TOK_KW_TRUE || t->kind == TOK_KW_FALSE || t->kind == TOK_KW_NONE) &&
                   p_peek_at(p, 1)->kind == TOK_EQUAL) {
            Token *eq = p_peek_at(p, 1);
            return p_err_pos(p, "SyntaxError", t->line, t->line_start, t->col, eq->end_line,
                             eq->end_col, t->kind == TOK_KW_TRUE    ? "cannot assign to True"
                                          : t->kind == TOK_KW_FALSE ? "cannot assign to False"
                                                                    : "cannot assign to None");
        } else {
            Node *e;
            if (t->kind == TOK_NAME && p_peek_at(p, 1)->kind == TOK_COLONEQUAL)
                e = parse_named_expression(p);
            else
                e = parse_expression(p);
            if (!e)
                return NULL;
            if (parse_at_comp_for(p) && call->u.Call.func == call)
                return p_syntax_error(p); /* class bases are not a call: no bare genexp */
            if (parse_at_comp_for(p)) {
                Node *g = p_node_at(p, AST_GeneratorExp, e);
                g->u.Comp.elt = e;
                if (!parse_comp_clauses(p, &g->u.Comp.generators))
                    return NULL;
                const Node *last = last_comp_item(
                    g->u.Comp.generators.items[g->u.Comp.generators.len - 1]);
                if (args->len + kws->len > 0 || !p_at(p, TOK_RPAR))
                    return p_err_range(p, e, last, "Generator expression must be parenthesized");
                /* the sole argument: the genexp spans the call's parentheses */
                p_end(p, g);
                p_next(p);
                g->line = call->u.Call.func->end_line;
                g->col = call->u.Call.func->end_col;
                p_end(p, g);
                p_push(p, args, g);
                return p_end(p, call);
            }
            if (p_at(p, TOK_EQUAL))
                return p_err_range(p, e, (Node *)p_node(p, AST_Name, p_peek(p)),
                                   "expression cannot contain assignment, perhaps you meant "
                                   "\"==\"?");
            if (kws->len > 0) {
                p_peek(p);
                return p_err_last(p, kw_unpack ? "positional argument follows keyword argument "
                                                 "unpacking"
                                               : "positional argument follows keyword argument");
            }
            p_push(p, args, e);
        }
        if (!p_accept(p, TOK_COMMA))
            break;
    }
    if (!p_expect(p, TOK_RPAR))
        return NULL;
    return p_end(p, call);
}

/* primary: primary '.' NAME | primary genexp | primary '(' args ')' | primary '[' slices ']'
 *        | atom */
Node *parse_primary(Parser *p)
{
    Node *e = parse_atom(p);
    if (!e)
        return NULL;
    for (;;) {
        if (p_accept(p, TOK_DOT)) {
            Token *name = p_peek(p);
            if (name->kind != TOK_NAME)
                return p_syntax_error(p);
            p_next(p);
            Node *a = p_node_at(p, AST_Attribute, e);
            a->u.Attribute.value = e;
            a->u.Attribute.attr = p_tok_str(p, name);
            e = p_end(p, a);
        } else if (p_at(p, TOK_LPAR)) {
            p_next(p);
            if (!p_enter(p))
                return NULL;
            Node *c = p_node_at(p, AST_Call, e);
            c->u.Call.func = e;
            e = parse_call_args(p, c);
            p_leave(p);
            if (!e)
                return NULL;
        } else if (p_at(p, TOK_LSQB)) {
            p_next(p);
            if (!p_enter(p))
                return NULL;
            Node *s = p_node_at(p, AST_Subscript, e);
            s->u.Subscript.value = e;
            s->u.Subscript.slice = parse_slices(p);
            p_leave(p);
            if (!s->u.Subscript.slice || !p_expect(p, TOK_RSQB))
                return NULL;
            e = p_end(p, s);
        } else {
            return e;
        }
    }
}

/* --- Operators ---------------------------------------------------------------------------- */

/* power: await_primary '**' factor | await_primary */
static Node *parse_power(Parser *p)
{
    Node *e;
    if (p_at(p, TOK_KW_AWAIT)) {
        Token *t = p_next(p);
        Node *v = parse_primary(p);
        if (!v)
            return NULL;
        e = p_node(p, AST_Await, t);
        e->u.Yield.value = v;
        p_end(p, e);
    } else {
        e = parse_primary(p);
        if (!e)
            return NULL;
    }
    if (p_accept(p, TOK_DOUBLESTAR)) {
        if (!p_enter(p))
            return NULL;
        Node *r = parse_factor(p);
        p_leave(p);
        if (!r)
            return NULL;
        Node *b = p_node_at(p, AST_BinOp, e);
        b->u.BinOp.left = e;
        b->u.BinOp.op = TR_OP_POW;
        b->u.BinOp.right = r;
        e = p_end(p, b);
    }
    return e;
}

/* factor: ('+' | '-' | '~') factor | power -- built iteratively: long runs must not recurse */
static Node *parse_factor(Parser *p)
{
    Token **ops = NULL;
    int n = 0, cap = 0;
    while (p_at(p, TOK_PLUS) || p_at(p, TOK_MINUS) || p_at(p, TOK_TILDE)) {
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            Token **no = arena_alloc(p->a, sizeof(Token *) * (size_t)cap);
            if (n)
                memcpy(no, ops, sizeof(Token *) * (size_t)n);
            ops = no;
        }
        ops[n++] = p_next(p);
        if (n > 6000) {
            if (!p->spec && !p->error) {
                p->error = true;
                diag_set(p->err, p->a, "MemoryError", p->filename, 0, 0, 0, NULL, "%s", "");
            }
            p->spec_failed = p->spec_failed || p->spec;
            return NULL;
        }
    }
    if (n > PARSE_MAX_CHAIN)
        return chain_too_deep(p);
    Node *e = parse_power(p);
    if (!e)
        return NULL;
    while (n > 0) {
        Token *t = ops[--n];
        Node *u = p_node(p, AST_UnaryOp, t);
        u->u.UnaryOp.op = t->kind == TOK_PLUS ? UOP_UADD : t->kind == TOK_MINUS ? UOP_USUB
                                                                               : UOP_INVERT;
        u->u.UnaryOp.operand = e;
        p_end_at(u, e);
        e = u;
    }
    return e;
}

static int binop_of(TokKind k, int level)
{
    switch (level) {
    case 0: return k == TOK_STAR ? TR_OP_MUL : k == TOK_SLASH ? TR_OP_TRUEDIV
                 : k == TOK_DOUBLESLASH ? TR_OP_FLOORDIV : k == TOK_PERCENT ? TR_OP_MOD
                 : k == TOK_AT ? TR_OP_MATMUL : -1;
    case 1: return k == TOK_PLUS ? TR_OP_ADD : k == TOK_MINUS ? TR_OP_SUB : -1;
    case 2: return k == TOK_LEFTSHIFT ? TR_OP_LSHIFT : k == TOK_RIGHTSHIFT ? TR_OP_RSHIFT : -1;
    case 3: return k == TOK_AMPER ? TR_OP_AND : -1;
    case 4: return k == TOK_CIRCUMFLEX ? TR_OP_XOR : -1;
    case 5: return k == TOK_VBAR ? TR_OP_OR : -1;
    default: return -1;
    }
}

/* term, sum, shift_expr, bitwise_and, bitwise_xor, bitwise_or: left-associative levels 0..5 */
static Node *binary(Parser *p, int level)
{
    Node *e = level == 0 ? parse_factor(p) : binary(p, level - 1);
    int chain = 0;
    while (e) {
        int op = binop_of(p_peek(p)->kind, level);
        if (op < 0)
            break;
        p_next(p);
        if (++chain > PARSE_MAX_CHAIN)
            return chain_too_deep(p);
        Node *r = level == 0 ? parse_factor(p) : binary(p, level - 1);
        if (!r)
            return NULL;
        Node *b = p_node_at(p, AST_BinOp, e);
        b->u.BinOp.left = e;
        b->u.BinOp.op = op;
        b->u.BinOp.right = r;
        e = p_end(p, b);
    }
    return e;
}

/* '*' operand: a Starred node spanning the star and its operand */
Node *parse_star_item(Parser *p, Node *(*operand)(Parser *p))
{
    Token *st = p_next(p);
    Node *v = operand(p);
    if (!v)
        return NULL;
    Node *e = p_node(p, AST_Starred, st);
    e->u.Starred.value = v;
    return p_end(p, e);
}

Node *parse_bitwise_or(Parser *p) { return binary(p, 5); }

/* comparison: bitwise_or compare_op_bitwise_or_pair+ */
static Node *parse_comparison(Parser *p)
{
    Node *e = parse_bitwise_or(p);
    if (!e)
        return NULL;
    Node *c = NULL;
    CmpOpKind *ops = NULL;
    int cap = 0;
    for (;;) {
        CmpOpKind op;
        switch (p_peek(p)->kind) {
        case TOK_EQEQUAL: op = CMP_EQ; break;
        case TOK_NOTEQUAL: op = CMP_NOTEQ; break;
        case TOK_LESS: op = CMP_LT; break;
        case TOK_LESSEQUAL: op = CMP_LTE; break;
        case TOK_GREATER: op = CMP_GT; break;
        case TOK_GREATEREQUAL: op = CMP_GTE; break;
        case TOK_KW_IN: op = CMP_IN; break;
        case TOK_KW_IS:
            op = p_peek_at(p, 1)->kind == TOK_KW_NOT ? CMP_ISNOT : CMP_IS;
            break;
        case TOK_KW_NOT:
            if (p_peek_at(p, 1)->kind != TOK_KW_IN)
                goto done;
            op = CMP_NOTIN;
            break;
        default: goto done;
        }
        p_next(p);
        if (op == CMP_ISNOT || op == CMP_NOTIN)
            p_next(p);
        Node *r = parse_bitwise_or(p);
        if (!r)
            return NULL;
        if (!c) {
            c = p_node_at(p, AST_Compare, e);
            c->u.Compare.left = e;
        }
        int n = c->u.Compare.comparators.len;
        if (n == cap) {
            cap = cap ? cap * 2 : 4;
            CmpOpKind *no = ARENA_ARRAY(p->a, CmpOpKind, cap);
            if (n)
                memcpy(no, ops, sizeof(CmpOpKind) * (size_t)n);
            ops = no;
        }
        ops[n] = op;
        c->u.Compare.ops = ops;
        p_push(p, &c->u.Compare.comparators, r);
        if (n + 1 > PARSE_MAX_CHAIN)
            return chain_too_deep(p);
    }
done:
    return c ? p_end(p, c) : e;
}

/* inversion: 'not' inversion | comparison -- iterative, like factor */
static Node *parse_inversion(Parser *p)
{
    int n = 0, first = p->pos;
    while (p_at(p, TOK_KW_NOT)) {
        p_next(p);
        n++;
    }
    if (n > PARSE_MAX_CHAIN)
        return chain_too_deep(p);
    Node *e = parse_comparison(p);
    if (!e)
        return NULL;
    for (int i = n - 1; i >= 0; i--) {
        Node *u = p_node(p, AST_UnaryOp, p_tok(p, first + i)); /* consecutive `not`s */
        u->u.UnaryOp.op = UOP_NOT;
        u->u.UnaryOp.operand = e;
        p_end_at(u, e);
        e = u;
    }
    return e;
}

/* conjunction: inversion ('and' inversion)+ ; disjunction: conjunction ('or' conjunction)+ */
static Node *boolop(Parser *p, bool is_or)
{
    Node *e = is_or ? boolop(p, false) : parse_inversion(p);
    if (!e || !p_at(p, is_or ? TOK_KW_OR : TOK_KW_AND))
        return e;
    Node *b = p_node_at(p, AST_BoolOp, e);
    b->u.BoolOp.op = is_or ? BOOL_OR : BOOL_AND;
    p_push(p, &b->u.BoolOp.values, e);
    while (p_accept(p, is_or ? TOK_KW_OR : TOK_KW_AND)) {
        Node *r = is_or ? boolop(p, false) : parse_inversion(p);
        if (!r)
            return NULL;
        p_push(p, &b->u.BoolOp.values, r);
    }
    return p_end(p, b);
}

Node *parse_disjunction(Parser *p) { return boolop(p, true); }

static bool is_legacy_name(const Node *e)
{
    return e->kind == AST_Name &&
           (strcmp(e->u.Name.id, "print") == 0 || strcmp(e->u.Name.id, "exec") == 0);
}

/* invalid_expression: inside brackets, an expression followed by another one is a missing
   comma (CPython checks the level of the token ending the second expression). */
static Node *missing_comma(Parser *p, Node *a, int start_idx)
{
    Token *next = p_peek(p);
    if (p->no_invalid || !parse_can_start_expr(next))
        return a;
    if (next->level == 0 && next->kind != TOK_LPAR && next->kind != TOK_LSQB)
        return a; /* the second expression would end outside any bracket */
    const Token *start = p_tok(p, start_idx);
    if (start->kind == TOK_NAME && p_tok(p, start_idx + 1)->kind == TOK_STRING)
        return a;
    if (p_tok_is(start, "match") || p_tok_is(start, "case") || p_tok_is(start, "_"))
        return a;
    if (is_legacy_name(a))
        return a;
    PMark m = p_spec_begin(p);
    p->no_invalid++;
    Node *b = parse_expression(p);
    bool in_brackets = b && p_prev(p)->level > 0;
    p_spec_end(p, m, false);
    if (b && in_brackets)
        b = parse_expression(p);
    p->no_invalid--;
    if (!in_brackets)
        return a;
    if (!b)
        return NULL;
    return p_err_range(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
}

/* expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
Node *parse_expression(Parser *p)
{
    if (!p_enter(p))
        return NULL;
    Node *e;
    if (p_at(p, TOK_KW_LAMBDA)) {
        e = parse_lambda(p);
    } else {
        Token *start = p_peek(p);
        int start_idx = p->pos;
        e = parse_disjunction(p);
        if (e && p_at(p, TOK_KW_IF)) {
            p_next(p);
            Node *test = parse_disjunction(p);
            if (!test) {
                e = NULL;
            } else if (!p_accept(p, TOK_KW_ELSE)) {
                if (p_at(p, TOK_COLON))
                    e = p_syntax_error(p);
                else
                    e = p_err_range(p, e, test, "expected 'else' after 'if' expression");
            } else {
                Node *orelse = parse_expression(p);
                if (!orelse) {
                    e = NULL;
                } else {
                    Node *c = p_node_at(p, AST_IfExp, e);
                    c->u.IfExp.test = test;
                    c->u.IfExp.body = e;
                    c->u.IfExp.orelse = orelse;
                    e = p_end(p, c);
                }
            }
        } else if (e) {
            e = missing_comma(p, e, start_idx);
        }
        (void)start;
    }
    p_leave(p);
    return e;
}

/* invalid_named_expression's '=' forms, for `if x = 1:` and list elements */
static Node *named_eq_error(Parser *p, Node *a)
{
    PMark m = p_spec_begin(p);
    p_next(p);
    Node *b = parse_bitwise_or(p);
    bool ok = b && !p_at(p, TOK_EQUAL) && !p_at(p, TOK_COLONEQUAL);
    p_spec_end(p, m, false);
    if (!ok)
        return a;
    p_next(p);
    b = parse_bitwise_or(p);
    if (a->kind == AST_Name)
        return p_err_range(p, a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    if (a->kind == AST_List || a->kind == AST_Tuple || a->kind == AST_GeneratorExp ||
        (a->kind == AST_Constant && (a->u.Constant.value == TR_TRUE ||
                                     a->u.Constant.value == TR_FALSE ||
                                     a->u.Constant.value == TR_NONE)))
        return a;
    return p_err_node(p, a, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                      ast_expr_name(a));
}

/* named_expression: NAME ':=' expression | expression !':=' */
Node *parse_named_expression(Parser *p)
{
    Token *t = p_peek(p);
    if (t->kind == TOK_NAME && p_peek_at(p, 1)->kind == TOK_COLONEQUAL) {
        p_next(p);
        p_next(p);
        Node *target = p_node(p, AST_Name, t);
        target->u.Name.id = p_tok_str(p, t);
        target->u.Name.ctx = CTX_STORE;
        Node *v = parse_expression(p);
        if (!v)
            return NULL;
        Node *n = p_node(p, AST_NamedExpr, t);
        n->u.NamedExpr.target = target;
        n->u.NamedExpr.value = v;
        return p_end(p, n);
    }
    Node *e = parse_expression(p);
    if (!e)
        return NULL;
    if (p_at(p, TOK_COLONEQUAL))
        return p_err_node(p, e, "cannot use assignment expressions with %s", ast_expr_name(e));
    if (p_at(p, TOK_EQUAL))
        return named_eq_error(p, e);
    return e;
}

/* star_expressions: star_expression (',' star_expression)* [','] */
Node *parse_star_expressions(Parser *p)
{
    Node *first;
    if (p_at(p, TOK_STAR)) {
        first = parse_star_item(p, parse_bitwise_or);
        if (!first)
            return NULL;
    } else {
        first = parse_expression(p);
        if (!first)
            return NULL;
    }
    if (!p_at(p, TOK_COMMA))
        return first;
    Node *t = p_node_at(p, AST_Tuple, first);
    p_push(p, &t->u.List.elts, first);
    while (p_accept(p, TOK_COMMA)) {
        if (!p_at(p, TOK_STAR) && !parse_can_start_expr(p_peek(p)))
            break;
        Node *e;
        if (p_at(p, TOK_STAR)) {
            e = parse_star_item(p, parse_bitwise_or);
            if (!e)
                return NULL;
        } else {
            e = parse_expression(p);
        }
        if (!e)
            return NULL;
        p_push(p, &t->u.List.elts, e);
    }
    return p_end(p, t);
}

/* star_named_expressions as a tuple when there is a comma (match subjects) */
Node *parse_star_named_expressions_tuple(Parser *p)
{
    Node *first = parse_star_named(p);
    if (!first || !p_at(p, TOK_COMMA))
        return first;
    Node *t = p_node_at(p, AST_Tuple, first);
    p_push(p, &t->u.List.elts, first);
    while (p_accept(p, TOK_COMMA)) {
        if (!p_at(p, TOK_STAR) && !parse_can_start_expr(p_peek(p)))
            break;
        Node *e = parse_star_named(p);
        if (!e)
            return NULL;
        p_push(p, &t->u.List.elts, e);
    }
    return p_end(p, t);
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
Node *parse_yield_expr(Parser *p)
{
    Token *t = p_next(p);
    if (p_accept(p, TOK_KW_FROM)) {
        Node *v = parse_expression(p);
        if (!v)
            return NULL;
        Node *y = p_node(p, AST_YieldFrom, t);
        y->u.Yield.value = v;
        return p_end(p, y);
    }
    Node *y = p_node(p, AST_Yield, t);
    if (p_at(p, TOK_STAR) || parse_can_start_expr(p_peek(p))) {
        if (!(y->u.Yield.value = parse_star_expressions(p)))
            return NULL;
    }
    return p_end(p, y);
}

/* for_if_clauses: (ASYNC? 'for' star_targets 'in' ~ disjunction ('if' disjunction)*)+ */
Node *parse_comp_clauses(Parser *p, NodeList *gens)
{
    while (parse_at_comp_for(p)) {
        Token *start = p_peek(p);
        bool is_async = p_accept(p, TOK_KW_ASYNC);
        p_next(p); /* for */
        Node *target = parse_star_targets(p);
        if (!target)
            return NULL;
        if (!p_accept(p, TOK_KW_IN))
            return p_syntax_error(p);
        Node *iter = parse_disjunction(p);
        if (!iter)
            return NULL;
        Node *c = p_node(p, AST_comprehension, start);
        c->u.comprehension.target = target;
        c->u.comprehension.iter = iter;
        c->u.comprehension.is_async = is_async;
        while (p_accept(p, TOK_KW_IF)) {
            Node *cond = parse_disjunction(p);
            if (!cond)
                return NULL;
            p_push(p, &c->u.comprehension.ifs, cond);
        }
        p_push(p, gens, p_end(p, c));
    }
    return (Node *)gens;
}

/* --- Parameters --------------------------------------------------------------------------- */

static Node *param(Parser *p, bool lambda, bool star)
{
    Token *t = p_peek(p);
    if (t->kind != TOK_NAME)
        return p_syntax_error(p);
    p_next(p);
    Node *a = p_node(p, AST_arg, t);
    a->u.arg.arg = p_tok_str(p, t);
    if (!lambda && p_accept(p, TOK_COLON)) {
        if (star && p_at(p, TOK_STAR)) {
            if (!(a->u.arg.annotation = parse_star_item(p, parse_expression)))
                return NULL;
        } else if (!(a->u.arg.annotation = parse_expression(p))) {
            return NULL;
        }
    }
    return p_end(p, a);
}

/* parameters / lambda_parameters, up to (not including) ')' or ':' */
Node *parse_arguments_def(Parser *p, bool lambda)
{
    TokKind end = lambda ? TOK_COLON : TOK_RPAR;
    Node *args = ast_new(p->a, AST_arguments, 0, 0);
    NodeList plain = {0};
    bool seen_slash = false, seen_star = false, seen_default = false;
    while (!p_at(p, end)) {
        Token *t = p_peek(p);
        if (t->kind == TOK_SLASH) {
            if (seen_star)
                return p_err_tok(p, t, "/ must be ahead of *");
            if (seen_slash)
                return p_err_tok(p, t, "/ may appear only once");
            if (plain.len == 0)
                return p_err_tok(p, t, "at least one argument must precede /");
            p_next(p);
            seen_slash = true;
            args->u.arguments.posonlyargs = plain;
            plain = (NodeList){0};
        } else if (t->kind == TOK_STAR) {
            if (seen_star)
                return p_err_tok(p, t, "* argument may appear only once");
            p_next(p);
            seen_star = true;
            if (p_at(p, TOK_COMMA) || p_at(p, end)) {
                Token *n1 = p_peek_at(p, 1);
                if (p_at(p, end) || n1->kind == end || n1->kind == TOK_DOUBLESTAR)
                    return p_err_tok(p, t, "named arguments must follow bare *");
            } else {
                Node *a = param(p, lambda, true);
                if (!a)
                    return NULL;
                if (p_at(p, TOK_EQUAL))
                    return p_err_tok(p, p_peek(p),
                                     "var-positional argument cannot have default value");
                args->u.arguments.vararg = a;
            }
        } else if (t->kind == TOK_DOUBLESTAR) {
            p_next(p);
            Node *a = param(p, lambda, false);
            if (!a)
                return NULL;
            if (p_at(p, TOK_EQUAL))
                return p_err_tok(p, p_peek(p), "var-keyword argument cannot have default value");
            args->u.arguments.kwarg = a;
            if (p_accept(p, TOK_COMMA) && !p_at(p, end)) {
                Token *n = p_peek(p);
                if (n->kind == TOK_NAME || n->kind == TOK_STAR || n->kind == TOK_DOUBLESTAR ||
                    n->kind == TOK_SLASH)
                    return p_err_tok(p, n, "arguments cannot follow var-keyword argument");
                return p_syntax_error(p);
            }
            break;
        } else if (t->kind == TOK_NAME) {
            Node *a = param(p, lambda, false);
            if (!a)
                return NULL;
            Node *def = NULL;
            if (p_accept(p, TOK_EQUAL)) {
                if (!(def = parse_expression(p)))
                    return NULL;
            }
            if (seen_star) {
                p_push(p, &args->u.arguments.kwonlyargs, a);
                p_push(p, &args->u.arguments.kw_defaults, def);
            } else {
                if (def) {
                    seen_default = true;
                    p_push(p, &args->u.arguments.defaults, def);
                } else if (seen_default) {
                    return p_err_node(p, a, "non-default argument follows default argument");
                }
                p_push(p, &plain, a);
            }
        } else if (t->kind == TOK_LPAR && !lambda) {
            return p_err_tok(p, t, "Function parameters cannot be parenthesized");
        } else {
            return p_syntax_error(p);
        }
        if (!p_accept(p, TOK_COMMA))
            break;
    }
    args->u.arguments.args = plain;
    if (!p_at(p, end))
        return p_syntax_error(p);
    return args;
}

/* lambdef: 'lambda' [lambda_params] ':' expression */
static Node *parse_lambda(Parser *p)
{
    Token *t = p_next(p);
    Node *args = parse_arguments_def(p, true);
    if (!args || !p_expect(p, TOK_COLON))
        return NULL;
    Node *body = parse_expression(p);
    if (!body)
        return NULL;
    Node *l = p_node(p, AST_Lambda, t);
    l->u.Lambda.args = args;
    l->u.Lambda.body = body;
    return p_end(p, l);
}
