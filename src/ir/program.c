/*
 * program.c -- the module-level knowledge of program.h: a scan of the module's bytecode for
 * `LOAD_CONST <code>; MAKE_FUNCTION (no closure); STORE_NAME n`, dropping every name bound a
 * second time (at module level or by `global` statements in any function of the module).
 */
#include "ir/program.h"

#include "ir/ir.h"
#include "ir/passes/passes.h"
#include "ir/passes/specialize.h"

#include "bytecode/opcodes.h"
#include "runtime/runtime.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#include <string.h>

static TrValue name_of(CodeObj *co, uint32_t arg) { return tr_as_tuple(co->names)->items[arg]; }

static bool same_name(TrValue a, TrValue b) { return a == b || tr_str_eq(a, b); }

/* Forgets name: something else binds it. */
static void drop(IrEnv *env, TrValue name)
{
    for (int k = 0; k < env->nfuncs; k++)
        if (same_name(env->funcs[k].name, name))
            env->funcs[k].code = NULL;
}

/* Drops the names that `global` statements of co and the code nested in it bind. */
static void drop_global_stores(IrEnv *env, CodeObj *co)
{
    for (int pc = 0; pc < co->ncode; pc++) {
        int op = BC_OP(co->code[pc]);
        if (op == OP_STORE_GLOBAL || op == OP_DELETE_GLOBAL)
            drop(env, name_of(co, BC_ARG(co->code[pc])));
    }
    TrTuple *c = tr_as_tuple(co->consts);
    for (int64_t k = 0; k < c->len; k++)
        if (bc_is_code(c->items[k]))
            drop_global_stores(env, bc_as_code(c->items[k]));
}

void ir_env_module(IrEnv *env, Arena *a, CodeObj *mod,
                   const char *(*sym_of)(void *ctx, CodeObj *co), void *ctx)
{
    *env = (IrEnv){0};
    int cap = 0;
    for (int pc = 0; pc < mod->ncode; pc++)
        cap += BC_OP(mod->code[pc]) == OP_STORE_NAME;
    env->funcs = ARENA_ARRAY(a, IrModFunc, cap + 1);
    env->nfuncs = 0;
    TrTuple *consts = tr_as_tuple(mod->consts);
    int nstores = 0;
    TrValue *stored = ARENA_ARRAY(a, TrValue, cap + 1);
    for (int pc = 0; pc < mod->ncode; pc++) {
        BcWord w = mod->code[pc];
        int op = BC_OP(w);
        if (op == OP_DELETE_NAME || op == OP_IMPORT_STAR) {
            if (op == OP_IMPORT_STAR) { /* may bind anything */
                env->nfuncs = 0;
                return;
            }
            drop(env, name_of(mod, BC_ARG(w)));
            continue;
        }
        if (op != OP_STORE_NAME)
            continue;
        TrValue name = name_of(mod, BC_ARG(w));
        bool again = false;
        for (int k = 0; k < nstores && !again; k++)
            again = same_name(stored[k], name);
        stored[nstores++] = name;
        if (again) {
            drop(env, name);
            continue;
        }
        if (pc < 2 || BC_OP(mod->code[pc - 1]) != OP_MAKE_FUNCTION ||
            (BC_ARG(mod->code[pc - 1]) & 8) || BC_OP(mod->code[pc - 2]) != OP_LOAD_CONST)
            continue;
        TrValue cv = consts->items[BC_ARG(mod->code[pc - 2])];
        if (!bc_is_code(cv))
            continue;
        CodeObj *code = bc_as_code(cv);
        const char *sym = sym_of(ctx, code);
        if (!sym)
            continue;
        env->funcs[env->nfuncs++] = (IrModFunc){.name = name, .code = code, .sym = sym};
    }
    drop_global_stores(env, mod);
}

const IrModFunc *ir_env_func(const IrEnv *env, TrValue name)
{
    if (!env)
        return NULL;
    for (int k = 0; k < env->nfuncs; k++)
        if (env->funcs[k].code && same_name(env->funcs[k].name, name))
            return &env->funcs[k];
    return NULL;
}

const IrModFunc *ir_env_code(const IrEnv *env, const CodeObj *co)
{
    for (int k = 0; env && k < env->nfuncs; k++)
        if (env->funcs[k].code == co)
            return &env->funcs[k];
    return NULL;
}

void ir_env_learn_calls(IrEnv *env, IrFunc *fn)
{
    for (int b = 0; b < fn->nblocks; b++)
        for (IrInstr *i = fn->blocks[b]->first; i; i = i->next) {
            if (i->op != IR_call_direct)
                continue;
            IrModFunc *mf = (IrModFunc *)ir_env_code(env, (CodeObj *)(uintptr_t)i->imm);
            if (!mf)
                continue;
            for (int k = 0; k + 1 < i->nargs && k < IR_ENV_MAX_ARGS; k++) {
                uint32_t f = spec_arg_fact(i->args[k + 1]);
                mf->learning[k] = !mf->seen || mf->learning[k] == f ? f : 0;
            }
            mf->seen = true;
        }
}

void ir_env_commit(IrEnv *env)
{
    for (int k = 0; k < env->nfuncs; k++) {
        IrModFunc *mf = &env->funcs[k];
        memcpy(mf->argfacts, mf->learning, sizeof mf->argfacts);
        mf->known = mf->seen;
        mf->seen = false;
        memset(mf->learning, 0, sizeof mf->learning);
    }
}

/* Learns from co and the code nested in it. */
static void learn_tree(IrEnv *env, CodeObj *co)
{
    Arena a;
    arena_init(&a);
    const char *why;
    IrFunc *fn = ir_build(&a, co, &why);
    if (fn) {
        fn->env = env;
        pass_specialize(fn);
        ir_env_learn_calls(env, fn);
    }
    arena_free(&a);
    TrTuple *c = tr_as_tuple(co->consts);
    for (int64_t k = 0; k < c->len; k++)
        if (bc_is_code(c->items[k]))
            learn_tree(env, bc_as_code(c->items[k]));
}

void ir_env_learn(IrEnv *env, CodeObj *mod)
{
    bool speculated;
    for (int round = 0; round < 2; round++) {
        env->speculate = round > 0;
        env->speculated = &speculated;
        learn_tree(env, mod);
        ir_env_commit(env);
    }
    env->speculate = false;
    env->speculated = NULL;
}
