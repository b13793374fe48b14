/*
 * compile_expr.c -- expressions to bytecode as CPython 3.11 emits them: calls (PUSH_NULL /
 * LOAD_METHOD / KW_NAMES / CALL_FUNCTION_EX), displays with star-unpacking, comparisons and
 * conditional jumps, f-strings, yield/await, and the code objects of functions, lambdas,
 * classes and comprehensions. Each expression carries its own line, restored afterwards.
 */
#include "bytecode/compile_internal.h"

#include "runtime/runtime.h"

#include <string.h>

#define STACK_USE_GUIDELINE 30

bool cc_exprs(Compiler *c, NodeList *l)
{
    for (int i = 0; i < l->len; i++)
        if (!cc_expr(c, l->items[i]))
            return false;
    return true;
}

static void emit_compare(Compiler *c, CmpOpKind op)
{
    switch (op) {
    case CMP_EQ: cc_emit(c, OP_COMPARE_OP, TR_EQ); break;
    case CMP_NOTEQ: cc_emit(c, OP_COMPARE_OP, TR_NE); break;
    case CMP_LT: cc_emit(c, OP_COMPARE_OP, TR_LT); break;
    case CMP_LTE: cc_emit(c, OP_COMPARE_OP, TR_LE); break;
    case CMP_GT: cc_emit(c, OP_COMPARE_OP, TR_GT); break;
    case CMP_GTE: cc_emit(c, OP_COMPARE_OP, TR_GE); break;
    case CMP_IS: cc_emit(c, OP_IS_OP, 0); break;
    case CMP_ISNOT: cc_emit(c, OP_IS_OP, 1); break;
    case CMP_IN: cc_emit(c, OP_CONTAINS_OP, 0); break;
    case CMP_NOTIN: cc_emit(c, OP_CONTAINS_OP, 1); break;
    }
}

/* --- Yield and await ------------------------------------------------------------------- */

void cc_emit_yield(Compiler *c)
{
    if (c->u->ste->generator && c->u->ste->coroutine)
        cc_emit(c, OP_ASYNC_GEN_WRAP, 0);
    cc_emit(c, OP_YIELD_VALUE, 0);
    cc_emit(c, OP_RESUME, 1);
}

bool cc_yield_from(Compiler *c, bool await)
{
    Block *start = cc_new_block(c), *resume = cc_new_block(c), *exit = cc_new_block(c);
    cc_use_block(c, start);
    cc_jump(c, OP_SEND, exit);
    cc_use_block(c, resume);
    cc_emit(c, OP_YIELD_VALUE, 0);
    cc_emit(c, OP_RESUME, await ? 3 : 2);
    cc_jump(c, PS_JUMP_NO_INTERRUPT, start);
    cc_use_block(c, exit);
    return true;
}

/* --- Conditional jumps -------------------------------------------------------------------- */

bool cc_jump_if(Compiler *c, Node *e, Block *next, bool cond)
{
    switch (e->kind) {
    case AST_UnaryOp:
        if (e->u.UnaryOp.op == UOP_NOT)
            return cc_jump_if(c, e->u.UnaryOp.operand, next, !cond);
        break;
    case AST_BoolOp: {
        NodeList *s = &e->u.BoolOp.values;
        int n = s->len - 1;
        bool cond2 = e->u.BoolOp.op == BOOL_OR;
        Block *next2 = next;
        if (cond2 != cond)
            next2 = cc_new_block(c);
        for (int i = 0; i < n; i++)
            if (!cc_jump_if(c, s->items[i], next2, cond2))
                return false;
        if (!cc_jump_if(c, s->items[n], next, cond))
            return false;
        if (next2 != next)
            cc_use_block(c, next2);
        return true;
    }
    case AST_IfExp: {
        Block *end = cc_new_block(c), *next2 = cc_new_block(c);
        if (!cc_jump_if(c, e->u.IfExp.test, next2, false) ||
            !cc_jump_if(c, e->u.IfExp.body, next, cond))
            return false;
        cc_jump_noline(c, PS_JUMP, end);
        cc_use_block(c, next2);
        if (!cc_jump_if(c, e->u.IfExp.orelse, next, cond))
            return false;
        cc_use_block(c, end);
        return true;
    }
    case AST_Compare: {
        cc_set_loc(c, e); /* CPython 3.11 leaves this location in place afterwards */
        int n = e->u.Compare.comparators.len - 1;
        if (n > 0) {
            Block *cleanup = cc_new_block(c);
            if (!cc_expr(c, e->u.Compare.left))
                return false;
            for (int i = 0; i < n; i++) {
                if (!cc_expr(c, e->u.Compare.comparators.items[i]))
                    return false;
                cc_emit(c, OP_SWAP, 2);
                cc_emit(c, OP_COPY, 2);
                emit_compare(c, e->u.Compare.ops[i]);
                cc_jump(c, PS_POP_JUMP_IF_FALSE, cleanup);
            }
            if (!cc_expr(c, e->u.Compare.comparators.items[n]))
                return false;
            emit_compare(c, e->u.Compare.ops[n]);
            cc_jump(c, cond ? PS_POP_JUMP_IF_TRUE : PS_POP_JUMP_IF_FALSE, next);
            Block *end = cc_new_block(c);
            cc_jump_noline(c, PS_JUMP, end);
            cc_use_block(c, cleanup);
            cc_emit(c, OP_POP_TOP, 0);
            if (!cond)
                cc_jump_noline(c, PS_JUMP, next);
            cc_use_block(c, end);
            return true;
        }
        break;
    }
    default:
        break;
    }
    if (!cc_expr(c, e))
        return false;
    cc_jump(c, cond ? PS_POP_JUMP_IF_TRUE : PS_POP_JUMP_IF_FALSE, next);
    return true;
}

/* --- Displays ---------------------------------------------------------------------------- */

static bool all_const(NodeList *l, int begin, int end)
{
    for (int i = begin; i < end; i++)
        if (!l->items[i] || l->items[i]->kind != AST_Constant)
            return false;
    return true;
}

static bool starunpack_helper(Compiler *c, NodeList *elts, int pushed, int build, int add,
                              int extend, bool tuple)
{
    int n = elts->len;
    if (n > 2 && all_const(elts, 0, n)) {
        TrValue folded = tr_tuple_new(n);
        for (int i = 0; i < n; i++)
            tr_as_tuple(folded)->items[i] = elts->items[i]->u.Constant.value;
        if (tuple && !pushed) {
            cc_load_const(c, folded);
        } else {
            if (add == OP_SET_ADD)
                folded = tr_frozenset_new(folded);
            cc_emit(c, build, pushed);
            cc_load_const(c, folded);
            cc_emit(c, extend, 1);
            if (tuple)
                cc_emit(c, OP_LIST_TO_TUPLE, 0);
        }
        return true;
    }
    bool big = n + pushed > STACK_USE_GUIDELINE, seen_star = false;
    for (int i = 0; i < n; i++)
        if (elts->items[i]->kind == AST_Starred)
            seen_star = true;
    if (!seen_star && !big) {
        if (!cc_exprs(c, elts))
            return false;
        cc_emit(c, tuple ? OP_BUILD_TUPLE : build, n + pushed);
        return true;
    }
    bool built = false;
    if (big) {
        cc_emit(c, build, pushed);
        built = true;
    }
    for (int i = 0; i < n; i++) {
        Node *elt = elts->items[i];
        if (elt->kind == AST_Starred) {
            if (!built) {
                cc_emit(c, build, i + pushed);
                built = true;
            }
            if (!cc_expr(c, elt->u.Starred.value))
                return false;
            cc_emit(c, extend, 1);
        } else {
            if (!cc_expr(c, elt))
                return false;
            if (built)
                cc_emit(c, add, 1);
        }
    }
    if (tuple)
        cc_emit(c, OP_LIST_TO_TUPLE, 0);
    return true;
}

static bool unpack_helper(Compiler *c, NodeList *elts)
{
    int n = elts->len;
    bool seen_star = false;
    for (int i = 0; i < n; i++) {
        Node *elt = elts->items[i];
        if (elt->kind == AST_Starred && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (1 << 16))
                return cc_error(c, "too many expressions in star-unpacking assignment");
            cc_emit(c, OP_UNPACK_EX, i + ((n - i - 1) << 8));
            seen_star = true;
        } else if (elt->kind == AST_Starred) {
            return cc_error(c, "multiple starred expressions in assignment");
        }
    }
    if (!seen_star)
        cc_emit(c, OP_UNPACK_SEQUENCE, n);
    return true;
}

static bool assignment_helper(Compiler *c, NodeList *elts)
{
    if (!unpack_helper(c, elts))
        return false;
    for (int i = 0; i < elts->len; i++) {
        Node *elt = elts->items[i];
        if (!cc_expr(c, elt->kind == AST_Starred ? elt->u.Starred.value : elt))
            return false;
    }
    return true;
}

bool cc_assign_target(Compiler *c, Node *t) { return cc_expr(c, t); }

static bool subdict(Compiler *c, Node *e, int begin, int end)
{
    int n = end - begin;
    bool big = n * 2 > STACK_USE_GUIDELINE;
    NodeList *keys = &e->u.Dict.keys, *values = &e->u.Dict.values;
    if (n > 1 && !big && all_const(keys, begin, end)) {
        for (int i = begin; i < end; i++)
            if (!cc_expr(c, values->items[i]))
                return false;
        TrValue kt = tr_tuple_new(n);
        for (int i = begin; i < end; i++)
            tr_as_tuple(kt)->items[i - begin] = keys->items[i]->u.Constant.value;
        cc_load_const(c, kt);
        cc_emit(c, OP_BUILD_CONST_KEY_MAP, n);
        return true;
    }
    if (big)
        cc_emit(c, OP_BUILD_MAP, 0);
    for (int i = begin; i < end; i++) {
        if (!cc_expr(c, keys->items[i]) || !cc_expr(c, values->items[i]))
            return false;
        if (big)
            cc_emit(c, OP_MAP_ADD, 1);
    }
    if (!big)
        cc_emit(c, OP_BUILD_MAP, n);
    return true;
}

static bool compile_dict(Compiler *c, Node *e)
{
    int n = e->u.Dict.values.len, elements = 0;
    bool have_dict = false;
    for (int i = 0; i < n; i++) {
        if (!e->u.Dict.keys.items[i]) {
            if (elements) {
                if (!subdict(c, e, i - elements, i))
                    return false;
                if (have_dict)
                    cc_emit(c, OP_DICT_UPDATE, 1);
                have_dict = true;
                elements = 0;
            }
            if (!have_dict) {
                cc_emit(c, OP_BUILD_MAP, 0);
                have_dict = true;
            }
            if (!cc_expr(c, e->u.Dict.values.items[i]))
                return false;
            cc_emit(c, OP_DICT_UPDATE, 1);
        } else if (elements * 2 > STACK_USE_GUIDELINE) {
            if (!subdict(c, e, i - elements, i + 1))
                return false;
            if (have_dict)
                cc_emit(c, OP_DICT_UPDATE, 1);
            have_dict = true;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        if (!subdict(c, e, n - elements, n))
            return false;
        if (have_dict)
            cc_emit(c, OP_DICT_UPDATE, 1);
        have_dict = true;
    }
    if (!have_dict)
        cc_emit(c, OP_BUILD_MAP, 0);
    return true;
}

/* --- Calls ------------------------------------------------------------------------------- */

static void kw_names(Compiler *c, NodeList *kws, int begin, int end)
{
    TrValue names = tr_tuple_new(end - begin);
    for (int i = begin; i < end; i++)
        tr_as_tuple(names)->items[i - begin] = cc_str(kws->items[i]->u.keyword.arg);
    cc_emit(c, OP_KW_NAMES, cc_add_const(c, names));
}

static bool subkwargs(Compiler *c, NodeList *kws, int begin, int end)
{
    int n = end - begin;
    bool big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        for (int i = begin; i < end; i++)
            if (!cc_expr(c, kws->items[i]->u.keyword.value))
                return false;
        TrValue keys = tr_tuple_new(n);
        for (int i = begin; i < end; i++)
            tr_as_tuple(keys)->items[i - begin] = cc_str(kws->items[i]->u.keyword.arg);
        cc_load_const(c, keys);
        cc_emit(c, OP_BUILD_CONST_KEY_MAP, n);
        return true;
    }
    if (big)
        cc_emit_noline(c, OP_BUILD_MAP, 0);
    for (int i = begin; i < end; i++) {
        cc_load_const(c, cc_str(kws->items[i]->u.keyword.arg));
        if (!cc_expr(c, kws->items[i]->u.keyword.value))
            return false;
        if (big)
            cc_emit_noline(c, OP_MAP_ADD, 1);
    }
    if (!big)
        cc_emit(c, OP_BUILD_MAP, n);
    return true;
}

static bool validate_keywords(Compiler *c, NodeList *kws)
{
    for (int i = 0; i < kws->len; i++) {
        const char *a = kws->items[i]->u.keyword.arg;
        if (!a)
            continue;
        for (int j = i + 1; j < kws->len; j++) {
            const char *b = kws->items[j]->u.keyword.arg;
            if (b && strcmp(a, b) == 0) {
                cc_set_loc(c, kws->items[j]);
                return cc_error(c, "keyword argument repeated: %s", a);
            }
        }
    }
    return true;
}

bool cc_call_helper(Compiler *c, int n, NodeList *args, NodeList *kws)
{
    if (!validate_keywords(c, kws))
        return false;
    int nelts = args->len, nkw = kws->len;
    bool ex = nelts + nkw * 2 > STACK_USE_GUIDELINE;
    for (int i = 0; i < nelts && !ex; i++)
        if (args->items[i]->kind == AST_Starred)
            ex = true;
    for (int i = 0; i < nkw && !ex; i++)
        if (!kws->items[i]->u.keyword.arg)
            ex = true;
    if (!ex) {
        if (!cc_exprs(c, args))
            return false;
        if (nkw) {
            for (int i = 0; i < nkw; i++)
                if (!cc_expr(c, kws->items[i]->u.keyword.value))
                    return false;
            kw_names(c, kws, 0, nkw);
        }
        cc_emit(c, OP_PRECALL, n + nelts + nkw);
        cc_emit(c, OP_CALL, n + nelts + nkw);
        return true;
    }
    if (n == 0 && nelts == 1 && args->items[0]->kind == AST_Starred) {
        if (!cc_expr(c, args->items[0]->u.Starred.value))
            return false;
    } else if (!starunpack_helper(c, args, n, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND,
                                  true)) {
        return false;
    }
    if (nkw) {
        bool have_dict = false;
        int nseen = 0;
        for (int i = 0; i < nkw; i++) {
            Node *kw = kws->items[i];
            if (!kw->u.keyword.arg) {
                if (nseen) {
                    if (!subkwargs(c, kws, i - nseen, i))
                        return false;
                    if (have_dict)
                        cc_emit(c, OP_DICT_MERGE, 1);
                    have_dict = true;
                    nseen = 0;
                }
                if (!have_dict) {
                    cc_emit(c, OP_BUILD_MAP, 0);
                    have_dict = true;
                }
                if (!cc_expr(c, kw->u.keyword.value))
                    return false;
                cc_emit(c, OP_DICT_MERGE, 1);
            } else {
                nseen++;
            }
        }
        if (nseen) {
            if (!subkwargs(c, kws, nkw - nseen, nkw))
                return false;
            if (have_dict)
                cc_emit(c, OP_DICT_MERGE, 1);
        }
    }
    cc_emit(c, OP_CALL_FUNCTION_EX, nkw > 0);
    return true;
}

static bool is_import_originated(Compiler *c, Node *e)
{
    if (e->kind != AST_Name)
        return false;
    Symbol *s = scope_lookup(c->st->top, e->u.Name.id);
    return s && (s->flags & SYM_IMPORT);
}

/* obj.meth(args) -> LOAD_METHOD; returns -1 when the call does not qualify */
static int maybe_method_call(Compiler *c, Node *e)
{
    Node *meth = e->u.Call.func;
    NodeList *args = &e->u.Call.args, *kws = &e->u.Call.keywords;
    if (meth->kind != AST_Attribute || meth->u.Attribute.ctx != CTX_LOAD)
        return -1;
    if (is_import_originated(c, meth->u.Attribute.value))
        return -1;
    int argsl = args->len, kwdsl = kws->len;
    if (argsl + kwdsl + (kwdsl != 0) >= STACK_USE_GUIDELINE)
        return -1;
    for (int i = 0; i < argsl; i++)
        if (args->items[i]->kind == AST_Starred)
            return -1;
    for (int i = 0; i < kwdsl; i++)
        if (!kws->items[i]->u.keyword.arg)
            return -1;
    if (!cc_expr(c, meth->u.Attribute.value))
        return 0;
    int old = c->u->lineno;
    c->u->lineno = meth->end_line;
    cc_emit_name(c, OP_LOAD_METHOD, meth->u.Attribute.attr);
    if (!cc_exprs(c, args))
        return 0;
    if (kwdsl) {
        if (!validate_keywords(c, kws))
            return 0;
        for (int i = 0; i < kwdsl; i++)
            if (!cc_expr(c, kws->items[i]->u.keyword.value))
                return 0;
        kw_names(c, kws, 0, kwdsl);
    }
    c->u->lineno = meth->end_line;
    cc_emit(c, OP_PRECALL, argsl + kwdsl);
    cc_emit(c, OP_CALL, argsl + kwdsl);
    c->u->lineno = old;
    return 1;
}

static bool compile_call(Compiler *c, Node *e)
{
    int r = maybe_method_call(c, e);
    if (r >= 0)
        return r == 1;
    cc_set_loc(c, e->u.Call.func);
    cc_emit(c, OP_PUSH_NULL, 0);
    cc_set_loc(c, e);
    if (!cc_expr(c, e->u.Call.func))
        return false;
    return cc_call_helper(c, 0, &e->u.Call.args, &e->u.Call.keywords);
}

/* --- Expressions ------------------------------------------------------------------------- */

static bool compile_boolop(Compiler *c, Node *e)
{
    int jump = e->u.BoolOp.op == BOOL_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
    Block *end = cc_new_block(c);
    NodeList *s = &e->u.BoolOp.values;
    int n = s->len - 1;
    for (int i = 0; i < n; i++) {
        if (!cc_expr(c, s->items[i]))
            return false;
        cc_jump(c, jump, end);
        cc_use_block(c, cc_new_block(c));
    }
    if (!cc_expr(c, s->items[n]))
        return false;
    cc_use_block(c, end);
    return true;
}

static bool compile_compare(Compiler *c, Node *e)
{
    if (!cc_expr(c, e->u.Compare.left))
        return false;
    int n = e->u.Compare.comparators.len - 1;
    if (n == 0) {
        if (!cc_expr(c, e->u.Compare.comparators.items[0]))
            return false;
        emit_compare(c, e->u.Compare.ops[0]);
        return true;
    }
    Block *cleanup = cc_new_block(c);
    for (int i = 0; i < n; i++) {
        if (!cc_expr(c, e->u.Compare.comparators.items[i]))
            return false;
        cc_emit(c, OP_SWAP, 2);
        cc_emit(c, OP_COPY, 2);
        emit_compare(c, e->u.Compare.ops[i]);
        cc_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    if (!cc_expr(c, e->u.Compare.comparators.items[n]))
        return false;
    emit_compare(c, e->u.Compare.ops[n]);
    Block *end = cc_new_block(c);
    cc_jump_noline(c, PS_JUMP, end);
    cc_use_block(c, cleanup);
    cc_emit(c, OP_SWAP, 2);
    cc_emit(c, OP_POP_TOP, 0);
    cc_use_block(c, end);
    return true;
}

static bool compile_joined_str(Compiler *c, Node *e)
{
    NodeList *v = &e->u.JoinedStr.values;
    if (v->len > STACK_USE_GUIDELINE) {
        cc_load_const(c, cc_str(""));
        cc_emit_name(c, OP_LOAD_METHOD, "join");
        cc_emit(c, OP_BUILD_LIST, 0);
        for (int i = 0; i < v->len; i++) {
            if (!cc_expr(c, v->items[i]))
                return false;
            cc_emit(c, OP_LIST_APPEND, 1);
        }
        cc_emit(c, OP_PRECALL, 1);
        cc_emit(c, OP_CALL, 1);
        return true;
    }
    if (!cc_exprs(c, v))
        return false;
    if (v->len != 1)
        cc_emit(c, OP_BUILD_STRING, v->len);
    return true;
}

static bool compile_formatted_value(Compiler *c, Node *e)
{
    if (!cc_expr(c, e->u.FormattedValue.value))
        return false;
    int arg;
    switch (e->u.FormattedValue.conversion) {
    case 's': arg = 1; break;
    case 'r': arg = 2; break;
    case 'a': arg = 3; break;
    default: arg = 0; break;
    }
    if (e->u.FormattedValue.format_spec) {
        if (!cc_expr(c, e->u.FormattedValue.format_spec))
            return false;
        arg |= 4;
    }
    cc_emit(c, OP_FORMAT_VALUE, arg);
    return true;
}

static bool compile_slice(Compiler *c, Node *s)
{
    int n = 2;
    if (s->u.Slice.lower) {
        if (!cc_expr(c, s->u.Slice.lower))
            return false;
    } else {
        cc_load_const(c, TR_NONE);
    }
    if (s->u.Slice.upper) {
        if (!cc_expr(c, s->u.Slice.upper))
            return false;
    } else {
        cc_load_const(c, TR_NONE);
    }
    if (s->u.Slice.step) {
        n++;
        if (!cc_expr(c, s->u.Slice.step))
            return false;
    }
    cc_emit(c, OP_BUILD_SLICE, n);
    return true;
}

static bool compile_ifexp(Compiler *c, Node *e)
{
    Block *end = cc_new_block(c), *next = cc_new_block(c);
    if (!cc_jump_if(c, e->u.IfExp.test, next, false) || !cc_expr(c, e->u.IfExp.body))
        return false;
    cc_jump_noline(c, PS_JUMP, end);
    cc_use_block(c, next);
    if (!cc_expr(c, e->u.IfExp.orelse))
        return false;
    cc_use_block(c, end);
    return true;
}

static bool expr1(Compiler *c, Node *e)
{
    switch (e->kind) {
    case AST_NamedExpr:
        if (!cc_expr(c, e->u.NamedExpr.value))
            return false;
        cc_emit(c, OP_COPY, 1);
        return cc_expr(c, e->u.NamedExpr.target);
    case AST_BoolOp: return compile_boolop(c, e);
    case AST_BinOp:
        if (!cc_expr(c, e->u.BinOp.left) || !cc_expr(c, e->u.BinOp.right))
            return false;
        cc_emit(c, OP_BINARY_OP, e->u.BinOp.op);
        return true;
    case AST_UnaryOp: {
        if (!cc_expr(c, e->u.UnaryOp.operand))
            return false;
        static const int ops[] = {[UOP_INVERT] = OP_UNARY_INVERT, [UOP_NOT] = OP_UNARY_NOT,
                                  [UOP_UADD] = OP_UNARY_POSITIVE, [UOP_USUB] = OP_UNARY_NEGATIVE};
        cc_emit(c, ops[e->u.UnaryOp.op], 0);
        return true;
    }
    case AST_Lambda: return cc_lambda(c, e);
    case AST_IfExp: return compile_ifexp(c, e);
    case AST_Dict: return compile_dict(c, e);
    case AST_Set:
        return starunpack_helper(c, &e->u.Set.elts, 0, OP_BUILD_SET, OP_SET_ADD, OP_SET_UPDATE,
                                 false);
    case AST_GeneratorExp: return cc_comprehension(c, e, "<genexpr>");
    case AST_ListComp: return cc_comprehension(c, e, "<listcomp>");
    case AST_SetComp: return cc_comprehension(c, e, "<setcomp>");
    case AST_DictComp: return cc_comprehension(c, e, "<dictcomp>");
    case AST_Yield:
        if (c->u->ste->kind != SCOPE_FUNCTION)
            return cc_error(c, "'yield' outside function");
        if (e->u.Yield.value) {
            if (!cc_expr(c, e->u.Yield.value))
                return false;
        } else {
            cc_load_const(c, TR_NONE);
        }
        cc_emit_yield(c);
        return true;
    case AST_YieldFrom:
        if (c->u->ste->kind != SCOPE_FUNCTION)
            return cc_error(c, "'yield' outside function");
        if (c->u->kind == U_ASYNC_FUNCTION)
            return cc_error(c, "'yield from' inside async function");
        if (!cc_expr(c, e->u.Yield.value))
            return false;
        cc_emit(c, OP_GET_YIELD_FROM_ITER, 0);
        cc_load_const(c, TR_NONE);
        return cc_yield_from(c, false);
    case AST_Await:
        if (c->u->ste->kind != SCOPE_FUNCTION)
            return cc_error(c, "'await' outside function");
        if (c->u->kind != U_ASYNC_FUNCTION && c->u->kind != U_COMP)
            return cc_error(c, "'await' outside async function");
        if (!cc_expr(c, e->u.Yield.value))
            return false;
        cc_emit(c, OP_GET_AWAITABLE, 0);
        cc_load_const(c, TR_NONE);
        return cc_yield_from(c, true);
    case AST_Compare: return compile_compare(c, e);
    case AST_Call: return compile_call(c, e);
    case AST_Constant:
        cc_load_const(c, e->u.Constant.value);
        return true;
    case AST_JoinedStr: return compile_joined_str(c, e);
    case AST_FormattedValue: return compile_formatted_value(c, e);
    case AST_Attribute:
        if (!cc_expr(c, e->u.Attribute.value))
            return false;
        c->u->lineno = e->end_line;
        switch (e->u.Attribute.ctx) {
        case CTX_LOAD: cc_emit_name(c, OP_LOAD_ATTR, e->u.Attribute.attr); break;
        case CTX_STORE: cc_emit_name(c, OP_STORE_ATTR, e->u.Attribute.attr); break;
        case CTX_DEL: cc_emit_name(c, OP_DELETE_ATTR, e->u.Attribute.attr); break;
        }
        return true;
    case AST_Subscript: {
        if (!cc_expr(c, e->u.Subscript.value) || !cc_expr(c, e->u.Subscript.slice))
            return false;
        static const int ops[] = {OP_BINARY_SUBSCR, OP_STORE_SUBSCR, OP_DELETE_SUBSCR};
        cc_emit(c, ops[e->u.Subscript.ctx], 0);
        return true;
    }
    case AST_Starred:
        if (e->u.Starred.ctx == CTX_STORE)
            return cc_error(c, "starred assignment target must be in a list or tuple");
        return cc_error(c, "can't use starred expression here");
    case AST_Slice: return compile_slice(c, e);
    case AST_Name: return cc_nameop(c, e->u.Name.id, e->u.Name.ctx);
    case AST_List:
        if (e->u.List.ctx == CTX_STORE)
            return assignment_helper(c, &e->u.List.elts);
        if (e->u.List.ctx == CTX_LOAD)
            return starunpack_helper(c, &e->u.List.elts, 0, OP_BUILD_LIST, OP_LIST_APPEND,
                                     OP_LIST_EXTEND, false);
        return cc_exprs(c, &e->u.List.elts);
    case AST_Tuple:
        if (e->u.List.ctx == CTX_STORE)
            return assignment_helper(c, &e->u.List.elts);
        if (e->u.List.ctx == CTX_LOAD)
            return starunpack_helper(c, &e->u.List.elts, 0, OP_BUILD_LIST, OP_LIST_APPEND,
                                     OP_LIST_EXTEND, true);
        return cc_exprs(c, &e->u.List.elts);
    default:
        return cc_error(c, "unsupported expression %s", ast_kind_names[e->kind]);
    }
}

bool cc_expr(Compiler *c, Node *e)
{
    Unit *u = c->u;
    int line = u->lineno, col = u->col, end_line = u->end_line, end_col = u->end_col;
    cc_set_loc(c, e);
    bool ok = expr1(c, e);
    u->lineno = line;
    u->col = col;
    u->end_line = end_line;
    u->end_col = end_col;
    return ok;
}
