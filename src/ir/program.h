/*
 * program.h -- what the compiler knows about a whole module beyond the one code object it
 * compiles: which global names module-level `def` statements bind to which functions. The
 * specialize pass turns calls of those names into guarded direct calls (the guard catches a
 * name rebound from elsewhere: another module, globals(), setattr on the module).
 */
#ifndef TR_IR_PROGRAM_H
#define TR_IR_PROGRAM_H

#include "bytecode/code.h"
#include "common/arena.h"

enum { IR_ENV_MAX_ARGS = 8 };

typedef struct IrModFunc {
    TrValue name;     /* interned str */
    CodeObj *code;
    const char *sym;  /* the symbol of its machine code */
    /* PT_* facts of its first arguments at every direct call seen (ir_env_learn_calls, then
       ir_env_commit); 0: unknown. Only a guess: other callers may pass anything. */
    uint32_t argfacts[IR_ENV_MAX_ARGS];
    bool known;                         /* argfacts hold what calls were seen with */
    uint32_t learning[IR_ENV_MAX_ARGS]; /* being collected */
    bool seen;
} IrModFunc;

typedef struct IrEnv {
    IrModFunc *funcs;
    int nfuncs;
    /* Compile speculatively: guard the argument facts at entry, and take unknown operands of
       float arithmetic for floats in functions that deal in floats. *speculated is set when
       the code has any guard at all (then it gets a fallback version compiled `generic`). */
    bool speculate;
    bool *speculated;
    /* Direct calls guard on the code object itself, not on the symbol of its machine code: in
       the JIT, where code objects exist at compile time (and the callee may not be compiled
       yet). */
    bool by_code;
    /* Compile without any guess: no specialization, no direct calls, no inlining; generic
       operations only (with the back-end's inline fast paths), so the code never deoptimizes.
       The fallback version of code that guesses (trident build). */
    bool generic;
} IrEnv;

/* Fills env (all of it: speculation off) from the module code `mod`: every `def NAME` at module level (no closure, no
   decorator) whose NAME the module binds nowhere else, and whose code sym_of names (NULL: not
   compiled, so no direct call). Arrays come from a. */
void ir_env_module(IrEnv *env, Arena *a, CodeObj *mod,
                   const char *(*sym_of)(void *ctx, CodeObj *co), void *ctx);

/* The function the global `name` is expected to hold, or NULL. */
const IrModFunc *ir_env_func(const IrEnv *env, TrValue name);
/* The entry of code co, or NULL. */
const IrModFunc *ir_env_code(const IrEnv *env, const CodeObj *co);

struct IrFunc;
/* Records the argument facts of fn's direct calls (fn specialized) in env; ir_env_commit makes
   the facts of every call recorded since the last commit those that speculation uses. Learning
   again with speculation on the facts committed gives facts that flow through calls. */
void ir_env_learn_calls(IrEnv *env, struct IrFunc *fn);
void ir_env_commit(IrEnv *env);
/* The facts of every direct call in the module code mod and the code nested in it: learned
   once without guesses, then once more assuming the facts found (so that f(n) calling
   f(n - 1) learns that n is an int when main calls f(10)). */
void ir_env_learn(IrEnv *env, CodeObj *mod);

#endif
