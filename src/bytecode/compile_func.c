/*
 * compile_func.c -- the constructs that make a new code object, as CPython 3.11 compiles them:
 * def and async def (defaults, kw-defaults and annotation tuples, decorators), lambda, class
 * bodies (__module__/__qualname__, __classcell__), and comprehensions, which are called with
 * their outermost iterator as the implicit argument `.0`.
 */
#include "bytecode/compile_internal.h"

#include "runtime/runtime.h"

#include <string.h>

/* --- Functions, lambdas, classes --------------------------------------------------------- */

bool cc_decorators(Compiler *c, NodeList *decos) { return cc_exprs(c, decos); }

/* innermost decorator first, each call on its decorator's line; then back to the def line */
static void apply_decorators(Compiler *c, NodeList *decos, Node *s)
{
    for (int i = decos->len - 1; i >= 0; i--) {
        cc_set_loc(c, decos->items[i]);
        cc_emit(c, OP_PRECALL, 0);
        cc_emit(c, OP_CALL, 0);
    }
    cc_set_loc(c, s);
}

/* Pushes defaults / kwdefaults; returns the MAKE_FUNCTION flags, or -1 on error. */
static int default_arguments(Compiler *c, Node *args)
{
    int flags = 0;
    NodeList *defs = &args->u.arguments.defaults;
    if (defs->len) {
        if (!cc_exprs(c, defs))
            return -1;
        cc_emit(c, OP_BUILD_TUPLE, defs->len);
        flags |= 1;
    }
    NodeList *kwo = &args->u.arguments.kwonlyargs, *kwd = &args->u.arguments.kw_defaults;
    int nkeys = 0;
    const char **keys = ARENA_ARRAY(c->a, const char *, kwo->len + 1);
    for (int i = 0; i < kwo->len; i++) {
        Node *d = i < kwd->len ? kwd->items[i] : NULL;
        if (!d)
            continue;
        keys[nkeys++] = cc_mangle(c, kwo->items[i]->u.arg.arg);
        if (!cc_expr(c, d))
            return -1;
    }
    if (nkeys) {
        TrValue kt = tr_tuple_new(nkeys);
        for (int i = 0; i < nkeys; i++)
            tr_as_tuple(kt)->items[i] = cc_str(keys[i]);
        cc_load_const(c, kt);
        cc_emit(c, OP_BUILD_CONST_KEY_MAP, nkeys);
        flags |= 2;
    }
    return flags;
}

static bool argannotation(Compiler *c, const char *id, Node *ann, int *len)
{
    if (!ann)
        return true;
    cc_load_const(c, cc_str(cc_mangle(c, id)));
    if (c->future_annotations) {
        TrValue s = cc_unparse(c, ann);
        if (s == TR_ERR)
            return false;
        cc_load_const(c, s);
    } else if (ann->kind == AST_Starred) {
        if (!cc_expr(c, ann->u.Starred.value))
            return false;
        cc_emit(c, OP_UNPACK_SEQUENCE, 1);
    } else if (!cc_expr(c, ann)) {
        return false;
    }
    *len += 2;
    return true;
}

static bool argannotations(Compiler *c, NodeList *l, int *len)
{
    for (int i = 0; i < l->len; i++)
        if (!argannotation(c, l->items[i]->u.arg.arg, l->items[i]->u.arg.annotation, len))
            return false;
    return true;
}

/* Returns 1 if an annotations tuple was pushed, 0 if none, -1 on error. */
static int visit_annotations(Compiler *c, Node *args, Node *returns)
{
    int len = 0;
    Node *va = args->u.arguments.vararg, *kwa = args->u.arguments.kwarg;
    if (!argannotations(c, &args->u.arguments.args, &len) ||
        !argannotations(c, &args->u.arguments.posonlyargs, &len))
        return -1;
    if (va && va->u.arg.annotation && !argannotation(c, va->u.arg.arg, va->u.arg.annotation, &len))
        return -1;
    if (!argannotations(c, &args->u.arguments.kwonlyargs, &len))
        return -1;
    if (kwa && kwa->u.arg.annotation &&
        !argannotation(c, kwa->u.arg.arg, kwa->u.arg.annotation, &len))
        return -1;
    if (!argannotation(c, "return", returns, &len))
        return -1;
    if (len) {
        cc_emit(c, OP_BUILD_TUPLE, len);
        return 1;
    }
    return 0;
}

static void set_arg_counts(Compiler *c, Node *args)
{
    c->u->argcount = args->u.arguments.args.len;
    c->u->posonlyargcount = args->u.arguments.posonlyargs.len;
    c->u->kwonlyargcount = args->u.arguments.kwonlyargs.len;
}

bool cc_function(Compiler *c, Node *s, bool is_async)
{
    Node *args = s->u.FunctionDef.args;
    NodeList *decos = &s->u.FunctionDef.decorators, *body = &s->u.FunctionDef.body;
    if (!cc_decorators(c, decos))
        return false;
    int firstlineno = decos->len ? decos->items[0]->line : s->line;
    int flags = default_arguments(c, args);
    if (flags < 0)
        return false;
    int ann = visit_annotations(c, args, s->u.FunctionDef.returns);
    if (ann < 0)
        return false;
    if (ann)
        flags |= 4;
    if (!cc_enter_scope(c, s->u.FunctionDef.name, is_async ? U_ASYNC_FUNCTION : U_FUNCTION, s,
                        firstlineno))
        return false;
    bool doc = cc_docstring(body) != NULL;
    cc_add_const(c, doc ? body->items[0]->u.Expr.value->u.Constant.value : TR_NONE);
    set_arg_counts(c, args);
    for (int i = doc ? 1 : 0; i < body->len; i++)
        if (!cc_stmt(c, body->items[i]))
            return false;
    CodeObj *co = cc_assemble(c, true);
    cc_exit_scope(c);
    if (!co || !cc_make_closure(c, co, flags))
        return false;
    apply_decorators(c, decos, s);
    return cc_nameop(c, s->u.FunctionDef.name, CTX_STORE);
}

bool cc_lambda(Compiler *c, Node *e)
{
    Node *args = e->u.Lambda.args;
    int flags = default_arguments(c, args);
    if (flags < 0)
        return false;
    if (!cc_enter_scope(c, "<lambda>", U_LAMBDA, e, e->line))
        return false;
    cc_add_const(c, TR_NONE);
    set_arg_counts(c, args);
    if (!cc_expr(c, e->u.Lambda.body))
        return false;
    CodeObj *co;
    if (c->u->ste->generator) {
        co = cc_assemble(c, false);
    } else {
        cc_emit(c, OP_RETURN_VALUE, 0);
        co = cc_assemble(c, true);
    }
    cc_exit_scope(c);
    return co && cc_make_closure(c, co, flags);
}

bool cc_class(Compiler *c, Node *s)
{
    NodeList *decos = &s->u.ClassDef.decorators;
    if (!cc_decorators(c, decos))
        return false;
    int firstlineno = decos->len ? decos->items[0]->line : s->line;
    if (!cc_enter_scope(c, s->u.ClassDef.name, U_CLASS, s, firstlineno))
        return false;
    c->u->private_ = s->u.ClassDef.name;
    if (!cc_nameop(c, "__name__", CTX_LOAD) || !cc_nameop(c, "__module__", CTX_STORE))
        return false;
    cc_load_const(c, cc_str(c->u->qualname));
    if (!cc_nameop(c, "__qualname__", CTX_STORE))
        return false;
    if (!cc_body(c, &s->u.ClassDef.body))
        return false;
    c->u->lineno = -1;
    if (c->u->ste->needs_class_closure) {
        cc_emit(c, OP_LOAD_CLOSURE, 0);
        cc_emit(c, OP_COPY, 1);
        if (!cc_nameop(c, "__classcell__", CTX_STORE))
            return false;
    } else {
        cc_load_const(c, TR_NONE);
    }
    cc_emit(c, OP_RETURN_VALUE, 0);
    CodeObj *co = cc_assemble(c, true);
    cc_exit_scope(c);
    if (!co)
        return false;
    cc_emit(c, OP_PUSH_NULL, 0);
    cc_emit(c, OP_LOAD_BUILD_CLASS, 0);
    if (!cc_make_closure(c, co, 0))
        return false;
    cc_load_const(c, cc_str(s->u.ClassDef.name));
    if (!cc_call_helper(c, 2, &s->u.ClassDef.bases, &s->u.ClassDef.keywords))
        return false;
    apply_decorators(c, decos, s);
    return cc_nameop(c, s->u.ClassDef.name, CTX_STORE);
}

/* --- Comprehensions ---------------------------------------------------------------------- */

static bool comp_generator(Compiler *c, NodeList *gens, int gen_index, int depth, Node *elt,
                           Node *val, NodeKind type);

static bool comp_element(Compiler *c, Node *elt, Node *val, NodeKind type, int depth)
{
    switch (type) {
    case AST_GeneratorExp:
        if (!cc_expr(c, elt))
            return false;
        cc_emit_yield(c);
        cc_emit(c, OP_POP_TOP, 0);
        return true;
    case AST_ListComp:
        if (!cc_expr(c, elt))
            return false;
        cc_emit(c, OP_LIST_APPEND, depth + 1);
        return true;
    case AST_SetComp:
        if (!cc_expr(c, elt))
            return false;
        cc_emit(c, OP_SET_ADD, depth + 1);
        return true;
    default:
        if (!cc_expr(c, elt) || !cc_expr(c, val))
            return false;
        cc_emit(c, OP_MAP_ADD, depth + 1);
        return true;
    }
}

static bool sync_comp_generator(Compiler *c, NodeList *gens, int gen_index, int depth,
                                Node *elt, Node *val, NodeKind type)
{
    Block *start = cc_new_block(c), *if_cleanup = cc_new_block(c), *anchor = cc_new_block(c);
    Node *gen = gens->items[gen_index];
    if (gen_index == 0) {
        c->u->argcount = 1;
        cc_emit(c, OP_LOAD_FAST, 0);
    } else {
        Node *it = gen->u.comprehension.iter;
        NodeList *elts = (it->kind == AST_List || it->kind == AST_Tuple) ? &it->u.List.elts : NULL;
        if (elts && elts->len == 1 && elts->items[0]->kind != AST_Starred) {
            if (!cc_expr(c, elts->items[0]))
                return false;
            start = NULL;
        }
        if (start) {
            if (!cc_expr(c, it))
                return false;
            cc_emit(c, OP_GET_ITER, 0);
        }
    }
    if (start) {
        depth++;
        cc_use_block(c, start);
        cc_jump(c, OP_FOR_ITER, anchor);
    }
    if (!cc_expr(c, gen->u.comprehension.target))
        return false;
    for (int i = 0; i < gen->u.comprehension.ifs.len; i++)
        if (!cc_jump_if(c, gen->u.comprehension.ifs.items[i], if_cleanup, false))
            return false;
    if (++gen_index < gens->len &&
        !comp_generator(c, gens, gen_index, depth, elt, val, type))
        return false;
    if (gen_index >= gens->len && !comp_element(c, elt, val, type, depth))
        return false;
    cc_use_block(c, if_cleanup);
    if (start) {
        cc_jump(c, PS_JUMP, start);
        cc_use_block(c, anchor);
    }
    return true;
}

static bool async_comp_generator(Compiler *c, NodeList *gens, int gen_index, int depth,
                                 Node *elt, Node *val, NodeKind type)
{
    Block *start = cc_new_block(c), *except = cc_new_block(c), *if_cleanup = cc_new_block(c);
    Node *gen = gens->items[gen_index];
    if (gen_index == 0) {
        c->u->argcount = 1;
        cc_emit(c, OP_LOAD_FAST, 0);
    } else {
        if (!cc_expr(c, gen->u.comprehension.iter))
            return false;
        cc_emit(c, OP_GET_AITER, 0);
    }
    cc_use_block(c, start);
    if (!cc_push_fblock(c, FB_ASYNC_COMPREHENSION_GENERATOR, start, NULL, NULL))
        return false;
    cc_jump(c, PS_SETUP_FINALLY, except);
    cc_emit(c, OP_GET_ANEXT, 0);
    cc_load_const(c, TR_NONE);
    cc_yield_from(c, true);
    cc_emit(c, PS_POP_BLOCK, 0);
    if (!cc_expr(c, gen->u.comprehension.target))
        return false;
    for (int i = 0; i < gen->u.comprehension.ifs.len; i++)
        if (!cc_jump_if(c, gen->u.comprehension.ifs.items[i], if_cleanup, false))
            return false;
    depth++;
    if (++gen_index < gens->len &&
        !comp_generator(c, gens, gen_index, depth, elt, val, type))
        return false;
    if (gen_index >= gens->len && !comp_element(c, elt, val, type, depth))
        return false;
    cc_use_block(c, if_cleanup);
    cc_jump(c, PS_JUMP, start);
    cc_pop_fblock(c);
    cc_use_block(c, except);
    cc_emit(c, OP_END_ASYNC_FOR, 0);
    return true;
}

static bool comp_generator(Compiler *c, NodeList *gens, int gen_index, int depth, Node *elt,
                           Node *val, NodeKind type)
{
    if (gens->items[gen_index]->u.comprehension.is_async)
        return async_comp_generator(c, gens, gen_index, depth, elt, val, type);
    return sync_comp_generator(c, gens, gen_index, depth, elt, val, type);
}

bool cc_comprehension(Compiler *c, Node *e, const char *name)
{
    NodeList *gens = &e->u.Comp.generators;
    Node *outer = gens->items[0];
    UnitKind outer_kind = c->u->kind;
    if (!cc_enter_scope(c, name, U_COMP, e, e->line))
        return false;
    cc_set_loc(c, e);
    bool is_async_gen = c->u->ste->coroutine;
    if (is_async_gen && e->kind != AST_GeneratorExp && outer_kind != U_ASYNC_FUNCTION &&
        outer_kind != U_COMP)
        return cc_error(c, "asynchronous comprehension outside of an asynchronous function");
    if (e->kind != AST_GeneratorExp)
        cc_emit(c, e->kind == AST_ListComp  ? OP_BUILD_LIST
                   : e->kind == AST_SetComp ? OP_BUILD_SET
                                            : OP_BUILD_MAP,
                0);
    if (!comp_generator(c, gens, 0, 0, e->u.Comp.elt, e->u.Comp.value, e->kind))
        return false;
    if (e->kind != AST_GeneratorExp)
        cc_emit(c, OP_RETURN_VALUE, 0);
    CodeObj *co = cc_assemble(c, true);
    cc_exit_scope(c);
    if (!co || !cc_make_closure(c, co, 0))
        return false;
    if (!cc_expr(c, outer->u.comprehension.iter))
        return false;
    cc_emit(c, outer->u.comprehension.is_async ? OP_GET_AITER : OP_GET_ITER, 0);
    cc_emit(c, OP_PRECALL, 0);
    cc_emit(c, OP_CALL, 0);
    if (is_async_gen && e->kind != AST_GeneratorExp) {
        cc_emit(c, OP_GET_AWAITABLE, 0);
        cc_load_const(c, TR_NONE);
        cc_yield_from(c, true);
    }
    return true;
}

