/*
 * compile_unparse.c -- expressions back to source text, as CPython 3.11's ast_unparse.c writes
 * them (same precedence-driven parentheses and spacing): under `from __future__ import
 * annotations` an annotation is stored as this string instead of being evaluated.
 */
#include "bytecode/compile_internal.h"

#include "common/strbuf.h"
#include "runtime/runtime.h"

#include <string.h>

enum { /* binding strength, loosest first (ast_unparse.c) */
    PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP, PR_EXPR, PR_BOR = PR_EXPR, PR_BXOR,
    PR_BAND, PR_SHIFT, PR_ARITH, PR_TERM, PR_FACTOR, PR_POWER, PR_AWAIT, PR_ATOM
};

typedef struct Unparser {
    Compiler *c;
    StrBuf sb;
    bool failed;
} Unparser;

static void expr(Unparser *u, Node *e, int level);

static void put(Unparser *u, const char *s) { sb_puts(&u->sb, s); }
static void put_if(Unparser *u, bool cond, const char *s)
{
    if (cond)
        sb_puts(&u->sb, s);
}

static void put_repr(Unparser *u, TrValue v)
{
    TrValue r = tr_repr(v);
    if (r == TR_ERR) {
        tr_err_clear();
        u->failed = true;
        return;
    }
    put(u, tr_str_utf8(r));
}

static void seq(Unparser *u, NodeList *l, int level)
{
    for (int i = 0; i < l->len; i++) {
        put_if(u, i > 0, ", ");
        expr(u, l->items[i], level);
    }
}

static void comprehensions(Unparser *u, NodeList *gens)
{
    for (int i = 0; i < gens->len; i++) {
        Node *g = gens->items[i];
        put(u, g->u.comprehension.is_async ? " async for " : " for ");
        expr(u, g->u.comprehension.target, PR_TUPLE);
        put(u, " in ");
        expr(u, g->u.comprehension.iter, PR_TEST + 1);
        for (int j = 0; j < g->u.comprehension.ifs.len; j++) {
            put(u, " if ");
            expr(u, g->u.comprehension.ifs.items[j], PR_TEST + 1);
        }
    }
}

static void comp(Unparser *u, Node *e, const char *open, const char *close)
{
    put(u, open);
    expr(u, e->u.Comp.elt, PR_TEST);
    if (e->kind == AST_DictComp) {
        put(u, ": ");
        expr(u, e->u.Comp.value, PR_TEST);
    }
    comprehensions(u, &e->u.Comp.generators);
    put(u, close);
}

static void binop(Unparser *u, Node *e, int level)
{
    static const struct {
        const char *s;
        int pr;
    } ops[] = {
        [TR_OP_ADD] = {" + ", PR_ARITH},      [TR_OP_SUB] = {" - ", PR_ARITH},
        [TR_OP_MUL] = {" * ", PR_TERM},       [TR_OP_MATMUL] = {" @ ", PR_TERM},
        [TR_OP_TRUEDIV] = {" / ", PR_TERM},   [TR_OP_MOD] = {" % ", PR_TERM},
        [TR_OP_LSHIFT] = {" << ", PR_SHIFT},  [TR_OP_RSHIFT] = {" >> ", PR_SHIFT},
        [TR_OP_OR] = {" | ", PR_BOR},         [TR_OP_XOR] = {" ^ ", PR_BXOR},
        [TR_OP_AND] = {" & ", PR_BAND},       [TR_OP_FLOORDIV] = {" // ", PR_TERM},
        [TR_OP_POW] = {" ** ", PR_POWER},
    };
    int op = e->u.BinOp.op, pr = ops[op].pr;
    int rassoc = op == TR_OP_POW;
    put_if(u, level > pr, "(");
    expr(u, e->u.BinOp.left, pr + rassoc);
    put(u, ops[op].s);
    expr(u, e->u.BinOp.right, pr + !rassoc);
    put_if(u, level > pr, ")");
}

static void call(Unparser *u, Node *e)
{
    expr(u, e->u.Call.func, PR_ATOM);
    NodeList *args = &e->u.Call.args, *kws = &e->u.Call.keywords;
    if (args->len == 1 && kws->len == 0 && args->items[0]->kind == AST_GeneratorExp) {
        comp(u, args->items[0], "(", ")");
        return;
    }
    put(u, "(");
    seq(u, args, PR_TEST);
    for (int i = 0; i < kws->len; i++) {
        put_if(u, i > 0 || args->len > 0, ", ");
        Node *kw = kws->items[i];
        if (kw->u.keyword.arg) {
            put(u, kw->u.keyword.arg);
            put(u, "=");
        } else {
            put(u, "**");
        }
        expr(u, kw->u.keyword.value, PR_TEST);
    }
    put(u, ")");
}

static void expr(Unparser *u, Node *e, int level)
{
    switch (e->kind) {
    case AST_BoolOp: {
        int pr = e->u.BoolOp.op == BOOL_AND ? PR_AND : PR_OR;
        put_if(u, level > pr, "(");
        for (int i = 0; i < e->u.BoolOp.values.len; i++) {
            put_if(u, i > 0, pr == PR_AND ? " and " : " or ");
            expr(u, e->u.BoolOp.values.items[i], pr + 1);
        }
        put_if(u, level > pr, ")");
        return;
    }
    case AST_BinOp: binop(u, e, level); return;
    case AST_UnaryOp: {
        static const char *const ops[] = {[UOP_INVERT] = "~", [UOP_NOT] = "not ",
                                          [UOP_UADD] = "+", [UOP_USUB] = "-"};
        int pr = e->u.UnaryOp.op == UOP_NOT ? PR_NOT : PR_FACTOR;
        put_if(u, level > pr, "(");
        put(u, ops[e->u.UnaryOp.op]);
        expr(u, e->u.UnaryOp.operand, pr);
        put_if(u, level > pr, ")");
        return;
    }
    case AST_IfExp:
        put_if(u, level > PR_TEST, "(");
        expr(u, e->u.IfExp.body, PR_TEST + 1);
        put(u, " if ");
        expr(u, e->u.IfExp.test, PR_TEST + 1);
        put(u, " else ");
        expr(u, e->u.IfExp.orelse, PR_TEST);
        put_if(u, level > PR_TEST, ")");
        return;
    case AST_Dict:
        put(u, "{");
        for (int i = 0; i < e->u.Dict.values.len; i++) {
            put_if(u, i > 0, ", ");
            Node *k = e->u.Dict.keys.items[i];
            if (k) {
                expr(u, k, PR_TEST);
                put(u, ": ");
                expr(u, e->u.Dict.values.items[i], PR_TEST);
            } else {
                put(u, "**");
                expr(u, e->u.Dict.values.items[i], PR_EXPR);
            }
        }
        put(u, "}");
        return;
    case AST_Set:
        if (!e->u.Set.elts.len) {
            put(u, "{*()}");
            return;
        }
        put(u, "{");
        seq(u, &e->u.Set.elts, PR_TEST);
        put(u, "}");
        return;
    case AST_GeneratorExp: comp(u, e, "(", ")"); return;
    case AST_ListComp: comp(u, e, "[", "]"); return;
    case AST_SetComp: comp(u, e, "{", "}"); return;
    case AST_DictComp: comp(u, e, "{", "}"); return;
    case AST_Yield:
        if (!e->u.Yield.value) {
            put(u, "(yield)");
            return;
        }
        put(u, "(yield ");
        expr(u, e->u.Yield.value, PR_TEST);
        put(u, ")");
        return;
    case AST_YieldFrom:
        put(u, "(yield from ");
        expr(u, e->u.Yield.value, PR_TEST);
        put(u, ")");
        return;
    case AST_Await:
        put_if(u, level > PR_AWAIT, "(");
        put(u, "await ");
        expr(u, e->u.Yield.value, PR_ATOM);
        put_if(u, level > PR_AWAIT, ")");
        return;
    case AST_Compare: {
        static const char *const ops[] = {" == ", " != ", " < ", " <= ", " > ", " >= ",
                                          " is ", " is not ", " in ", " not in "};
        put_if(u, level > PR_CMP, "(");
        expr(u, e->u.Compare.left, PR_CMP + 1);
        for (int i = 0; i < e->u.Compare.comparators.len; i++) {
            put(u, ops[e->u.Compare.ops[i]]);
            expr(u, e->u.Compare.comparators.items[i], PR_CMP + 1);
        }
        put_if(u, level > PR_CMP, ")");
        return;
    }
    case AST_Call: call(u, e); return;
    case AST_Constant:
        if (e->u.Constant.value == TR_ELLIPSIS) {
            put(u, "...");
            return;
        }
        put_if(u, e->u.Constant.kind != NULL, "u");
        put_repr(u, e->u.Constant.value);
        return;
    case AST_Attribute: {
        Node *v = e->u.Attribute.value;
        expr(u, v, PR_ATOM);
        bool is_int = v->kind == AST_Constant && tr_type_of(v->u.Constant.value) == &tr_int_type;
        put(u, is_int ? " ." : ".");
        put(u, e->u.Attribute.attr);
        return;
    }
    case AST_Subscript:
        expr(u, e->u.Subscript.value, PR_ATOM);
        put(u, "[");
        expr(u, e->u.Subscript.slice, PR_TUPLE);
        put(u, "]");
        return;
    case AST_Starred:
        put(u, "*");
        expr(u, e->u.Starred.value, PR_EXPR);
        return;
    case AST_Slice:
        if (e->u.Slice.lower)
            expr(u, e->u.Slice.lower, PR_TEST);
        put(u, ":");
        if (e->u.Slice.upper)
            expr(u, e->u.Slice.upper, PR_TEST);
        if (e->u.Slice.step) {
            put(u, ":");
            expr(u, e->u.Slice.step, PR_TEST);
        }
        return;
    case AST_Name: put(u, e->u.Name.id); return;
    case AST_List:
        put(u, "[");
        seq(u, &e->u.List.elts, PR_TEST);
        put(u, "]");
        return;
    case AST_Tuple:
        if (!e->u.List.elts.len) {
            put(u, "()");
            return;
        }
        put_if(u, level > PR_TUPLE, "(");
        seq(u, &e->u.List.elts, PR_TEST);
        put_if(u, e->u.List.elts.len == 1, ",");
        put_if(u, level > PR_TUPLE, ")");
        return;
    case AST_NamedExpr:
        put_if(u, level > PR_TUPLE, "(");
        expr(u, e->u.NamedExpr.target, PR_ATOM);
        put(u, " := ");
        expr(u, e->u.NamedExpr.value, PR_ATOM);
        put_if(u, level > PR_TUPLE, ")");
        return;
    default: /* lambda and f-strings in annotations: not written back yet */
        u->failed = true;
        return;
    }
}

/* The annotation string of e, or TR_ERR with a compile error for what is not supported. */
TrValue cc_unparse(Compiler *c, Node *e)
{
    Unparser u = {c, {0}, false};
    sb_init(&u.sb);
    expr(&u, e, PR_TEST);
    if (u.failed) {
        cc_error(c, "unsupported annotation under 'from __future__ import annotations' (%s)",
                 ast_kind_names[e->kind]);
        return TR_ERR;
    }
    return tr_str_from_utf8(u.sb.data ? u.sb.data : "", u.sb.len);
}
