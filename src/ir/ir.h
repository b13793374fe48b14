/*
 * ir.h -- the SSA intermediate representation shared by the AOT compiler and the JIT: a function
 * is a list of basic blocks, each a doubly linked list of instructions; an instruction is also
 * the value it defines. Operations are defined once in ir_ops.def.
 *
 * Exits. An instruction that may raise (IRF_RAISE) or deoptimize (IRF_GUARD) carries a frame
 * state: the bytecode index to resume at and the value of every local and stack slot there. On
 * a failed guard the back-end stores those values into the frame and resumes the interpreter at
 * that instruction; on an error it does the same in "throwing" mode, so the interpreter finds the
 * handler (or adds the traceback entry and returns the error). Compiled code never runs an
 * exception handler itself.
 */
#ifndef TR_IR_H
#define TR_IR_H

#include "bytecode/code.h"
#include "common/arena.h"
#include "common/strbuf.h"

typedef enum {
#define IROP(name, type, nargs, flags, helper, sig) IR_##name,
#include "ir/ir_ops.def"
#undef IROP
    IR__COUNT
} IrOp;

typedef enum { IT_V, IT_T, IT_I, IT_F, IT_B, IT_P } IrType; /* void tagged int64 double bool ptr */

enum {
    IRF_PURE = 1 << 0,
    IRF_RAISE = 1 << 1,
    IRF_GUARD = 1 << 2,
    IRF_TERM = 1 << 3,
    IRF_EFFECT = 1 << 4,
};

typedef struct IrOpInfo {
    const char *name;
    uint8_t type;  /* IrType; phi, copy and select take their operands' type */
    int8_t nargs;  /* -1: variable */
    uint8_t flags;
    const char *helper, *sig; /* see ir_ops.def */
} IrOpInfo;
extern const IrOpInfo ir_op_info[IR__COUNT];

/* What type inference knows about a tagged value (a set of possible Python types). */
enum {
    PT_INT = 1 << 0,   /* int (inline or big) */
    PT_FLOAT = 1 << 1,
    PT_BOOL = 1 << 2,
    PT_NONE = 1 << 3,
    PT_STR = 1 << 4,
    PT_LIST = 1 << 5,
    PT_TUPLE = 1 << 6,
    PT_DICT = 1 << 7,
    PT_FUNC = 1 << 8,
    PT_OTHER = 1 << 9,
    PT_SMALL = 1 << 10, /* with PT_INT: known to be an inline (62-bit) int */
    PT_ANY = (1 << 10) - 1,
};

typedef struct IrBlock IrBlock;
typedef struct IrInstr IrInstr;
typedef struct IrFunc IrFunc;

/* Interpreter state at an exit: resume at bytecode index pc with localsplus slots
   vals[0..nlocals) and value-stack slots vals[nlocals..nlocals+nstack). A NULL local is
   unbound; stack slots are never NULL (a pushed NULL is a const 0). Errors outside try blocks
   only need pc (they add a traceback entry and return): their states hold no values. */
typedef struct IrFrameState {
    int pc;
    bool in_try;       /* pc lies in a try block: an error there needs the whole state */
    int nlocals, nstack;
    IrInstr **vals;
} IrFrameState;

struct IrInstr {
    uint16_t op;       /* IrOp */
    uint8_t type;      /* IrType of the result */
    uint8_t dead;      /* removed from its block (passes may leave it in arrays) */
    int id;            /* value number: printed as vN */
    int nargs;
    IrInstr **args;    /* operands; a phi has one per predecessor, in block->preds order */
    int64_t imm, imm2;
    TrValue cval;      /* const */
    double fval;       /* const_f64 */
    int pc;            /* bytecode index it came from (line numbers, exits) */
    uint32_t ptypes;   /* PT_* facts on a tagged result (0: not computed = anything) */
    IrFrameState *fs;  /* exits of IRF_RAISE / IRF_GUARD instructions */
    IrBlock *block;
    IrInstr *prev, *next;
    void *aux;         /* scratch for a pass (cleared by ir_clear_aux) */
    int reg, slot;     /* scratch for a back-end */
};

struct IrBlock {
    int id;
    IrInstr *first, *last; /* last is the terminator once the block is complete */
    IrBlock **preds;
    int npreds, preds_cap;
    IrBlock *succ[2];
    int nsucc;
    IrFunc *fn;
    int pc;            /* first bytecode index (-1 for blocks a pass added) */
    int loop_depth;
    bool dead;
    void *aux;
};

struct IrFunc {
    CodeObj *co;
    const struct IrEnv *env; /* what is known about the module (program.h); NULL: nothing */
    Arena *arena;
    IrBlock **blocks;  /* blocks[0] is the entry; order is reverse post-order after ir_order */
    int nblocks, blocks_cap;
    int nvalues;       /* next value id */
    int next_block_id;
};

/* --- Construction (ir.c) ------------------------------------------------------------------ */
IrFunc *ir_func_new(Arena *a, CodeObj *co);
IrBlock *ir_block_new(IrFunc *fn, int pc);
/* A new instruction, not yet in a block. args are copied. */
IrInstr *ir_new(IrFunc *fn, IrOp op, int nargs, IrInstr *const *args);
void ir_append(IrBlock *b, IrInstr *i);              /* at the end of b */
void ir_insert_before(IrInstr *at, IrInstr *i);
void ir_remove(IrInstr *i);                           /* unlink; marks it dead */
void ir_add_edge(IrBlock *from, IrBlock *to);        /* appends to from->succ and to->preds */
void ir_remove_pred(IrBlock *b, int index);          /* and the matching phi operands */
/* Replaces every use of old by new in fn (operands and frame states). */
void ir_replace_uses(IrFunc *fn, IrInstr *old, IrInstr *repl);
IrFrameState *ir_fs_new(IrFunc *fn, int pc, int nlocals, int nstack);
void ir_set_arg(IrInstr *i, int k, IrInstr *v);
void ir_phi_add(IrInstr *phi, IrInstr *v);
/* Renumbers blocks in reverse post-order from the entry, dropping unreachable ones. */
void ir_order(IrFunc *fn);
void ir_clear_aux(IrFunc *fn);
bool ir_is_term(const IrInstr *i);
static inline const IrOpInfo *ir_info(const IrInstr *i) { return &ir_op_info[i->op]; }

/* --- Printing (ir_print.c) and checking (ir_verify.c) ------------------------------------- */
void ir_print(StrBuf *out, IrFunc *fn);
void ir_print_instr(StrBuf *out, IrInstr *i);
/* Checks the SSA invariants; returns NULL or a message (arena text) naming the first problem. */
const char *ir_verify(IrFunc *fn);

/* --- Building from bytecode (ir_build.c) -------------------------------------------------- */
/* The IR of co, or NULL when co uses something not supported yet (*why: static text). */
IrFunc *ir_build(Arena *a, CodeObj *co, const char **why);

#endif
