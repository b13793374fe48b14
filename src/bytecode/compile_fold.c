/*
 * compile_fold.c -- CPython 3.11's AST optimizer (ast_opt.c), run before scope analysis:
 * folds operators on constants within the same size limits, constant tuples, subscripts of
 * constants, `x in [..]` / `for x in [..]` into tuples and frozensets, __debug__, and
 * '%s' % (a,) into an f-string. A fold that raises is simply not done.
 */
#include "bytecode/compile_internal.h"

#include "runtime/runtime.h"

#include <stdio.h>
#include <string.h>

#define MAX_INT_SIZE 128
#define MAX_COLLECTION_SIZE 256
#define MAX_STR_SIZE 4096
#define MAX_TOTAL_ITEMS 1024

typedef struct Folder {
    Compiler *c;
} Folder;

static void fold_expr(Folder *f, Node *e);
static void fold_stmts(Folder *f, NodeList *l);

static void make_const(Node *n, TrValue v)
{
    if (v == TR_ERR) {
        tr_err_clear();
        return;
    }
    n->kind = AST_Constant;
    memset(&n->u, 0, sizeof n->u);
    n->u.Constant.value = v;
}

static bool is_int(TrValue v) { return tr_is_small(v) || (tr_is_ptr(v) && tr_is_int(v)); }

static int64_t num_bits(TrValue v)
{
    if (tr_is_small(v)) {
        int64_t x = tr_small_val(v);
        uint64_t ax = x < 0 ? (uint64_t)(-x) : (uint64_t)x;
        return ax ? 64 - __builtin_clzll(ax) : 0;
    }
    if (tr_obj(v)->type == &tr_bool_type)
        return v == TR_TRUE ? 1 : 0;
    return (int64_t)mpz_sizeinbase(((TrBigInt *)tr_obj(v))->z, 2);
}

static int64_t seq_size(TrValue v)
{
    if (tr_is_tuple(v))
        return tr_as_tuple(v)->len;
    if (tr_is_str(v))
        return tr_as_str(v)->len;
    if (tr_is_bytes(v))
        return ((TrBytes *)tr_obj(v))->len;
    if (tr_is_ptr(v) && tr_obj(v)->type == &tr_frozenset_type)
        return ((TrSet *)tr_obj(v))->used;
    return -1;
}

static int64_t int_val(TrValue v, bool *ok)
{
    int64_t x = 0;
    *ok = tr_int_to_i64(v, &x) == 0;
    if (!*ok)
        tr_err_clear();
    return x;
}

static bool is_collection(TrValue v)
{
    return tr_is_tuple(v) || (tr_is_ptr(v) && tr_obj(v)->type == &tr_frozenset_type);
}

static int64_t total_items(TrValue v, int64_t limit)
{
    if (!tr_is_tuple(v))
        return 0;
    int64_t n = tr_as_tuple(v)->len;
    for (int64_t i = 0; i < tr_as_tuple(v)->len && n <= limit; i++)
        n += total_items(tr_as_tuple(v)->items[i], limit);
    return n;
}

static TrValue safe_multiply(TrValue v, TrValue w)
{
    if (is_int(v) && is_int(w) && tr_int_sign(v) && tr_int_sign(w)) {
        if (num_bits(v) + num_bits(w) > MAX_INT_SIZE)
            return TR_ERR;
    } else if (is_int(v) && is_collection(w)) {
        int64_t size = seq_size(w);
        if (size) {
            bool ok;
            int64_t n = int_val(v, &ok);
            if (!ok || n < 0 || n > MAX_COLLECTION_SIZE / size)
                return TR_ERR;
            if (n && total_items(w, MAX_TOTAL_ITEMS / n) > MAX_TOTAL_ITEMS / n)
                return TR_ERR;
        }
    } else if (is_int(v) && (tr_is_str(w) || tr_is_bytes(w))) {
        int64_t size = seq_size(w);
        if (size) {
            bool ok;
            int64_t n = int_val(v, &ok);
            if (!ok || n < 0 || n > MAX_STR_SIZE / size)
                return TR_ERR;
        }
    } else if (is_int(w) && (is_collection(v) || tr_is_str(v) || tr_is_bytes(v))) {
        return safe_multiply(w, v);
    }
    return tr_binop(v, w, TR_OP_MUL);
}

static TrValue fold_binop_values(int op, TrValue l, TrValue r)
{
    switch (op) {
    case TR_OP_MUL: return safe_multiply(l, r);
    case TR_OP_MOD:
        if (tr_is_str(l) || tr_is_bytes(l))
            return TR_ERR;
        break;
    case TR_OP_POW:
        if (is_int(l) && is_int(r) && tr_int_sign(l) && tr_int_sign(r) > 0) {
            bool ok;
            int64_t wb = int_val(r, &ok);
            if (!ok || num_bits(l) > MAX_INT_SIZE / wb)
                return TR_ERR;
        }
        break;
    case TR_OP_LSHIFT:
        if (is_int(l) && is_int(r) && tr_int_sign(l) && tr_int_sign(r)) {
            bool ok;
            int64_t wb = int_val(r, &ok);
            if (!ok || wb < 0)
                break;
            if (wb > MAX_INT_SIZE || num_bits(l) > MAX_INT_SIZE - wb)
                return TR_ERR;
        }
        break;
    case TR_OP_MATMUL:
        return TR_ERR;
    default:
        break;
    }
    return tr_binop(l, r, op);
}

static bool has_starred(NodeList *l)
{
    for (int i = 0; i < l->len; i++)
        if (l->items[i]->kind == AST_Starred)
            return true;
    return false;
}

static TrValue const_tuple(NodeList *l)
{
    for (int i = 0; i < l->len; i++)
        if (l->items[i]->kind != AST_Constant)
            return TR_ERR;
    TrValue t = tr_tuple_new(l->len);
    for (int i = 0; i < l->len; i++)
        tr_as_tuple(t)->items[i] = l->items[i]->u.Constant.value;
    return t;
}

/* --- '%s' % (a,) -> f-string ---------------------------------------------------------------- */

static Node *str_const(Folder *f, TrValue s)
{
    Node *n = ast_new(f->c->a, AST_Constant, -1, -1);
    n->end_line = -1;
    n->u.Constant.value = s;
    return n;
}

static Node *parse_literal(Folder *f, TrValue fmt, int64_t *ppos)
{
    TrStr *s = tr_as_str(fmt);
    int64_t pos = *ppos, start = pos;
    bool pct = false;
    while (pos < s->len) {
        if (tr_str_char(s, pos) != '%')
            pos++;
        else if (pos + 1 < s->len && tr_str_char(s, pos + 1) == '%') {
            pct = true;
            pos += 2;
        } else
            break;
    }
    *ppos = pos;
    if (pos == start)
        return NULL;
    TrStrBuilder b;
    tr_sbuild_init(&b);
    for (int64_t i = start; i < pos; i++) {
        uint32_t ch = tr_str_char(s, i);
        tr_sbuild_char(&b, ch);
        if (pct && ch == '%')
            i++;
    }
    return str_const(f, tr_sbuild_finish(&b));
}

static Node *parse_format(Folder *f, TrValue fmt, int64_t *ppos, Node *arg)
{
    TrStr *s = tr_as_str(fmt);
    int64_t pos = *ppos;
    uint32_t ch;
    bool ljust = false;
    int width = -1, prec = -1;
#define NEXTC                                                                                      \
    do {                                                                                           \
        if (pos >= s->len)                                                                         \
            return NULL;                                                                           \
        ch = tr_str_char(s, pos);                                                                  \
        pos++;                                                                                     \
    } while (0)
    for (;;) {
        NEXTC;
        if (ch == '-') {
            ljust = true;
            continue;
        }
        if (ch == '+' || ch == ' ' || ch == '#' || ch == '0')
            continue;
        break;
    }
    if (ch >= '0' && ch <= '9') {
        width = 0;
        int digits = 0;
        while (ch >= '0' && ch <= '9') {
            width = width * 10 + (int)(ch - '0');
            NEXTC;
            if (++digits >= 3)
                return NULL;
        }
    }
    if (ch == '.') {
        NEXTC;
        prec = 0;
        int digits = 0;
        while (ch >= '0' && ch <= '9') {
            prec = prec * 10 + (int)(ch - '0');
            NEXTC;
            if (++digits >= 3)
                return NULL;
        }
    }
#undef NEXTC
    *ppos = pos;
    if (ch != 's' && ch != 'r' && ch != 'a')
        return NULL;
    char buf[16], *p = buf;
    if (!ljust && width > 0)
        *p++ = '>';
    if (width >= 0)
        p += snprintf(p, 5, "%d", width);
    if (prec >= 0)
        p += snprintf(p, 6, ".%d", prec);
    *p = 0;
    Node *fv = ast_new(f->c->a, AST_FormattedValue, arg->line, arg->col);
    fv->end_line = arg->end_line;
    fv->end_col = arg->end_col;
    fv->u.FormattedValue.value = arg;
    fv->u.FormattedValue.conversion = (int)ch;
    if (p != buf) {
        /* CPython puts a bare Constant here, not a JoinedStr */
        fv->u.FormattedValue.format_spec = str_const(f, tr_str_from_cstr(buf));
    }
    return fv;
}

static void optimize_format(Folder *f, Node *node, TrValue fmt, NodeList *elts)
{
    NodeList seq = {0};
    int64_t pos = 0;
    int cnt = 0;
    int64_t len = tr_as_str(fmt)->len;
    for (;;) {
        Node *lit = parse_literal(f, fmt, &pos);
        if (lit)
            ast_list_push(f->c->a, &seq, lit);
        if (pos >= len)
            break;
        if (cnt >= elts->len)
            return;
        pos++;
        Node *e = parse_format(f, fmt, &pos, elts->items[cnt]);
        cnt++;
        if (!e)
            return;
        ast_list_push(f->c->a, &seq, e);
    }
    if (cnt < elts->len)
        return;
    node->kind = AST_JoinedStr;
    memset(&node->u, 0, sizeof node->u);
    node->u.JoinedStr.values = seq;
}

/* --- Walk -------------------------------------------------------------------------------- */

static void fold_exprs(Folder *f, NodeList *l)
{
    for (int i = 0; i < l->len; i++)
        if (l->items[i])
            fold_expr(f, l->items[i]);
}

static void fold_opt(Folder *f, Node *e)
{
    if (e)
        fold_expr(f, e);
}

static void fold_iter(Node *arg)
{
    if (arg->kind == AST_List) {
        if (has_starred(&arg->u.List.elts))
            return;
        arg->kind = AST_Tuple;
        make_const(arg, const_tuple(&arg->u.List.elts));
    } else if (arg->kind == AST_Set) {
        TrValue t = const_tuple(&arg->u.Set.elts);
        if (t != TR_ERR)
            make_const(arg, tr_frozenset_new(t));
    }
}

static void fold_arguments(Folder *f, Node *a)
{
    fold_exprs(f, &a->u.arguments.defaults);
    fold_exprs(f, &a->u.arguments.kw_defaults);
    NodeList *ls[3] = {&a->u.arguments.posonlyargs, &a->u.arguments.args,
                       &a->u.arguments.kwonlyargs};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < ls[k]->len; i++)
            fold_opt(f, ls[k]->items[i]->u.arg.annotation);
    if (a->u.arguments.vararg)
        fold_opt(f, a->u.arguments.vararg->u.arg.annotation);
    if (a->u.arguments.kwarg)
        fold_opt(f, a->u.arguments.kwarg->u.arg.annotation);
}

static void fold_comprehensions(Folder *f, NodeList *gens)
{
    for (int i = 0; i < gens->len; i++) {
        Node *g = gens->items[i];
        fold_expr(f, g->u.comprehension.target);
        fold_expr(f, g->u.comprehension.iter);
        fold_exprs(f, &g->u.comprehension.ifs);
        fold_iter(g->u.comprehension.iter);
    }
}

static void fold_expr(Folder *f, Node *e)
{
    switch (e->kind) {
    case AST_BoolOp: fold_exprs(f, &e->u.BoolOp.values); break;
    case AST_BinOp: {
        fold_expr(f, e->u.BinOp.left);
        fold_expr(f, e->u.BinOp.right);
        Node *l = e->u.BinOp.left, *r = e->u.BinOp.right;
        if (l->kind != AST_Constant)
            break;
        TrValue lv = l->u.Constant.value;
        if (e->u.BinOp.op == TR_OP_MOD && r->kind == AST_Tuple && tr_is_str(lv) &&
            !has_starred(&r->u.List.elts)) {
            optimize_format(f, e, lv, &r->u.List.elts);
            break;
        }
        if (r->kind != AST_Constant)
            break;
        make_const(e, fold_binop_values(e->u.BinOp.op, lv, r->u.Constant.value));
        break;
    }
    case AST_UnaryOp: {
        fold_expr(f, e->u.UnaryOp.operand);
        Node *o = e->u.UnaryOp.operand;
        if (o->kind != AST_Constant) {
            /* not (a in b) -> a not in b; likewise is/is not (never ==, <, ...) */
            if (e->u.UnaryOp.op == UOP_NOT && o->kind == AST_Compare &&
                o->u.Compare.comparators.len == 1) {
                static const int inv[] = {[CMP_IS] = CMP_ISNOT, [CMP_ISNOT] = CMP_IS,
                                          [CMP_IN] = CMP_NOTIN, [CMP_NOTIN] = CMP_IN};
                CmpOpKind op = o->u.Compare.ops[0];
                if (op == CMP_IS || op == CMP_ISNOT || op == CMP_IN || op == CMP_NOTIN) {
                    o->u.Compare.ops[0] = (CmpOpKind)inv[op];
                    *e = *o;
                }
            }
            break;
        }
        TrValue v = o->u.Constant.value, r;
        switch (e->u.UnaryOp.op) {
        case UOP_NOT: {
            int t = tr_truth(v);
            r = t < 0 ? TR_ERR : tr_bool(!t);
            break;
        }
        case UOP_USUB: r = tr_unop(v, TR_UN_NEG); break;
        case UOP_UADD: r = tr_unop(v, TR_UN_POS); break;
        default: r = tr_unop(v, TR_UN_INVERT); break;
        }
        make_const(e, r);
        break;
    }
    case AST_NamedExpr: fold_expr(f, e->u.NamedExpr.value); break;
    case AST_Lambda:
        fold_arguments(f, e->u.Lambda.args);
        fold_expr(f, e->u.Lambda.body);
        break;
    case AST_IfExp:
        fold_expr(f, e->u.IfExp.test);
        fold_expr(f, e->u.IfExp.body);
        fold_expr(f, e->u.IfExp.orelse);
        break;
    case AST_Dict:
        fold_exprs(f, &e->u.Dict.keys);
        fold_exprs(f, &e->u.Dict.values);
        break;
    case AST_Set: fold_exprs(f, &e->u.Set.elts); break;
    case AST_ListComp:
    case AST_SetComp:
    case AST_GeneratorExp:
        fold_expr(f, e->u.Comp.elt);
        fold_comprehensions(f, &e->u.Comp.generators);
        break;
    case AST_DictComp:
        fold_expr(f, e->u.Comp.elt);
        fold_expr(f, e->u.Comp.value);
        fold_comprehensions(f, &e->u.Comp.generators);
        break;
    case AST_Await:
    case AST_Yield:
    case AST_YieldFrom:
        fold_opt(f, e->u.Yield.value);
        break;
    case AST_Compare: {
        fold_expr(f, e->u.Compare.left);
        fold_exprs(f, &e->u.Compare.comparators);
        int i = e->u.Compare.comparators.len - 1;
        CmpOpKind op = e->u.Compare.ops[i];
        if (op == CMP_IN || op == CMP_NOTIN)
            fold_iter(e->u.Compare.comparators.items[i]);
        break;
    }
    case AST_Call:
        fold_expr(f, e->u.Call.func);
        fold_exprs(f, &e->u.Call.args);
        for (int i = 0; i < e->u.Call.keywords.len; i++)
            fold_expr(f, e->u.Call.keywords.items[i]->u.keyword.value);
        break;
    case AST_FormattedValue:
        fold_expr(f, e->u.FormattedValue.value);
        fold_opt(f, e->u.FormattedValue.format_spec);
        break;
    case AST_JoinedStr: fold_exprs(f, &e->u.JoinedStr.values); break;
    case AST_Attribute: fold_expr(f, e->u.Attribute.value); break;
    case AST_Subscript: {
        fold_expr(f, e->u.Subscript.value);
        fold_expr(f, e->u.Subscript.slice);
        Node *v = e->u.Subscript.value, *s = e->u.Subscript.slice;
        if (e->u.Subscript.ctx == CTX_LOAD && v->kind == AST_Constant && s->kind == AST_Constant)
            make_const(e, tr_getitem(v->u.Constant.value, s->u.Constant.value));
        break;
    }
    case AST_Starred: fold_expr(f, e->u.Starred.value); break;
    case AST_Slice:
        fold_opt(f, e->u.Slice.lower);
        fold_opt(f, e->u.Slice.upper);
        fold_opt(f, e->u.Slice.step);
        break;
    case AST_List: fold_exprs(f, &e->u.List.elts); break;
    case AST_Tuple:
        fold_exprs(f, &e->u.List.elts);
        if (e->u.List.ctx == CTX_LOAD)
            make_const(e, const_tuple(&e->u.List.elts));
        break;
    case AST_Name:
        if (e->u.Name.ctx == CTX_LOAD && strcmp(e->u.Name.id, "__debug__") == 0)
            make_const(e, TR_TRUE);
        break;
    /* patterns */
    case AST_MatchValue: fold_expr(f, e->u.MatchValue.value); break;
    case AST_MatchSequence: fold_exprs(f, &e->u.MatchSequence.patterns); break;
    case AST_MatchMapping:
        fold_exprs(f, &e->u.MatchMapping.keys);
        fold_exprs(f, &e->u.MatchMapping.patterns);
        break;
    case AST_MatchClass:
        fold_expr(f, e->u.MatchClass.cls);
        fold_exprs(f, &e->u.MatchClass.patterns);
        fold_exprs(f, &e->u.MatchClass.kwd_patterns);
        break;
    case AST_MatchAs: fold_opt(f, e->u.MatchAs.pattern); break;
    case AST_MatchOr: fold_exprs(f, &e->u.MatchOr.patterns); break;
    default: break;
    }
}

static bool is_docstring(NodeList *body)
{
    if (!body->len)
        return false;
    Node *s = body->items[0];
    return s->kind == AST_Expr && s->u.Expr.value->kind == AST_Constant &&
           tr_is_str(s->u.Expr.value->u.Constant.value);
}

/* A string made by folding (e.g. "a" + "b") must not become a docstring. */
static void fold_body(Folder *f, NodeList *body)
{
    bool doc = is_docstring(body);
    fold_stmts(f, body);
    if (!doc && is_docstring(body)) {
        Node *st = body->items[0];
        Node *js = ast_new(f->c->a, AST_JoinedStr, st->line, st->col);
        js->end_line = st->end_line;
        js->end_col = st->end_col;
        ast_list_push(f->c->a, &js->u.JoinedStr.values, st->u.Expr.value);
        st->u.Expr.value = js;
    }
}

static void fold_stmt(Folder *f, Node *s)
{
    switch (s->kind) {
    case AST_FunctionDef:
    case AST_AsyncFunctionDef:
        fold_arguments(f, s->u.FunctionDef.args);
        fold_body(f, &s->u.FunctionDef.body);
        fold_exprs(f, &s->u.FunctionDef.decorators);
        fold_opt(f, s->u.FunctionDef.returns);
        break;
    case AST_ClassDef:
        fold_exprs(f, &s->u.ClassDef.bases);
        for (int i = 0; i < s->u.ClassDef.keywords.len; i++)
            fold_expr(f, s->u.ClassDef.keywords.items[i]->u.keyword.value);
        fold_body(f, &s->u.ClassDef.body);
        fold_exprs(f, &s->u.ClassDef.decorators);
        break;
    case AST_Return: fold_opt(f, s->u.Return.value); break;
    case AST_Delete: fold_exprs(f, &s->u.Delete.targets); break;
    case AST_Assign:
        fold_exprs(f, &s->u.Assign.targets);
        fold_expr(f, s->u.Assign.value);
        break;
    case AST_AugAssign:
        fold_expr(f, s->u.AugAssign.target);
        fold_expr(f, s->u.AugAssign.value);
        break;
    case AST_AnnAssign:
        fold_expr(f, s->u.AnnAssign.target);
        fold_expr(f, s->u.AnnAssign.annotation);
        fold_opt(f, s->u.AnnAssign.value);
        break;
    case AST_For:
    case AST_AsyncFor:
        fold_expr(f, s->u.For.target);
        fold_expr(f, s->u.For.iter);
        fold_stmts(f, &s->u.For.body);
        fold_stmts(f, &s->u.For.orelse);
        fold_iter(s->u.For.iter);
        break;
    case AST_While:
        fold_expr(f, s->u.While.test);
        fold_stmts(f, &s->u.While.body);
        fold_stmts(f, &s->u.While.orelse);
        break;
    case AST_If:
        fold_expr(f, s->u.If.test);
        fold_stmts(f, &s->u.If.body);
        fold_stmts(f, &s->u.If.orelse);
        break;
    case AST_With:
    case AST_AsyncWith:
        for (int i = 0; i < s->u.With.items.len; i++) {
            fold_expr(f, s->u.With.items.items[i]->u.withitem.context_expr);
            fold_opt(f, s->u.With.items.items[i]->u.withitem.optional_vars);
        }
        fold_stmts(f, &s->u.With.body);
        break;
    case AST_Match:
        fold_expr(f, s->u.Match.subject);
        for (int i = 0; i < s->u.Match.cases.len; i++) {
            Node *c = s->u.Match.cases.items[i];
            fold_expr(f, c->u.match_case.pattern);
            fold_opt(f, c->u.match_case.guard);
            fold_stmts(f, &c->u.match_case.body);
        }
        break;
    case AST_Raise:
        fold_opt(f, s->u.Raise.exc);
        fold_opt(f, s->u.Raise.cause);
        break;
    case AST_Try:
    case AST_TryStar:
        fold_stmts(f, &s->u.Try.body);
        for (int i = 0; i < s->u.Try.handlers.len; i++) {
            Node *h = s->u.Try.handlers.items[i];
            fold_opt(f, h->u.ExceptHandler.type);
            fold_stmts(f, &h->u.ExceptHandler.body);
        }
        fold_stmts(f, &s->u.Try.orelse);
        fold_stmts(f, &s->u.Try.finalbody);
        break;
    case AST_Assert:
        fold_expr(f, s->u.Assert.test);
        fold_opt(f, s->u.Assert.msg);
        break;
    case AST_Expr: fold_expr(f, s->u.Expr.value); break;
    default: break;
    }
}

static void fold_stmts(Folder *f, NodeList *l)
{
    for (int i = 0; i < l->len; i++)
        fold_stmt(f, l->items[i]);
}

void cc_fold_module(Compiler *c, Node *mod)
{
    Folder f = {c};
    fold_body(&f, &mod->u.Module.body);
}
