/*
 * regalloc.h -- target-neutral linear-scan register allocation over the optimized IR. A target
 * describes its allocatable registers (two classes: general and floating point) and says which
 * instructions call out (clobbering the caller-saved registers); the allocator gives each value
 * a register (IrInstr.reg) or leaves it in its stack slot (reg -1). Every value keeps a slot
 * (IrInstr.slot) as its home for exits. Constants are not allocated (reg RA_REMAT): the code
 * generator rematerializes them where they are used.
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
    bool (*is_call)(const IrInstr *i); /* clobbers every caller-saved register */
} RaDesc;

/* Allocates fn (blocks in their final order). Returns the number of slots used (ids). */
int ra_allocate(IrFunc *fn, const RaDesc *d);
bool ra_is_remat(const IrInstr *i);

#endif
