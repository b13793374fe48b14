/*
 * compile_try.c -- the statements that install exception handlers, as CPython 3.11 compiles
 * them: with / async with (BEFORE_WITH, WITH_EXCEPT_START), try/except, try/finally and
 * try/except* (SETUP_* pseudo-ops that compile_flow.c turns into the exception table).
 */
#include "bytecode/compile_internal.h"

#include "runtime/runtime.h"

#include <string.h>

static bool with_except_finish(Compiler *c, Block *cleanup)
{
    c->u->lineno = -1;
    Block *exit = cc_new_block(c);
    cc_jump(c, PS_POP_JUMP_IF_TRUE, exit);
    cc_emit(c, OP_RERAISE, 2);
    cc_use_block(c, cleanup);
    cc_pop_except_and_reraise(c);
    cc_use_block(c, exit);
    cc_emit(c, OP_POP_TOP, 0);
    cc_emit(c, PS_POP_BLOCK, 0);
    cc_emit(c, OP_POP_EXCEPT, 0);
    cc_emit(c, OP_POP_TOP, 0);
    cc_emit(c, OP_POP_TOP, 0);
    return true;
}

bool cc_with(Compiler *c, Node *s, int pos, bool is_async)
{
    Node *item = s->u.With.items.items[pos];
    if (is_async && c->u->kind != U_ASYNC_FUNCTION)
        return cc_error(c, "'async with' outside async function");
    Block *body = cc_new_block(c), *final = cc_new_block(c), *exit = cc_new_block(c),
          *cleanup = cc_new_block(c);
    if (!cc_expr(c, item->u.withitem.context_expr))
        return false;
    if (is_async) {
        cc_emit(c, OP_BEFORE_ASYNC_WITH, 0);
        cc_emit(c, OP_GET_AWAITABLE, 1);
        cc_load_const(c, TR_NONE);
        cc_yield_from(c, true);
    } else {
        cc_emit(c, OP_BEFORE_WITH, 0);
    }
    cc_jump(c, PS_SETUP_WITH, final);
    cc_use_block(c, body);
    if (!cc_push_fblock(c, is_async ? FB_ASYNC_WITH : FB_WITH, body, final, s))
        return false;
    if (item->u.withitem.optional_vars) {
        if (!cc_expr(c, item->u.withitem.optional_vars))
            return false;
    } else {
        cc_emit(c, OP_POP_TOP, 0);
    }
    pos++;
    if (pos == s->u.With.items.len) {
        if (!cc_stmts(c, &s->u.With.body))
            return false;
    } else if (!cc_with(c, s, pos, is_async)) {
        return false;
    }
    c->u->lineno = -1;
    cc_emit(c, PS_POP_BLOCK, 0);
    cc_pop_fblock(c);
    cc_set_loc(c, s);
    cc_call_exit_with_nones(c);
    if (is_async) {
        cc_emit(c, OP_GET_AWAITABLE, 2);
        cc_load_const(c, TR_NONE);
        cc_yield_from(c, true);
    }
    cc_emit(c, OP_POP_TOP, 0);
    cc_jump(c, PS_JUMP, exit);
    cc_use_block(c, final);
    cc_jump(c, PS_SETUP_CLEANUP, cleanup);
    cc_emit(c, OP_PUSH_EXC_INFO, 0);
    cc_emit(c, OP_WITH_EXCEPT_START, 0);
    if (is_async) {
        cc_emit(c, OP_GET_AWAITABLE, 2);
        cc_load_const(c, TR_NONE);
        cc_yield_from(c, true);
    }
    with_except_finish(c, cleanup);
    cc_use_block(c, exit);
    return true;
}

bool cc_try_except(Compiler *c, Node *s);

bool cc_try_finally(Compiler *c, Node *s)
{
    Block *body = cc_new_block(c), *end = cc_new_block(c), *exit = cc_new_block(c),
          *cleanup = cc_new_block(c);
    cc_jump(c, PS_SETUP_FINALLY, end);
    cc_use_block(c, body);
    if (!cc_push_fblock(c, FB_FINALLY_TRY, body, end, &s->u.Try.finalbody))
        return false;
    if (s->u.Try.handlers.len) {
        if (!cc_try_except(c, s))
            return false;
    } else if (!cc_stmts(c, &s->u.Try.body)) {
        return false;
    }
    cc_emit_noline(c, PS_POP_BLOCK, 0);
    cc_pop_fblock(c);
    if (!cc_stmts(c, &s->u.Try.finalbody))
        return false;
    cc_jump_noline(c, PS_JUMP, exit);
    cc_use_block(c, end);
    c->u->lineno = -1;
    cc_jump(c, PS_SETUP_CLEANUP, cleanup);
    cc_emit(c, OP_PUSH_EXC_INFO, 0);
    if (!cc_push_fblock(c, FB_FINALLY_END, end, NULL, NULL))
        return false;
    if (!cc_stmts(c, &s->u.Try.finalbody))
        return false;
    cc_pop_fblock(c);
    cc_emit(c, OP_RERAISE, 0);
    cc_use_block(c, cleanup);
    cc_pop_except_and_reraise(c);
    cc_use_block(c, exit);
    return true;
}

bool cc_try_except(Compiler *c, Node *s)
{
    Block *body = cc_new_block(c), *except = cc_new_block(c), *end = cc_new_block(c),
          *cleanup = cc_new_block(c);
    cc_jump(c, PS_SETUP_FINALLY, except);
    cc_use_block(c, body);
    if (!cc_push_fblock(c, FB_TRY_EXCEPT, body, NULL, NULL))
        return false;
    if (!cc_stmts(c, &s->u.Try.body))
        return false;
    cc_pop_fblock(c);
    cc_emit_noline(c, PS_POP_BLOCK, 0);
    if (s->u.Try.orelse.len && !cc_stmts(c, &s->u.Try.orelse))
        return false;
    cc_jump_noline(c, PS_JUMP, end);
    int n = s->u.Try.handlers.len;
    cc_use_block(c, except);
    c->u->lineno = -1;
    cc_jump(c, PS_SETUP_CLEANUP, cleanup);
    cc_emit(c, OP_PUSH_EXC_INFO, 0);
    if (!cc_push_fblock(c, FB_EXCEPTION_HANDLER, NULL, NULL, NULL))
        return false;
    for (int i = 0; i < n; i++) {
        Node *h = s->u.Try.handlers.items[i];
        cc_set_loc(c, h);
        if (!h->u.ExceptHandler.type && i < n - 1)
            return cc_error(c, "default 'except:' must be last");
        except = cc_new_block(c);
        if (h->u.ExceptHandler.type) {
            if (!cc_expr(c, h->u.ExceptHandler.type))
                return false;
            cc_emit(c, OP_CHECK_EXC_MATCH, 0);
            cc_jump(c, PS_POP_JUMP_IF_FALSE, except);
        }
        const char *name = h->u.ExceptHandler.name;
        if (name) {
            Block *cleanup_end = cc_new_block(c), *cleanup_body = cc_new_block(c);
            cc_nameop(c, name, CTX_STORE);
            cc_jump(c, PS_SETUP_CLEANUP, cleanup_end);
            cc_use_block(c, cleanup_body);
            if (!cc_push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, NULL, (void *)name))
                return false;
            if (!cc_stmts(c, &h->u.ExceptHandler.body))
                return false;
            cc_pop_fblock(c);
            c->u->lineno = -1;
            cc_emit(c, PS_POP_BLOCK, 0);
            cc_emit(c, PS_POP_BLOCK, 0);
            cc_emit(c, OP_POP_EXCEPT, 0);
            cc_load_const(c, TR_NONE);
            cc_nameop(c, name, CTX_STORE);
            cc_nameop(c, name, CTX_DEL);
            cc_jump(c, PS_JUMP, end);
            cc_use_block(c, cleanup_end);
            c->u->lineno = -1;
            cc_load_const(c, TR_NONE);
            cc_nameop(c, name, CTX_STORE);
            cc_nameop(c, name, CTX_DEL);
            cc_emit(c, OP_RERAISE, 1);
        } else {
            Block *cleanup_body = cc_new_block(c);
            cc_emit(c, OP_POP_TOP, 0);
            cc_use_block(c, cleanup_body);
            if (!cc_push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, NULL, NULL))
                return false;
            if (!cc_stmts(c, &h->u.ExceptHandler.body))
                return false;
            cc_pop_fblock(c);
            c->u->lineno = -1;
            cc_emit(c, PS_POP_BLOCK, 0);
            cc_emit(c, OP_POP_EXCEPT, 0);
            cc_jump(c, PS_JUMP, end);
        }
        cc_use_block(c, except);
    }
    c->u->lineno = -1;
    cc_pop_fblock(c);
    cc_emit(c, OP_RERAISE, 0);
    cc_use_block(c, cleanup);
    cc_pop_except_and_reraise(c);
    cc_use_block(c, end);
    return true;
}

/* try/except* (PEP 654): the original group and a list of raised exceptions stay under the
   remaining unmatched part while each handler runs; PREP_RERAISE_STAR combines them. */
static bool try_star_except(Compiler *c, Node *s)
{
    Block *body = cc_new_block(c), *except = cc_new_block(c), *orelse = cc_new_block(c),
          *end = cc_new_block(c), *cleanup = cc_new_block(c), *reraise_star = cc_new_block(c);
    cc_jump(c, PS_SETUP_FINALLY, except);
    cc_use_block(c, body);
    if (!cc_push_fblock(c, FB_TRY_EXCEPT, body, NULL, NULL))
        return false;
    if (!cc_stmts(c, &s->u.Try.body))
        return false;
    cc_pop_fblock(c);
    cc_emit_noline(c, PS_POP_BLOCK, 0);
    cc_jump_noline(c, PS_JUMP, orelse);
    int n = s->u.Try.handlers.len;
    cc_use_block(c, except);
    c->u->lineno = -1;
    cc_jump(c, PS_SETUP_CLEANUP, cleanup);
    cc_emit(c, OP_PUSH_EXC_INFO, 0);
    if (!cc_push_fblock(c, FB_EXCEPTION_GROUP_HANDLER, NULL, NULL, (void *)"except handler"))
        return false;
    for (int i = 0; i < n; i++) {
        Node *h = s->u.Try.handlers.items[i];
        cc_set_loc(c, h);
        except = cc_new_block(c);
        Block *except_with_error = cc_new_block(c), *no_match = cc_new_block(c);
        if (i == 0) {
            cc_emit(c, OP_COPY, 1);
            cc_emit(c, OP_BUILD_LIST, 0);
            cc_emit(c, OP_SWAP, 2);
        }
        if (h->u.ExceptHandler.type) {
            if (!cc_expr(c, h->u.ExceptHandler.type))
                return false;
            cc_emit(c, OP_CHECK_EG_MATCH, 0);
            cc_emit(c, OP_COPY, 1);
            cc_jump(c, PS_POP_JUMP_IF_NONE, no_match);
        }
        Block *cleanup_end = cc_new_block(c), *cleanup_body = cc_new_block(c);
        const char *name = h->u.ExceptHandler.name;
        if (name)
            cc_nameop(c, name, CTX_STORE);
        else
            cc_emit(c, OP_POP_TOP, 0);
        cc_jump(c, PS_SETUP_CLEANUP, cleanup_end);
        cc_use_block(c, cleanup_body);
        if (!cc_push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, NULL, (void *)name))
            return false;
        if (!cc_stmts(c, &h->u.ExceptHandler.body))
            return false;
        cc_pop_fblock(c);
        c->u->lineno = -1;
        cc_emit(c, PS_POP_BLOCK, 0);
        if (name) {
            cc_load_const(c, TR_NONE);
            cc_nameop(c, name, CTX_STORE);
            cc_nameop(c, name, CTX_DEL);
        }
        cc_jump(c, PS_JUMP, except);
        cc_use_block(c, cleanup_end);
        c->u->lineno = -1;
        if (name) {
            cc_load_const(c, TR_NONE);
            cc_nameop(c, name, CTX_STORE);
            cc_nameop(c, name, CTX_DEL);
        }
        cc_emit(c, OP_LIST_APPEND, 3);
        cc_emit(c, OP_POP_TOP, 0);
        cc_jump(c, PS_JUMP, except_with_error);
        cc_use_block(c, except);
        cc_emit(c, OP_NOP, 0); /* holds a propagated location */
        cc_jump(c, PS_JUMP, except_with_error);
        cc_use_block(c, no_match);
        cc_emit(c, OP_POP_TOP, 0);
        cc_use_block(c, except_with_error);
        if (i == n - 1) {
            cc_emit(c, OP_LIST_APPEND, 1);
            cc_jump(c, PS_JUMP, reraise_star);
        }
    }
    c->u->lineno = -1;
    cc_pop_fblock(c);
    Block *reraise = cc_new_block(c);
    cc_use_block(c, reraise_star);
    cc_emit(c, OP_PREP_RERAISE_STAR, 0);
    cc_emit(c, OP_COPY, 1);
    cc_jump(c, PS_POP_JUMP_IF_NOT_NONE, reraise);
    cc_emit(c, OP_POP_TOP, 0);
    cc_emit(c, PS_POP_BLOCK, 0);
    cc_emit(c, OP_POP_EXCEPT, 0);
    cc_jump(c, PS_JUMP, end);
    cc_use_block(c, reraise);
    cc_emit(c, PS_POP_BLOCK, 0);
    cc_emit(c, OP_SWAP, 2);
    cc_emit(c, OP_POP_EXCEPT, 0);
    cc_emit(c, OP_RERAISE, 0);
    cc_use_block(c, cleanup);
    cc_pop_except_and_reraise(c);
    cc_use_block(c, orelse);
    if (!cc_stmts(c, &s->u.Try.orelse))
        return false;
    cc_use_block(c, end);
    return true;
}

bool cc_try_star(Compiler *c, Node *s)
{
    if (!s->u.Try.finalbody.len)
        return try_star_except(c, s);
    Block *body = cc_new_block(c), *end = cc_new_block(c), *exit = cc_new_block(c),
          *cleanup = cc_new_block(c);
    cc_jump(c, PS_SETUP_FINALLY, end);
    cc_use_block(c, body);
    if (!cc_push_fblock(c, FB_FINALLY_TRY, body, end, &s->u.Try.finalbody))
        return false;
    if (!try_star_except(c, s))
        return false;
    cc_emit_noline(c, PS_POP_BLOCK, 0);
    cc_pop_fblock(c);
    if (!cc_stmts(c, &s->u.Try.finalbody))
        return false;
    cc_jump_noline(c, PS_JUMP, exit);
    cc_use_block(c, end);
    c->u->lineno = -1;
    cc_jump(c, PS_SETUP_CLEANUP, cleanup);
    cc_emit(c, OP_PUSH_EXC_INFO, 0);
    if (!cc_push_fblock(c, FB_FINALLY_END, end, NULL, NULL))
        return false;
    if (!cc_stmts(c, &s->u.Try.finalbody))
        return false;
    cc_pop_fblock(c);
    cc_emit(c, OP_RERAISE, 0);
    cc_use_block(c, cleanup);
    cc_pop_except_and_reraise(c);
    cc_use_block(c, exit);
    return true;
}

