/*
 * x64_gen_internal.h -- what the files of the x86-64 code generator share: the generator's
 * state, value locations (registers, home slots, rematerialized constants), exits and the calls
 * of helpers. Private to src/backend/x86_64.
 */
#ifndef TR_X64_GEN_INTERNAL_H
#define TR_X64_GEN_INTERNAL_H

#include "backend/regalloc.h"
#include "backend/x86_64/x64_encode.h"
#include "ir/ir.h"
#include "runtime/runtime.h"
#include "vm/frame.h"

#define LP_OFF ((int32_t)offsetof(Frame, lp))
#define SAVED 40 /* rbx r12 r13 r14 r15 below the saved rbp */

typedef struct Exit {
    IrInstr *at;   /* the instruction whose frame state this is */
    X64Label label;
    bool throwing; /* error (raise) rather than guard */
} Exit;

/* Out-of-line code of an inline fast path (x64_arith.c): entered at entry, goes on at resume. */
typedef enum {
    COLD_BOXF,     /* box the double in xmm0 (tr_float_new), rax <- it */
    COLD_BOXI,     /* box the int64 in rax (tr_int_from_i64), rax <- it */
    COLD_CALL,     /* binop / compare: call the helper, rax <- its result */
    COLD_TRUTH,    /* truth: call rt_truth, eax <- 0 or 1 */
    COLD_CMPTRUTH, /* truth of the compare it fuses: rt_compare then rt_truth, eax <- 0 or 1 */
} ColdKind;

typedef struct Cold {
    IrInstr *i;
    ColdKind kind;
    X64Label entry, resume;
} Cold;

/* IrInstr.aux marks of the code generator */
#define AUX_FUSED ((void *)1)   /* a condition emitted by the branch or guard after it */
#define AUX_IN_TRUTH ((void *)2) /* a compare emitted by the fused truth after it */

typedef struct Gen {
    X64Asm a;
    IrFunc *fn;
    CodeObj *co;
    int nslots;    /* slots of the frame: home slots, park, then save_base.. */
    int park;      /* the scratch slot of parallel moves */
    int save_base; /* where boxing calls save the caller-saved registers in use */
    uint32_t save_gprs, save_xmms; /* those registers */
    uint32_t *across; /* per instruction id: registers live across it (ra_allocate) */
    IrInstr *cur;     /* the instruction whose code is being emitted */
    X64Label *block_label;
    X64Label epilogue;
    int *uses; /* per value id: operand and frame-state uses */
    bool in_exit; /* values are read from their home slots */
    Exit *exits;
    int nexits, exits_cap;
    Cold *colds;
    int ncolds, colds_cap;
    const char *why;
} Gen;

/* A location for the parallel copies of phis: a register of either class, a slot, or a
   constant to rematerialize. */
typedef struct Loc {
    enum { LOC_GPR, LOC_XMM, LOC_SLOT, LOC_CONST } kind;
    int num;
    IrInstr *v; /* for LOC_CONST */
} Loc;

/* Value locations (x64_loc.c) */
X64Mem x64g_slot_mem(Gen *g, int slot);
X64Mem x64g_val_mem(Gen *g, IrInstr *v);
X64Mem x64g_lp_mem(int k);
bool x64g_in_reg(Gen *g, IrInstr *v);
void x64g_load(Gen *g, X64Reg r, IrInstr *v);
void x64g_store(Gen *g, IrInstr *v, X64Reg r);
void x64g_loadx(Gen *g, X64Xmm x, IrInstr *v);
void x64g_storex(Gen *g, IrInstr *v, X64Xmm x);
void x64g_fail(Gen *g, const char *why);
const char *x64g_static_symbol(const void *p);
void x64g_load_const(Gen *g, X64Reg r, TrValue v);
bool x64g_const_ok(Gen *g, TrValue v);
/* Exits: the label of i's out-of-line exit (throwing: an error, else a failed guard) */
X64Label x64g_exit_for(Gen *g, IrInstr *i, bool throwing);
void x64g_load_tagged(Gen *g, X64Reg r, IrInstr *v);
void x64g_emit_exit(Gen *g, Exit *e);
void x64g_args_to_slots(Gen *g, IrInstr *i);
/* Around the calls of boxing, which the allocator does not count as calls: store and reload
   the caller-saved registers that hold values (nothing in exits: values are in slots there) */
void x64g_save_regs(Gen *g);
void x64g_restore_regs(Gen *g);
/* A generic operation: the call of its helper (ir_ops.def) */
void x64g_gen_helper_call(Gen *g, IrInstr *i);
/* Control-flow edges with their phi copies */
Loc x64g_loc_of(IrInstr *v);
bool x64g_loc_eq(Loc x, Loc y);
void x64g_move_loc(Gen *g, Loc dst, Loc src);
void x64g_gen_phi_moves(Gen *g, IrBlock *from, IrBlock *to);
/* dst[k] <- src[k] for all k at once (dst and src are reordered) */
void x64g_parallel_move(Gen *g, Loc *dst, Loc *src, int n);
bool x64g_has_phis(IrBlock *b);
bool x64g_edge_moves(IrBlock *from, IrBlock *to); /* the edge has phi copies to do */
void x64g_gen_edge(Gen *g, IrBlock *from, IrBlock *to);
/* Unboxed operations on their registers (x64_ops.c): false when i is not one of them */
bool x64g_gen_direct(Gen *g, IrInstr *i);
/* Sets the flags for the condition c; false when c is not one of the conditions handled */
bool x64g_direct_flags(Gen *g, IrInstr *c, X64Cond *cc);
/* A type test (is_type, is_float, func_code_is, is_cfunc) as jumps to fail when it is false;
   false when c cannot be emitted so */
bool x64g_type_guard(Gen *g, IrInstr *c, X64Label fail);
/* Jumps to fail unless register r holds a heap object whose type is the symbol type_sym
   (clobbers rcx). */
void x64g_check_type(X64Asm *a, X64Reg r, const char *type_sym, X64Label fail);
/* The signed condition code of a TrCmpOp (x64_arith.c). */
X64Cond x64g_int_cond(int op);

#endif
