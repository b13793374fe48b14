/*
 * regalloc.h -- target-neutral linear-scan register allocation over the optimized IR. A target
 * describes its allocatable registers (two classes: general and floating point) and says which
 * registers the code of each instruction overwrites (a call: every caller-saved one); the
 * allocator gives each value a register (IrInstr.reg) or leaves it in its stack slot (reg -1).
 * Every value keeps a slot (IrInstr.slot) as its home for exits; values whose live ranges do not
 * overlap share slots. Constants are not allocated (reg RA_REMAT): the code generator
 * rematerializes them where they are used.
 *
 * The code of an instruction must read all its operands before it writes its result: a value
 * whose last use is an operand of i may have the register i's result gets.
 */
#ifndef TR_REGALLOC_H
#define TR_REGALLOC_H

#include "ir/ir.h"

enum { RA_SPILLED = -1, RA_REMAT = -2 };

typedef struct RaClass {
    int n;
    const int8_t *regs;     /* target register numbers, in order of preference */
    const bool *callee_saved;
} RaClass;

typedef struct RaDesc {
    RaClass gpr, fpr;
    /* the registers (bit = target register number) i's code may overwrite besides its result:
       values live across i avoid them; *early: the general registers it may overwrite before
       it has read its operands for the last time (a slow path rereads them): its operands
       avoid those */
    void (*clobbers)(const IrInstr *i, uint32_t *gpr, uint32_t *fpr, uint32_t *early);
} RaDesc;

/* Allocates fn (blocks in their final order). Returns the number of home slots used. When
   across is not NULL, *across gets a malloc'ed array: for the instruction of id k,
   across[2k] / across[2k + 1] are the general / floating-point registers (bit = register
   number) of values live across it (what a call there must keep). */
int ra_allocate(IrFunc *fn, const RaDesc *d, uint32_t **across);
bool ra_is_remat(const IrInstr *i);

#endif
