/*
 * specialize.h -- what the two halves of the specialize pass share: the type inference of
 * specialize_types.c (PT_* facts per tagged value, and the plan that says how each generic
 * arithmetic op will be specialized) and the rewriting in specialize.c that carries it out.
 * Inference and rewriting call the same plan functions, so every fact inferred holds.
 */
#ifndef TR_SPECIALIZE_H
#define TR_SPECIALIZE_H

#include "ir/ir.h"

#define PT_NULL (1u << 11)                  /* the unbound-local NULL (inference only) */
#define PT_SMALLINT (PT_INT | PT_SMALL)     /* an inline int: untag_int is exact */

/* How an operand looks to arithmetic. */
typedef enum {
    C_OTHER,   /* not a number we specialize (str, bool, None...): stays generic */
    C_BIG,     /* an int that may be big: stays generic (guarding would fail) */
    C_INT,     /* known inline int */
    C_FLOAT,   /* known exact float */
    C_UNKNOWN, /* may be a number: guarded when the other operand is known */
} NumClass;

/* How an op is specialized. */
/* K_FLOAT_GUESS: operands of unknown type taken for floats (speculation, see IrEnv): the
   first is guarded to be a float, the second a float or an int. */
typedef enum { K_GENERIC, K_INT, K_FLOAT, K_FLOAT_GUESS } SpecKind;

typedef struct SpecCtx {
    IrFunc *fn;
    uint32_t *ty;   /* facts by value id during inference; 0: not reached yet */
    int nty;
    IrInstr **repl; /* by value id: what replaced it (see replace in specialize.c) */
    int nrepl;
    TrValue range_obj, len_obj; /* the builtins, to guard load_global results against */
    bool guess_floats;          /* plan K_FLOAT_GUESS (speculating, in a function with floats) */
    bool guess;                 /* speculating (IrEnv.speculate): a fallback version exists */
} SpecCtx;

/* Errors of generic ops outside try blocks need only their pc: drops the rest of their states
   (pass_specialize does unless fn has an environment: then pass_inline does, after). */
void spec_shrink_states(IrFunc *fn);
uint32_t spec_fact(SpecCtx *s, const IrInstr *v);
/* What the instructions that made a tagged value say of its type, without inference (PT_*; 0:
   nothing): for facts carried across calls. */
uint32_t spec_arg_fact(const IrInstr *v); /* facts of a tagged value (PT_ANY if none) */
NumClass spec_class(uint32_t fact);
SpecKind spec_plan_binop(SpecCtx *s, const IrInstr *ins);
SpecKind spec_plan_compare(SpecCtx *s, const IrInstr *ins);
SpecKind spec_plan_unop(SpecCtx *s, const IrInstr *ins);
/* Facts of the result of ins as the rewriting will make it. */
uint32_t spec_result(SpecCtx *s, const IrInstr *ins);
/* The builtin a call invokes when it is `NAME(args)` of a global (range/len object) or 0. */
TrValue spec_call_builtin(SpecCtx *s, const IrInstr *call);
bool spec_range_ok(SpecCtx *s, const IrInstr *call); /* range(args) on ints we can guard */
bool spec_len_ok(SpecCtx *s, const IrInstr *call);
bool spec_sqrt_ok(SpecCtx *s, const IrInstr *call); /* math.sqrt(number) */
/* for_next over iter(range(ints)): steps a range iterator (range_next) */
bool spec_range_loop(SpecCtx *s, const IrInstr *fornext);   /* len(x) of a known list or tuple */
/* Runs the fixed point; leaves facts in s->ty and in each tagged value's ptypes. */
void spec_infer(SpecCtx *s);
bool spec_is_small_const(const IrInstr *v, int64_t *out);

#endif
