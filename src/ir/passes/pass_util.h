/*
 * pass_util.h -- what several optimizer passes share: batched use replacement (a forwarding
 * table applied in one sweep, instead of ir_replace_uses per value), constant tests and
 * constructors, and the dominator tree of a function whose blocks are in reverse post-order.
 */
#ifndef TR_PASS_UTIL_H
#define TR_PASS_UTIL_H

#include "ir/ir.h"

/* --- Forwarding: "every use of v now means fwd[v]" ---------------------------------------- */
typedef struct PuFwd {
    IrFunc *fn;
    IrInstr **to; /* by value id; NULL: not replaced */
    int n;
    bool any;
} PuFwd;

void pu_fwd_init(PuFwd *f, IrFunc *fn);
/* Records that uses of old mean repl, and unlinks old from its block. */
void pu_forward(PuFwd *f, IrInstr *old, IrInstr *repl);
IrInstr *pu_resolve(const PuFwd *f, IrInstr *v);
/* Resolves i's operands in place (call before matching on them). */
void pu_resolve_args(const PuFwd *f, IrInstr *i);
/* What phi p reduces to when its operands (through the table) are one value besides p itself,
   or equal constants (then a new one, at the head of p's block); else NULL. */
IrInstr *pu_trivial_phi(const PuFwd *f, IrInstr *p);
/* Rewrites every operand and frame-state value of fn through the table. */
void pu_fwd_apply(PuFwd *f);

/* --- Constants ------------------------------------------------------------------------------ */
static inline bool pu_is_i64(const IrInstr *v, int64_t x)
{
    return v->op == IR_const_i64 && v->imm == x;
}
static inline bool pu_is_f64(const IrInstr *v)
{
    return v->op == IR_const_f64;
}
/* True for const, const_i64, const_f64, const_bool. */
bool pu_is_const(const IrInstr *v);
/* Same constant (bit-identical); false for non-constants. */
bool pu_same_const(const IrInstr *a, const IrInstr *b);
/* New constants inserted before `at`. */
IrInstr *pu_const_i64(IrInstr *at, int64_t x);
IrInstr *pu_const_f64(IrInstr *at, double x);
IrInstr *pu_const_bool(IrInstr *at, bool x);
IrInstr *pu_const_val(IrInstr *at, TrValue v);
IrInstr *pu_clone_const(IrInstr *at, const IrInstr *c);
/* True when v is an int64 known to fit a small (62-bit) int. */
bool pu_fits_small(const IrInstr *v);

/* --- Memory effects ------------------------------------------------------------------------ */
/* Whether i may change the length of some list (or anything else a pure memory read such as
   list_len sees): every IRF_EFFECT op (calls, generic operations, appends) except the few known
   to leave lengths alone (list_set stores an item in place, range_next steps an iterator). */
bool pu_may_resize(const IrInstr *i);
/* Whether i may run Python code (a call, a generic operation that may call a special method),
   which may rebind globals. Reading a global, storing into a list and stepping a range do not. */
bool pu_runs_code(const IrInstr *i);

/* --- Control flow --------------------------------------------------------------------------- */
/* Replaces the branch ending b by a jump to succ[keep], dropping the other edge (and the
   matching phi operands). The block left without predecessors goes at the next ir_order. */
void pu_branch_to_jump(IrBlock *b, int keep);

/* Dominators of a function in reverse post-order (call ir_order first: block id = index). */
typedef struct PuDom {
    int n;
    int *idom;       /* by block id; idom[0] = 0 */
    int *kids, *kid0; /* children of b: kids[kid0[b] .. kid0[b + 1]) */
} PuDom;
void pu_dom(IrFunc *fn, PuDom *d);
bool pu_dominates(const PuDom *d, int a, int b);

#endif
