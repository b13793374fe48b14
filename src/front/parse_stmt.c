/*
 * parse_stmt.c -- statements of the Python 3.11 grammar: simple statements (assignments in all
 * their forms, import, del, ...) and compound ones with their blocks. Blocks report CPython's
 * "expected an indented block after ..." and "expected ':'" errors.
 */
#include "front/parse_internal.h"

#include <string.h>

static Node *parse_statement(Parser *p, NodeList *out);
static bool simple_stmts(Parser *p, NodeList *out);

/* block: NEWLINE INDENT statements DEDENT | simple_stmts */
bool parse_block(Parser *p, NodeList *body, const char *what, int line)
{
    if (p_accept(p, TOK_NEWLINE)) {
        if (!p_at(p, TOK_INDENT)) {
            p_indent_error(p, "expected an indented block after %s on line %d", what, line);
            return false;
        }
        p_next(p);
        if (!parse_statements(p, body, false))
            return false;
        if (!p_accept(p, TOK_DEDENT)) {
            p_syntax_error(p);
            return false;
        }
        return true;
    }
    return simple_stmts(p, body);
}

/* ':' where CPython only names it when the line ends there (invalid_*_stmt rules) */
static bool expect_colon(Parser *p, bool forced)
{
    if (p_accept(p, TOK_COLON))
        return true;
    if (forced)
        p_err_tok(p, p_peek(p), "expected ':'");
    else if (p_at(p, TOK_NEWLINE))
        p_err_last(p, "expected ':'");
    else
        p_syntax_error(p);
    return false;
}

/* --- Simple statements -------------------------------------------------------------------- */

static bool is_augassign(TokKind k, int *op)
{
    switch (k) {
    case TOK_PLUSEQUAL: *op = TR_OP_ADD; return true;
    case TOK_MINEQUAL: *op = TR_OP_SUB; return true;
    case TOK_STAREQUAL: *op = TR_OP_MUL; return true;
    case TOK_ATEQUAL: *op = TR_OP_MATMUL; return true;
    case TOK_SLASHEQUAL: *op = TR_OP_TRUEDIV; return true;
    case TOK_PERCENTEQUAL: *op = TR_OP_MOD; return true;
    case TOK_AMPEREQUAL: *op = TR_OP_AND; return true;
    case TOK_VBAREQUAL: *op = TR_OP_OR; return true;
    case TOK_CIRCUMFLEXEQUAL: *op = TR_OP_XOR; return true;
    case TOK_LEFTSHIFTEQUAL: *op = TR_OP_LSHIFT; return true;
    case TOK_RIGHTSHIFTEQUAL: *op = TR_OP_RSHIFT; return true;
    case TOK_DOUBLESTAREQUAL: *op = TR_OP_POW; return true;
    case TOK_DOUBLESLASHEQUAL: *op = TR_OP_FLOORDIV; return true;
    default: return false;
    }
}

static Node *rhs(Parser *p) /* yield_expr | star_expressions */
{
    return p_at(p, TOK_KW_YIELD) ? parse_yield_expr(p) : parse_star_expressions(p);
}

static bool unparenthesized_tuple(const Node *e)
{
    return e->kind == AST_Tuple && e->u.List.elts.len > 0 &&
           e->u.List.elts.items[0]->line == e->line && e->u.List.elts.items[0]->col == e->col;
}

static bool bitwise_or_level(const Node *e)
{
    switch (e->kind) {
    case AST_Compare: case AST_BoolOp: case AST_IfExp: case AST_Lambda: case AST_NamedExpr:
    case AST_Starred: case AST_Yield: case AST_YieldFrom:
        return false;
    case AST_UnaryOp: return e->u.UnaryOp.op != UOP_NOT;
    case AST_Tuple: return !unparenthesized_tuple(e);
    default: return true;
    }
}

/* invalid_assignment: the first target group is re-read as star_named_expressions, whose last
   element may match invalid_named_expression; otherwise the first bad target is named. */
static Node *assign_error(Parser *p, Node **targets, int n, int eq_pos)
{
    Node *first = targets[0];
    Node *x = unparenthesized_tuple(first) ? first->u.List.elts.items[first->u.List.elts.len - 1]
                                           : first;
    int save = p->pos, far = p->far;
    p->pos = eq_pos + 1;
    PMark m = p_spec_begin(p);
    Node *b = parse_bitwise_or(p);
    bool match = b && !p_at(p, TOK_EQUAL) && !p_at(p, TOK_COLONEQUAL);
    p_spec_end(p, m, false);
    p->pos = save;
    p->far = far;
    if (match) {
        p->pos = eq_pos + 1;
        b = parse_bitwise_or(p);
        p->pos = save;
        if (x->kind == AST_Name)
            return p_err_range(p, x, b,
                               "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        bool excluded = x->kind == AST_List || x->kind == AST_Tuple ||
                        x->kind == AST_GeneratorExp ||
                        (x->kind == AST_Constant && (x->u.Constant.value == TR_TRUE ||
                                                     x->u.Constant.value == TR_FALSE ||
                                                     x->u.Constant.value == TR_NONE));
        if (!excluded && bitwise_or_level(x))
            return p_err_node(p, x, "cannot assign to %s here. Maybe you meant '==' instead of "
                                    "'='?", ast_expr_name(x));
    }
    for (int i = 0; i < n; i++) {
        if (targets[i]->kind == AST_Yield || targets[i]->kind == AST_YieldFrom)
            return p_err_node(p, targets[i], "assignment to yield expression not possible");
        if (p_invalid_target_error(p, targets[i], TGT_STAR))
            return NULL;
    }
    return NULL;
}

static Node *annotated(Parser *p, Node *target, const Token *start)
{
    bool paren = start->kind == TOK_LPAR;
    bool valid = target->kind == AST_Name || target->kind == AST_Attribute ||
                 target->kind == AST_Subscript;
    if (!valid) {
        /* CPython's invalid_assignment rules need `':' expression` to name the problem */
        PMark m = p_spec_begin(p);
        p_next(p);
        bool ann = parse_expression(p) != NULL;
        p_spec_end(p, m, false);
        if (!ann)
            return p_syntax_error(p);
    }
    if (target->kind == AST_Tuple || target->kind == AST_List) {
        if (!paren && target->kind == AST_Tuple)
            return p_err_node(p, target->u.List.elts.items[0],
                              "only single target (not tuple) can be annotated");
        return p_err_node(p, target, "only single target (not %s) can be annotated",
                          target->kind == AST_Tuple ? "tuple" : "list");
    }
    if (target->kind != AST_Name && target->kind != AST_Attribute &&
        target->kind != AST_Subscript)
        return p_err_node(p, target, "illegal target for annotation");
    p_next(p); /* ':' */
    Node *ann = parse_expression(p);
    if (!ann)
        return NULL;
    Node *a = p_node(p, AST_AnnAssign, start);
    p_set_ctx(target, CTX_STORE);
    a->u.AnnAssign.target = target;
    a->u.AnnAssign.annotation = ann;
    a->u.AnnAssign.simple = target->kind == AST_Name && !paren;
    if (p_accept(p, TOK_EQUAL)) {
        if (!(a->u.AnnAssign.value = rhs(p)))
            return NULL;
    }
    return p_end(p, a);
}

/* assignment | star_expressions */
static Node *expr_stmt(Parser *p)
{
    Token *start = p_peek(p);
    Node *e = rhs(p);
    if (!e)
        return NULL;
    int op;
    if (p_at(p, TOK_COLON))
        return annotated(p, e, start);
    if (is_augassign(p_peek(p)->kind, &op)) {
        if (e->kind != AST_Name && e->kind != AST_Attribute && e->kind != AST_Subscript)
            return p_err_node(p, e, "'%s' is an illegal expression for augmented assignment",
                              ast_expr_name(e));
        p_next(p);
        Node *v = rhs(p);
        if (!v)
            return NULL;
        p_set_ctx(e, CTX_STORE);
        Node *a = p_node(p, AST_AugAssign, start);
        a->u.AugAssign.target = e;
        a->u.AugAssign.op = op;
        a->u.AugAssign.value = v;
        return p_end(p, a);
    }
    if (!p_at(p, TOK_EQUAL)) {
        Node *x = p_node(p, AST_Expr, start);
        x->u.Expr.value = e;
        p_end_at(x, e);
        x->line = e->line;
        x->col = e->col;
        return x;
    }
    Node *a = p_node(p, AST_Assign, start);
    a->line = e->line;
    a->col = e->col;
    int eq_pos = p->pos;
    Node *v = e;
    while (p_accept(p, TOK_EQUAL)) {
        p_push(p, &a->u.Assign.targets, v);
        if (!(v = rhs(p)))
            return NULL;
    }
    a->u.Assign.value = v;
    NodeList *ts = &a->u.Assign.targets;
    for (int i = 0; i < ts->len; i++) {
        Node *t = ts->items[i];
        if (t->kind == AST_Yield || t->kind == AST_YieldFrom || p_invalid_target(t, TGT_STAR)) {
            assign_error(p, ts->items, ts->len, eq_pos);
            return NULL;
        }
    }
    for (int i = 0; i < ts->len; i++)
        p_set_ctx(ts->items[i], CTX_STORE);
    return p_end(p, a);
}

static const char *dotted_name(Parser *p)
{
    Token *t = p_peek(p);
    if (t->kind != TOK_NAME) {
        p_syntax_error(p);
        return NULL;
    }
    p_next(p);
    const char *s = t->start, *e = t->start + t->len;
    size_t total = (size_t)t->len;
    char *buf = arena_strndup(p->a, s, total);
    while (p_at(p, TOK_DOT) && p_peek_at(p, 1)->kind == TOK_NAME) {
        p_next(p);
        Token *n = p_next(p);
        size_t len = strlen(buf);
        char *nb = arena_alloc(p->a, len + 2 + (size_t)n->len);
        memcpy(nb, buf, len);
        nb[len] = '.';
        memcpy(nb + len + 1, n->start, (size_t)n->len);
        buf = nb;
    }
    (void)e;
    return buf;
}

static Node *alias(Parser *p, bool dotted)
{
    Token *t = p_peek(p);
    const char *name;
    if (dotted) {
        if (!(name = dotted_name(p)))
            return NULL;
    } else {
        if (t->kind != TOK_NAME)
            return p_syntax_error(p);
        p_next(p);
        name = p_tok_str(p, t);
    }
    Node *a = p_node(p, AST_alias, t);
    a->u.alias.name = name;
    if (p_accept(p, TOK_KW_AS)) {
        Token *n = p_peek(p);
        if (n->kind != TOK_NAME)
            return p_syntax_error(p);
        p_next(p);
        a->u.alias.asname = p_tok_str(p, n);
    }
    return p_end(p, a);
}

static Node *import_stmt(Parser *p)
{
    Token *t = p_next(p);
    if (t->kind == TOK_KW_IMPORT) {
        Node *s = p_node(p, AST_Import, t);
        do {
            Node *a = alias(p, true);
            if (!a)
                return NULL;
            p_push(p, &s->u.Import.names, a);
        } while (p_accept(p, TOK_COMMA));
        return p_end(p, s);
    }
    Node *s = p_node(p, AST_ImportFrom, t);
    int level = 0;
    for (;;) {
        if (p_accept(p, TOK_DOT))
            level++;
        else if (p_accept(p, TOK_ELLIPSIS))
            level += 3;
        else
            break;
    }
    if (!p_at(p, TOK_KW_IMPORT) || level == 0) {
        if (!(s->u.ImportFrom.module = dotted_name(p)))
            return NULL;
    }
    s->u.ImportFrom.level = level;
    if (!p_expect(p, TOK_KW_IMPORT))
        return NULL;
    if (p_at(p, TOK_STAR)) {
        Token *st = p_next(p);
        Node *a = p_node(p, AST_alias, st);
        a->u.alias.name = "*";
        p_push(p, &s->u.ImportFrom.names, a);
        return p_end(p, s);
    }
    bool paren = p_accept(p, TOK_LPAR);
    for (;;) {
        Node *a = alias(p, false);
        if (!a)
            return NULL;
        p_push(p, &s->u.ImportFrom.names, a);
        if (!p_accept(p, TOK_COMMA))
            break;
        if (paren && p_at(p, TOK_RPAR))
            break;
        if (!paren && p_at(p, TOK_NEWLINE))
            return p_err_last(p, "trailing comma not allowed without surrounding parentheses");
    }
    if (paren && !p_expect(p, TOK_RPAR))
        return NULL;
    return p_end(p, s);
}

static Node *global_stmt(Parser *p)
{
    Token *t = p_next(p);
    Node *s = p_node(p, t->kind == TOK_KW_GLOBAL ? AST_Global : AST_Nonlocal, t);
    const char **names = NULL;
    int n = 0, cap = 0;
    do {
        Token *nt = p_peek(p);
        if (nt->kind != TOK_NAME)
            return p_syntax_error(p);
        p_next(p);
        if (n == cap) {
            cap = cap ? cap * 2 : 4;
            const char **nn = ARENA_ARRAY(p->a, const char *, cap);
            if (n)
                memcpy(nn, names, sizeof(char *) * (size_t)n);
            names = nn;
        }
        names[n++] = p_tok_str(p, nt);
    } while (p_accept(p, TOK_COMMA));
    s->u.Global.names = names;
    s->u.Global.len = n;
    return p_end(p, s);
}

static Node *del_stmt(Parser *p)
{
    Token *t = p_next(p);
    Node *s = p_node(p, AST_Delete, t);
    do {
        if (!parse_can_start_expr(p_peek(p)) && !p_at(p, TOK_STAR))
            break;
        Node *e = p_at(p, TOK_STAR) ? parse_star_expressions(p) : parse_expression(p);
        if (!e)
            return NULL;
        if (p_invalid_target_error(p, e, TGT_DEL) || p_failed(p))
            return NULL;
        p_set_ctx(e, CTX_DEL);
        p_push(p, &s->u.Delete.targets, e);
    } while (p_accept(p, TOK_COMMA));
    if (s->u.Delete.targets.len == 0)
        return p_syntax_error(p);
    return p_end(p, s);
}

static Node *simple_stmt(Parser *p)
{
    Token *t = p_peek(p);
    Node *s;
    switch (t->kind) {
    case TOK_KW_PASS:
    case TOK_KW_BREAK:
    case TOK_KW_CONTINUE:
        p_next(p);
        return p_node(p, t->kind == TOK_KW_PASS ? AST_Pass : t->kind == TOK_KW_BREAK ? AST_Break
                                                                                    : AST_Continue,
                      t);
    case TOK_KW_RETURN:
        p_next(p);
        s = p_node(p, AST_Return, t);
        if (p_at(p, TOK_STAR) || parse_can_start_expr(p_peek(p))) {
            if (!(s->u.Return.value = parse_star_expressions(p)))
                return NULL;
        }
        return p_end(p, s);
    case TOK_KW_IMPORT:
    case TOK_KW_FROM:
        return import_stmt(p);
    case TOK_KW_RAISE:
        p_next(p);
        s = p_node(p, AST_Raise, t);
        if (parse_can_start_expr(p_peek(p))) {
            if (!(s->u.Raise.exc = parse_expression(p)))
                return NULL;
            if (p_accept(p, TOK_KW_FROM) && !(s->u.Raise.cause = parse_expression(p)))
                return NULL;
        }
        return p_end(p, s);
    case TOK_KW_DEL:
        return del_stmt(p);
    case TOK_KW_ASSERT:
        p_next(p);
        s = p_node(p, AST_Assert, t);
        if (!(s->u.Assert.test = parse_expression(p)))
            return NULL;
        if (p_accept(p, TOK_COMMA) && !(s->u.Assert.msg = parse_expression(p)))
            return NULL;
        return p_end(p, s);
    case TOK_KW_GLOBAL:
    case TOK_KW_NONLOCAL:
        return global_stmt(p);
    default:
        return expr_stmt(p);
    }
}

/* invalid_legacy_expression: `print x` */
static Node *legacy_error(Parser *p, Node *stmt)
{
    if (stmt->kind != AST_Expr || stmt->u.Expr.value->kind != AST_Name)
        return NULL;
    const char *id = stmt->u.Expr.value->u.Name.id;
    if (strcmp(id, "print") && strcmp(id, "exec"))
        return NULL;
    if (p_at(p, TOK_LPAR))
        return NULL;
    PMark m = p_spec_begin(p);
    Node *b = parse_star_expressions(p);
    p_spec_end(p, m, false);
    if (!b)
        return NULL;
    b = parse_star_expressions(p);
    return p_err_range(p, stmt->u.Expr.value, b, "Missing parentheses in call to '%s'. Did you "
                                                 "mean %s(...)?", id, id);
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static bool simple_stmts(Parser *p, NodeList *out)
{
    for (;;) {
        Node *s = simple_stmt(p);
        if (!s)
            return false;
        p_push(p, out, s);
        if (p_accept(p, TOK_NEWLINE))
            return true;
        if (!p_accept(p, TOK_SEMI)) {
            legacy_error(p, s);
            p_syntax_error(p);
            return false;
        }
        if (p_accept(p, TOK_NEWLINE))
            return true;
    }
}

/* --- Compound statements ------------------------------------------------------------------ */

static Node *if_stmt(Parser *p, bool elif)
{
    Token *t = p_next(p);
    Node *s = p_node(p, AST_If, t);
    if (!(s->u.If.test = parse_named_expression(p)) || !expect_colon(p, false))
        return NULL;
    if (!parse_block(p, &s->u.If.body, elif ? "'elif' statement" : "'if' statement", t->line))
        return NULL;
    if (p_at(p, TOK_KW_ELIF)) {
        Node *e = if_stmt(p, true);
        if (!e)
            return NULL;
        p_push(p, &s->u.If.orelse, e);
    } else if (p_at(p, TOK_KW_ELSE)) {
        Token *et = p_next(p);
        if (!expect_colon(p, true) ||
            !parse_block(p, &s->u.If.orelse, "'else' statement", et->line))
            return NULL;
    }
    NodeList *last = s->u.If.orelse.len ? &s->u.If.orelse : &s->u.If.body;
    p_end_at(s, last->items[last->len - 1]);
    return s;
}

static bool else_block(Parser *p, NodeList *orelse)
{
    if (!p_at(p, TOK_KW_ELSE))
        return true;
    Token *et = p_next(p);
    return expect_colon(p, true) && parse_block(p, orelse, "'else' statement", et->line);
}

static Node *end_at_block(Node *s, const NodeList *a, const NodeList *b)
{
    const NodeList *l = b && b->len ? b : a;
    if (l->len)
        p_end_at(s, l->items[l->len - 1]);
    return s;
}

static Node *while_stmt(Parser *p)
{
    Token *t = p_next(p);
    Node *s = p_node(p, AST_While, t);
    if (!(s->u.While.test = parse_named_expression(p)) || !expect_colon(p, false) ||
        !parse_block(p, &s->u.While.body, "'while' statement", t->line) ||
        !else_block(p, &s->u.While.orelse))
        return NULL;
    return end_at_block(s, &s->u.While.body, &s->u.While.orelse);
}

static Node *for_stmt(Parser *p, const Token *start, bool is_async)
{
    Token *t = p_next(p);
    Node *s = p_node(p, is_async ? AST_AsyncFor : AST_For, start);
    if (!(s->u.For.target = parse_star_targets(p)))
        return NULL;
    if (!p_accept(p, TOK_KW_IN))
        return p_syntax_error(p);
    if (!(s->u.For.iter = parse_star_expressions(p)) || !expect_colon(p, false) ||
        !parse_block(p, &s->u.For.body, "'for' statement", t->line) ||
        !else_block(p, &s->u.For.orelse))
        return NULL;
    return end_at_block(s, &s->u.For.body, &s->u.For.orelse);
}

/* with_item: expression 'as' star_target &(',' | ')' | ':') | expression */
static Node *with_item(Parser *p)
{
    Node *e = parse_expression(p);
    if (!e)
        return NULL;
    Node *w = p_node_at(p, AST_withitem, e);
    w->u.withitem.context_expr = e;
    if (p_accept(p, TOK_KW_AS)) {
        Node *t;
        if (p_at(p, TOK_STAR)) {
            t = parse_star_targets(p);
        } else {
            t = parse_expression(p);
            if (t && !p_at(p, TOK_COMMA) && !p_at(p, TOK_RPAR) && !p_at(p, TOK_COLON))
                return p_syntax_error(p);
            if (t && (p_invalid_target_error(p, t, TGT_STAR) || p_failed(p)))
                return NULL;
        }
        if (!t)
            return NULL;
        p_set_ctx(t, CTX_STORE);
        w->u.withitem.optional_vars = t;
    }
    return p_end(p, w);
}

static Node *with_stmt(Parser *p, const Token *start, bool is_async)
{
    Token *t = p_next(p);
    Node *s = p_node(p, is_async ? AST_AsyncWith : AST_With, start);
    bool done = false;
    if (p_at(p, TOK_LPAR)) {
        /* '(' ','.with_item+ ','? ')' ':' -- else the parenthesis belongs to an expression */
        PMark m = p_spec_begin(p);
        p_next(p);
        bool ok = true;
        NodeList items = {0};
        while (ok) {
            Node *w = with_item(p);
            if (!w) {
                ok = false;
                break;
            }
            p_push(p, &items, w);
            if (!p_accept(p, TOK_COMMA) || p_at(p, TOK_RPAR))
                break;
        }
        ok = ok && p_accept(p, TOK_RPAR) && p_at(p, TOK_COLON);
        if (p_spec_end(p, m, ok)) {
            s->u.With.items = items;
            done = true;
        }
    }
    if (!done) {
        do {
            Node *w = with_item(p);
            if (!w)
                return NULL;
            p_push(p, &s->u.With.items, w);
        } while (p_accept(p, TOK_COMMA));
    }
    if (!expect_colon(p, false) || !parse_block(p, &s->u.With.body, "'with' statement", t->line))
        return NULL;
    return end_at_block(s, &s->u.With.body, NULL);
}

static Node *except_block(Parser *p, bool *star, int *seen_star)
{
    Token *t = p_next(p);
    bool is_star = p_accept(p, TOK_STAR);
    if (*seen_star >= 0 && (bool)*seen_star != is_star)
        return p_err_tok(p, t, "cannot have both 'except' and 'except*' on the same 'try'");
    *seen_star = is_star;
    *star = is_star;
    Node *h = p_node(p, AST_ExceptHandler, t);
    if (is_star && (p_at(p, TOK_COLON) || p_at(p, TOK_NEWLINE)))
        return p_err_last(p, "expected 'except' or 'finally' block");
    if (!p_at(p, TOK_COLON)) {
        Node *type = parse_expression(p);
        if (!type)
            return NULL;
        if (p_at(p, TOK_COMMA)) {
            p_next(p);
            if (!parse_star_expressions(p))
                return NULL;
            if (p_accept(p, TOK_KW_AS))
                p_accept(p, TOK_NAME);
            if (!p_at(p, TOK_COLON))
                return p_syntax_error(p);
            return p_err_from(p, type, "multiple exception types must be parenthesized");
        }
        h->u.ExceptHandler.type = type;
        if (p_accept(p, TOK_KW_AS)) {
            Token *n = p_peek(p);
            if (n->kind != TOK_NAME)
                return p_syntax_error(p);
            p_next(p);
            h->u.ExceptHandler.name = p_tok_str(p, n);
        }
    }
    if (!expect_colon(p, false) ||
        !parse_block(p, &h->u.ExceptHandler.body,
                     is_star ? "'except*' statement" : "'except' statement", t->line))
        return NULL;
    return end_at_block(h, &h->u.ExceptHandler.body, NULL);
}

static Node *try_stmt(Parser *p)
{
    Token *t = p_next(p);
    Node *s = p_node(p, AST_Try, t);
    if (!expect_colon(p, true) || !parse_block(p, &s->u.Try.body, "'try' statement", t->line))
        return NULL;
    int seen_star = -1;
    while (p_at(p, TOK_KW_EXCEPT)) {
        bool star = false;
        Node *h = except_block(p, &star, &seen_star);
        if (!h)
            return NULL;
        if (star)
            s->kind = AST_TryStar;
        p_push(p, &s->u.Try.handlers, h);
    }
    if (s->u.Try.handlers.len && !else_block(p, &s->u.Try.orelse))
        return NULL;
    if (p_at(p, TOK_KW_FINALLY)) {
        Token *f = p_next(p);
        if (!expect_colon(p, true) ||
            !parse_block(p, &s->u.Try.finalbody, "'finally' statement", f->line))
            return NULL;
    }
    if (!s->u.Try.handlers.len && !s->u.Try.finalbody.len)
        return p_err_last(p, "expected 'except' or 'finally' block");
    const NodeList *l = s->u.Try.finalbody.len ? &s->u.Try.finalbody
                      : s->u.Try.orelse.len    ? &s->u.Try.orelse
                                               : NULL;
    if (l)
        return end_at_block(s, l, NULL);
    Node *last = s->u.Try.handlers.items[s->u.Try.handlers.len - 1];
    p_end_at(s, last);
    return s;
}

static Node *funcdef(Parser *p, const Token *start, bool is_async, NodeList decorators)
{
    Token *t = p_next(p); /* def */
    Token *name = p_peek(p);
    if (name->kind != TOK_NAME)
        return p_syntax_error(p);
    p_next(p);
    if (!p_at(p, TOK_LPAR))
        return p_err_tok(p, p_peek(p), "expected '('");
    p_next(p);
    Node *s = p_node(p, is_async ? AST_AsyncFunctionDef : AST_FunctionDef, start);
    s->u.FunctionDef.name = p_tok_str(p, name);
    s->u.FunctionDef.decorators = decorators;
    if (!(s->u.FunctionDef.args = parse_arguments_def(p, false)) || !p_expect(p, TOK_RPAR))
        return NULL;
    if (p_accept(p, TOK_RARROW) && !(s->u.FunctionDef.returns = parse_expression(p)))
        return NULL;
    if (!expect_colon(p, true) ||
        !parse_block(p, &s->u.FunctionDef.body, "function definition", t->line))
        return NULL;
    return end_at_block(s, &s->u.FunctionDef.body, NULL);
}

static Node *classdef(Parser *p, const Token *start, NodeList decorators)
{
    Token *t = p_next(p);
    Token *name = p_peek(p);
    if (name->kind != TOK_NAME)
        return p_syntax_error(p);
    p_next(p);
    Node *s = p_node(p, AST_ClassDef, start);
    s->u.ClassDef.name = p_tok_str(p, name);
    s->u.ClassDef.decorators = decorators;
    if (p_accept(p, TOK_LPAR)) {
        Node *call = p_node(p, AST_Call, t);
        call->u.Call.func = call;
        if (!parse_call_args(p, call))
            return NULL;
        s->u.ClassDef.bases = call->u.Call.args;
        s->u.ClassDef.keywords = call->u.Call.keywords;
    }
    if (!expect_colon(p, false) ||
        !parse_block(p, &s->u.ClassDef.body, "class definition", t->line))
        return NULL;
    return end_at_block(s, &s->u.ClassDef.body, NULL);
}

static Node *decorated(Parser *p)
{
    NodeList decorators = {0};
    while (p_accept(p, TOK_AT)) {
        Node *d = parse_named_expression(p);
        if (!d || !p_expect(p, TOK_NEWLINE))
            return NULL;
        p_push(p, &decorators, d);
    }
    Token *start = p_peek(p);
    if (p_at(p, TOK_KW_DEF))
        return funcdef(p, start, false, decorators);
    if (p_at(p, TOK_KW_ASYNC) && p_peek_at(p, 1)->kind == TOK_KW_DEF) {
        p_next(p);
        return funcdef(p, start, true, decorators);
    }
    if (p_at(p, TOK_KW_CLASS))
        return classdef(p, start, decorators);
    return p_syntax_error(p);
}

static Node *parse_statement(Parser *p, NodeList *out)
{
    Token *t = p_peek(p);
    Node *s = NULL;
    switch (t->kind) {
    case TOK_KW_IF: s = if_stmt(p, false); break;
    case TOK_KW_WHILE: s = while_stmt(p); break;
    case TOK_KW_FOR: s = for_stmt(p, t, false); break;
    case TOK_KW_WITH: s = with_stmt(p, t, false); break;
    case TOK_KW_TRY: s = try_stmt(p); break;
    case TOK_KW_DEF: s = funcdef(p, t, false, (NodeList){0}); break;
    case TOK_KW_CLASS: s = classdef(p, t, (NodeList){0}); break;
    case TOK_AT: s = decorated(p); break;
    case TOK_KW_ASYNC: {
        TokKind k = p_peek_at(p, 1)->kind;
        p_next(p);
        if (k == TOK_KW_DEF)
            s = funcdef(p, t, true, (NodeList){0});
        else if (k == TOK_KW_FOR)
            s = for_stmt(p, t, true);
        else if (k == TOK_KW_WITH)
            s = with_stmt(p, t, true);
        else
            return p_syntax_error(p);
        break;
    }
    case TOK_NAME:
        if (p_tok_is(t, "match") && parse_looks_like_match(p)) {
            s = parse_match_stmt(p);
            break;
        }
        /* fall through */
    default:
        return simple_stmts(p, out) ? (Node *)out : NULL;
    }
    if (!s)
        return NULL;
    p_push(p, out, s);
    return s;
}

/* statements: statement+ -- until DEDENT (a block) or ENDMARKER (the module) */
bool parse_statements(Parser *p, NodeList *out, bool top)
{
    for (;;) {
        if (p_failed(p))
            return false;
        Token *t = p_peek(p);
        if (t->kind == TOK_ENDMARKER)
            return top ? true : (p_syntax_error(p), false);
        if (t->kind == TOK_DEDENT && !top)
            return true;
        if (top && t->kind == TOK_NEWLINE) { /* never produced, but harmless */
            p_next(p);
            continue;
        }
        if (!p_enter(p))
            return false;
        Node *s = parse_statement(p, out);
        p_leave(p);
        if (!s)
            return false;
    }
}
