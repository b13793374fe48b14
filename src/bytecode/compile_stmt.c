/*
 * compile_stmt.c -- statements to bytecode, following CPython 3.11's compile.c construct by
 * construct: loops, if, try/except/finally (exception-table pseudo-ops), with, return/break/
 * continue unwinding through the frame-block stack, imports, assignments, annotations.
 */
#include "bytecode/compile_internal.h"

#include "runtime/runtime.h"

#include <string.h>

#define STACK_USE_GUIDELINE 30

/* --- Frame-block unwinding ----------------------------------------------------------------- */

bool cc_call_exit_with_nones(Compiler *c)
{
    cc_load_const(c, TR_NONE);
    cc_load_const(c, TR_NONE);
    cc_load_const(c, TR_NONE);
    cc_emit(c, OP_PRECALL, 2);
    cc_emit(c, OP_CALL, 2);
    return true;
}

void cc_pop_except_and_reraise(Compiler *c)
{
    cc_emit(c, OP_COPY, 3);
    cc_emit(c, OP_POP_EXCEPT, 0);
    cc_emit(c, OP_RERAISE, 1);
}

static bool unwind_fblock(Compiler *c, FBlock *info, bool preserve_tos)
{
    switch (info->kind) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
    case FB_EXCEPTION_GROUP_HANDLER:
    case FB_ASYNC_COMPREHENSION_GENERATOR:
        return true;
    case FB_FOR_LOOP:
        if (preserve_tos)
            cc_emit(c, OP_SWAP, 2);
        cc_emit(c, OP_POP_TOP, 0);
        return true;
    case FB_TRY_EXCEPT:
        cc_emit(c, PS_POP_BLOCK, 0);
        return true;
    case FB_FINALLY_TRY:
        cc_emit(c, PS_POP_BLOCK, 0);
        if (preserve_tos && !cc_push_fblock(c, FB_POP_VALUE, NULL, NULL, NULL))
            return false;
        if (!cc_stmts(c, (NodeList *)info->datum))
            return false;
        if (preserve_tos)
            cc_pop_fblock(c);
        c->u->lineno = -1;
        return true;
    case FB_FINALLY_END:
        if (preserve_tos)
            cc_emit(c, OP_SWAP, 2);
        cc_emit(c, OP_POP_TOP, 0);
        if (preserve_tos)
            cc_emit(c, OP_SWAP, 2);
        cc_emit(c, PS_POP_BLOCK, 0);
        cc_emit(c, OP_POP_EXCEPT, 0);
        return true;
    case FB_WITH:
    case FB_ASYNC_WITH:
        cc_set_loc(c, (Node *)info->datum);
        cc_emit(c, PS_POP_BLOCK, 0);
        if (preserve_tos)
            cc_emit(c, OP_SWAP, 2);
        cc_call_exit_with_nones(c);
        if (info->kind == FB_ASYNC_WITH) {
            cc_emit(c, OP_GET_AWAITABLE, 2);
            cc_load_const(c, TR_NONE);
            cc_yield_from(c, true);
        }
        cc_emit(c, OP_POP_TOP, 0);
        c->u->lineno = -1;
        return true;
    case FB_HANDLER_CLEANUP:
        if (info->datum)
            cc_emit(c, PS_POP_BLOCK, 0);
        if (preserve_tos)
            cc_emit(c, OP_SWAP, 2);
        cc_emit(c, PS_POP_BLOCK, 0);
        cc_emit(c, OP_POP_EXCEPT, 0);
        if (info->datum) {
            cc_load_const(c, TR_NONE);
            cc_nameop(c, (const char *)info->datum, CTX_STORE);
            cc_nameop(c, (const char *)info->datum, CTX_DEL);
        }
        return true;
    case FB_POP_VALUE:
        if (preserve_tos)
            cc_emit(c, OP_SWAP, 2);
        cc_emit(c, OP_POP_TOP, 0);
        return true;
    }
    return true;
}

/* Unwinds the whole stack, or up to the innermost loop when loop is not NULL. */
bool cc_unwind_fblock_stack(Compiler *c, bool preserve_tos, FBlock **loop)
{
    Unit *u = c->u;
    if (u->nfblocks == 0)
        return true;
    FBlock *top = &u->fblocks[u->nfblocks - 1];
    if (top->kind == FB_EXCEPTION_GROUP_HANDLER)
        return cc_error(c, "'break', 'continue' and 'return' cannot appear in an except* block");
    if (loop && (top->kind == FB_WHILE_LOOP || top->kind == FB_FOR_LOOP)) {
        *loop = top;
        return true;
    }
    FBlock copy = *top;
    u->nfblocks--;
    if (!unwind_fblock(c, &copy, preserve_tos))
        return false;
    if (!cc_unwind_fblock_stack(c, preserve_tos, loop))
        return false;
    u->fblocks[u->nfblocks++] = copy;
    return true;
}

/* --- Simple statements ------------------------------------------------------------------- */

static bool compile_return(Compiler *c, Node *s)
{
    Node *v = s->u.Return.value;
    bool preserve_tos = v && v->kind != AST_Constant;
    if (c->u->ste->kind != SCOPE_FUNCTION)
        return cc_error(c, "'return' outside function");
    if (v && c->u->ste->coroutine && c->u->ste->generator)
        return cc_error(c, "'return' with value in async generator");
    if (preserve_tos) {
        if (!cc_expr(c, v))
            return false;
    } else if (v) {
        cc_set_loc(c, v);
        cc_emit(c, OP_NOP, 0);
    }
    if (!v || v->line != s->line) {
        cc_set_loc(c, s);
        cc_emit(c, OP_NOP, 0);
    }
    if (!cc_unwind_fblock_stack(c, preserve_tos, NULL))
        return false;
    if (!v)
        cc_load_const(c, TR_NONE);
    else if (!preserve_tos)
        cc_load_const(c, v->u.Constant.value);
    cc_emit(c, OP_RETURN_VALUE, 0);
    return true;
}

static bool compile_break(Compiler *c)
{
    FBlock *loop = NULL;
    cc_emit(c, OP_NOP, 0);
    if (!cc_unwind_fblock_stack(c, false, &loop))
        return false;
    if (!loop)
        return cc_error(c, "'break' outside loop");
    FBlock copy = *loop;
    if (!unwind_fblock(c, &copy, false))
        return false;
    cc_jump(c, PS_JUMP, loop->exit);
    return true;
}

static bool compile_continue(Compiler *c)
{
    FBlock *loop = NULL;
    cc_emit(c, OP_NOP, 0);
    if (!cc_unwind_fblock_stack(c, false, &loop))
        return false;
    if (!loop)
        return cc_error(c, "'continue' not properly in loop");
    cc_jump(c, PS_JUMP, loop->block);
    return true;
}

static bool import_as(Compiler *c, const char *name, const char *asname)
{
    const char *dot = strchr(name, '.');
    if (dot) {
        for (;;) {
            const char *pos = dot + 1;
            dot = strchr(pos, '.');
            size_t n = dot ? (size_t)(dot - pos) : strlen(pos);
            const char *attr = arena_strndup(c->a, pos, n);
            cc_emit(c, OP_IMPORT_FROM, cc_name_index(c, &c->u->names, attr));
            if (!dot)
                break;
            cc_emit(c, OP_SWAP, 2);
            cc_emit(c, OP_POP_TOP, 0);
        }
        if (!cc_nameop(c, asname, CTX_STORE))
            return false;
        cc_emit(c, OP_POP_TOP, 0);
        return true;
    }
    return cc_nameop(c, asname, CTX_STORE);
}

static bool compile_import(Compiler *c, Node *s)
{
    for (int i = 0; i < s->u.Import.names.len; i++) {
        Node *al = s->u.Import.names.items[i];
        cc_load_const(c, tr_small_new(0));
        cc_load_const(c, TR_NONE);
        cc_emit_name(c, OP_IMPORT_NAME, al->u.alias.name);
        if (al->u.alias.asname) {
            if (!import_as(c, al->u.alias.name, al->u.alias.asname))
                return false;
        } else {
            const char *name = al->u.alias.name, *dot = strchr(name, '.');
            if (dot)
                name = arena_strndup(c->a, name, (size_t)(dot - name));
            if (!cc_nameop(c, name, CTX_STORE))
                return false;
        }
    }
    return true;
}

static const char *const future_features[] = {
    "nested_scopes", "generators", "division", "absolute_import", "with_statement",
    "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
};

static bool check_future(Compiler *c, Node *s)
{
    if (s->line > c->future_lineno)
        return cc_error(c, "from __future__ imports must occur at the beginning of the file");
    for (int i = 0; i < s->u.ImportFrom.names.len; i++) {
        const char *name = s->u.ImportFrom.names.items[i]->u.alias.name;
        bool known = false;
        for (size_t k = 0; k < TR_ARRAY_LEN(future_features); k++)
            known |= strcmp(name, future_features[k]) == 0;
        if (strcmp(name, "braces") == 0)
            return cc_error(c, "not a chance");
        if (!known)
            return cc_error(c, "future feature %s is not defined", name);
    }
    return true;
}

static bool compile_from_import(Compiler *c, Node *s)
{
    int n = s->u.ImportFrom.names.len;
    if (s->u.ImportFrom.module && strcmp(s->u.ImportFrom.module, "__future__") == 0 &&
        !check_future(c, s))
        return false;
    cc_load_const(c, tr_small_new(s->u.ImportFrom.level));
    TrValue names = tr_tuple_new(n);
    for (int i = 0; i < n; i++)
        tr_as_tuple(names)->items[i] = cc_str(s->u.ImportFrom.names.items[i]->u.alias.name);
    cc_load_const(c, names);
    cc_emit_name(c, OP_IMPORT_NAME, s->u.ImportFrom.module ? s->u.ImportFrom.module : "");
    for (int i = 0; i < n; i++) {
        Node *al = s->u.ImportFrom.names.items[i];
        if (i == 0 && al->u.alias.name[0] == '*') {
            cc_emit(c, OP_IMPORT_STAR, 0);
            return true;
        }
        cc_emit_name(c, OP_IMPORT_FROM, al->u.alias.name);
        if (!cc_nameop(c, al->u.alias.asname ? al->u.alias.asname : al->u.alias.name, CTX_STORE))
            return false;
    }
    cc_emit(c, OP_POP_TOP, 0);
    return true;
}

static bool compile_assert(Compiler *c, Node *s)
{
    Block *end = cc_new_block(c);
    if (!cc_jump_if(c, s->u.Assert.test, end, true))
        return false;
    cc_emit(c, OP_LOAD_ASSERTION_ERROR, 0);
    if (s->u.Assert.msg) {
        if (!cc_expr(c, s->u.Assert.msg))
            return false;
        cc_emit(c, OP_PRECALL, 0);
        cc_emit(c, OP_CALL, 0);
    }
    cc_emit(c, OP_RAISE_VARARGS, 1);
    cc_use_block(c, end);
    return true;
}

static void restore_loc(Compiler *c, int line, int col)
{
    c->u->lineno = line;
    c->u->col = col;
}

static bool compile_augassign(Compiler *c, Node *s)
{
    Node *e = s->u.AugAssign.target;
    int old_line = c->u->lineno, old_col = c->u->col;
    cc_set_loc(c, e);
    switch (e->kind) {
    case AST_Attribute:
        if (!cc_expr(c, e->u.Attribute.value))
            return false;
        cc_emit(c, OP_COPY, 1);
        c->u->lineno = e->end_line;
        cc_emit_name(c, OP_LOAD_ATTR, e->u.Attribute.attr);
        break;
    case AST_Subscript:
        if (!cc_expr(c, e->u.Subscript.value) || !cc_expr(c, e->u.Subscript.slice))
            return false;
        cc_emit(c, OP_COPY, 2);
        cc_emit(c, OP_COPY, 2);
        cc_emit(c, OP_BINARY_SUBSCR, 0);
        break;
    case AST_Name:
        if (!cc_nameop(c, e->u.Name.id, CTX_LOAD))
            return false;
        break;
    default:
        return cc_error(c, "'%s' is an illegal expression for augmented assignment",
                        ast_kind_names[e->kind]);
    }
    restore_loc(c, old_line, old_col);
    if (!cc_expr(c, s->u.AugAssign.value))
        return false;
    cc_emit(c, OP_BINARY_OP, TR_OP_INPLACE(s->u.AugAssign.op));
    cc_set_loc(c, e);
    switch (e->kind) {
    case AST_Attribute:
        c->u->lineno = e->end_line;
        cc_emit(c, OP_SWAP, 2);
        cc_emit_name(c, OP_STORE_ATTR, e->u.Attribute.attr);
        break;
    case AST_Subscript:
        cc_emit(c, OP_SWAP, 3);
        cc_emit(c, OP_SWAP, 2);
        cc_emit(c, OP_STORE_SUBSCR, 0);
        break;
    default:
        return cc_nameop(c, e->u.Name.id, CTX_STORE);
    }
    return true;
}

bool cc_check_ann_expr(Compiler *c, Node *e)
{
    if (!cc_expr(c, e))
        return false;
    cc_emit(c, OP_POP_TOP, 0);
    return true;
}

static bool check_ann_subscr(Compiler *c, Node *e)
{
    switch (e->kind) {
    case AST_Slice:
        if (e->u.Slice.lower && !cc_check_ann_expr(c, e->u.Slice.lower))
            return false;
        if (e->u.Slice.upper && !cc_check_ann_expr(c, e->u.Slice.upper))
            return false;
        if (e->u.Slice.step && !cc_check_ann_expr(c, e->u.Slice.step))
            return false;
        return true;
    case AST_Tuple:
        for (int i = 0; i < e->u.List.elts.len; i++)
            if (!check_ann_subscr(c, e->u.List.elts.items[i]))
                return false;
        return true;
    default:
        return cc_check_ann_expr(c, e);
    }
}

static bool compile_annotation_value(Compiler *c, Node *ann)
{
    if (c->future_annotations) {
        TrValue s = cc_unparse(c, ann);
        if (s == TR_ERR)
            return false;
        cc_load_const(c, s);
        return true;
    }
    return cc_expr(c, ann);
}

static bool compile_annassign(Compiler *c, Node *s)
{
    Node *t = s->u.AnnAssign.target;
    if (s->u.AnnAssign.value) {
        if (!cc_expr(c, s->u.AnnAssign.value) || !cc_expr(c, t))
            return false;
    }
    switch (t->kind) {
    case AST_Name:
        if (s->u.AnnAssign.simple && (c->u->kind == U_MODULE || c->u->kind == U_CLASS)) {
            if (!compile_annotation_value(c, s->u.AnnAssign.annotation))
                return false;
            cc_emit_name(c, OP_LOAD_NAME, "__annotations__");
            cc_load_const(c, cc_str(cc_mangle(c, t->u.Name.id)));
            cc_emit(c, OP_STORE_SUBSCR, 0);
        }
        break;
    case AST_Attribute:
        if (!s->u.AnnAssign.value && !cc_check_ann_expr(c, t->u.Attribute.value))
            return false;
        break;
    case AST_Subscript:
        if (!s->u.AnnAssign.value && (!cc_check_ann_expr(c, t->u.Subscript.value) ||
                                      !check_ann_subscr(c, t->u.Subscript.slice)))
            return false;
        break;
    default:
        return cc_error(c, "invalid node type for annotated assignment");
    }
    if (!s->u.AnnAssign.simple && !c->future_annotations &&
        (c->u->kind == U_MODULE || c->u->kind == U_CLASS))
        return cc_check_ann_expr(c, s->u.AnnAssign.annotation);
    return true;
}

/* --- Compound statements ------------------------------------------------------------------ */

static bool compile_if(Compiler *c, Node *s)
{
    Block *end = cc_new_block(c), *next = end;
    if (s->u.If.orelse.len)
        next = cc_new_block(c);
    if (!cc_jump_if(c, s->u.If.test, next, false) || !cc_stmts(c, &s->u.If.body))
        return false;
    if (s->u.If.orelse.len) {
        cc_jump_noline(c, PS_JUMP, end);
        cc_use_block(c, next);
        if (!cc_stmts(c, &s->u.If.orelse))
            return false;
    }
    cc_use_block(c, end);
    return true;
}

static bool compile_while(Compiler *c, Node *s)
{
    Block *loop = cc_new_block(c), *body = cc_new_block(c), *anchor = cc_new_block(c),
          *end = cc_new_block(c);
    cc_use_block(c, loop);
    if (!cc_push_fblock(c, FB_WHILE_LOOP, loop, end, NULL))
        return false;
    if (!cc_jump_if(c, s->u.While.test, anchor, false))
        return false;
    cc_use_block(c, body);
    if (!cc_stmts(c, &s->u.While.body))
        return false;
    cc_set_loc(c, s);
    if (!cc_jump_if(c, s->u.While.test, body, true))
        return false;
    cc_pop_fblock(c);
    cc_use_block(c, anchor);
    if (!cc_stmts(c, &s->u.While.orelse))
        return false;
    cc_use_block(c, end);
    return true;
}

static bool compile_for(Compiler *c, Node *s)
{
    Block *start = cc_new_block(c), *body = cc_new_block(c), *cleanup = cc_new_block(c),
          *end = cc_new_block(c);
    if (!cc_push_fblock(c, FB_FOR_LOOP, start, end, NULL))
        return false;
    if (!cc_expr(c, s->u.For.iter))
        return false;
    cc_emit(c, OP_GET_ITER, 0);
    cc_use_block(c, start);
    cc_jump(c, OP_FOR_ITER, cleanup);
    cc_use_block(c, body);
    if (!cc_expr(c, s->u.For.target) || !cc_stmts(c, &s->u.For.body))
        return false;
    c->u->lineno = -1;
    cc_jump(c, PS_JUMP, start);
    cc_use_block(c, cleanup);
    cc_pop_fblock(c);
    if (!cc_stmts(c, &s->u.For.orelse))
        return false;
    cc_use_block(c, end);
    return true;
}

static bool compile_async_for(Compiler *c, Node *s)
{
    UnitKind k = c->u->kind;
    if (k != U_ASYNC_FUNCTION)
        return cc_error(c, "'async for' outside async function");
    Block *start = cc_new_block(c), *except = cc_new_block(c), *end = cc_new_block(c);
    if (!cc_expr(c, s->u.For.iter))
        return false;
    cc_emit(c, OP_GET_AITER, 0);
    cc_use_block(c, start);
    if (!cc_push_fblock(c, FB_FOR_LOOP, start, end, NULL))
        return false;
    cc_jump(c, PS_SETUP_FINALLY, except);
    cc_emit(c, OP_GET_ANEXT, 0);
    cc_load_const(c, TR_NONE);
    cc_yield_from(c, true);
    cc_emit(c, PS_POP_BLOCK, 0);
    if (!cc_expr(c, s->u.For.target) || !cc_stmts(c, &s->u.For.body))
        return false;
    c->u->lineno = -1;
    cc_jump(c, PS_JUMP, start);
    cc_pop_fblock(c);
    cc_use_block(c, except);
    cc_set_loc(c, s->u.For.iter);
    cc_emit(c, OP_END_ASYNC_FOR, 0);
    if (!cc_stmts(c, &s->u.For.orelse))
        return false;
    cc_use_block(c, end);
    return true;
}

/* --- Dispatch ---------------------------------------------------------------------------- */

bool cc_stmt(Compiler *c, Node *s)
{
    cc_set_loc(c, s);
    switch (s->kind) {
    case AST_FunctionDef: return cc_function(c, s, false);
    case AST_AsyncFunctionDef: return cc_function(c, s, true);
    case AST_ClassDef: return cc_class(c, s);
    case AST_Return: return compile_return(c, s);
    case AST_Delete: return cc_exprs(c, &s->u.Delete.targets);
    case AST_Assign: {
        int n = s->u.Assign.targets.len;
        if (!cc_expr(c, s->u.Assign.value))
            return false;
        for (int i = 0; i < n; i++) {
            if (i < n - 1)
                cc_emit(c, OP_COPY, 1);
            if (!cc_expr(c, s->u.Assign.targets.items[i]))
                return false;
        }
        return true;
    }
    case AST_AugAssign: return compile_augassign(c, s);
    case AST_AnnAssign: return compile_annassign(c, s);
    case AST_For: return compile_for(c, s);
    case AST_AsyncFor: return compile_async_for(c, s);
    case AST_While: return compile_while(c, s);
    case AST_If: return compile_if(c, s);
    case AST_Match: return cc_match(c, s);
    case AST_Raise: {
        int n = 0;
        if (s->u.Raise.exc) {
            if (!cc_expr(c, s->u.Raise.exc))
                return false;
            n++;
            if (s->u.Raise.cause) {
                if (!cc_expr(c, s->u.Raise.cause))
                    return false;
                n++;
            }
        }
        cc_emit(c, OP_RAISE_VARARGS, n);
        return true;
    }
    case AST_Try:
        return s->u.Try.finalbody.len ? cc_try_finally(c, s) : cc_try_except(c, s);
    case AST_TryStar: return cc_try_star(c, s);
    case AST_Assert: return compile_assert(c, s);
    case AST_Import: return compile_import(c, s);
    case AST_ImportFrom: return compile_from_import(c, s);
    case AST_Global:
    case AST_Nonlocal:
        return true;
    case AST_Expr: {
        Node *v = s->u.Expr.value;
        if (v->kind == AST_Constant) {
            cc_emit(c, OP_NOP, 0);
            return true;
        }
        if (!cc_expr(c, v))
            return false;
        c->u->lineno = -1;
        cc_emit(c, OP_POP_TOP, 0);
        return true;
    }
    case AST_Pass:
        cc_emit(c, OP_NOP, 0);
        return true;
    case AST_Break: return compile_break(c);
    case AST_Continue: return compile_continue(c);
    case AST_With: return cc_with(c, s, 0, false);
    case AST_AsyncWith: return cc_with(c, s, 0, true);
    default:
        return cc_error(c, "unsupported statement %s", ast_kind_names[s->kind]);
    }
}

bool cc_stmts(Compiler *c, NodeList *l)
{
    for (int i = 0; i < l->len; i++)
        if (!cc_stmt(c, l->items[i]))
            return false;
    return true;
}

/* Does this body contain an annotated assignment (outside nested defs and classes)? */
bool cc_find_ann(NodeList *l)
{
    for (int i = 0; i < l->len; i++) {
        Node *s = l->items[i];
        switch (s->kind) {
        case AST_AnnAssign: return true;
        case AST_For:
        case AST_AsyncFor:
            if (cc_find_ann(&s->u.For.body) || cc_find_ann(&s->u.For.orelse))
                return true;
            break;
        case AST_While:
            if (cc_find_ann(&s->u.While.body) || cc_find_ann(&s->u.While.orelse))
                return true;
            break;
        case AST_If:
            if (cc_find_ann(&s->u.If.body) || cc_find_ann(&s->u.If.orelse))
                return true;
            break;
        case AST_With:
        case AST_AsyncWith:
            if (cc_find_ann(&s->u.With.body))
                return true;
            break;
        case AST_Try:
        case AST_TryStar:
            for (int j = 0; j < s->u.Try.handlers.len; j++)
                if (cc_find_ann(&s->u.Try.handlers.items[j]->u.ExceptHandler.body))
                    return true;
            if (cc_find_ann(&s->u.Try.body) || cc_find_ann(&s->u.Try.finalbody) ||
                cc_find_ann(&s->u.Try.orelse))
                return true;
            break;
        case AST_Match:
            for (int j = 0; j < s->u.Match.cases.len; j++)
                if (cc_find_ann(&s->u.Match.cases.items[j]->u.match_case.body))
                    return true;
            break;
        default: break;
        }
    }
    return false;
}

const char *cc_docstring(NodeList *body)
{
    if (!body->len)
        return NULL;
    Node *s = body->items[0];
    if (s->kind != AST_Expr || s->u.Expr.value->kind != AST_Constant ||
        !tr_is_str(s->u.Expr.value->u.Constant.value))
        return NULL;
    return "";
}

bool cc_body(Compiler *c, NodeList *l)
{
    int i = 0;
    if (c->u->kind == U_MODULE && l->len)
        cc_set_loc(c, l->items[0]);
    if (cc_find_ann(l))
        cc_emit(c, OP_SETUP_ANNOTATIONS, 0);
    if (!l->len)
        return true;
    if (cc_docstring(l)) {
        i = 1;
        Node *st = l->items[0];
        cc_set_loc(c, st);
        if (!cc_expr(c, st->u.Expr.value))
            return false;
        c->u->lineno = -1;
        if (!cc_nameop(c, "__doc__", CTX_STORE))
            return false;
    }
    for (; i < l->len; i++)
        if (!cc_stmt(c, l->items[i]))
            return false;
    return true;
}
